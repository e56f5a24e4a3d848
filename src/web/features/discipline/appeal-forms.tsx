import { Button, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { appealDecisionInput, appealInput, appealOutcomeLabels, appealOutcomes, sanctionFormLabels, sanctionForms } from '../../../shared/discipline';
import type { AppealDecisionInput, AppealInput } from '../../../shared/discipline';
import { decideAppeal, receiveAppeal, type AppealItem } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';

function useRefresh(sanctionId: number) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['sanction', sanctionId] });
    void queryClient.invalidateQueries({ queryKey: ['appeals'] });
    void queryClient.invalidateQueries({ queryKey: ['metric'] });
  };
}

/** An appeal received against the decision; its filing period and decision due day come from the rulebook. */
export function AppealReceiveForm({ sanctionId }: { sanctionId: number }) {
  const refresh = useRefresh(sanctionId);
  const form = useZodForm<AppealInput>({
    initial: { receivedOn: null, appellant: '', content: '', handlingBody: '' },
    schema: appealInput,
    toInput: (d) => ({
      receivedOn: d.receivedOn ?? undefined,
      appellant: textOf(d.appellant),
      content: textOf(d.content),
      handlingBody: textOf(d.handlingBody),
    }),
  });
  const save = useMutation({
    mutationFn: (input: AppealInput) => receiveAppeal(sanctionId, input),
    onSuccess: refresh,
    onError: (e) => form.applyServerError(e),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField label="Ngày nhận khiếu nại" required {...form.date('receivedOn')} />
          <TextInput label="Người (tổ chức) khiếu nại" required {...form.text('appellant')} />
          <TextInput label="Cơ quan giải quyết" required {...form.text('handlingBody')} />
        </SimpleGrid>
        <Textarea label="Nội dung khiếu nại" required autosize minRows={2} {...form.text('content')} />
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content" variant="light">
          Ghi nhận khiếu nại
        </Button>
      </Stack>
    </form>
  );
}

/** The appeal's outcome: upheld, changed (to another form) or annulled; effects are undone by dated events. */
export function AppealDecideForm({ appeal }: { appeal: AppealItem }) {
  const refresh = useRefresh(appeal.sanctionId);
  const form = useZodForm<AppealDecisionInput>({
    initial: { outcome: null, newForm: null, reason: '', ...decisionDraft() },
    schema: appealDecisionInput,
    toInput: (d) => ({
      outcome: d.outcome ?? undefined,
      newForm: d.outcome === 'changed' ? (d.newForm ?? null) : null,
      decision: decisionInput(d),
      reason: textOf(d.reason),
      version: appeal.version,
    }),
  });
  const save = useMutation({
    mutationFn: (input: AppealDecisionInput) => decideAppeal(appeal.id, input),
    onSuccess: refresh,
    onError: (e) => form.applyServerError(e),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Kết quả giải quyết"
            required
            data={appealOutcomes.map((o) => ({ value: o, label: appealOutcomeLabels[o] }))}
            {...form.choice('outcome')}
          />
          {form.draft.outcome === 'changed' ? (
            <Select label="Hình thức mới" required data={sanctionForms.map((f) => ({ value: f, label: sanctionFormLabels[f] }))} {...form.choice('newForm')} />
          ) : null}
        </SimpleGrid>
        <DecisionFields form={form as ZodForm<unknown>} />
        <Textarea label="Lý do" required autosize minRows={2} {...form.text('reason')} />
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content" variant="light">
          Ghi kết quả giải quyết
        </Button>
      </Stack>
    </form>
  );
}
