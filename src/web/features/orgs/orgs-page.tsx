import { PageHeader } from '../../components/page-header';

export function OrgsPage() {
  return <PageHeader title="Tổ chức đảng" subtitle="Đang xây dựng" />;
}
