import { Anchor, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { handlingBodyLabels, planKindLabels } from '../../../shared/inspection';
import { listInspectionPlans } from '../../api';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showNumber } from '../../format';
import { ModalButton } from '../../components/modal-button';
import { useCan } from '../auth/session';
import { PlanCreateForm } from './plan-forms';

/** The yearly programmes of inspection and supervision, with progress against them. */
export function InspectionPlansPage() {
  const canWrite = useCan('inspection.write');
  const query = useQuery({ queryKey: ['inspection-plans'], queryFn: ({ signal }) => listInspectionPlans(signal) });
  return (
    <Stack>
      <PageHeader
        title="Chương trình kiểm tra, giám sát"
        actions={
          canWrite ? (
            <ModalButton label="Tạo chương trình" title="Chương trình kiểm tra, giám sát mới">
              {(close) => <PlanCreateForm onDone={close} />}
            </ModalButton>
          ) : null
        }
      />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyText>Chưa có chương trình nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
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
                    <Anchor component={Link} to={`/kiem-tra/chuong-trinh/${p.id}`}>
                      {planKindLabels[p.kind]}: {p.title}
                    </Anchor>
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
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
