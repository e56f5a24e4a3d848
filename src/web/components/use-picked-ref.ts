import { useState } from 'react';
import type { NamedRef } from './search-select';
import type { ZodForm } from './use-zod-form';

/**
 * A record chosen in a picker (organisation, member): the picker shows its name, the form keeps its id
 * as text under `field`. Spread the result into the picker: `<OrgSelect label="…" {...org} />`.
 */
export function usePickedRef(form: Pick<ZodForm<unknown>, 'set' | 'errors'>, field: string, initial: NamedRef | null = null) {
  const [value, setValue] = useState<NamedRef | null>(initial);
  const onChange = (next: NamedRef | null) => {
    setValue(next);
    form.set(field, next ? String(next.id) : '');
  };
  return { value, onChange, error: form.errors[field] };
}
