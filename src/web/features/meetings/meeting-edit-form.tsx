import { Button, MultiSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { meetingUpdateInput, type MeetingDetail, type MeetingUpdateInput } from '../../../shared/meetings';
import { getMeeting, isApiError, listMembers, listPartyDocuments, updateMeeting } from '../../api';
import { DateField } from '../../components/date-field';
import { SearchSelect } from '../../components/search-select';
import { usePickedRef } from '../../components/use-picked-ref';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { memberOptions } from '../members/member-labels';
import { changedFields } from '../targets/changed-fields';
import { EditErrorAlert } from '../targets/edit-error-alert';

const idList = (text: string) =>
  text
    .split(',')
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b);

/**
 * Changes a planned meeting: date and time, place, chair and minute-taker, agenda, topic, documents to discuss.
 * Only the changed fields go, with the version read; a stale edit says so and the page reloads the meeting.
 */
export function MeetingEditForm({ meeting, onDone }: { meeting: MeetingDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<MeetingUpdateInput>({
    initial: {
      meetingOn: meeting.meetingOn,
      startTime: meeting.startTime,
      place: meeting.place,
      chairMemberId: meeting.chairMemberId === null ? '' : String(meeting.chairMemberId),
      minuteTakerMemberId: meeting.minuteTakerMemberId === null ? '' : String(meeting.minuteTakerMemberId),
      agenda: meeting.agenda,
      topic: meeting.topic,
      documentIds: meeting.documentIds.join(','),
    },
    schema: meetingUpdateInput,
    toInput: (draft) => ({
      ...changedFields(
        { ...meeting, documentIds: [...meeting.documentIds].sort((a, b) => a - b) },
        {
          meetingOn: draft.meetingOn ?? undefined,
          startTime: textOf(draft.startTime),
          place: textOf(draft.place),
          chairMemberId: numberOrNull(draft.chairMemberId),
          minuteTakerMemberId: numberOrNull(draft.minuteTakerMemberId),
          agenda: textOf(draft.agenda),
          ...(meeting.kind === 'thematic' ? { topic: textOf(draft.topic) } : {}),
          documentIds: idList(textOf(draft.documentIds)),
        },
      ),
      version: meeting.version,
    }),
  });
  const chair = usePickedRef(
    form as ZodForm<unknown>,
    'chairMemberId',
    meeting.chairMemberId === null ? null : { id: meeting.chairMemberId, name: meeting.chairName ?? '' },
  );
  const minuteTaker = usePickedRef(
    form as ZodForm<unknown>,
    'minuteTakerMemberId',
    meeting.minuteTakerMemberId === null ? null : { id: meeting.minuteTakerMemberId, name: meeting.minuteTakerName ?? '' },
  );
  const documents = useQuery({
    queryKey: ['party-documents', 'pick', meeting.orgId],
    queryFn: ({ signal }) => listPartyDocuments({ orgId: meeting.orgId, page: 1, pageSize: 200 }, signal),
  });
  const documentOptions = new Map<string, string>(meeting.documents.map((d) => [String(d.id), `${d.code} — ${d.title}`]));
  for (const d of documents.data?.items ?? []) documentOptions.set(String(d.id), `${d.code} — ${d.title}`);
  const save = useMutation({
    mutationFn: async (input: MeetingUpdateInput) => (Object.keys(input).length > 1 ? updateMeeting(meeting.id, input) : null),
    onSuccess: async (saved) => {
      if (saved) {
        queryClient.setQueryData(['meeting', meeting.id], saved);
        notifications.show({ color: 'green', message: 'Đã lưu thay đổi lịch họp.' });
      }
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      onDone();
    },
    onError: async (error) => {
      form.applyServerError(error);
      if (isApiError(error, 'CONFLICT')) {
        const latest = await getMeeting(meeting.id).catch(() => null);
        if (latest) queryClient.setQueryData(['meeting', meeting.id], latest);
      }
    },
  });
  const searchMembers = (q: string, signal: AbortSignal) => listMembers({ orgId: meeting.orgId, q, page: 1, pageSize: 20 }, signal);
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Sửa lịch họp">
      <Stack gap="sm">
        <EditErrorAlert error={save.error} otherErrors={form.otherErrors} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateField label="Ngày họp" required {...form.date('meetingOn')} />
          <TextInput label="Giờ họp" placeholder="14:00" {...form.text('startTime')} />
          <SearchSelect
            label="Chủ trì"
            placeholder="Gõ họ tên đảng viên"
            queryKey={['members', 'meeting-chair', meeting.orgId]}
            search={searchMembers}
            toOptions={memberOptions}
            {...chair}
          />
          <SearchSelect
            label="Thư ký"
            placeholder="Gõ họ tên đảng viên"
            queryKey={['members', 'meeting-minutes', meeting.orgId]}
            search={searchMembers}
            toOptions={memberOptions}
            {...minuteTaker}
          />
        </SimpleGrid>
        <TextInput label="Địa điểm" {...form.text('place')} />
        {meeting.kind === 'thematic' ? <TextInput label="Chuyên đề" {...form.text('topic')} /> : null}
        <Textarea label="Nội dung họp" autosize minRows={3} {...form.text('agenda')} />
        <MultiSelect
          label="Văn bản thảo luận"
          searchable
          clearable
          data={[...documentOptions].map(([value, label]) => ({ value, label }))}
          value={textOf(form.draft.documentIds).split(',').filter(Boolean)}
          onChange={(values) => form.set('documentIds', values.join(','))}
          error={form.errors.documentIds}
        />
        <Button type="submit" loading={save.isPending}>
          Lưu thay đổi
        </Button>
      </Stack>
    </form>
  );
}
