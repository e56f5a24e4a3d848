import { useState } from 'react';
import { Button, Group, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeetingDetail } from '../../../shared/meetings';
import { getQualitySheet, recordMeetingHeld } from '../../api';
import { DateField } from '../../components/date-field';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { fieldError } from './meeting-plan-page';

type Mark = 'present' | 'excused' | 'absent';
const marks = [
  { value: 'present', label: 'Có mặt' },
  { value: 'excused', label: 'Vắng có lý do' },
  { value: 'absent', label: 'Vắng không lý do' },
];

/** Recording a planned meeting as held: the date, each expected member's attendance, guests, conclusions, the score. */
export function AttendanceForm({ meeting }: { meeting: MeetingDetail }) {
  const queryClient = useQueryClient();
  const expected = meeting.attendance.filter((a) => a.status !== 'away');
  const away = meeting.attendance.filter((a) => a.status === 'away');
  const [meetingOn, setMeetingOn] = useState<string | null>(meeting.meetingOn);
  const [status, setStatus] = useState<Record<number, Mark>>(() => Object.fromEntries(expected.map((a) => [a.memberId, 'present' as Mark])));
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [guests, setGuests] = useState('');
  const [conclusions, setConclusions] = useState('');
  const [scores, setScores] = useState<Record<string, number | ''>>({});
  const sheet = useQuery({ queryKey: ['quality-sheet', meetingOn], queryFn: ({ signal }) => getQualitySheet(meetingOn ?? meeting.meetingOn, signal) });
  const save = useMutation({
    mutationFn: () =>
      recordMeetingHeld(meeting.id, {
        version: meeting.version,
        meetingOn: meetingOn ?? undefined,
        attendance: expected.map((a) => ({ memberId: a.memberId, status: status[a.memberId] ?? 'present', reason: reasons[a.memberId] || undefined })),
        guests: guests
          .split(/\n/)
          .map((g) => g.trim())
          .filter(Boolean),
        conclusions,
        qualityScores: Object.fromEntries(Object.entries(scores).filter((e): e is [string, number] => typeof e[1] === 'number')),
      }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(['meeting', meeting.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['meetings'] });
      await queryClient.invalidateQueries({ queryKey: ['meeting-compliance'] });
    },
  });
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Stack>
        <Title order={3}>Ghi nhận đã họp và điểm danh</Title>
        <DateField label="Ngày họp" required value={meetingOn} onChange={setMeetingOn} error={fieldError(save.error, 'meetingOn')} maw={220} />
        <Table.ScrollContainer minWidth={560}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đảng viên</Table.Th>
                <Table.Th>Điểm danh</Table.Th>
                <Table.Th>Lý do vắng</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {expected.map((a, index) => (
                <Table.Tr key={a.memberId}>
                  <Table.Td>{a.fullName}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={`Điểm danh ${a.fullName}`}
                      data={marks}
                      value={status[a.memberId] ?? 'present'}
                      onChange={(value) => setStatus((s) => ({ ...s, [a.memberId]: value as Mark }))}
                    />
                  </Table.Td>
                  <Table.Td>
                    {status[a.memberId] === 'excused' ? (
                      <TextInput
                        size="xs"
                        aria-label={`Lý do vắng của ${a.fullName}`}
                        value={reasons[a.memberId] ?? ''}
                        onChange={(e) => {
                          const value = e.currentTarget.value;
                          setReasons((r) => ({ ...r, [a.memberId]: value }));
                        }}
                        error={fieldError(save.error, `attendance.${index}.reason`)}
                      />
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {away.length > 0 ? (
          <Text size="sm" c="dimmed">
            Đang chuyển sinh hoạt tạm thời (không tính vắng mặt): {away.map((a) => a.fullName).join(', ')}
          </Text>
        ) : null}
        <Textarea label="Khách mời (mỗi người một dòng)" autosize minRows={2} value={guests} onChange={(e) => setGuests(e.currentTarget.value)} />
        <Textarea label="Kết luận" autosize minRows={3} value={conclusions} onChange={(e) => setConclusions(e.currentTarget.value)} />
        {sheet.data ? (
          <Stack gap="xs">
            <Text fw={600}>Tự chấm điểm chất lượng {sheet.data.unconfirmed ? '(phiếu chấm mẫu, chưa đối chiếu văn bản)' : ''}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {sheet.data.criteria.map((c) => (
                <NumberInput
                  key={c.key}
                  label={`${c.label} (tối đa ${c.maxPoints})`}
                  min={0}
                  max={c.maxPoints}
                  value={scores[c.key] ?? ''}
                  onChange={(value) => setScores((s) => ({ ...s, [c.key]: typeof value === 'number' ? value : '' }))}
                  error={fieldError(save.error, `qualityScores.${c.key}`)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        ) : null}
        <SaveErrorAlert error={save.error}>{fieldError(save.error, 'attendance') ?? undefined}</SaveErrorAlert>
        {fieldError(save.error, 'attendance') ? (
          <Text c="red" size="sm" role="alert">
            {fieldError(save.error, 'attendance')}
          </Text>
        ) : null}
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            Ghi nhận đã họp
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
