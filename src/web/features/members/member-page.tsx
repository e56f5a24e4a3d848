import { InspectionCasesSection } from '../inspection/inspection-cases-section';
import { SanctionsSection } from '../discipline/sanctions-section';
import { Anchor, Breadcrumbs, Button, Group, Paper, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { getMember } from '../../api';
import { ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { NotFoundPage } from '../shell/route-error';
import { MemberAudit, MemberEvents, MemberPeriods, MemberProfile } from './member-sections';
import { MemberWorkflowPanel } from '../exits/member-workflow-panel';
import { ProbationPanel } from '../admissions/probation-panel';
import { StatusBadge } from './status-badge';
import { useCan } from '../auth/session';

export const memberTabs = [
  { value: 'ly-lich', label: 'Lý lịch' },
  { value: 'qua-trinh', label: 'Quá trình sinh hoạt' },
  { value: 'bien-dong', label: 'Biến động' },
  { value: 'lich-su', label: 'Lịch sử chỉnh sửa' },
] as const;

export function useMemberQuery(id: number) {
  return useQuery({ queryKey: ['member', id], queryFn: ({ signal }) => getMember(id, signal), enabled: Number.isInteger(id) && id > 0 });
}

export function MemberPage() {
  const canWrite = useCan('members.write');
  const params = useParams();
  const id = Number(params.id);
  const [search, setSearch] = useSearchParams();
  const tab = memberTabs.some((t) => t.value === search.get('tab')) ? (search.get('tab') as string) : 'ly-lich';
  const member = useMemberQuery(id);

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (member.isPending) return <PageLoader label="Đang tải hồ sơ…" />;
  if (member.isError)
    return (
      <>
        <PageHeader title="Hồ sơ đảng viên" />
        <ErrorState error={member.error} onRetry={() => member.refetch()} />
      </>
    );
  const data = member.data;

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print crumbs">
            <Anchor component={Link} to="/dang-vien" size="sm">
              Đảng viên
            </Anchor>
            <Text size="sm">{data.fullName}</Text>
          </Breadcrumbs>
        }
        title={data.fullName}
        subtitle={
          <Group gap="xs" component="span">
            <StatusBadge status={data.status} />
            <span>{data.orgName}</span>
          </Group>
        }
        actions={
          <>
            {canWrite ? (
              <Button component={Link} to={`/dang-vien/${id}/sua`}>
                Sửa lý lịch
              </Button>
            ) : null}
            <Button variant="default" onClick={() => window.print()}>
              In
            </Button>
          </>
        }
      />
      <MemberWorkflowPanel member={data} />
      {data.status === 'probationary' || data.confirmedOn ? <ProbationPanel memberId={id} /> : null}
      <InspectionCasesSection memberId={id} />
      <SanctionsSection memberId={id} memberName={data.fullName} />
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Tabs value={tab} onChange={(value) => setSearch(value === 'ly-lich' || value === null ? {} : { tab: value }, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md" className="no-print">
            {memberTabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="ly-lich">
            <MemberProfile member={data} />
          </Tabs.Panel>
          <Tabs.Panel value="qua-trinh">
            <MemberPeriods id={id} />
          </Tabs.Panel>
          <Tabs.Panel value="bien-dong">
            <MemberEvents id={id} member={data} />
          </Tabs.Panel>
          <Tabs.Panel value="lich-su">
            <MemberAudit id={id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
