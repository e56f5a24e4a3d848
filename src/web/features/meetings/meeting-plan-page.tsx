import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { meetingKindLabels, meetingKinds } from '../../../shared/meetings';
import type { MeetingKind } from '../../../shared/meetings';
import { isApiError, planMeeting } from '../../api';
import { useCurrentOrg, type OrgRef } from '../../components/current-org';
import { DateField } from '../../components/date-field';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { SaveErrorAlert } from '../../components/save-error-alert';

/** The server's message for a field, when it named one. */
export function fieldError(error: unknown, field: string): string | undefined {
  return isApiError(error) ? error.fields.find((f) => f.field === field || f.field.startsWith(`${field}.`))?.message : undefined;
}

/** Planning a meeting: organisation, kind, date and time, place, agenda, the topic of a thematic meeting. */
export function MeetingPlanPage() {
  const { org: current } = useCurrentOrg();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [org, setOrg] = useState<OrgRef | null>(current ?? null);
  const [kind, setKind] = useState<MeetingKind>('regular');
  const [meetingOn, setMeetingOn] = useState<string | null>(null);
  const [startTime, setStartTime] = useState('');
  const [place, setPlace] = useState('');
  const [agenda, setAgenda] = useState('');
  const [topic, setTopic] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () => planMeeting({ orgId: org!.id, kind, meetingOn: meetingOn!, startTime, place, agenda, topic }),
    onSuccess: async (meeting) => {
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      navigate(`/sinh-hoat/${meeting.id}`);
    },
  });
  const submit = () => {
    const problems: Record<string, string> = {};
    if (!org) problems.orgId = 'Hãy chọn chi bộ hoặc đảng bộ tổ chức cuộc họp';
    if (!meetingOn) problems.meetingOn = 'Hãy nhập ngày họp (dd/mm/yyyy)';
    setMissing(problems);
    if (Object.keys(problems).length === 0) save.mutate();
  };
  return (
    <>
      <PageHeader title="Lên lịch họp" subtitle="Sinh hoạt thường kỳ mỗi tháng một lần; sinh hoạt chuyên đề ít nhất mỗi quý một lần." />
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <OrgSelect
              label="Tổ chức đảng"
              required
              value={org}
              onChange={setOrg}
              kinds={['cell', 'grassroots_cell', 'grassroots_committee', 'section']}
              error={missing.orgId ?? fieldError(save.error, 'orgId')}
            />
            <Select
              label="Loại cuộc họp"
              required
              allowDeselect={false}
              data={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))}
              value={kind}
              onChange={(value) => value && setKind(value as MeetingKind)}
              error={fieldError(save.error, 'kind')}
            />
            <DateField label="Ngày họp" required value={meetingOn} onChange={setMeetingOn} error={missing.meetingOn ?? fieldError(save.error, 'meetingOn')} />
            <TextInput
              label="Giờ họp"
              placeholder="14:00"
              value={startTime}
              onChange={(e) => setStartTime(e.currentTarget.value)}
              error={fieldError(save.error, 'startTime')}
            />
          </SimpleGrid>
          <TextInput label="Địa điểm" value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
          {kind === 'thematic' ? <TextInput label="Chuyên đề" value={topic} onChange={(e) => setTopic(e.currentTarget.value)} /> : null}
          <Textarea label="Nội dung họp" autosize minRows={3} value={agenda} onChange={(e) => setAgenda(e.currentTarget.value)} />
          <SaveErrorAlert error={save.error} />
          <Group>
            <Button onClick={submit} loading={save.isPending}>
              Lưu lịch họp
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
