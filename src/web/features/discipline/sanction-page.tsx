import { Anchor, Badge, Breadcrumbs, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { appealOutcomeLabels, offenceGroupLabels, sanctionFormLabels, sanctionStateLabels, sanctionSubjectKindLabels } from '../../../shared/discipline';
import { disciplineDecisionUrl, getSanction } from '../../api';
import { Fact, FactGrid } from '../../components/fact-list';
import { ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { showDate } from '../../format';
import { useCan } from '../auth/session';
import { decisionText } from '../members/member-labels';
import { AppealDecideForm, AppealReceiveForm } from './appeal-forms';
import { SanctionDecideForm, SanctionWithdrawForm } from './sanction-decide-form';

const effectLabels: Record<string, string> = {
  membership_event: 'Ghi biến động khai trừ',
  membership_event_annulled: 'Hủy biến động khai trừ',
  seat_ended: 'Thôi giữ chức vụ trong cấp ủy',
  seat_restored: 'Khôi phục chức vụ trong cấp ủy',
  org_dissolved: 'Giải tán tổ chức đảng',
};

export function SanctionPage() {
  const id = Number(useParams().id);
  const canRecord = useCan('discipline.record');
  const sanction = useQuery({ queryKey: ['sanction', id], queryFn: ({ signal }) => getSanction(id, signal) });
  if (sanction.isPending) return <PageLoader />;
  if (sanction.isError) return <ErrorState error={sanction.error} onRetry={() => sanction.refetch()} />;
  const s = sanction.data;
  const openAppeal = s.appeals.find((a) => a.outcome === null);
  const limitation = s.limitationCheck as { years?: number | null; source?: string; expiresOn?: string | null } | null;
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/ky-luat" size="sm">
              Kỷ luật đảng
            </Anchor>
            <Text size="sm">{s.memberName ?? s.orgName}</Text>
          </Breadcrumbs>
        }
        title={`Kỷ luật: ${s.memberName ?? s.orgName}`}
        actions={
          s.state === 'decided' ? (
            <Button component="a" href={disciplineDecisionUrl(s.id)} variant="default">
              Tải quyết định (.docx)
            </Button>
          ) : null
        }
      />
      <Stack gap="md">
        <Paper withBorder p="md">
          <Badge variant="light" color={s.state === 'decided' ? 'red' : 'gray'} mb="sm">
            {sanctionStateLabels[s.state]}
          </Badge>
          <FactGrid>
            {[
              { label: 'Đối tượng', value: `${s.memberName ?? s.orgName} (${sanctionSubjectKindLabels[s.subjectKind]})` },
              { label: 'Tổ chức', value: s.orgName },
              { label: 'Nhóm vi phạm', value: offenceGroupLabels[s.offenceGroup] },
              { label: 'Nội dung vi phạm', value: s.offence },
              ...(s.caseId ? [{ label: 'Theo cuộc kiểm tra', value: `Cuộc số ${s.caseId}` }] : []),
              ...(s.withdrawnOn ? [{ label: 'Không thi hành', value: `${showDate(s.withdrawnOn)}: ${s.withdrawnReason ?? ''}` }] : []),
              { label: 'Ngày vi phạm', value: showDate(s.offenceOn) },
              { label: 'Hình thức đề nghị', value: `${sanctionFormLabels[s.proposedForm]} — ${s.proposedBy}, ${showDate(s.proposedOn)}` },
              { label: 'Hình thức quyết định', value: s.form ? sanctionFormLabels[s.form] : '—' },
              { label: 'Hình thức đang có hiệu lực', value: s.standingForm ? sanctionFormLabels[s.standingForm] : s.state === 'decided' ? 'Đã xóa bỏ' : '—' },
              { label: 'Quyết định', value: decisionText(s.decision) },
              { label: 'Có hiệu lực từ', value: showDate(s.effectiveOn) },
              { label: 'Ghi trên hồ sơ đến', value: showDate(s.onRecordUntil) },
              {
                label: 'Thời hiệu',
                value: limitation
                  ? limitation.years === null
                    ? `Không áp dụng thời hiệu (${limitation.source ?? ''})`
                    : `${limitation.years} năm, đến ${showDate(limitation.expiresOn)} (${limitation.source ?? ''})`
                  : '—',
              },
            ].map((fact) => (
              <Fact key={fact.label} label={fact.label}>
                {fact.value}
              </Fact>
            ))}
          </FactGrid>
          {s.effects.length > 0 ? (
            <Stack gap={2} mt="sm">
              {s.effects.map((e) => (
                <Text key={e.id} size="sm">
                  {showDate(e.occurredOn)}: {effectLabels[e.kind] ?? e.kind}
                  {e.undoneByEffectId ? ' (đã hoàn lại)' : ''}
                </Text>
              ))}
            </Stack>
          ) : null}
        </Paper>
        {s.state === 'proposed' && canRecord ? (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Quyết định kỷ luật
            </Title>
            <SanctionDecideForm sanction={s} />
          </Paper>
        ) : null}
        {s.state === 'proposed' && canRecord ? (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Không thi hành kỷ luật
            </Title>
            <SanctionWithdrawForm sanction={s} />
          </Paper>
        ) : null}
        {s.state === 'decided' ? (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="sm">
              Khiếu nại
            </Title>
            {s.appeals.map((a) => (
              <Text key={a.id} size="sm">
                {showDate(a.receivedOn)} — {a.appellant}: hạn giải quyết {showDate(a.dueOn)}
                {a.outcome ? ` — ${appealOutcomeLabels[a.outcome]} (${showDate(a.decidedOn)})` : ''}
              </Text>
            ))}
            {canRecord && openAppeal ? <AppealDecideForm appeal={openAppeal} /> : null}
            {canRecord && !openAppeal && s.standingForm ? <AppealReceiveForm sanctionId={s.id} /> : null}
          </Paper>
        ) : null}
      </Stack>
    </>
  );
}
