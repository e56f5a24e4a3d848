import { SimpleGrid, TextInput } from '@mantine/core';
import { DateField } from './date-field';
import { textOf } from './use-zod-form';
import type { Draft, ZodForm } from './use-zod-form';

/** Number, date and issuer of the decision (or resolution, letter) a form cites, kept under `<prefix>.`. */
export function DecisionFields({
  form,
  prefix = 'decision',
  numberLabel = 'Số quyết định',
  numberPlaceholder = 'Ví dụ: 12-NQ/CB',
  dateLabel = 'Ngày quyết định',
  required = true,
}: {
  form: ZodForm<unknown>;
  prefix?: string;
  numberLabel?: string;
  /** null: no example under the number. */
  numberPlaceholder?: string | null;
  dateLabel?: string;
  required?: boolean;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
      <TextInput label={numberLabel} required={required} placeholder={numberPlaceholder ?? undefined} {...form.text(`${prefix}.number`)} />
      <DateField label={dateLabel} required={required} {...form.date(`${prefix}.date`)} />
      <TextInput label="Cơ quan ban hành" required={required} {...form.text(`${prefix}.issuer`)} />
    </SimpleGrid>
  );
}

export function decisionDraft(prefix = 'decision', issuer = ''): Draft {
  return { [`${prefix}.number`]: '', [`${prefix}.date`]: null, [`${prefix}.issuer`]: issuer };
}

export function decisionInput(draft: Draft, prefix = 'decision') {
  return { number: textOf(draft[`${prefix}.number`]), date: draft[`${prefix}.date`] ?? undefined, issuer: textOf(draft[`${prefix}.issuer`]) };
}
