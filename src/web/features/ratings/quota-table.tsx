import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ratingQuotaUse } from '../../api';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showNumber } from '../../format';

/** Excellent members against the quota in each grassroots organisation (decided grades). */
export function QuotaTable({ roundId }: { roundId: number }) {
  const query = useQuery({ queryKey: ['rating-quota', roundId], queryFn: ({ signal }) => ratingQuotaUse(roundId, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0)
    return (
      <Text>
        <EmptyText>Chưa có quyết định xếp loại nào.</EmptyText>
      </Text>
    );
  return (
    <>
      <Text size="sm" mb="sm">
        Số đảng viên hoàn thành xuất sắc nhiệm vụ không vượt quá {showNumber(query.data[0].quotaPercent)}% số đảng viên hoàn thành tốt nhiệm vụ trở lên ở mỗi tổ
        chức cơ sở đảng ({query.data[0].source}; chưa được xác nhận từ văn bản).
      </Text>
      <Table striped aria-label="Tỷ lệ hoàn thành xuất sắc nhiệm vụ">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tổ chức cơ sở đảng</Table.Th>
            <Table.Th>Từ hoàn thành tốt trở lên</Table.Th>
            <Table.Th>Hoàn thành xuất sắc</Table.Th>
            <Table.Th>Tối đa</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((q) => (
            <Table.Tr key={q.grassrootsOrgId}>
              <Table.Td>{q.grassrootsOrgName}</Table.Td>
              <Table.Td>{showNumber(q.goodOrAbove)}</Table.Td>
              <Table.Td>{showNumber(q.excellent)}</Table.Td>
              <Table.Td>{showNumber(q.allowed)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
