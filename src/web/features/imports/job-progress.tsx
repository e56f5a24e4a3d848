import { Progress, Stack, Text } from '@mantine/core';
import type { ImportJob } from '../../../shared/imports';
import { showNumber } from '../../format';
import { running } from './import-status';

export function JobProgress({ job }: { job: ImportJob }) {
  if (!running(job.status)) return null;
  const p = job.progress;
  const share = p?.rowsTotal ? Math.min(100, Math.round((p.rowsDone / p.rowsTotal) * 100)) : null;
  const what = job.status === 'committing' ? 'Đang ghi vào cơ sở dữ liệu' : 'Đang đọc và kiểm tra tệp';
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Progress value={share ?? 100} striped animated aria-label={what} size="lg" />
      <Text size="sm" c="dimmed">
        {what}: {showNumber(p?.rowsDone ?? 0)}
        {p?.rowsTotal ? ` / ${showNumber(p.rowsTotal)}` : ''} dòng{share !== null ? ` (${share}%)` : ''}…
      </Text>
    </Stack>
  );
}
