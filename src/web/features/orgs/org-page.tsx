import { PageHeader } from '../../components/page-header';

export function OrgPage() {
  return <PageHeader title="Tổ chức đảng" subtitle="Đang xây dựng" />;
}
