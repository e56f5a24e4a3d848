import { Anchor, Paper, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ratingPeriodLabel } from '../../../shared/ratings';
import { listRatingRounds } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import { ModalButton } from '../../components/modal-button';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showNumber } from '../../format';
import { useCan } from '../auth/session';
import { RoundOpenForm } from './round-open-form';

/** Review rounds covering the scope: the year's round (or a term's) for an organisation and its subtree. */
export function RatingRoundsPage() {
  const { org } = useCurrentOrg();
  const canOpen = useCan('ratings.step');
  const query = useQuery({ queryKey: ['rating-rounds', org?.id ?? null], queryFn: ({ signal }) => listRatingRounds(org?.id, signal) });
  return (
    <>
      <PageHeader
        title="Đánh giá, xếp loại chất lượng"
        subtitle="Mỗi năm một đợt (và theo nhiệm kỳ khi quy định yêu cầu) cho tổ chức đảng và các tổ chức trực thuộc (Quy định 366-QĐ/TW, Hướng dẫn 43-HD/BTCTW)."
        actions={
          canOpen ? (
            <ModalButton label="Mở đợt đánh giá" title="Mở đợt đánh giá, xếp loại" size="lg">
              {(close) => <RoundOpenForm onDone={close} />}
            </ModalButton>
          ) : null
        }
      />
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data ? (
        <Paper withBorder>
          {query.data.length === 0 ? (
            <Text px="md">
              <EmptyText>Chưa có đợt đánh giá nào.</EmptyText>
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Năm</Table.Th>
                    <Table.Th>Tổ chức đảng</Table.Th>
                    <Table.Th>Hạn hoàn thành</Table.Th>
                    <Table.Th>Đảng viên đã xếp loại</Table.Th>
                    <Table.Th>Tổ chức đã xếp loại</Table.Th>
                    <Table.Th>Tình trạng</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/danh-gia-xep-loai/${r.id}`}>
                          {ratingPeriodLabel(r).replace(/^./, (c) => c.toUpperCase())}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.orgName}</Table.Td>
                      <Table.Td>{showDate(r.dueOn)}</Table.Td>
                      <Table.Td>
                        {showNumber(r.decided)} / {showNumber(r.members - r.excused)}
                      </Table.Td>
                      <Table.Td>
                        {showNumber(r.orgsDecided)} / {showNumber(r.orgs)}
                      </Table.Td>
                      <Table.Td>{r.closedOn ? `Kết thúc ${showDate(r.closedOn)}` : 'Đang đánh giá'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      ) : null}
    </>
  );
}
