import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, updateProposal } from '../../api';
import { DateField } from '../../components/date-field';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import { AgreeingMeetingSelect } from './agreeing-meeting-select';
import { changedFields } from './changed-fields';
import { EditErrorAlert } from './edit-error-alert';
import { proposalUpdate, type Proposal, type ProposalUpdate } from '../../../shared/targets';

/** The sender corrects what it sent (content, addressee, date, the meeting, notes): only the changed fields go. */
export function ProposalEditForm({ proposal, onDone }: { proposal: Proposal; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<ProposalUpdate>({
    initial: {
      content: proposal.content,
      addressee: proposal.addressee,
      sentOn: proposal.sentOn,
      meetingId: proposal.meetingId === null ? null : String(proposal.meetingId),
      meetingText: proposal.meetingText ?? '',
      notes: proposal.notes ?? '',
    },
    schema: proposalUpdate,
    toInput: (draft) => ({
      ...changedFields(proposal, {
        content: textOf(draft.content),
        addressee: textOf(draft.addressee),
        sentOn: draft.sentOn ?? undefined,
        meetingId: numberOrNull(draft.meetingId),
        meetingText: nullable(draft.meetingText),
        notes: nullable(draft.notes),
      }),
      version: proposal.version,
    }),
  });
  const save = useMutation({
    mutationFn: async (input: ProposalUpdate) => (Object.keys(input).length > 1 ? updateProposal(proposal.id, input) : null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      if (saved) notifications.show({ color: 'green', message: 'Đã lưu kiến nghị.' });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      form.applyServerError(error);
    },
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Sửa kiến nghị">
      <Stack gap="sm">
        <EditErrorAlert error={save.error} otherErrors={form.otherErrors} />
        <Textarea label="Nội dung kiến nghị" required autosize minRows={3} {...form.text('content')} />
        <TextInput label="Nơi nhận" required {...form.text('addressee')} />
        <DateField label="Ngày gửi" required {...form.date('sentOn')} />
        <AgreeingMeetingSelect orgId={proposal.fromOrgId} {...form.choice('meetingId')} />
        <TextInput label="Hội nghị thống nhất kiến nghị" {...form.text('meetingText')} />
        <Textarea label="Ghi chú" autosize {...form.text('notes')} />
        <Button type="submit" loading={save.isPending}>
          Lưu thay đổi
        </Button>
      </Stack>
    </form>
  );
}
