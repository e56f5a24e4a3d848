import { PageHeader } from '../../components/page-header';

export function RulesPage() {
  return <PageHeader title="Sổ tay quy định" subtitle="Đang xây dựng" />;
}
