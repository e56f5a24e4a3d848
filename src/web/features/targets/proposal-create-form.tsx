import { Button, Checkbox, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { todayIso } from '../../../shared/dates';
import { createProposal, getOrg } from '../../api';
import { DateField } from '../../components/date-field';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { nullable, numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import { AgreeingMeetingSelect } from './agreeing-meeting-select';
import { proposalCreate, type ProposalCreate } from '../../../shared/targets';

/** A proposal the organisation sends upward: to its upper committee in the system, or to an addressee named in words. */
export function ProposalCreateForm({ orgId, onDone }: { orgId: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const org = useQuery({ queryKey: ['org', orgId], queryFn: ({ signal }) => getOrg(orgId, signal) });
  const form = useZodForm<ProposalCreate>({
    initial: { content: '', sentOn: todayIso(), addressee: '', meetingId: null, meetingText: '', toParent: true },
    schema: proposalCreate,
    toInput: (draft) => ({
      fromOrgId: orgId,
      toOrgId: draft.toParent ? (org.data?.parentId ?? null) : null,
      content: textOf(draft.content),
      sentOn: draft.sentOn ?? undefined,
      addressee: textOf(draft.addressee),
      meetingId: numberOrNull(draft.meetingId),
      meetingText: nullable(draft.meetingText),
      notes: null,
    }),
  });
  const save = useMutation({
    mutationFn: (input: ProposalCreate) => createProposal(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['proposals'] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Ghi kiến nghị lên cấp trên">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <Textarea label="Nội dung kiến nghị" required autosize minRows={3} {...form.text('content')} />
        <TextInput label="Nơi nhận" required placeholder="Ví dụ: Ban Thường vụ Tỉnh ủy" {...form.text('addressee')} />
        {org.data?.parentId ? (
          <Checkbox label="Gửi tổ chức đảng cấp trên trực tiếp (cấp trên thấy kiến nghị trong phần nhận từ cấp dưới)" {...form.checked('toParent')} />
        ) : null}
        <DateField label="Ngày gửi" required {...form.date('sentOn')} />
        <AgreeingMeetingSelect orgId={orgId} {...form.choice('meetingId')} />
        <TextInput label="Hội nghị thống nhất kiến nghị" {...form.text('meetingText')} />
        <Button type="submit" loading={save.isPending}>
          Ghi kiến nghị
        </Button>
      </Stack>
    </form>
  );
}
