import { Badge, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { listDuesArrears } from '../../api';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';

const monthText = (m: string) => `${m.slice(5)}/${m.slice(0, 4)}`;

/** Members with unpaid months this year; those past the rulebook's count without a reason are for the cell's consideration. */
export function DuesArrearsList({ orgId, year }: { orgId: number; year: number }) {
  const list = useQuery({ queryKey: ['dues-arrears', orgId, year], queryFn: ({ signal }) => listDuesArrears(orgId, year, signal) });
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  if (list.data.items.length === 0) return <EmptyText>Không có đảng viên nào chưa đóng đảng phí.</EmptyText>;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        Chưa đóng {list.data.threshold} tháng trong năm không có lý do: chi bộ xem xét ({list.data.source}).
      </Text>
      <Table aria-label="Danh sách chưa đóng đảng phí">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Họ và tên</Table.Th>
            <Table.Th>Chi bộ</Table.Th>
            <Table.Th>Tháng chưa đóng</Table.Th>
            <Table.Th>Không có lý do</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data.items.map((i) => (
            <Table.Tr key={i.memberId}>
              <Table.Td>{i.fullName}</Table.Td>
              <Table.Td>{i.orgName}</Table.Td>
              <Table.Td>{i.unpaidMonths.map(monthText).join(', ')}</Table.Td>
              <Table.Td>{i.withoutReason.length}</Table.Td>
              <Table.Td>{i.forConsideration ? <Badge color="red">Chi bộ xem xét</Badge> : null}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
