import { useState } from 'react';
import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { attendanceStatusLabels, meetingKindLabels } from '../../../shared/meetings';
import type { MyMeeting } from '../../../shared/meetings';
import { createCalendarFeed, getMyMeetings, revokeCalendarFeed } from '../../api';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate } from '../../format';

function MeetingTable({ rows, withAttendance }: { rows: MyMeeting[]; withAttendance: boolean }) {
  if (rows.length === 0) return <EmptyText>Không có cuộc họp nào.</EmptyText>;
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table striped>
        <Table.Tbody>
          {rows.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                {showDate(m.meetingOn)} {m.startTime}
              </Table.Td>
              <Table.Td>
                {meetingKindLabels[m.kind]}
                {m.topic ? `: ${m.topic}` : ''}
              </Table.Td>
              <Table.Td>{withAttendance ? (m.attendance ? attendanceStatusLabels[m.attendance] : '—') : m.place}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** A member's own meetings: upcoming, attended, and the secret calendar address they can make or revoke. */
export function MyMeetingsPanel() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: ['my-meetings'], queryFn: ({ signal }) => getMyMeetings(signal) });
  const [url, setUrl] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: createCalendarFeed,
    onSuccess: async (r) => (setUrl(r.url), queryClient.invalidateQueries({ queryKey: ['my-meetings'] })),
  });
  const revoke = useMutation({
    mutationFn: revokeCalendarFeed,
    onSuccess: async () => (setUrl(null), queryClient.invalidateQueries({ queryKey: ['my-meetings'] })),
  });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const d = query.data;
  return (
    <Stack>
      <Title order={3}>Lịch họp sắp tới</Title>
      <MeetingTable rows={d.upcoming} withAttendance={false} />
      <Title order={3}>Các buổi sinh hoạt đã dự</Title>
      {d.absentWithoutLeaveThisYear > 0 ? (
        <Alert color="orange" variant="light">
          Năm nay bạn vắng không lý do {d.absentWithoutLeaveThisYear} lần.
        </Alert>
      ) : null}
      <MeetingTable rows={d.history} withAttendance />
      <Title order={3}>Lịch họp trên điện thoại</Title>
      <Text size="sm">Thêm địa chỉ bí mật này vào ứng dụng lịch để thấy lịch họp của chi bộ. Thu hồi khi lộ địa chỉ.</Text>
      {url ? (
        <Text ff="monospace" style={{ wordBreak: 'break-all' }}>
          {url}
        </Text>
      ) : null}
      <Group>
        <Button variant="default" onClick={() => create.mutate()} loading={create.isPending}>
          {d.calendarFeed.active ? 'Tạo địa chỉ mới' : 'Tạo địa chỉ lịch'}
        </Button>
        {d.calendarFeed.active ? (
          <Button variant="subtle" color="red" onClick={() => revoke.mutate()} loading={revoke.isPending}>
            Thu hồi địa chỉ lịch
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
