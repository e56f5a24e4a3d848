import { Button, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { allowedSanctionForms, sanctionDecisionInput, sanctionFormLabels, sanctionWithdrawalInput } from '../../../shared/discipline';
import type { SanctionDecisionInput, SanctionWithdrawalInput } from '../../../shared/discipline';
import { decideSanction, withdrawSanction, type SanctionDetailView } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { OrgSelect } from '../../components/org-select';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { usePickedRef } from '../../components/use-picked-ref';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';

/** The decision on a proposal: the form (those the subject may receive), the deciding body, the dates. */
export function SanctionDecideForm({ sanction }: { sanction: SanctionDetailView }) {
  const queryClient = useQueryClient();
  const initial: Draft = { form: sanction.proposedForm, decidingOrgId: '', effectiveOn: null, membersTo: '', ...decisionDraft() };
  const toInput = (draft: Draft) => ({
    form: draft.form ?? undefined,
    decidingOrgId: numberOrNull(draft.decidingOrgId) ?? undefined,
    decision: decisionInput(draft),
    effectiveOn: draft.effectiveOn ?? undefined,
    membersTo: numberOrNull(draft.membersTo),
    version: sanction.version,
  });
  const form = useZodForm<SanctionDecisionInput>({ initial, schema: sanctionDecisionInput, toInput });
  const deciding = usePickedRef(form, 'decidingOrgId');
  const membersTo = usePickedRef(form, 'membersTo');
  const save = useMutation({
    mutationFn: (input: SanctionDecisionInput) => decideSanction(sanction.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sanctions'] });
      void queryClient.invalidateQueries({ queryKey: ['sanction', sanction.id] });
      void queryClient.invalidateQueries({ queryKey: ['metric'] });
      notifications.show({ color: 'green', message: 'Đã ghi quyết định kỷ luật.', closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Quyết định kỷ luật">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Hình thức kỷ luật"
            required
            data={allowedSanctionForms[sanction.subjectKind].map((f) => ({ value: f, label: sanctionFormLabels[f] }))}
            {...form.choice('form')}
          />
          <OrgSelect label="Cơ quan quyết định (tổ chức đảng)" required value={deciding.value} onChange={deciding.onChange} error={deciding.error} />
        </SimpleGrid>
        <DecisionFields form={form as ZodForm<unknown>} numberPlaceholder="Ví dụ: 12-QĐ/ĐU" />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label="Ngày có hiệu lực" required {...form.date('effectiveOn')} />
          {form.draft.form === 'dissolution' ? (
            <OrgSelect label="Nơi chuyển đảng viên đến" value={membersTo.value} onChange={membersTo.onChange} error={membersTo.error} />
          ) : null}
        </SimpleGrid>
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Ghi quyết định kỷ luật
        </Button>
      </Stack>
    </form>
  );
}

/** The proposal dropped (no discipline): dated, with the reason; the draft is kept. */
export function SanctionWithdrawForm({ sanction }: { sanction: SanctionDetailView }) {
  const queryClient = useQueryClient();
  const form = useZodForm<SanctionWithdrawalInput>({
    initial: { withdrawnOn: null, reason: '' },
    schema: sanctionWithdrawalInput,
    toInput: (d) => ({ withdrawnOn: d.withdrawnOn ?? undefined, reason: textOf(d.reason), version: sanction.version }),
  });
  const save = useMutation({
    mutationFn: (input: SanctionWithdrawalInput) => withdrawSanction(sanction.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['sanctions'] });
      void queryClient.invalidateQueries({ queryKey: ['sanction', sanction.id] });
      notifications.show({ color: 'green', message: 'Đã ghi không thi hành kỷ luật.', closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Không thi hành kỷ luật">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField label="Ngày dừng" required {...form.date('withdrawnOn')} />
          <TextInput label="Lý do không thi hành kỷ luật" required {...form.text('reason')} />
        </SimpleGrid>
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content" variant="default">
          Ghi không thi hành kỷ luật
        </Button>
      </Stack>
    </form>
  );
}
