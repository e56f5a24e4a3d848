import { Button, Select, Stack, Switch, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { todayIso } from '../../../shared/dates';
import { answerProposal, isApiError } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { submitValid, textOf, useZodForm, type ZodForm } from '../../components/use-zod-form';
import { EditErrorAlert } from './edit-error-alert';
import { proposalAnswer, proposalStatusLabels, type Proposal, type ProposalAnswer } from '../../../shared/targets';

const answerStatuses = ['answered', 'accepted', 'declined', 'in_progress'] as const;

/** The form starts from the answer already recorded (a later stage or a correction), or from a blank one. */
function answerDraft(proposal: Proposal) {
  const document = proposal.answerDocument;
  return {
    status: proposal.status === 'sent' ? 'answered' : proposal.status,
    answeredOn: proposal.answeredOn ?? todayIso(),
    answerText: proposal.answerText ?? '',
    withDocument: document !== null,
    ...decisionDraft('answerDocument', document?.issuer ?? ''),
    ...(document ? { 'answerDocument.number': document.number, 'answerDocument.date': document.date } : {}),
  };
}

/**
 * The upper level's answer (recorded by the receiving side, or by the sender when the addressee is outside the
 * deployment): its status, date, document and what it says; the version read goes with it.
 */
export function ProposalAnswerForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<ProposalAnswer>({
    initial: answerDraft(proposal),
    schema: proposalAnswer,
    toInput: (draft) => ({
      status: draft.status ?? undefined,
      answeredOn: draft.answeredOn ?? undefined,
      answerDocument: draft.withDocument ? decisionInput(draft, 'answerDocument') : null,
      answerText: textOf(draft.answerText),
      version: proposal.version,
    }),
  });
  const save = useMutation({
    mutationFn: (input: ProposalAnswer) => answerProposal(proposal.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      form.applyServerError(error);
    },
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Ghi trả lời kiến nghị">
      <Stack gap="sm">
        <EditErrorAlert error={save.error} otherErrors={form.otherErrors} />
        <Select
          label="Tình trạng"
          required
          allowDeselect={false}
          data={answerStatuses.map((s) => ({ value: s, label: proposalStatusLabels[s] }))}
          {...form.choice('status')}
        />
        <DateField label="Ngày trả lời" required {...form.date('answeredOn')} />
        <Textarea label="Nội dung trả lời" required autosize minRows={2} {...form.text('answerText')} />
        <Switch label="Có văn bản trả lời" {...form.checked('withDocument')} />
        {form.draft.withDocument ? (
          <DecisionFields form={form as ZodForm<unknown>} prefix="answerDocument" numberLabel="Số văn bản" dateLabel="Ngày văn bản" />
        ) : null}
        <Button type="submit" loading={save.isPending}>
          {proposal.answeredOn ? 'Lưu trả lời' : 'Ghi trả lời'}
        </Button>
      </Stack>
    </form>
  );
}
