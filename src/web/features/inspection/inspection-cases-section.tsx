import { Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { memberInspectionCases, orgInspectionCases } from '../../api';
import { EmptyText } from '../../components/page-state';
import { useCan } from '../auth/session';
import { InspectionCasesTable } from './inspection-cases-table';

/** A member's or an organisation's cases, on its page: shown only to those who may see cases (nothing otherwise). */
export function InspectionCasesSection({ memberId, orgId }: { memberId?: number; orgId?: number }) {
  const allowed = useCan('inspection.read');
  const query = useQuery({
    queryKey: ['inspection-cases-of', memberId ?? null, orgId ?? null],
    queryFn: ({ signal }) => (memberId ? memberInspectionCases(memberId, signal) : orgInspectionCases(orgId!, signal)),
    enabled: allowed,
  });
  if (!allowed || !query.data) return null;
  return (
    <Paper withBorder p="md">
      <Stack>
        <Title order={4}>Kiểm tra, giám sát</Title>
        {query.data.length === 0 ? <EmptyText>Chưa có cuộc kiểm tra, giám sát nào.</EmptyText> : <InspectionCasesTable items={query.data} />}
      </Stack>
    </Paper>
  );
}
