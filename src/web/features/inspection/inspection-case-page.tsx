import { Anchor, Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { caseStateLabels, caseStepKindLabels, handlingBodyLabels, inspectionCaseKindLabels } from '../../../shared/inspection';
import { getInspectionCase, inspectionPaperUrl } from '../../api';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { showDate } from '../../format';
import { useCan } from '../auth/session';
import { CaseStepForm } from './case-step-form';

/** Where a proposal of discipline for the case's subject starts, the case and the subject filled in. */
function proposalPath(c: { id: number; subjectKind: string; subjectMemberId: number | null; subjectOrgId: number | null; subjectName: string }) {
  const params = new URLSearchParams({ caseId: String(c.id), subjectName: c.subjectName });
  if (c.subjectMemberId) params.set('memberId', String(c.subjectMemberId));
  if (c.subjectOrgId) params.set('orgId', String(c.subjectOrgId));
  return `/ky-luat/moi?${params.toString()}`;
}

/** One case: what, who, the team, and the timeline of its dated steps, each with the document it cites. */
export function InspectionCasePage() {
  const id = Number(useParams().id);
  const canWrite = useCan('inspection.write');
  const canPropose = useCan('discipline.record');
  const query = useQuery({ queryKey: ['inspection-case', id], queryFn: ({ signal }) => getInspectionCase(id, signal) });
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <Stack>
      <PageHeader
        title={`${inspectionCaseKindLabels[c.kind]}: ${c.subjectName}`}
        subtitle={`${handlingBodyLabels[c.handlingBody]} ${c.handlingOrgName} · ${caseStateLabels[c.state]}`}
        actions={
          <Group>
            <Anchor href={inspectionPaperUrl(c.id, 'decision')}>Quyết định (.docx)</Anchor>
            {c.state === 'closed' && <Anchor href={inspectionPaperUrl(c.id, 'conclusion-notice')}>Thông báo kết luận (.docx)</Anchor>}
            {canPropose && c.violation && c.state !== 'open' ? (
              <Button component={Link} to={proposalPath(c)} variant="light">
                Đề nghị kỷ luật
              </Button>
            ) : null}
          </Group>
        }
      />
      <Paper withBorder p="md">
        <Text>Nội dung: {c.content}</Text>
        {c.periodFrom && c.periodTo && (
          <Text>
            Thời kỳ kiểm tra: {showDate(c.periodFrom)} – {showDate(c.periodTo)}
          </Text>
        )}
        {c.team.length > 0 && <Text>Đoàn: {c.team.map((m) => `${m.name} (${m.role})`).join('; ')}</Text>}
        {c.conclusion && <Text>Kết luận: {c.conclusion}</Text>}
        {c.recommendations.length > 0 && <Text>Kiến nghị: {c.recommendations.map((r) => r.text).join('; ')}</Text>}
        {c.suspended && <Text c="red">Đối tượng đang bị đình chỉ.</Text>}
      </Paper>
      <Timeline active={c.steps.length - 1} bulletSize={18}>
        {c.steps.map((s) => (
          <Timeline.Item key={s.id} title={caseStepKindLabels[s.kind]}>
            <Text size="sm">
              {showDate(s.occurredOn)} · {s.decision.number} ngày {showDate(s.decision.date)} ({s.decision.issuer})
            </Text>
            {s.note && <Text size="sm">{s.note}</Text>}
          </Timeline.Item>
        ))}
        {c.nextStep && (
          <Timeline.Item title={`${caseStepKindLabels[c.nextStep]} (chưa thực hiện)`}>
            <Text size="sm">{c.nextDueOn ? `Hạn theo lịch: ${showDate(c.nextDueOn)}` : 'Chưa có hạn'}</Text>
          </Timeline.Item>
        )}
      </Timeline>
      {canWrite ? (
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Ghi bước tiếp theo
          </Title>
          <CaseStepForm key={c.version} c={c} />
        </Paper>
      ) : null}
    </Stack>
  );
}
