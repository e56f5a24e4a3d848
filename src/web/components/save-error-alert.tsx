import type { ReactNode } from 'react';
import { Alert } from '@mantine/core';
import { isApiError } from '../api';
import { errorText } from '../error-text';

/**
 * Why the server refused to save, unless it named fields (their messages then stand beside them).
 * `children` replace the generic text, for a refusal the form explains in its own words.
 */
export function SaveErrorAlert({ error, children }: { error: unknown; children?: ReactNode }) {
  if (!error || (isApiError(error) && error.fields.length > 0)) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {children ?? errorText(error)}
    </Alert>
  );
}
