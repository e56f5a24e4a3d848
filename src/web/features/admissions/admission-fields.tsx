import { Alert, NumberInput, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { isApiError, listMembers } from '../../api';
import type { MemberPage } from '../../../shared/member';
import { SearchSelect } from '../../components/search-select';
import type { SearchSelectProps } from '../../components/search-select';
import { memberOptions } from '../members/member-labels';
import { textOf } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { errorText } from '../../error-text';

/** A green confirmation whose close button screen readers can name. */
export function notifyDone(message: string): void {
  notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
}

/** The server's refusal when it is not already shown beside the fields; rules name their source. */
export function StepAlert({ error, form }: { error: unknown; form: ZodForm<unknown> }) {
  const local = Object.keys(form.errors).length > 0 && !error;
  if (!error && !local) return null;
  if (isApiError(error) && error.fields.length > 0 && form.otherErrors.length === 0) return null;
  const title = isApiError(error, 'RULE_VIOLATION') ? 'Không đúng quy định' : 'Chưa ghi được';
  // A conflict's field ('version') says little: its message tells the user to reload.
  const conflict = isApiError(error, 'CONFLICT');
  return (
    <Alert color="red" variant="light" role="alert" title={title}>
      {form.otherErrors.length > 0 && !conflict
        ? form.otherErrors.map((message) => (
            <Text size="sm" key={message}>
              {message}
            </Text>
          ))
        : error
          ? errorText(error)
          : `Vui lòng sửa ${Object.keys(form.errors).length} trường được đánh dấu đỏ.`}
    </Alert>
  );
}

/** A count typed into a number box; '' stays empty (the schema says what is missing). */
export function CountField({
  form,
  field,
  label,
  description,
  required = true,
}: {
  form: ZodForm<unknown>;
  field: string;
  label: string;
  description?: string;
  required?: boolean;
}) {
  const value = textOf(form.draft[field]);
  return (
    <NumberInput
      label={label}
      description={description}
      required={required}
      min={0}
      allowDecimal={false}
      allowNegative={false}
      value={value === '' ? '' : Number(value)}
      onChange={(next) => form.set(field, next === '' ? '' : String(next))}
      error={form.errors[field]}
    />
  );
}

export function countInput(value: string | boolean | null | undefined): number | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return Number(value);
}

function searchFullMembers(q: string, signal: AbortSignal): Promise<MemberPage> {
  return listMembers({ q, status: 'full', page: 1, pageSize: 20 }, signal);
}

/** Chooses a full member of the user's scope by name (an introducer). */
export function MemberSelect(props: SearchSelectProps) {
  return (
    <SearchSelect placeholder="Gõ họ tên đảng viên chính thức" {...props} queryKey={['members', 'pick']} search={searchFullMembers} toOptions={memberOptions} />
  );
}
