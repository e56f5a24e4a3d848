import { useEffect, useMemo, useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Collapse, FileInput, Group, NumberInput, Paper, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import {
  importRecordTypeLabels,
  importStatusLabels,
  problemSeverityLabels,
  type ImportJob,
  type ImportRecordType,
  type ImportSheetPlan,
  type ImportStatus,
  type ProblemSeverity,
} from '../../../shared/imports';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { errorText } from '../../error-text';
import { showDateTime, showNumber } from '../../format';
import { useSession } from '../auth/session';
import { commitImportJob, confirmImportMapping, exportUrl, fetchImportJob, listImportJobs, problemsUrl, recheckImportJob, templateUrl, uploadImportFile } from './imports-api';

const running = (status: ImportStatus | undefined) => status === 'checking' || status === 'committing';
const statusColors: Record<ImportStatus, string> = { checking: 'blue', checked: 'teal', committing: 'blue', committed: 'green', failed: 'red', interrupted: 'orange' };
const severityColors: Record<ProblemSeverity, string> = { error: 'red', warning: 'yellow', info: 'gray' };

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

function UploadPanel({ onUploaded }: { onUploaded: (id: number) => void }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [sent, setSent] = useState(0);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadImportFile(chosen, session.csrfToken, setSent),
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

function JobPanel({ id }: { id: number }) {
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

/** A run whose server stopped mid-way: nothing was written; the kept file can be checked again. */
function InterruptedAlert({ job }: { job: ImportJob }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const recheck = useMutation({
    mutationFn: () => recheckImportJob(job.id, session.csrfToken),
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

function JobProgress({ job }: { job: ImportJob }) {
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

function CountsTable({ job }: { job: ImportJob }) {
  const c = job.counts!;
  const done = job.status === 'committed';
  return (
    <Stack gap="xs">
      <Table withTableBorder striped maw={640} aria-label="Số bản ghi">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{done ? 'Đã thêm mới' : 'Sẽ thêm mới'}</Table.Th>
            <Table.Th ta="right">{done ? 'Đã cập nhật' : 'Sẽ cập nhật'}</Table.Th>
            <Table.Th ta="right">Không đổi</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['orgs', 'members'] as const).map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{key === 'orgs' ? 'Tổ chức đảng' : 'Đảng viên'}</Table.Th>
              <Table.Td ta="right">{showNumber(c[key].created)}</Table.Td>
              <Table.Td ta="right">{showNumber(c[key].updated)}</Table.Td>
              <Table.Td ta="right">{showNumber(c[key].unchanged)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        <Badge color={c.errors > 0 ? 'red' : 'gray'} variant="light">
          {showNumber(c.errors)} lỗi
        </Badge>
        <Badge color={c.warnings > 0 ? 'yellow' : 'gray'} variant="light">
          {showNumber(c.warnings)} cảnh báo
        </Badge>
        {c.converted > 0 ? (
          <Badge color="blue" variant="light">
            {showNumber(c.converted)} ô chuyển từ phông TCVN3/VNI sang Unicode
          </Badge>
        ) : null}
        <Text size="sm" c="dimmed">
          {showNumber(c.rows)} dòng dữ liệu
        </Text>
      </Group>
    </Stack>
  );
}

type Draft = Record<string, { recordType: ImportRecordType | null; headerRow: number; mapping: Record<string, number> }>;

/** The guessed (or remembered) mapping, shown column by column so the user can correct it before the commit. */
function MappingPanel({ job }: { job: ImportJob }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const initial = useMemo<Draft>(
    () => Object.fromEntries(job.sheets.map((s) => [s.sheet, { recordType: s.recordType, headerRow: s.headerRow ?? 1, mapping: s.mapping }])),
    [job.sheets],
  );
  const [draft, setDraft] = useState<Draft>(initial);
  // A new guess from the server replaces the draft, adjusted during render rather than by an effect's second render.
  const [draftOf, setDraftOf] = useState(initial);
  if (draftOf !== initial) {
    setDraftOf(initial);
    setDraft(initial);
  }
  const incomplete = job.sheets.some((s) => s.recordType && job.fields[s.recordType].some((f) => f.required && s.mapping[f.key] === undefined));
  const [opened, setOpened] = useState(incomplete);
  const save = useMutation({
    mutationFn: () =>
      confirmImportMapping(
        job.id,
        { sheets: job.sheets.map((s) => ({ sheet: s.sheet, recordType: draft[s.sheet].recordType, headerRow: draft[s.sheet].headerRow, mapping: draft[s.sheet].mapping })) },
        session.csrfToken,
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      notifications.show({ color: 'green', message: 'Đã lưu cách ghép cột; đang kiểm tra lại tệp.' });
    },
  });
  const setSheet = (sheet: string, change: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [sheet]: { ...d[sheet], ...change } }));
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Ghép cột với trường dữ liệu
      </Title>
      <Text size="sm" c="dimmed">
        Hệ thống đã đoán cột nào là trường nào theo tiêu đề (không phân biệt dấu, chữ hoa). Hãy kiểm tra; nếu sửa, bấm "Xác nhận và kiểm tra lại". Cách ghép đã xác nhận được nhớ cho các tệp có cùng tiêu đề.
      </Text>
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setOpened((o) => !o)} aria-expanded={opened}>
          {opened ? 'Ẩn cách ghép cột' : 'Xem và sửa cách ghép cột'}
        </Button>
      </Group>
      <Collapse expanded={opened}>
        <Stack gap="sm">
          {job.sheets.map((sheet) => (
            <SheetMapping key={sheet.sheet} sheet={sheet} fields={job.fields} value={draft[sheet.sheet]} onChange={(change) => setSheet(sheet.sheet, change)} />
          ))}
          {save.isError ? (
            <Alert color="red" variant="light" role="alert">
              {errorText(save.error)}
            </Alert>
          ) : null}
          <Group>
            <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
              Xác nhận và kiểm tra lại
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Stack>
  );
}

function SheetMapping({ sheet, fields, value, onChange }: { sheet: ImportSheetPlan; fields: ImportJob['fields']; value: Draft[string] | undefined; onChange: (change: Partial<Draft[string]>) => void }) {
  if (!value) return null;
  const available = value.recordType ? fields[value.recordType] : [];
  const fieldOfColumn = (index: number) => Object.entries(value.mapping).find(([, column]) => column === index)?.[0] ?? null;
  const assign = (index: number, key: string | null) => {
    const mapping = Object.fromEntries(Object.entries(value.mapping).filter(([field, column]) => column !== index && field !== key));
    if (key) mapping[key] = index;
    onChange({ mapping });
  };
  const source = { guessed: 'đoán theo tiêu đề', saved: 'đã nhớ từ lần trước', confirmed: 'đã xác nhận' }[sheet.mappingSource];
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end">
          <Text fw={600}>Trang "{sheet.sheet}"</Text>
          <Select
            label="Loại dữ liệu"
            size="xs"
            data={[
              { value: 'member', label: importRecordTypeLabels.member },
              { value: 'org', label: importRecordTypeLabels.org },
              { value: 'none', label: 'Không nhập trang này' },
            ]}
            value={value.recordType ?? 'none'}
            onChange={(v) => onChange({ recordType: v === 'member' || v === 'org' ? v : null, mapping: {} })}
            allowDeselect={false}
            w={200}
          />
          <NumberInput label="Dòng tiêu đề" size="xs" min={1} max={200} value={value.headerRow} onChange={(v) => onChange({ headerRow: Number(v) || 1 })} w={110} />
          <Text size="xs" c="dimmed">
            ({source}; {showNumber(sheet.dataRows)} dòng dữ liệu)
          </Text>
        </Group>
        {value.recordType && sheet.headers.length > 0 ? (
          <Table withTableBorder aria-label={`Ghép cột của trang ${sheet.sheet}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Cột</Table.Th>
                <Table.Th>Tiêu đề trong tệp</Table.Th>
                <Table.Th>Trường dữ liệu</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sheet.headers
                .filter((h) => h.text !== '')
                .map((header) => (
                  <Table.Tr key={header.index}>
                    <Table.Td>{header.letter}</Table.Td>
                    <Table.Td>{header.text}</Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={`Trường cho cột ${header.letter}`}
                        placeholder="Bỏ qua cột này"
                        data={available.map((f) => ({ value: f.key, label: f.required ? `${f.label} (bắt buộc)` : f.label }))}
                        value={fieldOfColumn(header.index)}
                        onChange={(key) => assign(header.index, key)}
                        clearable
                        searchable
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}

function ProblemsPanel({ job }: { job: ImportJob }) {
  const total = (job.counts?.errors ?? 0) + (job.counts?.warnings ?? 0);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Các vấn đề trong tệp
        </Title>
        <Anchor href={problemsUrl(job.id)} size="sm">
          Tải danh sách đầy đủ (.xlsx)
        </Anchor>
      </Group>
      {total > job.problems.filter((p) => p.severity !== 'info').length ? (
        <Text size="sm" c="dimmed">
          Đang hiện các vấn đề đầu tiên; danh sách đầy đủ có trong tệp tải về.
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={800}>
        <Table withTableBorder striped aria-label="Các vấn đề trong tệp">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mức độ</Table.Th>
              <Table.Th>Trang</Table.Th>
              <Table.Th>Dòng</Table.Th>
              <Table.Th>Cột</Table.Th>
              <Table.Th>Giá trị</Table.Th>
              <Table.Th>Vấn đề</Table.Th>
              <Table.Th>Cách sửa</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.problems.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Badge color={severityColors[p.severity]} variant="light">
                    {problemSeverityLabels[p.severity]}
                  </Badge>
                </Table.Td>
                <Table.Td>{p.sheet}</Table.Td>
                <Table.Td>{p.row ?? '—'}</Table.Td>
                <Table.Td>{p.column ? `${p.column}${p.field ? ` (${p.field})` : ''}` : (p.field ?? '—')}</Table.Td>
                <Table.Td>{p.value ?? '—'}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
                <Table.Td>{p.fix}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function CommitPanel({ job }: { job: ImportJob }) {
  const session = useSession();
  const queryClient = useQueryClient();
  const [acceptWarnings, setAcceptWarnings] = useState(false);
  const [confirmNameMatches, setConfirmNameMatches] = useState(false);
  const c = job.counts!;
  const commit = useMutation({
    mutationFn: () => commitImportJob(job.id, { acceptWarnings, confirmNameMatches }, session.csrfToken),
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
        <Text size="sm">Cả tệp được ghi trong một lần: hoặc ghi hết, hoặc không ghi gì. Mỗi hồ sơ thêm mới hoặc cập nhật đều được ghi nhật ký với lý do là lần nhập này.</Text>
      )}
      {c.warnings > 0 ? <Checkbox label={`Tôi đã xem và chấp nhận ${showNumber(c.warnings)} cảnh báo`} checked={acceptWarnings} onChange={(e) => setAcceptWarnings(e.currentTarget.checked)} /> : null}
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

function HistoryPanel({ current }: { current: number | null }) {
  const list = useQuery({ queryKey: ['imports', 'list'], queryFn: ({ signal }) => listImportJobs(signal) });
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Các lần nhập gần đây
        </Title>
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.data && list.data.items.length === 0 ? <EmptyText>Chưa có lần nhập nào.</EmptyText> : null}
        {list.data && list.data.items.length > 0 ? (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label="Các lần nhập gần đây">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Tệp</Table.Th>
                  <Table.Th>Người nhập</Table.Th>
                  <Table.Th>Lúc</Table.Th>
                  <Table.Th>Tình trạng</Table.Th>
                  <Table.Th ta="right">Đảng viên thêm / sửa</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <Table.Tr key={item.id} aria-current={item.id === current ? 'true' : undefined}>
                    <Table.Td>
                      <Anchor component={Link} to={`?lan=${item.id}`}>
                        {item.fileName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{item.actorName}</Table.Td>
                    <Table.Td>{showDateTime(item.createdAt)}</Table.Td>
                    <Table.Td>
                      <Badge color={statusColors[item.status]} variant="light">
                        {importStatusLabels[item.status]}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{item.counts ? `${showNumber(item.counts.members.created)} / ${showNumber(item.counts.members.updated)}` : '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  );
}
