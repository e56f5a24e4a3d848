import { Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { handlingBodyLabels, planKindLabels } from '../../../shared/inspection';
import { listInspectionPlans } from '../../api';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showNumber } from '../../format';

/** The yearly programmes of inspection and supervision, with progress against them. */
export function InspectionPlansPage() {
  const query = useQuery({ queryKey: ['inspection-plans'], queryFn: ({ signal }) => listInspectionPlans(signal) });
  return (
    <Stack>
      <PageHeader title="Chương trình kiểm tra, giám sát" />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyText>Chưa có chương trình nào.</EmptyText>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Năm</Table.Th>
              <Table.Th>Chương trình</Table.Th>
              <Table.Th>Cơ quan</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
              <Table.Th>Tiến độ</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.year}</Table.Td>
                <Table.Td>
                  {planKindLabels[p.kind]}: {p.title}
                </Table.Td>
                <Table.Td>
                  {handlingBodyLabels[p.handlingBody]} {p.handlingOrgName}
                </Table.Td>
                <Table.Td>{p.approved ? 'Đã ban hành' : 'Dự thảo'}</Table.Td>
                <Table.Td>
                  {showNumber(p.doneCount)}/{showNumber(p.itemCount)} đối tượng đã có kết luận
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
