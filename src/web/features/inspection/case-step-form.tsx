import { Button, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseStepInput, caseStepKindLabels, caseStepKinds } from '../../../shared/inspection';
import type { CaseDetail, CaseStepInput, CaseStepKind } from '../../../shared/inspection';
import { recordInspectionStep } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { nullable, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';

function toInput(version: number) {
  return (draft: Draft) => {
    const conclusion = draft.kind === 'conclusion';
    return {
      version,
      kind: draft.kind ?? undefined,
      occurredOn: draft.occurredOn ?? undefined,
      decision: decisionInput(draft),
      note: nullable(draft.note),
      ...(conclusion
        ? {
            findings: nullable(draft.findings),
            conclusion: nullable(draft.conclusion),
            violation: draft.violation === 'yes' ? true : draft.violation === 'no' ? false : null,
            recommendations: textOf(draft.recommendations)
              .split('\n')
              .map((line) => line.trim())
              .filter((line) => line !== '')
              .map((line) => ({ text: line })),
          }
        : {}),
    };
  };
}

/** The next dated step of a case (the one due by the procedure is proposed), citing its document. */
export function CaseStepForm({ c }: { c: CaseDetail }) {
  const queryClient = useQueryClient();
  const initial: Draft = {
    kind: c.nextStep ?? (c.state === 'closed' ? 'follow_up' : null),
    occurredOn: null,
    ...decisionDraft(),
    note: '',
    findings: '',
    conclusion: '',
    violation: null,
    recommendations: '',
  };
  const form = useZodForm<CaseStepInput>({ initial, schema: caseStepInput, toInput: toInput(c.version) });
  const save = useMutation({
    mutationFn: (input: CaseStepInput) => recordInspectionStep(c.id, input),
    onSuccess: (after) => {
      queryClient.setQueryData(['inspection-case', c.id], after);
      void queryClient.invalidateQueries({ queryKey: ['inspection-cases'] });
      void queryClient.invalidateQueries({ queryKey: ['metric'] });
      notifications.show({
        color: 'green',
        message: `Đã ghi bước: ${caseStepKindLabels[after.steps.at(-1)?.kind ?? 'decision']}.`,
        closeButtonProps: { 'aria-label': 'Đóng thông báo' },
      });
      form.reset({ ...initial, kind: after.nextStep ?? (after.state === 'closed' ? 'follow_up' : null) });
    },
    onError: (error) => form.applyServerError(error),
  });
  const kind = form.draft.kind as CaseStepKind | null;
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Ghi bước tiếp theo">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Bước"
            required
            data={caseStepKinds.filter((k) => k !== 'decision').map((k) => ({ value: k, label: caseStepKindLabels[k] }))}
            {...form.choice('kind')}
          />
          <DateField label="Ngày thực hiện" required {...form.date('occurredOn')} />
        </SimpleGrid>
        <DecisionFields form={form as ZodForm<unknown>} numberLabel="Số văn bản" dateLabel="Ngày văn bản" numberPlaceholder="Ví dụ: 05-BB/UBKT" />
        {kind === 'conclusion' ? (
          <>
            <Textarea label="Kết quả thẩm tra, xác minh" autosize minRows={2} {...form.text('findings')} />
            <Textarea label="Kết luận" required autosize minRows={2} {...form.text('conclusion')} />
            <Select
              label="Đối tượng có vi phạm?"
              required
              data={[
                { value: 'yes', label: 'Có vi phạm (khuyết điểm)' },
                { value: 'no', label: 'Không vi phạm' },
              ]}
              {...form.choice('violation')}
            />
            <Textarea label="Kiến nghị" description="Mỗi dòng một kiến nghị" autosize minRows={2} {...form.text('recommendations')} />
          </>
        ) : null}
        <Textarea label="Ghi chú" autosize minRows={1} {...form.text('note')} />
        {form.otherErrors.map((message) => (
          <Text key={message} c="red" size="sm">
            {message}
          </Text>
        ))}
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Ghi bước
        </Button>
      </Stack>
    </form>
  );
}
