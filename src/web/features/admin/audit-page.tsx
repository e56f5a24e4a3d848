import { PageHeader } from '../../components/page-header';

export function AuditPage() {
  return <PageHeader title="Nhật ký hệ thống" subtitle="Đang xây dựng" />;
}
