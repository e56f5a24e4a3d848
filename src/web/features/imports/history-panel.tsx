import { Anchor, Badge, Paper, Stack, Table, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { importStatusLabels } from '../../../shared/imports';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDateTime, showNumber } from '../../format';
import { listImportJobs } from '../../api';
import { statusColors } from './import-status';

export function HistoryPanel({ current }: { current: number | null }) {
  const list = useQuery({ queryKey: ['imports', 'list'], queryFn: ({ signal }) => listImportJobs(signal) });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Các lần nhập gần đây
        </Title>
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.items.length === 0 ? <EmptyText>Chưa có lần nhập nào.</EmptyText> : null}
        {list.data && list.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Các lần nhập gần đây">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tệp</Table.Th>
                  <Table.Th>Người nhập</Table.Th>
                  <Table.Th>Lúc</Table.Th>
                  <Table.Th>Tình trạng</Table.Th>
                  <Table.Th ta="right">Đảng viên thêm / sửa</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <Table.Tr key={item.id} aria-current={item.id === current ? 'true' : undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={`?lan=${item.id}`}>
                        {item.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.actorName}</Table.Td>
                    <Table.Td>{showDateTime(item.createdAt)}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColors[item.status]} variant="light">
                        {importStatusLabels[item.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">
                      {item.counts ? `${showNumber(item.counts.members.created)} / ${showNumber(item.counts.members.updated)}` : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}
