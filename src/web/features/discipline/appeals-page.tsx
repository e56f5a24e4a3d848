import { Anchor, Paper, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { appealOutcomeLabels } from '../../../shared/discipline';
import { listAppeals } from '../../api';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { showDate } from '../../format';

/** Appeals against discipline in the scope, with their due day and outcome. */
export function AppealsPage() {
  const appeals = useQuery({ queryKey: ['appeals'], queryFn: ({ signal }) => listAppeals(signal) });
  return (
    <>
      <PageHeader title="Khiếu nại kỷ luật" />
      {appeals.isPending ? <PageLoader /> : null}
      {appeals.isError ? <ErrorState error={appeals.error} onRetry={() => appeals.refetch()} /> : null}
      {appeals.data && appeals.data.length === 0 ? <EmptyText>Chưa có khiếu nại kỷ luật nào.</EmptyText> : null}
      {appeals.data && appeals.data.length > 0 ? (
        <Paper withBorder>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ngày nhận</Table.Th>
                <Table.Th>Người khiếu nại</Table.Th>
                <Table.Th>Đối tượng kỷ luật</Table.Th>
                <Table.Th>Hạn giải quyết</Table.Th>
                <Table.Th>Kết quả</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {appeals.data.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{showDate(a.receivedOn)}</Table.Td>
                  <Table.Td>{a.appellant}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/ky-luat/${a.sanctionId}`}>
                      {a.subjectName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{showDate(a.dueOn)}</Table.Td>
                  <Table.Td>{a.outcome ? appealOutcomeLabels[a.outcome] : 'Đang giải quyết'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      ) : null}
    </>
  );
}
