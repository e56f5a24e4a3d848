import { useEffect } from 'react';
import { Alert, Badge, Group, Paper, Stack, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { importStatusLabels } from '../../../shared/imports';
import { ErrorState, PageLoader } from '../../components/page-state';
import { showDateTime } from '../../format';
import { fetchImportJob } from '../../api';
import { running, statusColors } from './import-status';
import { InterruptedAlert } from './interrupted-alert';
import { JobProgress } from './job-progress';
import { CountsTable } from './counts-table';
import { MappingPanel } from './mapping-panel';
import { ProblemsPanel } from './problems-panel';
import { CommitPanel } from './commit-panel';

export function JobPanel({ id }: { id: number }) {
  const job = useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => fetchImportJob(id, signal),
    refetchInterval: (query) => (running(query.state.data?.status) ? 1000 : false),
  });
  const queryClient = useQueryClient();
  const status = job.data?.status;
  // The history lists this import too: refresh it when the dry run or the commit ends.
  useEffect(() => {
    if (status && !running(status)) void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
  }, [status, queryClient]);
  if (job.isPending) return <PageLoader />;
  if (job.isError) return <ErrorState error={job.error} onRetry={() => void job.refetch()} />;
  const data = job.data;
  return (
    <Paper withBorder p="md">
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} size="h4">
            2. Kết quả kiểm tra: {data.fileName}
          </Title>
          <Badge color={statusColors[data.status]} size="lg" variant="light">
            {importStatusLabels[data.status]}
          </Badge>
        </Group>
        <JobProgress job={data} />
        {data.status === 'failed' && data.message ? (
          <Alert color="red" variant="light" role="alert">
            {data.message}
          </Alert>
        ) : null}
        {data.status === 'interrupted' ? <InterruptedAlert job={data} /> : null}
        {data.status === 'committed' ? (
          <Alert color="green" variant="light" role="status">
            Đã ghi xong vào cơ sở dữ liệu lúc {showDateTime(data.committedAt)}.
          </Alert>
        ) : null}
        {data.counts && !running(data.status) ? <CountsTable job={data} /> : null}
        {!running(data.status) && data.status !== 'committed' && data.sheets.some((s) => s.headers.length > 0) ? <MappingPanel job={data} /> : null}
        {!running(data.status) && data.problems.length > 0 ? <ProblemsPanel job={data} /> : null}
        {data.status === 'checked' ? <CommitPanel job={data} /> : null}
      </Stack>
    </Paper>
  );
}
