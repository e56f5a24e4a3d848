import { Anchor, Stack, Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { denunciationKindLabels, denunciationStageLabels } from '../../../shared/inspection';
import { listDenunciations } from '../../api';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate } from '../../format';
import { ModalButton } from '../../components/modal-button';
import { useCan } from '../auth/session';
import { DenunciationCreateForm } from './denunciation-forms';

/** The register of denunciations and complaints: confidential; who denounced is never listed here. */
export function DenunciationsPage() {
  const canWrite = useCan('inspection.write');
  const query = useQuery({ queryKey: ['denunciations'], queryFn: ({ signal }) => listDenunciations(signal) });
  return (
    <Stack>
      <PageHeader
        title="Sổ đơn tố cáo, khiếu nại"
        subtitle="Tài liệu mật: mỗi lần xem đều được ghi nhật ký."
        actions={
          canWrite ? (
            <ModalButton label="Vào sổ đơn" title="Đơn tố cáo, khiếu nại mới" size="lg">
              {(close) => <DenunciationCreateForm onDone={close} />}
            </ModalButton>
          ) : null
        }
      />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyText>Chưa có đơn nào.</EmptyText>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ngày nhận</Table.Th>
                <Table.Th>Loại đơn</Table.Th>
                <Table.Th>Đối tượng</Table.Th>
                <Table.Th>Người gửi</Table.Th>
                <Table.Th>Giai đoạn</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>{showDate(d.receivedOn)}</Table.Td>
                  <Table.Td>{denunciationKindLabels[d.kind]}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={`/kiem-tra/don-thu/${d.id}`}>
                      {d.aboutName}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{d.anonymous ? 'Nặc danh' : 'Có danh tính (chỉ người xử lý xem)'}</Table.Td>
                  <Table.Td>{denunciationStageLabels[d.stage]}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
