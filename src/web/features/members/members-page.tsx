import { PageHeader } from '../../components/page-header';

export function MembersPage() {
  return <PageHeader title="Đảng viên" subtitle="Đang xây dựng" />;
}
