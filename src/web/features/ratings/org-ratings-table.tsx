import { Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { orgTitleLabels, ratingGradeLabels, type OrgRating, type RatingRound } from '../../../shared/ratings';
import { orgKindLabels, type OrgKind } from '../../../shared/org';
import { listOrgRatings } from '../../api';
import { ModalButton } from '../../components/modal-button';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showNumber } from '../../format';
import { useCan } from '../auth/session';
import { OrgDecisionForm } from './org-decision-form';

const grade = (g: OrgRating['selfGrade'], s: number | null) => (g ? `${ratingGradeLabels[g]}${s === null ? '' : ` (${showNumber(s)} điểm)`}` : '—');

/** The round's organisations: self-assessment, the upper committee's grade and title. */
export function OrgRatingsTable({ round }: { round: RatingRound }) {
  const canStep = useCan('ratings.step') && round.closedOn === null;
  const query = useQuery({ queryKey: ['org-ratings', round.id], queryFn: ({ signal }) => listOrgRatings(round.id, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0)
    return (
      <Text>
        <EmptyText>Không có tổ chức đảng nào trong phạm vi này.</EmptyText>
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped aria-label="Đánh giá, xếp loại tổ chức đảng">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tổ chức đảng</Table.Th>
            <Table.Th>Tự đánh giá</Table.Th>
            <Table.Th>Cấp trên quyết định</Table.Th>
            <Table.Th>Danh hiệu</Table.Th>
            <Table.Th>Việc</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Td>
                {o.orgName}
                <Text size="xs" c="dimmed">
                  {orgKindLabels[o.orgKind as OrgKind] ?? o.orgKind}
                </Text>
              </Table.Td>
              <Table.Td>{grade(o.selfGrade, o.selfScore)}</Table.Td>
              <Table.Td>{grade(o.decidedGrade, o.decidedScore)}</Table.Td>
              <Table.Td>{o.title ? orgTitleLabels[o.title] : '—'}</Table.Td>
              <Table.Td>
                {canStep && !o.decidedGrade ? (
                  <ModalButton label="Quyết định" title={`Xếp loại ${o.orgName}`} variant="light" size="lg">
                    {(close) => <OrgDecisionForm rating={o} onDone={close} />}
                  </ModalButton>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
