import { Button, Stack } from '@mantine/core';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/page-header';
import { importExportUrl as exportUrl, importTemplateUrl as templateUrl } from '../../api';
import { UploadPanel } from './upload-panel';
import { JobPanel } from './job-panel';
import { HistoryPanel } from './history-panel';

/** Upload → dry run (counts, problems, mapping) → commit: the whole import on one page, one import at a time. */
export function ImportsPage() {
  const [params, setParams] = useSearchParams();
  const jobId = Number(params.get('lan')) || null;
  const open = (id: number) => setParams({ lan: String(id) });
  return (
    <>
      <PageHeader
        title="Nhập, xuất dữ liệu"
        subtitle="Nhập tổ chức đảng và đảng viên từ tệp Excel (.xlsx) hoặc CSV; xuất dữ liệu theo đúng mẫu nhập."
        actions={
          <>
            <Button component="a" href={templateUrl} variant="light" size="sm">
              Tải tệp mẫu
            </Button>
            <Button component="a" href={exportUrl} variant="light" size="sm">
              Xuất dữ liệu theo mẫu
            </Button>
          </>
        }
      />
      <Stack gap="lg">
        <UploadPanel onUploaded={open} />
        {jobId ? <JobPanel id={jobId} /> : null}
        <HistoryPanel current={jobId} />
      </Stack>
    </>
  );
}
