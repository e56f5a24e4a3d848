import { Anchor, Breadcrumbs, Text } from '@mantine/core';
import { Link, useParams } from 'react-router-dom';
import { ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { MemberForm } from './member-form';
import { useMemberQuery } from './member-page';

export function MemberEditPage() {
  const id = Number(useParams().id);
  const member = useMemberQuery(id);
  if (member.isPending) return <PageLoader label="Đang tải hồ sơ…" />;
  if (member.isError)
    return (
      <>
        <PageHeader title="Sửa lý lịch" />
        <ErrorState error={member.error} onRetry={() => member.refetch()} />
      </>
    );
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print crumbs">
            <Anchor component={Link} to="/dang-vien" size="sm">
              Đảng viên
            </Anchor>
            <Anchor component={Link} to={`/dang-vien/${id}`} size="sm">
              {member.data.fullName}
            </Anchor>
            <Text size="sm">Sửa lý lịch</Text>
          </Breadcrumbs>
        }
        title={`Sửa lý lịch: ${member.data.fullName}`}
      />
      <MemberForm key={member.data.id} mode="edit" member={member.data} onReload={async () => (await member.refetch()).data} />
    </>
  );
}
