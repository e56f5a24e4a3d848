import { Button, Group, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, updateTarget } from '../../api';
import { DateField } from '../../components/date-field';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import { changedFields } from './changed-fields';
import { EditErrorAlert } from './edit-error-alert';
import {
  targetComparisonLabels,
  targetComparisons,
  targetMeasureLabels,
  targetMeasures,
  targetUpdate,
  type Target,
  type TargetUpdate,
} from '../../../shared/targets';

const numberText = (value: number | null) => (value === null ? '' : String(value));

/**
 * Corrects a target: its wording, level and, for a hand-entered one, the figure reached with its day and evidence.
 * Only the changed fields go, with the version read; the binding to a metric is not changed here (close and add anew).
 */
export function TargetEditForm({ target, onDone }: { target: Target; onDone: () => void }) {
  const queryClient = useQueryClient();
  const manual = target.source === 'manual';
  const form = useZodForm<TargetUpdate>({
    initial: {
      title: target.title,
      measure: target.measure,
      comparison: target.comparison,
      value: numberText(target.value),
      adoptedBy: target.adoptedBy ?? '',
      notes: target.notes ?? '',
      manualValue: numberText(target.manualValue),
      manualAsOf: target.manualAsOf ?? null,
      evidence: target.evidence ?? '',
    },
    schema: targetUpdate,
    toInput: (draft) => ({
      ...changedFields(target, {
        title: textOf(draft.title),
        measure: draft.measure ?? undefined,
        comparison: draft.comparison ?? undefined,
        value: numberOrNull(draft.value) ?? undefined,
        adoptedBy: nullable(draft.adoptedBy),
        notes: nullable(draft.notes),
        ...(manual ? { manualValue: numberOrNull(draft.manualValue), manualAsOf: draft.manualAsOf ?? null, evidence: nullable(draft.evidence) } : {}),
      }),
      version: target.version,
    }),
  });
  const save = useMutation({
    mutationFn: async (input: TargetUpdate) => (Object.keys(input).length > 1 ? updateTarget(target.id, input) : null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['targets'] });
      if (saved) notifications.show({ color: 'green', message: 'Đã lưu chỉ tiêu.' });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['targets'] });
      form.applyServerError(error);
    },
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Sửa chỉ tiêu">
      <Stack gap="sm">
        <EditErrorAlert error={save.error} otherErrors={form.otherErrors} />
        <Textarea label="Nội dung chỉ tiêu" required autosize minRows={2} {...form.text('title')} />
        <Group grow>
          <Select
            label="Cách đo"
            required
            allowDeselect={false}
            data={targetMeasures.map((m) => ({ value: m, label: targetMeasureLabels[m] }))}
            {...form.choice('measure')}
          />
          <Select
            label="So sánh"
            required
            allowDeselect={false}
            data={targetComparisons.map((c) => ({ value: c, label: targetComparisonLabels[c] }))}
            {...form.choice('comparison')}
          />
          <NumberInput
            label="Mức chỉ tiêu"
            required
            min={0}
            thousandSeparator="."
            decimalSeparator=","
            value={textOf(form.draft.value)}
            onChange={(value) => form.set('value', String(value))}
            error={form.errors.value}
          />
        </Group>
        {manual ? (
          <>
            <Group grow>
              <NumberInput
                label="Kết quả đạt được"
                min={0}
                thousandSeparator="."
                decimalSeparator=","
                value={textOf(form.draft.manualValue)}
                onChange={(value) => form.set('manualValue', String(value))}
                error={form.errors.manualValue}
              />
              <DateField label="Số liệu tại ngày" {...form.date('manualAsOf')} />
            </Group>
            <Textarea label="Minh chứng" autosize minRows={2} {...form.text('evidence')} />
          </>
        ) : null}
        <TextInput label="Hội nghị, nghị quyết thông qua" {...form.text('adoptedBy')} />
        <Textarea label="Ghi chú" autosize {...form.text('notes')} />
        <Button type="submit" loading={save.isPending}>
          Lưu thay đổi
        </Button>
      </Stack>
    </form>
  );
}
