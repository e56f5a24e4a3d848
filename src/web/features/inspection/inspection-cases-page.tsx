import { Anchor, Button, Group, Stack } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { listInspectionCases } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { useUrlFilters } from '../../components/use-url-filters';
import { useCan } from '../auth/session';
import { InspectionCasesTable } from './inspection-cases-table';

const PAGE_SIZE = 50;

/** The cases of inspection and supervision the user's organisation handles, newest decision first. */
export function InspectionCasesPage() {
  const { page, update } = useUrlFilters();
  const { org } = useCurrentOrg();
  const canWrite = useCan('inspection.write');
  const query = useQuery({
    queryKey: ['inspection-cases', org?.id ?? null, page],
    queryFn: ({ signal }) => listInspectionCases({ orgId: org?.id, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <PageHeader
        title="Kiểm tra, giám sát"
        actions={
          <Group>
            <Anchor component={Link} to="/kiem-tra/chuong-trinh">
              Chương trình kiểm tra, giám sát
            </Anchor>
            <Anchor component={Link} to="/kiem-tra/don-thu">
              Sổ đơn tố cáo, khiếu nại
            </Anchor>
            {canWrite ? (
              <Button component={Link} to="/kiem-tra/moi">
                Cuộc mới
              </Button>
            ) : null}
          </Group>
        }
      />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.items.length === 0 ? (
        <EmptyText>Chưa có cuộc kiểm tra, giám sát nào.</EmptyText>
      ) : (
        <>
          <InspectionCasesTable items={query.data.items} />
          <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(p) => update({ page: String(p) })} />
        </>
      )}
    </Stack>
  );
}
