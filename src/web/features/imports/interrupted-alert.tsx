import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '../../../shared/imports';
import { errorText } from '../../error-text';
import { recheckImportJob } from '../../api';

/** A run whose server stopped mid-way: nothing was written; the kept file can be checked again. */
export function InterruptedAlert({ job }: { job: ImportJob }) {
  const queryClient = useQueryClient();
  const recheck = useMutation({
    mutationFn: () => recheckImportJob(job.id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['imports'] }),
  });
  return (
    <Alert color="orange" variant="light" role="alert" title="Lần nhập này bị gián đoạn">
      <Stack gap="xs">
        <Text size="sm">{job.message ?? 'Máy chủ đã dừng giữa chừng; không có dữ liệu nào của lần nhập này được ghi.'}</Text>
        {recheck.isError ? (
          <Text size="sm" c="red.9">
            {errorText(recheck.error)}
          </Text>
        ) : null}
        <Group>
          <Button variant="light" color="orange" loading={recheck.isPending} onClick={() => recheck.mutate()}>
            Kiểm tra lại tệp
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
