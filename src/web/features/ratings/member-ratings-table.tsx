import { Badge, Group, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ratingExcuseLabels, ratingGradeLabels, ratingStageLabels, type MemberRating, type RatingRound } from '../../../shared/ratings';
import { listMemberRatings } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import { ModalButton } from '../../components/modal-button';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showNumber } from '../../format';
import { useCan } from '../auth/session';
import { DecisionForm } from './decision-form';
import { ExcuseForm } from './excuse-form';
import { ProposalForm } from './proposal-form';

const grade = (g: MemberRating['selfGrade']) => (g ? ratingGradeLabels[g] : '—');
const score = (s: number | null) => (s === null ? '' : ` (${showNumber(s)} điểm)`);

/** The round's members in the chosen organisation: each one's sheet, the cell's proposal and the committee's decision. */
export function MemberRatingsTable({ round }: { round: RatingRound }) {
  const { org } = useCurrentOrg();
  const canStep = useCan('ratings.step') && round.closedOn === null;
  const query = useQuery({ queryKey: ['member-ratings', round.id, org?.id ?? null], queryFn: ({ signal }) => listMemberRatings(round.id, org?.id, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  if (query.data.length === 0)
    return (
      <Text>
        <EmptyText>Không có đảng viên nào trong phạm vi này.</EmptyText>
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped aria-label="Đánh giá, xếp loại đảng viên">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Họ và tên</Table.Th>
            <Table.Th>Chi bộ</Table.Th>
            <Table.Th>Tự đánh giá</Table.Th>
            <Table.Th>Chi bộ đề xuất</Table.Th>
            <Table.Th>Cấp ủy quyết định</Table.Th>
            <Table.Th>Việc</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {query.data.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.fullName}</Table.Td>
              <Table.Td>{m.orgName}</Table.Td>
              <Table.Td>
                {grade(m.selfGrade)}
                {score(m.selfScore)}
              </Table.Td>
              <Table.Td>
                {grade(m.proposedGrade)}
                {score(m.proposedScore)}
              </Table.Td>
              <Table.Td>
                {m.excuse ? (
                  <Badge color="gray" variant="light">
                    {ratingExcuseLabels[m.excuse]}
                  </Badge>
                ) : m.decidedGrade ? (
                  ratingGradeLabels[m.decidedGrade]
                ) : (
                  <Text size="sm" c="dimmed">
                    {ratingStageLabels[m.stage]}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {canStep && !m.excuse && !m.decidedGrade ? (
                  <Group gap={4} wrap="nowrap">
                    <ModalButton label="Đề xuất" title={`Chi bộ đề xuất xếp loại: ${m.fullName}`} variant="light" size="lg">
                      {(close) => <ProposalForm rating={m} onDone={close} />}
                    </ModalButton>
                    {m.proposedGrade ? (
                      <ModalButton label="Quyết định" title={`Quyết định xếp loại: ${m.fullName}`} variant="light" size="lg">
                        {(close) => <DecisionForm rating={m} onDone={close} />}
                      </ModalButton>
                    ) : null}
                    <ModalButton label="Không đánh giá" title={`Không đánh giá: ${m.fullName}`} variant="subtle">
                      {(close) => <ExcuseForm rating={m} onDone={close} />}
                    </ModalButton>
                  </Group>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
