import { PageHeader } from '../../components/page-header';

export function MemberCreatePage() {
  return <PageHeader title="Thêm đảng viên" subtitle="Đang xây dựng" />;
}
