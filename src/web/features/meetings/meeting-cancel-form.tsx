import { Button, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { meetingCancelInput, type MeetingCancelInput, type MeetingDetail } from '../../../shared/meetings';
import { cancelMeeting } from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { submitValid, textOf, useZodForm } from '../../components/use-zod-form';

/** Cancelling a planned meeting, with its reason (kept on the record; the meeting is never deleted). */
export function MeetingCancelForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<MeetingCancelInput>({
    initial: { reason: '' },
    schema: meetingCancelInput,
    toInput: (draft) => ({ version: meeting.version, reason: textOf(draft.reason) }),
  });
  const save = useMutation({
    mutationFn: (input: MeetingCancelInput) => cancelMeeting(meeting.id, input),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['meeting', meeting.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Hủy cuộc họp">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <Textarea label="Lý do hủy" required autosize minRows={2} {...form.text('reason')} />
        <Button type="submit" color="red" loading={save.isPending}>
          Hủy cuộc họp
        </Button>
      </Stack>
    </form>
  );
}
