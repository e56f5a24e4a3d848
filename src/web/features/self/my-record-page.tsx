import { Alert, Paper, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session';
import { useMemberQuery } from '../members/member-page';
import { MemberEvents, MemberPeriods, MemberProfile } from '../members/member-sections';
import { MyDuesPanel } from '../dues/my-dues-panel';
import { MyMeetingsPanel } from '../meetings/my-meetings-panel';
import { MyStudyPanel } from '../study/my-study-panel'; // study

const tabs = [
  { value: 'ly-lich', label: 'Lý lịch' },
  { value: 'qua-trinh', label: 'Quá trình sinh hoạt' },
  { value: 'bien-dong', label: 'Biến động' },
  { value: 'dang-phi', label: 'Đảng phí' },
  { value: 'sinh-hoat', label: 'Sinh hoạt chi bộ' }, // meetings
  { value: 'hoc-tap', label: 'Học tập nghị quyết' }, // study
] as const;

/** A member's own record and history; the server answers only for their own id. */
export function MyRecordPage() {
  const session = useSession();
  const memberId = session.user.memberId;
  const [params, setParams] = useSearchParams();
  const tab = tabs.some((t) => t.value === params.get('tab')) ? (params.get('tab') as string) : 'ly-lich';
  const member = useMemberQuery(memberId ?? 0);

  if (memberId === null)
    return (
      <>
        <PageHeader title="Hồ sơ của tôi" />
        <Alert color="gray" variant="light">
          Tài khoản của bạn không gắn với hồ sơ đảng viên nào.
        </Alert>
      </>
    );
  if (member.isPending) return <PageLoader label="Đang tải hồ sơ…" />;
  if (member.isError)
    return (
      <>
        <PageHeader title="Hồ sơ của tôi" />
        <ErrorState error={member.error} onRetry={() => member.refetch()} />
      </>
    );

  return (
    <>
      <PageHeader title="Hồ sơ của tôi" subtitle={`${member.data.fullName} · ${member.data.orgName}`} />
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Tabs value={tab} onChange={(value) => setParams(value && value !== 'ly-lich' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md" className="no-print">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="ly-lich">
            <MemberProfile member={member.data} linkOrg={false} />
            <Alert color="blue" variant="light" mt="lg">
              Nếu thông tin chưa đúng, vui lòng báo với chi bộ hoặc cán bộ tổ chức để được cập nhật.
            </Alert>
          </Tabs.Panel>
          <Tabs.Panel value="qua-trinh">
            <MemberPeriods id={memberId} />
          </Tabs.Panel>
          <Tabs.Panel value="bien-dong">
            <MemberEvents id={memberId} />
          </Tabs.Panel>
          <Tabs.Panel value="dang-phi">
            <MyDuesPanel memberId={memberId} />
          </Tabs.Panel>
          <Tabs.Panel value="sinh-hoat">
            <MyMeetingsPanel />
          </Tabs.Panel>
          <Tabs.Panel value="hoc-tap">
            <MyStudyPanel />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  );
}
