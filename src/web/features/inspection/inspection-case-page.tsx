import { Anchor, Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router-dom';
import { caseStateLabels, caseStepKindLabels, handlingBodyLabels, inspectionCaseKindLabels } from '../../../shared/inspection';
import { getInspectionCase, inspectionPaperUrl } from '../../api';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { showDate } from '../../format';

/** One case: what, who, the team, and the timeline of its dated steps, each with the document it cites. */
export function InspectionCasePage() {
  const id = Number(useParams().id);
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
    </Stack>
  );
}
