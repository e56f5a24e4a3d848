import { useState } from 'react';
import { Alert, Button, FileInput, Group, Paper, Progress, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorText } from '../../error-text';
import { uploadImportFile } from '../../api';

export function UploadPanel({ onUploaded }: { onUploaded: (id: number) => void }) {
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadImportFile(chosen, setSent),
    onSuccess: (job) => {
      setFile(null);
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      onUploaded(job.id);
    },
  });
  return (
    <Paper withBorder p="md">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) {
            setSent(0);
            upload.mutate(file);
          }
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            1. Tải tệp lên
          </Title>
          <Group align="flex-end" gap="sm">
            <FileInput
              label="Tệp dữ liệu"
              description="Tệp .xlsx theo mẫu hoặc danh sách có sẵn; hệ thống tự nhận các cột và kiểm tra trước, chưa ghi gì."
              accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
              value={file}
              onChange={setFile}
              clearable
              style={{ flex: '1 1 320px' }}
            />
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              Tải lên và kiểm tra
            </Button>
          </Group>
          {upload.isPending ? <Progress value={Math.round(sent * 100)} aria-label="Tiến độ tải tệp lên" size="lg" /> : null}
          {upload.isError ? (
            <Alert color="red" variant="light" role="alert" title="Tệp không được nhận">
              {errorText(upload.error)}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
