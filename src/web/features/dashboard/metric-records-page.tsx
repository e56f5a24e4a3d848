import { PageHeader } from '../../components/page-header';

export function MetricRecordsPage() {
  return <PageHeader title="Số liệu chi tiết" subtitle="Đang xây dựng" />;
}
