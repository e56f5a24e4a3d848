import { Button, Group, MultiSelect, NumberInput, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createTarget, getMetric, listMetrics } from '../../api';
import { DateField } from '../../components/date-field';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import {
  targetComparisonLabels,
  targetComparisons,
  targetCreate,
  targetMeasureLabels,
  targetMeasures,
  targetSourceLabels,
  targetSources,
  type TargetCreate,
} from '../../../shared/targets';

/** A new target of the year: bound to a metric of the catalogue (with the parts it counts) or entered by hand. */
export function TargetCreateForm({ orgId, year, onDone }: { orgId: number; year: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<TargetCreate>({
    initial: {
      title: '',
      source: 'metric',
      metricName: null,
      partKeys: '',
      measure: 'count',
      comparison: 'gte',
      value: '',
      adoptedBy: '',
      manualValue: '',
      manualAsOf: null,
      evidence: '',
    },
    schema: targetCreate,
    toInput: (draft) => {
      const bound = draft.source === 'metric';
      const parts = textOf(draft.partKeys).split(',').filter(Boolean);
      return {
        orgId,
        year,
        title: textOf(draft.title),
        source: draft.source ?? undefined,
        metricName: bound ? (draft.metricName ?? null) : null,
        partKeys: bound && parts.length > 0 ? parts : null,
        measure: draft.measure ?? undefined,
        comparison: draft.comparison ?? undefined,
        value: numberOrNull(draft.value) ?? undefined,
        adoptedBy: nullable(draft.adoptedBy),
        manualValue: bound ? null : numberOrNull(draft.manualValue),
        manualAsOf: bound ? null : (draft.manualAsOf ?? null),
        evidence: bound ? null : nullable(draft.evidence),
      };
    },
  });
  const metrics = useQuery({ queryKey: ['metrics'], queryFn: ({ signal }) => listMetrics(signal), staleTime: Infinity });
  const metricName = typeof form.draft.metricName === 'string' ? form.draft.metricName : null;
  const parts = useQuery({
    queryKey: ['metric', metricName, { orgId }],
    queryFn: ({ signal }) => getMetric(metricName!, { orgId }, signal),
    enabled: metricName !== null,
  });
  const save = useMutation({
    mutationFn: (input: TargetCreate) => createTarget(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['targets'] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const bound = form.draft.source === 'metric';
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Thêm chỉ tiêu">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <Textarea label="Nội dung chỉ tiêu" required autosize minRows={2} {...form.text('title')} />
        <Select
          label="Nguồn số liệu"
          required
          allowDeselect={false}
          data={targetSources.map((s) => ({ value: s, label: targetSourceLabels[s] }))}
          {...form.choice('source')}
        />
        {bound ? (
          <>
            <Select
              label="Chỉ số"
              required
              searchable
              data={(metrics.data ?? []).map((m) => ({ value: m.name, label: m.label }))}
              {...form.choice('metricName')}
            />
            <MultiSelect
              label="Phần của chỉ số được tính"
              description="Để trống để tính cả chỉ số"
              data={(parts.data?.parts ?? []).map((p) => ({ value: p.key, label: p.label }))}
              value={textOf(form.draft.partKeys).split(',').filter(Boolean)}
              onChange={(values) => form.set('partKeys', values.join(','))}
              error={form.errors.partKeys}
            />
          </>
        ) : null}
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
        {bound ? null : (
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
        )}
        <TextInput label="Hội nghị, nghị quyết thông qua" {...form.text('adoptedBy')} />
        <Button type="submit" loading={save.isPending}>
          Ghi chỉ tiêu
        </Button>
      </Stack>
    </form>
  );
}
