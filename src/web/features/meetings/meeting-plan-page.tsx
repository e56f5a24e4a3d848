import { useState } from 'react';
import { Button, Group, MultiSelect, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import type { z } from 'zod';
import { meetingKindLabels, meetingKinds, meetingPlanInput } from '../../../shared/meetings';
import { isApiError, listMembers, listPartyDocuments, planMeeting } from '../../api';
import { useCurrentOrg, type OrgRef } from '../../components/current-org';
import { DateField } from '../../components/date-field';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { SearchSelect } from '../../components/search-select';
import { usePickedRef } from '../../components/use-picked-ref';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { memberOptions } from '../members/member-labels';

/** The server's message for a field, when it named one. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message : undefined;
}

type MeetingPlan = z.infer<typeof meetingPlanInput>;

/**
 * Planning a meeting: organisation, kind, date and time, place, chair and minute-taker (members of the organisation),
 * agenda, the topic of a thematic meeting, the documents to discuss (from the library).
 */
export function MeetingPlanPage() {
  const { org: current } = useCurrentOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm<MeetingPlan>({
    initial: {
      orgId: current ? String(current.id) : null,
      kind: 'regular',
      meetingOn: null,
      startTime: '',
      place: '',
      chairMemberId: '',
      minuteTakerMemberId: '',
      agenda: '',
      topic: '',
      documentIds: '',
    },
    schema: meetingPlanInput,
    toInput: (draft) => ({
      orgId: numberOrNull(draft.orgId) ?? undefined,
      kind: draft.kind ?? undefined,
      meetingOn: draft.meetingOn ?? undefined,
      startTime: textOf(draft.startTime),
      place: textOf(draft.place),
      chairMemberId: numberOrNull(draft.chairMemberId),
      minuteTakerMemberId: numberOrNull(draft.minuteTakerMemberId),
      agenda: textOf(draft.agenda),
      topic: draft.kind === 'thematic' ? textOf(draft.topic) : '',
      documentIds: textOf(draft.documentIds).split(',').filter(Boolean).map(Number),
    }),
  });
  const [org, setOrg] = useState<OrgRef | null>(current ?? null);
  const chair = usePickedRef(form as ZodForm<unknown>, 'chairMemberId');
  const minuteTaker = usePickedRef(form as ZodForm<unknown>, 'minuteTakerMemberId');
  const orgId = numberOrNull(form.draft.orgId);
  const documents = useQuery({
    queryKey: ['party-documents', 'pick', orgId],
    queryFn: ({ signal }) => listPartyDocuments({ orgId: orgId ?? undefined, page: 1, pageSize: 200 }, signal),
  });
  const save = useMutation({
    mutationFn: (input: MeetingPlan) => planMeeting(input),
    onSuccess: async (meeting) => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      navigate(`/sinh-hoat/${meeting.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  const searchMembers = (q: string, signal: AbortSignal) => listMembers({ orgId: orgId ?? undefined, q, page: 1, pageSize: 20 }, signal);
  return (
    <>
      <PageHeader title="Lên lịch họp" subtitle="Sinh hoạt thường kỳ mỗi tháng một lần; sinh hoạt chuyên đề ít nhất mỗi quý một lần." />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Lên lịch họp">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <OrgSelect
                label="Tổ chức đảng"
                required
                value={org}
                onChange={(next) => {
                  setOrg(next);
                  form.set('orgId', next ? String(next.id) : null);
                }}
                kinds={['cell', 'grassroots_cell', 'grassroots_committee', 'section']}
                error={form.errors.orgId}
              />
              <Select
                label="Loại cuộc họp"
                required
                allowDeselect={false}
                data={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))}
                {...form.choice('kind')}
              />
              <DateField label="Ngày họp" required {...form.date('meetingOn')} />
              <TextInput label="Giờ họp" placeholder="14:00" {...form.text('startTime')} />
              <SearchSelect
                label="Chủ trì"
                placeholder="Gõ họ tên đảng viên"
                queryKey={['members', 'meeting-chair', orgId]}
                search={searchMembers}
                toOptions={memberOptions}
                {...chair}
              />
              <SearchSelect
                label="Thư ký"
                placeholder="Gõ họ tên đảng viên"
                queryKey={['members', 'meeting-minutes', orgId]}
                search={searchMembers}
                toOptions={memberOptions}
                {...minuteTaker}
              />
            </SimpleGrid>
            <TextInput label="Địa điểm" {...form.text('place')} />
            {form.draft.kind === 'thematic' ? <TextInput label="Chuyên đề" {...form.text('topic')} /> : null}
            <Textarea label="Nội dung họp" autosize minRows={3} {...form.text('agenda')} />
            <MultiSelect
              label="Văn bản thảo luận"
              searchable
              clearable
              data={(documents.data?.items ?? []).map((d) => ({ value: String(d.id), label: `${d.code} — ${d.title}` }))}
              value={textOf(form.draft.documentIds).split(',').filter(Boolean)}
              onChange={(values) => form.set('documentIds', values.join(','))}
              error={form.errors.documentIds}
            />
            <SaveErrorAlert error={save.error} />
            <SaveErrorAlert error={form.otherErrors.length > 0 || null}>{form.otherErrors.join(' ')}</SaveErrorAlert>
            <Group>
              <Button type="submit" loading={save.isPending}>
                Lưu lịch họp
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
