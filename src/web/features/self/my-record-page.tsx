import { PageHeader } from '../../components/page-header';

export function MyRecordPage() {
  return <PageHeader title="Hồ sơ của tôi" subtitle="Đang xây dựng" />;
}
