import { Paper, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ratingExcuseLabels, ratingGradeLabels, ratingPeriodLabel, type MemberRating } from '../../../shared/ratings';
import { myRatings } from '../../api';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showNumber } from '../../format';
import { SelfAssessmentForm } from './self-assessment-form';

/** "Năm 2025" or "Nhiệm kỳ 2020–2025": the round a rating belongs to. */
const periodOf = (r: Pick<MemberRating, 'roundKind' | 'roundTerm' | 'year'>) => ratingPeriodLabel({ kind: r.roundKind, term: r.roundTerm, year: r.year });
const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Self-service: a member's own ratings, year by year, and the self-assessment of the open round. */
export function MyRatingsPage() {
  const query = useQuery({ queryKey: ['my-ratings'], queryFn: ({ signal }) => myRatings(signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const open = query.data.find((r) => !r.roundClosed && !r.excuse && !r.proposedGrade && !r.decidedGrade);
  return (
    <>
      <PageHeader title="Tự đánh giá, xếp loại" subtitle="Bản tự đánh giá theo thang điểm 100 gửi chi bộ; chi bộ đề xuất, cấp ủy quyết định." />
      <Stack>
        {open ? (
          <Paper withBorder p="md">
            <Text fw={600} mb="sm">
              {upperFirst(periodOf(open))}: bản tự đánh giá của tôi
            </Text>
            <SelfAssessmentForm rating={open} />
          </Paper>
        ) : null}
        <Paper withBorder>
          {query.data.length === 0 ? (
            <Text px="md">
              <EmptyText>Chưa có đợt đánh giá nào.</EmptyText>
            </Text>
          ) : (
            <Table striped aria-label="Kết quả xếp loại của tôi">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Đợt đánh giá</Table.Th>
                  <Table.Th>Tự đánh giá</Table.Th>
                  <Table.Th>Chi bộ đề xuất</Table.Th>
                  <Table.Th>Kết quả xếp loại</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.data.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>{upperFirst(periodOf(r))}</Table.Td>
                    <Table.Td>{r.selfGrade ? `${ratingGradeLabels[r.selfGrade]} (${showNumber(r.selfScore)} điểm)` : '—'}</Table.Td>
                    <Table.Td>{r.proposedGrade ? ratingGradeLabels[r.proposedGrade] : '—'}</Table.Td>
                    <Table.Td>
                      {r.excuse
                        ? `Không đánh giá: ${ratingExcuseLabels[r.excuse]}`
                        : r.decidedGrade
                          ? `${ratingGradeLabels[r.decidedGrade]} (${showDate(r.decidedOn)})`
                          : 'Chưa có kết quả'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
      </Stack>
    </>
  );
}
