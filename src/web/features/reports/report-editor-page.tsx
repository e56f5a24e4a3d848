import { Alert, Anchor, Badge, Button, Group, NumberInput, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import {
  getReport,
  getReportChanges,
  issueReport,
  reportDocxUrl,
  reportXlsxUrl,
  returnReport,
  reviewReport,
  submitReport,
  updateReport,
  type ReportView,
} from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { ActionGate, useCan } from '../auth/session';
import { DraftFromReportButton } from '../portal/draft-from-report-button'; // portal
import { showDate, showNumber } from '../../format';
import { todayIso } from '../../../shared/dates';
import { planChangeKindLabels, planSectionLabels, reportStatusLabels, type ReportSection } from '../../../shared/reports';
import { proposalStatusLabels, targetComparisonSigns, taskStatusLabels } from '../../../shared/targets';

const NOT_RECORDED = 'chưa ghi nhận';

/** The fields of a plan item, as the list of what changed since the issue names them. */
const planFieldLabels: Record<string, string> = {
  actual: 'kết quả đạt được',
  met: 'đạt hay không',
  value: 'chỉ tiêu',
  title: 'tên chỉ tiêu',
  comparison: 'so sánh',
  measure: 'đơn vị',
  source: 'cách tính',
  year: 'năm',
  text: 'nội dung',
  owner: 'đơn vị thực hiện',
  dueOn: 'thời hạn',
  status: 'tình trạng',
  content: 'nội dung',
  sentOn: 'ngày gửi',
  addressee: 'nơi nhận',
  answeredOn: 'ngày trả lời',
  answerText: 'nội dung trả lời',
};

function FiguresPanel({ report }: { report: ReportView }) {
  return (
    <Table striped withTableBorder aria-label="Bảng số liệu của báo cáo">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Chỉ số (tham chiếu)</Table.Th>
          <Table.Th>Năm {report.year}</Table.Th>
          <Table.Th>Các thành phần</Table.Th>
          <Table.Th>Năm {report.year - 1}</Table.Th>
          <Table.Th>Tăng, giảm</Table.Th>
          <Table.Th>Chi tiết</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.figures.map((f) => (
          <Table.Tr key={f.key}>
            <Table.Td>
              {f.label}
              <Text size="xs" c="dimmed">{`{{${f.key}}}`}</Text>
            </Table.Td>
            <Table.Td>
              {f.recorded ? showNumber(f.total) : <Text c="dimmed">{NOT_RECORDED}</Text>}
              {f.reconciled ? null : (
                <Badge color="red.9" ml="xs">
                  Không khớp tổng các thành phần ({showNumber(f.partsSum)})
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              {f.parts
                .filter((p) => p.value > 0)
                .map((p) => (
                  <Text size="sm" key={p.key}>
                    <Anchor component={Link} to={`${f.drill}&key=${encodeURIComponent(p.key)}`}>
                      {p.label}: {showNumber(p.value)}
                    </Anchor>
                  </Text>
                ))}
            </Table.Td>
            <Table.Td>{f.previous.recorded ? showNumber(f.previous.total) : NOT_RECORDED}</Table.Td>
            <Table.Td>{f.change === null ? '–' : `${f.change > 0 ? '+' : ''}${showNumber(f.change)}`}</Table.Td>
            <Table.Td>
              <Anchor component={Link} to={f.drill}>
                Danh sách
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

type PlanTargetView = ReportView['plan']['targets'][number];
const amount = (t: PlanTargetView, v: number) => `${showNumber(v)}${t.measure === 'percent' ? '%' : ''}`;

/** Targets of the year with what was achieved, next year's targets and tasks, proposals to the upper level and answers. */
function PlanPanel({ report }: { report: ReportView }) {
  const { plan, year } = report;
  return (
    <Stack gap="sm">
      <Table striped withTableBorder aria-label={`Chỉ tiêu năm ${year} và kết quả thực hiện`}>
        <Table.Caption>Chỉ tiêu năm {year} và kết quả thực hiện</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Chỉ tiêu</Table.Th>
            <Table.Th>Mục tiêu</Table.Th>
            <Table.Th>Đạt được</Table.Th>
            <Table.Th>Đánh giá</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.targets.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={4}>{NOT_RECORDED}</Table.Td>
            </Table.Tr>
          ) : null}
          {plan.targets.map((t) => (
            <Table.Tr key={t.id}>
              <Table.Td>{t.title}</Table.Td>
              <Table.Td>
                {targetComparisonSigns[t.comparison]} {amount(t, t.value)}
              </Table.Td>
              <Table.Td>
                {t.actual === null ? (
                  NOT_RECORDED
                ) : t.drill ? (
                  <Anchor component={Link} to={t.drill}>
                    {amount(t, t.actual)}
                  </Anchor>
                ) : (
                  amount(t, t.actual)
                )}
              </Table.Td>
              <Table.Td>{t.met === null ? 'Chưa đánh giá được' : <Badge color={t.met ? 'teal.9' : 'red.9'}>{t.met ? 'Đạt' : 'Không đạt'}</Badge>}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table striped withTableBorder aria-label={`Chỉ tiêu và nhiệm vụ năm ${year + 1}`}>
        <Table.Caption>Chỉ tiêu, nhiệm vụ và giải pháp năm {year + 1}</Table.Caption>
        <Table.Tbody>
          {plan.nextTargets.map((t) => (
            <Table.Tr key={`t${t.id}`}>
              <Table.Td>Chỉ tiêu: {t.title}</Table.Td>
              <Table.Td>
                {targetComparisonSigns[t.comparison]} {amount(t, t.value)}
              </Table.Td>
            </Table.Tr>
          ))}
          {plan.tasks.map((t) => (
            <Table.Tr key={`n${t.id}`}>
              <Table.Td>Nhiệm vụ: {t.text}</Table.Td>
              <Table.Td>
                {t.owner ?? ''} {t.dueOn ? `· hạn ${showDate(t.dueOn)}` : ''} · {taskStatusLabels[t.status]}
              </Table.Td>
            </Table.Tr>
          ))}
          {plan.nextTargets.length + plan.tasks.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={2}>{NOT_RECORDED}</Table.Td>
            </Table.Tr>
          ) : null}
        </Table.Tbody>
      </Table>
      <Table striped withTableBorder aria-label="Kiến nghị với cấp trên">
        <Table.Caption>Kiến nghị, đề xuất với cấp trên và kết quả trả lời</Table.Caption>
        <Table.Tbody>
          {plan.proposals.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={3}>Không có kiến nghị trong kỳ.</Table.Td>
            </Table.Tr>
          ) : null}
          {plan.proposals.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{showDate(p.sentOn)}</Table.Td>
              <Table.Td>
                {p.content} <Text size="xs">→ {p.addressee}</Text>
              </Table.Td>
              <Table.Td>
                {proposalStatusLabels[p.status]}
                {p.answeredOn ? ` (${showDate(p.answeredOn)})` : ''}
                {p.answerText ? `: ${p.answerText}` : ''}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function SectionsEditor({ report }: { report: ReportView }) {
  const queryClient = useQueryClient();
  const [sections, setSections] = useState<ReportSection[]>(report.sections);
  const save = useMutation({
    mutationFn: () => updateReport(report.id, { version: report.version, sections }),
    onSuccess: (saved) => queryClient.setQueryData(['report', report.id], saved),
  });
  return (
    <Stack gap="sm">
      <SaveErrorAlert error={save.error} />
      {sections.map((section, index) => (
        <Stack key={index} gap={4}>
          <TextInput
            label={`Phần ${index + 1}`}
            value={section.heading}
            onChange={(e) => setSections(sections.map((s, i) => (i === index ? { ...s, heading: e.currentTarget.value } : s)))}
          />
          <Textarea
            autosize
            minRows={3}
            aria-label={`Nội dung phần ${index + 1}`}
            value={section.body}
            description="Chèn số liệu bằng {{mã chỉ số}}, ví dụ {{admissions}}; số ghi tay {{members=4200}} được đối chiếu với dữ liệu."
            onChange={(e) => setSections(sections.map((s, i) => (i === index ? { ...s, body: e.currentTarget.value } : s)))}
          />
        </Stack>
      ))}
      <Group>
        <Button variant="default" onClick={() => setSections([...sections, { heading: 'Phần mới', body: '' }])}>
          Thêm phần
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          Lưu nội dung
        </Button>
      </Group>
    </Stack>
  );
}

function IssueForm({ report }: { report: ReportView }) {
  const queryClient = useQueryClient();
  const [number, setNumber] = useState<number | string>('');
  const [issuerCode, setIssuerCode] = useState('ĐU');
  const [issuedOn, setIssuedOn] = useState(todayIso());
  const issue = useMutation({
    mutationFn: () => issueReport(report.id, { number: Number(number), issuerCode, issuedOn, version: report.version }),
    onSuccess: (saved) => queryClient.setQueryData(['report', report.id], saved),
  });
  return (
    <Stack gap="xs">
      <SaveErrorAlert error={issue.error} />
      <Group align="end">
        <NumberInput label="Số" value={number} onChange={setNumber} min={1} w={100} />
        <TextInput label="Ký hiệu (sau BC/)" value={issuerCode} onChange={(e) => setIssuerCode(e.currentTarget.value)} w={140} />
        <TextInput label="Ngày ban hành (yyyy-mm-dd)" value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} w={200} />
        <Button onClick={() => issue.mutate()} loading={issue.isPending} disabled={report.flags.length > 0}>
          Ban hành báo cáo
        </Button>
      </Group>
    </Stack>
  );
}

/** The secretary's review: a draft is reviewed (then locked), a reviewed draft may go back to its writers with a reason. */
function ReviewPanel({ report }: { report: ReportView }) {
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const saved = (next: ReportView) => queryClient.setQueryData(['report', report.id], next);
  const review = useMutation({ mutationFn: () => reviewReport(report.id, { version: report.version }), onSuccess: saved });
  const giveBack = useMutation({ mutationFn: () => returnReport(report.id, { reason, version: report.version }), onSuccess: saved });
  if (report.status === 'draft')
    return (
      <Stack gap="xs">
        <SaveErrorAlert error={review.error} />
        <Button onClick={() => review.mutate()} loading={review.isPending} disabled={report.flags.length > 0} w="fit-content">
          Duyệt dự thảo
        </Button>
      </Stack>
    );
  return (
    <Stack gap="xs">
      <SaveErrorAlert error={giveBack.error} />
      <Group align="end">
        <TextInput label="Lý do trả lại" value={reason} onChange={(e) => setReason(e.currentTarget.value)} w={360} />
        <Button variant="default" onClick={() => giveBack.mutate()} loading={giveBack.isPending}>
          Trả lại dự thảo
        </Button>
      </Group>
    </Stack>
  );
}

function IssuedPanel({ report }: { report: ReportView }) {
  const queryClient = useQueryClient();
  const changes = useQuery({ queryKey: ['report-changes', report.id], queryFn: ({ signal }) => getReportChanges(report.id, signal) });
  const submit = useMutation({
    mutationFn: () => submitReport(report.id, { submittedOn: todayIso(), version: report.version }),
    onSuccess: (saved) => queryClient.setQueryData(['report', report.id], saved),
  });
  return (
    <Stack gap="xs">
      <Text>
        Số {report.number}, ban hành ngày {showDate(report.issuedOn)}. Mã băm số liệu chốt: <code>{report.snapshotHash}</code>{' '}
        {report.snapshotIntact ? <Badge color="teal.9">nguyên vẹn</Badge> : <Badge color="red.9">không khớp mã băm</Badge>}
      </Text>
      {changes.data && (changes.data.changed.length > 0 || changes.data.planChanged.length > 0) ? (
        <Alert color="yellow" title="Số liệu đã thay đổi sau khi ban hành (báo cáo giữ số liệu đã chốt)">
          {changes.data.changed.map((c) => (
            <Text size="sm" key={c.key}>
              {c.label}: {showNumber(c.frozenTotal)} → {showNumber(c.currentTotal)} (thêm {showNumber(c.added)}, bớt {showNumber(c.removed)})
            </Text>
          ))}
          {changes.data.planChanged.map((c) => (
            <Text size="sm" key={`${c.section}-${c.id}`}>
              {planSectionLabels[c.section]}: «{c.label}» {planChangeKindLabels[c.change]}
              {c.fields.length > 0 ? ` (${c.fields.map((f) => planFieldLabels[f] ?? f).join(', ')})` : ''}
            </Text>
          ))}
        </Alert>
      ) : changes.data ? (
        <Text size="sm" c="dimmed">
          Số liệu không thay đổi kể từ khi ban hành.
        </Text>
      ) : null}
      {report.submittedOn ? (
        <Text>Đã gửi cấp trên ngày {showDate(report.submittedOn)}.</Text>
      ) : (
        <ActionGate action="reports.write">
          <SaveErrorAlert error={submit.error} />
          <Button onClick={() => submit.mutate()} loading={submit.isPending} w="fit-content">
            Gửi cấp trên
          </Button>
        </ActionGate>
      )}
    </Stack>
  );
}

/** "Hòa Bình, ngày 27 tháng 11 năm 2026". */
function placeAndDate(place: string, iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${place}, ngày ${d} tháng ${m} năm ${y}`;
}

/**
 * The report as printed (hidden on screen, the only thing shown when printing): the heading of a party document,
 * the title, the narrative with its figures, the statistical tables and the plan, the signature and the recipients.
 * A draft prints as such, with the figures of the moment.
 */
function ReportPrint({ report }: { report: ReportView }) {
  return (
    <div className="print-only report-print">
      <Group justify="space-between" align="start">
        <Stack gap={0} align="center">
          <Text fw={700}>{report.orgName.toLocaleUpperCase('vi')}</Text>
          <Text>*</Text>
          <Text>{report.number ? `Số ${report.number}` : 'DỰ THẢO'}</Text>
        </Stack>
        <Stack gap={0} align="center">
          <Text fw={700} td="underline">
            ĐẢNG CỘNG SẢN VIỆT NAM
          </Text>
          <Text fs="italic">{placeAndDate(report.place, report.issuedOn ?? todayIso())}</Text>
        </Stack>
      </Group>
      <Text fw={700} ta="center" mt="md">
        BÁO CÁO
      </Text>
      <Text fw={700} ta="center" mb="md">
        {report.title}
      </Text>
      {report.status === 'issued' ? null : <Text fs="italic">(Dự thảo – số liệu tính đến thời điểm in, chưa ban hành.)</Text>}
      {report.rendered.map((s, i) => (
        <Stack key={i} gap={2} mb="xs">
          <Text fw={700}>{s.heading}</Text>
          <Text style={{ whiteSpace: 'pre-wrap', textAlign: 'justify' }}>{s.text}</Text>
        </Stack>
      ))}
      <Text fw={700} mt="md">
        Phụ lục: Số liệu năm {report.year}
      </Text>
      <table>
        <thead>
          <tr>
            <th>Chỉ số</th>
            <th>Năm {report.year}</th>
            <th>Các thành phần</th>
            <th>Năm {report.year - 1}</th>
            <th>Tăng, giảm</th>
          </tr>
        </thead>
        <tbody>
          {report.figures.map((f) => (
            <tr key={f.key}>
              <td>{f.label}</td>
              <td>{f.recorded ? showNumber(f.total) : NOT_RECORDED}</td>
              <td>
                {f.parts
                  .filter((p) => p.value > 0)
                  .map((p) => `${p.label}: ${showNumber(p.value)}`)
                  .join('; ')}
              </td>
              <td>{f.previous.recorded ? showNumber(f.previous.total) : NOT_RECORDED}</td>
              <td>{f.change === null ? '–' : `${f.change > 0 ? '+' : ''}${showNumber(f.change)}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PlanPanel report={report} />
      <Group justify="space-between" align="start" mt="md">
        <Stack gap={0}>
          <Text fw={700} fs="italic">
            Nơi nhận:
          </Text>
          {report.recipients.map((r) => (
            <Text size="sm" key={r}>
              - {r},
            </Text>
          ))}
        </Stack>
        <Stack gap={0} align="center">
          <Text fw={700}>T/M {report.orgName.toLocaleUpperCase('vi')}</Text>
          <Text fw={700}>{report.signerTitle}</Text>
          <Text mt={48} fw={700}>
            {report.signerName}
          </Text>
        </Stack>
      </Group>
    </div>
  );
}

/** The report editor: the figures panel (value, parts, change, drill-down), the narrative, issue and submission. */
export function ReportEditorPage() {
  const id = Number(useParams().id);
  const report = useQuery({ queryKey: ['report', id], queryFn: ({ signal }) => getReport(id, signal) });
  const canWrite = useCan('reports.write');
  const data = report.data;
  if (!data) return <Text>{report.isError ? 'Không tìm thấy báo cáo.' : 'Đang tải…'}</Text>;
  return (
    <>
      <ReportPrint report={data} />
      <Stack className="no-print">
        <Group justify="space-between">
          <Stack gap={0}>
            <Title order={1}>{data.title}</Title>
            <Text c="dimmed">
              {data.orgName} · {showDate(data.from)} – {showDate(data.to)} · {reportStatusLabels[data.status]}
            </Text>
          </Stack>
          <Group>
            <Button variant="default" onClick={() => window.print()}>
              In báo cáo
            </Button>
            <Button component="a" href={reportDocxUrl(data.id)} variant="default">
              Tải Word
            </Button>
            <Button component="a" href={reportXlsxUrl(data.id)} variant="default">
              Xuất Excel
            </Button>
            <DraftFromReportButton reportId={data.id} />
          </Group>
        </Group>
        {data.flags.length > 0 ? (
          <Alert color="red" title="Số liệu cần kiểm tra (chưa ban hành được)">
            {data.flags.map((f, i) => (
              <Text size="sm" key={i}>
                {f.message}
              </Text>
            ))}
          </Alert>
        ) : null}
        <Title order={2}>Số liệu</Title>
        <FiguresPanel report={data} />
        <Title order={2}>Chỉ tiêu, nhiệm vụ và kiến nghị</Title>
        <PlanPanel report={data} />
        <Title order={2}>Nội dung</Title>
        {data.status === 'draft' && canWrite ? (
          <>
            <SectionsEditor key={data.version} report={data} />
            <Title order={3}>Bản xem trước (số liệu hiện tại, chưa chốt)</Title>
            <RenderedSections report={data} />
          </>
        ) : (
          <RenderedSections report={data} />
        )}
        {data.status === 'issued' ? null : (
          <>
            <Title order={2}>Duyệt dự thảo</Title>
            <Text size="sm" c="dimmed">
              {data.status === 'draft'
                ? 'Dự thảo được bí thư duyệt trước khi ban hành; sau khi duyệt, nội dung không sửa được trừ khi trả lại dự thảo.'
                : 'Dự thảo đã được duyệt, chờ ban hành.'}
            </Text>
            <ActionGate action="reports.review">
              <ReviewPanel report={data} />
            </ActionGate>
          </>
        )}
        <Title order={2}>Ban hành</Title>
        {data.status === 'reviewed' ? (
          <ActionGate action="reports.write">
            <IssueForm report={data} />
          </ActionGate>
        ) : data.status === 'draft' ? (
          <Text size="sm" c="dimmed">
            Chưa ban hành được: dự thảo cần được duyệt trước.
          </Text>
        ) : (
          <IssuedPanel report={data} />
        )}
      </Stack>
    </>
  );
}

function RenderedSections({ report }: { report: ReportView }) {
  return (
    <Stack gap="xs" aria-label="Nội dung báo cáo" role="region">
      {report.rendered.map((s, i) => (
        <Stack key={i} gap={2}>
          <Text fw={700}>{s.heading}</Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{s.text}</Text>
        </Stack>
      ))}
    </Stack>
  );
}
