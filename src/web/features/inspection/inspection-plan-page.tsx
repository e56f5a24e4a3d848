import { Anchor, Badge, Breadcrumbs, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { handlingBodyLabels, inspectionCaseKindLabels, planKindLabels } from '../../../shared/inspection';
import { getInspectionPlan } from '../../api';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showDate, showNumber } from '../../format';
import { useCan } from '../auth/session';
import { decisionText } from '../members/member-labels';
import { PlanApproveForm, PlanItemForm } from './plan-forms';

/** One programme: its subjects with the cases opened on each, items added while a draft, then issued. */
export function InspectionPlanPage() {
  const id = Number(useParams().id);
  const canWrite = useCan('inspection.write');
  const query = useQuery({ queryKey: ['inspection-plan', id], queryFn: ({ signal }) => getInspectionPlan(id, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/kiem-tra/chuong-trinh" size="sm">
              Chương trình kiểm tra, giám sát
            </Anchor>
            <Text size="sm">{plan.year}</Text>
          </Breadcrumbs>
        }
        title={`${planKindLabels[plan.kind]} năm ${plan.year}: ${plan.title}`}
        subtitle={`${handlingBodyLabels[plan.handlingBody]} ${plan.handlingOrgName} · ${showNumber(plan.doneCount)}/${showNumber(plan.itemCount)} đối tượng đã có kết luận`}
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Badge variant="light" color={plan.approved ? 'green' : 'gray'} mb="sm">
            {plan.approved ? `Đã ban hành: ${decisionText(plan.decision)}` : 'Dự thảo'}
          </Badge>
          {plan.items.length === 0 ? (
            <EmptyText>Chưa có đối tượng nào.</EmptyText>
          ) : (
            <Table.ScrollContainer minWidth={560}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Đối tượng</Table.Th>
                    <Table.Th>Loại cuộc</Table.Th>
                    <Table.Th>Thời gian dự kiến</Table.Th>
                    <Table.Th>Tiến độ</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {plan.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        {item.subjectName}
                        <Text size="xs" c="dimmed">
                          {item.content}
                        </Text>
                      </Table.Td>
                      <Table.Td>{inspectionCaseKindLabels[item.caseKind]}</Table.Td>
                      <Table.Td>
                        {showDate(item.plannedFrom)} – {showDate(item.plannedTo)}
                      </Table.Td>
                      <Table.Td>
                        {item.caseIds.length > 0
                          ? item.caseIds.map((caseId) => (
                              <Anchor key={caseId} component={Link} to={`/kiem-tra/${caseId}`} mr="xs">
                                Cuộc số {caseId}
                              </Anchor>
                            ))
                          : null}
                        {item.done ? <Text size="xs">Đã kết luận</Text> : null}
                        {item.caseIds.length === 0 && plan.approved && canWrite ? (
                          <Button component={Link} size="xs" variant="light" to={`/kiem-tra/moi?planItemId=${item.id}&kind=${item.caseKind}`}>
                            Ra quyết định
                          </Button>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
        {canWrite && !plan.approved ? (
          <>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Thêm đối tượng
              </Title>
              <PlanItemForm key={plan.version} plan={plan} />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                Ban hành
              </Title>
              <PlanApproveForm key={plan.version} plan={plan} />
            </Paper>
          </>
        ) : null}
      </Stack>
    </>
  );
}
