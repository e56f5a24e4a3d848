import { Anchor, Badge, Button, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { createReport, getReportRollUp, listReportSubmissions, listReports } from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { ActionGate } from '../auth/session';
import { usePlanOrg } from '../targets/use-plan-org';
import { showDate, showNumber } from '../../format';
import { reportStatusLabels, submissionStateLabels } from '../../../shared/reports';

const NOT_RECORDED = 'chưa ghi nhận';

/**
 * The upper committee's roll-up: each subordinate's submitted figures side by side, their sum, and the committee's own
 * live figure; a difference is flagged with its likely cause.
 */
function RollUpTable({ orgId, year }: { orgId: number; year: number }) {
  const rollUp = useQuery({ queryKey: ['report-roll-up', orgId, year], queryFn: ({ signal }) => getReportRollUp({ orgId, year }, signal) });
  const data = rollUp.data;
  if (!data || data.subordinates.length === 0) return null;
  return (
    <Stack gap="xs">
      <Title order={2}>Tổng hợp số liệu báo cáo của cấp dưới năm {year}</Title>
      <Text size="sm" c="dimmed">
        Số liệu cấp dưới là số đã chốt khi ban hành; số của {data.orgName} tính trực tiếp từ dữ liệu đến {showDate(data.to)}.
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table striped withTableBorder aria-label="Tổng hợp số liệu của cấp dưới">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Chỉ số</Table.Th>
              {data.subordinates.map((s) => (
                <Table.Th key={s.orgId}>
                  {s.reportId ? (
                    <Anchor component={Link} to={`/bao-cao/${s.reportId}`}>
                      {s.orgName}
                    </Anchor>
                  ) : (
                    `${s.orgName} (chưa gửi)`
                  )}
                </Table.Th>
              ))}
              <Table.Th>Tổng cấp dưới</Table.Th>
              <Table.Th>Số của cấp này</Table.Th>
              <Table.Th>Chênh lệch</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.figures.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Td>{f.label}</Table.Td>
                {f.values.map((v, i) => (
                  <Table.Td key={i}>{v === null ? '—' : showNumber(v)}</Table.Td>
                ))}
                <Table.Td>{showNumber(f.rollUp)}</Table.Td>
                <Table.Td>{f.own === null ? NOT_RECORDED : showNumber(f.own)}</Table.Td>
                <Table.Td>
                  {f.flagged ? (
                    <>
                      <Badge color="red.9">
                        {f.difference === null ? 'Không đối chiếu được' : `${f.difference > 0 ? '+' : ''}${showNumber(f.difference)}`}
                      </Badge>
                      <Text size="xs">{f.note}</Text>
                    </>
                  ) : (
                    <Badge color="green" variant="light">
                      Khớp
                    </Badge>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

/** The year's reports of the chosen organisation (and below), a new draft, and the subordinates' submissions. */
export function ReportsPage() {
  const org = usePlanOrg();
  const orgId = org?.id;
  const [year, setYear] = useState(new Date().getFullYear());
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reports = useQuery({ queryKey: ['reports', orgId, year], queryFn: ({ signal }) => listReports({ orgId, year }, signal) });
  const submissions = useQuery({
    queryKey: ['report-submissions', orgId, year],
    queryFn: ({ signal }) => listReportSubmissions({ orgId: orgId!, year }, signal),
    enabled: orgId !== undefined,
  });
  const create = useMutation({
    mutationFn: () => createReport({ orgId: orgId!, year }),
    onSuccess: (made) => {
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      void navigate(`/bao-cao/${made.id}`);
    },
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>Báo cáo năm</Title>
        <Group>
          <NumberInput label="Năm" value={year} onChange={(v) => setYear(Number(v) || year)} min={2000} max={2100} w={110} />
          {org ? (
            <ActionGate action="reports.write">
              <Button onClick={() => create.mutate()} loading={create.isPending} mt="lg">
                Soạn báo cáo năm {year}
              </Button>
            </ActionGate>
          ) : null}
        </Group>
      </Group>
      <SaveErrorAlert error={create.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Tổ chức</Table.Th>
            <Table.Th>Kỳ báo cáo</Table.Th>
            <Table.Th>Tên báo cáo</Table.Th>
            <Table.Th>Tình trạng</Table.Th>
            <Table.Th>Số, ngày ban hành</Table.Th>
            <Table.Th>Gửi cấp trên</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(reports.data?.items ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.orgName}</Table.Td>
              <Table.Td>
                {showDate(r.from)} – {showDate(r.to)}
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/bao-cao/${r.id}`}>
                  {r.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.status === 'issued' ? 'green' : 'gray'}>
                  {reportStatusLabels[r.status]}
                </Badge>
              </Table.Td>
              <Table.Td>{r.number ? `${r.number}, ${showDate(r.issuedOn)}` : '—'}</Table.Td>
              <Table.Td>{r.submittedOn ? showDate(r.submittedOn) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {submissions.data && submissions.data.items.length > 0 ? (
        <Stack gap="xs">
          <Title order={2}>Cấp dưới gửi báo cáo năm {year}</Title>
          <Text size="sm" c="dimmed">
            Hạn gửi: {showDate(submissions.data.dueOn)}
          </Text>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Tổ chức</Table.Th>
                <Table.Th>Tình trạng</Table.Th>
                <Table.Th>Số báo cáo</Table.Th>
                <Table.Th>Ngày gửi</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {submissions.data.items.map((s) => (
                <Table.Tr key={s.orgId}>
                  <Table.Td>{s.orgName}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.state === 'submitted' ? 'green' : s.late ? 'red' : 'gray'}>
                      {submissionStateLabels[s.state]}
                      {s.late ? ' – quá hạn' : ''}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{s.number ?? '—'}</Table.Td>
                  <Table.Td>{s.submittedOn ? showDate(s.submittedOn) : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
      {orgId !== undefined ? <RollUpTable orgId={orgId} year={year} /> : null}
    </Stack>
  );
}
