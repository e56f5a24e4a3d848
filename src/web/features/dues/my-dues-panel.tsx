import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { duesMonthStatusLabels } from '../../../shared/dues';
import { getMemberDues } from '../../api';
import { ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showNumber } from '../../format';

/** A member's own dues for the year (self-service): each month, what was due and paid, and the month paid up to. */
export function MyDuesPanel({ memberId }: { memberId: number }) {
  /** The server's current year (Vietnam time) when none is asked for. */
  const dues = useQuery({ queryKey: ['member-dues', memberId], queryFn: ({ signal }) => getMemberDues(memberId, undefined, signal) });
  if (dues.isPending) return <PageLoader />;
  if (dues.isError) return <ErrorState error={dues.error} onRetry={() => dues.refetch()} />;
  const through = dues.data.paidThrough;
  const year = dues.data.year;
  return (
    <>
      <Text mb="sm">Đã đóng đảng phí đến tháng: {through ? `${through.slice(5)}/${through.slice(0, 4)}` : 'chưa có số liệu'}</Text>
      <Table aria-label={`Đảng phí năm ${year}`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tháng</Table.Th>
            <Table.Th ta="right">Phải đóng (đ)</Table.Th>
            <Table.Th ta="right">Đã đóng (đ)</Table.Th>
            <Table.Th>Ngày đóng</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dues.data.months.map((m) => (
            <Table.Tr key={m.month}>
              <Table.Td>{`${m.month.slice(5)}/${m.month.slice(0, 4)}`}</Table.Td>
              <Table.Td ta="right">{showNumber(m.dueAmount)}</Table.Td>
              <Table.Td ta="right">{showNumber(m.paidAmount)}</Table.Td>
              <Table.Td>{showDate(m.paidOn)}</Table.Td>
              <Table.Td>{duesMonthStatusLabels[m.status]}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
