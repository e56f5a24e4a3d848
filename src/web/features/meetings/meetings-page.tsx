import { Anchor, Badge, Button, Group, Paper, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { meetingKindLabels, meetingKinds, meetingStatusLabels, meetingStatuses } from '../../../shared/meetings';
import type { MeetingKind, MeetingStatus } from '../../../shared/meetings';
import { listMeetings, meetingsExportUrl } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { pickParam, useUrlFilters } from '../../components/use-url-filters';
import { showDate, showNumber } from '../../format';
import { useCan } from '../auth/session';

const PAGE_SIZE = 50;
const statusColors: Record<MeetingStatus, string> = { planned: 'blue', held: 'green', cancelled: 'gray' };

/** Meetings of the cells and committees in the scope, newest first, with their attendance. */
export function MeetingsPage() {
  const { params, page, update } = useUrlFilters();
  const { org } = useCurrentOrg();
  const canPlan = useCan('meetings.write');
  const kind = pickParam<MeetingKind>(params.get('kind'), meetingKinds);
  const status = pickParam<MeetingStatus>(params.get('status'), meetingStatuses);
  const query = useQuery({
    queryKey: ['meetings', org?.id ?? null, kind, status, page],
    queryFn: ({ signal }) => listMeetings({ orgId: org?.id, kind, status, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title="Sinh hoạt chi bộ"
        subtitle={`Lịch và biên bản sinh hoạt của các chi bộ, cấp ủy ${org ? `thuộc ${org.name}` : 'trong phạm vi quản lý'}.`}
        actions={
          <>
            {canPlan ? (
              <Button component={Link} to="/sinh-hoat/moi">
                Lên lịch họp
              </Button>
            ) : null}
            <Button component={Link} to="/sinh-hoat/tinh-hinh" variant="default">
              Tình hình sinh hoạt
            </Button>
            <Button component="a" href={meetingsExportUrl({ orgId: org?.id, kind, status })} variant="default" download>
              Xuất Excel
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Loại cuộc họp"
            clearable
            placeholder="Tất cả"
            data={meetingKinds.map((k) => ({ value: k, label: meetingKindLabels[k] }))}
            value={kind ?? null}
            onChange={(value) => update({ kind: value })}
          />
          <Select
            label="Trạng thái"
            clearable
            placeholder="Tất cả"
            data={meetingStatuses.map((s) => ({ value: s, label: meetingStatusLabels[s] }))}
            value={status ?? null}
            onChange={(value) => update({ status: value })}
          />
        </SimpleGrid>
      </Paper>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data ? (
        <Paper withBorder>
          {query.data.items.length === 0 ? (
            <Text px="md">
              <EmptyText>Chưa có cuộc họp nào phù hợp.</EmptyText>
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Ngày họp</Table.Th>
                    <Table.Th>Tổ chức đảng</Table.Th>
                    <Table.Th>Loại</Table.Th>
                    <Table.Th>Trạng thái</Table.Th>
                    <Table.Th>Có mặt / phải dự</Table.Th>
                    <Table.Th>Điểm</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/sinh-hoat/${m.id}`}>
                          {showDate(m.meetingOn)}
                        </Anchor>
                        {m.startTime ? (
                          <Text size="xs" c="dimmed">
                            {m.startTime}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{m.orgName}</Table.Td>
                      <Table.Td>
                        {meetingKindLabels[m.kind]}
                        {m.topic ? (
                          <Text size="xs" c="dimmed">
                            {m.topic}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Badge color={statusColors[m.status]} variant="light">
                          {meetingStatusLabels[m.status]}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{m.status === 'held' ? `${showNumber(m.counts.present)} / ${showNumber(m.counts.expected)}` : '—'}</Table.Td>
                      <Table.Td>{m.qualityScore ?? '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group px="md" pb="sm">
            <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(next) => update({ page: String(next) })} unit="cuộc họp" />
          </Group>
        </Paper>
      ) : null}
    </>
  );
}
