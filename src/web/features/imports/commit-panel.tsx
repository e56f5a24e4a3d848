import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '../../../shared/imports';
import { errorText } from '../../error-text';
import { showNumber } from '../../format';
import { commitImportJob } from '../../api';

export function CommitPanel({ job }: { job: ImportJob }) {
  const queryClient = useQueryClient();
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [confirmNameMatches, setConfirmNameMatches] = useState(false);
  const c = job.counts!;
  const commit = useMutation({
    mutationFn: () => commitImportJob(job.id, { acceptWarnings, confirmNameMatches }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['imports'] }),
  });
  const ready = job.canCommit && (c.warnings === 0 || acceptWarnings) && (c.nameMatches === 0 || confirmNameMatches);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        3. Ghi vào cơ sở dữ liệu
      </Title>
      {c.errors > 0 ? (
        <Alert color="red" variant="light">
          Tệp còn {showNumber(c.errors)} lỗi nên chưa ghi được. Hãy sửa tệp theo danh sách trên rồi tải lên lại; không có dữ liệu nào được ghi.
        </Alert>
      ) : (
        <Text size="sm">
          Cả tệp được ghi trong một lần: hoặc ghi hết, hoặc không ghi gì. Mỗi hồ sơ thêm mới hoặc cập nhật đều được ghi nhật ký với lý do là lần nhập này.
        </Text>
      )}
      {c.warnings > 0 ? (
        <Checkbox
          label={`Tôi đã xem và chấp nhận ${showNumber(c.warnings)} cảnh báo`}
          checked={acceptWarnings}
          onChange={(e) => setAcceptWarnings(e.currentTarget.checked)}
        />
      ) : null}
      {c.nameMatches > 0 ? (
        <Checkbox
          label={`${showNumber(c.nameMatches)} dòng chỉ khớp với hồ sơ đã có theo họ tên và ngày sinh: tôi xác nhận đó là cùng người`}
          checked={confirmNameMatches}
          onChange={(e) => setConfirmNameMatches(e.currentTarget.checked)}
        />
      ) : null}
      {commit.isError ? (
        <Alert color="red" variant="light" role="alert">
          {errorText(commit.error)}
        </Alert>
      ) : null}
      <Group>
        <Button color="green" disabled={!ready} loading={commit.isPending} onClick={() => commit.mutate()}>
          Ghi vào cơ sở dữ liệu
        </Button>
      </Group>
    </Stack>
  );
}
