import { PageHeader } from '../../components/page-header';

export function HolidaysPage() {
  return <PageHeader title="Ngày nghỉ lễ" subtitle="Đang xây dựng" />;
}
