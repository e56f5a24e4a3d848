import { PageHeader } from '../../components/page-header';

export function MemberEditPage() {
  return <PageHeader title="Sửa hồ sơ" subtitle="Đang xây dựng" />;
}
