import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { meetingKindLabels } from '../../../shared/meetings';
import { listMeetings } from '../../api';
import { showDate } from '../../format';

/**
 * The recorded meeting that agreed a proposal: the sending organisation's held meetings, newest first (the server
 * refuses another organisation's meeting, one not held, or one after the day sent).
 */
export function AgreeingMeetingSelect({
  orgId,
  value,
  onChange,
  error,
}: {
  orgId: number;
  value: string | null;
  onChange: (value: string | null) => void;
  error: string | undefined;
}) {
  const held = useQuery({
    queryKey: ['meetings', 'held', orgId],
    queryFn: ({ signal }) => listMeetings({ orgId, status: 'held', page: 1, pageSize: 200 }, signal),
  });
  const options = (held.data?.items ?? [])
    .filter((m) => m.orgId === orgId)
    .sort((a, b) => b.meetingOn.localeCompare(a.meetingOn))
    .map((m) => ({ value: String(m.id), label: `${meetingKindLabels[m.kind]} ngày ${showDate(m.meetingOn)}` }));
  return (
    <Select
      label="Cuộc họp đã ghi nhận thống nhất kiến nghị"
      placeholder={held.isPending ? 'Đang tải…' : options.length === 0 ? 'Chưa có cuộc họp đã ghi nhận' : 'Chọn cuộc họp'}
      data={options}
      value={value}
      onChange={onChange}
      error={error}
      clearable
      searchable
    />
  );
}
