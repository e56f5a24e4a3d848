import { Alert, Anchor, Badge, Box, Card, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { BarChart, DonutChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { isValidIso, todayIso } from '../../../shared/dates';
import { formatNumber } from '../../../shared/vietnamese';
import { getMetric, listAttention, listMetrics } from '../../api';
import type { MetricQuery, MetricResult } from '../../../shared/metrics';
import { attentionSeverityLabels, type AttentionSeverity } from '../../../shared/radar';
import { useCurrentOrg } from '../../components/current-org';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { showDate } from '../../format';
import { useSession } from '../auth/session';
import { metricRecordsPath } from './metric-links';
import { TargetsProgressCard } from '../targets/targets-progress-card'; // targets

const palette = ['red.7', 'orange.6', 'yellow.6', 'teal.6', 'blue.6', 'grape.6', 'gray.6', 'cyan.6', 'lime.6', 'pink.6'];

/** The server may name a figure differently than first agreed; take the first name it knows. */
function useMetricName(candidates: string[]): string | null {
  const metrics = useQuery({ queryKey: ['metrics'], queryFn: ({ signal }) => listMetrics(signal), staleTime: Infinity });
  if (!metrics.data) return metrics.isError ? candidates[0] : null;
  return candidates.find((name) => metrics.data.some((metric) => metric.name === name)) ?? candidates[0];
}

function useMetric(name: string, query: MetricQuery) {
  return useQuery({ queryKey: ['metric', name, query], queryFn: ({ signal }) => getMetric(name, query, signal), staleTime: 60_000 });
}

function PartLinks({ metric, query, hideZero = false, colors }: { metric: MetricResult; query: MetricQuery; hideZero?: boolean; colors?: boolean }) {
  const parts = hideZero ? metric.parts.filter((part) => part.value > 0) : metric.parts;
  if (parts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        Chưa có số liệu.
      </Text>
    );
  return (
    <ul className="part-list">
      {parts.map((part, index) => (
        <li key={part.key}>
          <Anchor component={Link} to={metricRecordsPath(metric.name, query, part.key)} size="sm" c="inherit" underline="hover" className="part-link">
            <span className="part-label">
              {colors ? (
                <span
                  className="part-swatch"
                  style={{ background: `var(--mantine-color-${palette[index % palette.length].replace('.', '-')})` }}
                  aria-hidden="true"
                />
              ) : null}
              {part.label}
            </span>
            <strong>{formatNumber(part.value)}</strong>
          </Anchor>
        </li>
      ))}
    </ul>
  );
}

function FigureCard({ name, title, unit, query }: { name: string; title: string; unit: string; query: MetricQuery }) {
  const metric = useMetric(name, query);
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`figure-${name}`}>
      <Text size="sm" c="dimmed" fw={600} id={`figure-${name}`} component="h2">
        {title}
      </Text>
      {metric.isPending ? <Skeleton h={80} mt="xs" /> : null}
      {metric.isError ? <ErrorState error={metric.error} onRetry={() => metric.refetch()} /> : null}
      {metric.data ? (
        <Stack gap="xs" mt={4}>
          <Anchor component={Link} to={metricRecordsPath(name, query)} className="figure-link">
            <Text className="figure-value" fz={32} fw={700} lh={1.1} c="red.8" component="span" display="block">
              {formatNumber(metric.data.total)}
            </Text>
            <Text size="xs" c="dimmed" component="span" display="block">
              {unit}
              <VisuallyHidden> — xem danh sách</VisuallyHidden>
            </Text>
          </Anchor>
          <PartLinks metric={metric.data} query={query} hideZero />
        </Stack>
      ) : null}
    </Card>
  );
}

function ChartCard({ name, title, query, kind }: { name: string; title: string; query: MetricQuery; kind: 'bar' | 'donut' | 'hbar' }) {
  const metric = useMetric(name, query);
  const navigate = useNavigate();
  const data = metric.data;
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`chart-${name}`}>
      <Title order={2} size="h5" id={`chart-${name}`} mb="xs">
        {title}
      </Title>
      {metric.isPending ? <Skeleton h={220} /> : null}
      {metric.isError ? <ErrorState error={metric.error} onRetry={() => metric.refetch()} /> : null}
      {data ? (
        <Stack gap="sm">
          <Box aria-hidden="true" className="no-print">
            {data.total === 0 ? (
              <Text size="sm" c="dimmed">
                Chưa có số liệu.
              </Text>
            ) : kind === 'donut' ? (
              <Group justify="center">
                <DonutChart
                  data={data.parts.map((part, index) => ({ name: part.label, value: part.value, color: palette[index % palette.length] }))}
                  valueFormatter={(value) => formatNumber(value)}
                  withLabelsLine={false}
                  withLabels
                  labelsType="percent"
                  size={180}
                  thickness={28}
                  chartLabel={formatNumber(data.total)}
                  tooltipDataSource="segment"
                  accessibilityLayer={false}
                  pieProps={{
                    rootTabIndex: -1,
                    onClick: (_entry: unknown, index: number) => navigate(metricRecordsPath(name, query, data.parts[index]?.key)),
                    style: { cursor: 'pointer' },
                  }}
                />
              </Group>
            ) : (
              <BarChart
                h={kind === 'hbar' ? Math.max(180, data.parts.length * 44) : 220}
                data={data.parts.map((part) => ({ label: part.label, key: part.key, value: part.value }))}
                dataKey="label"
                orientation={kind === 'hbar' ? 'vertical' : 'horizontal'}
                series={[{ name: 'value', label: 'Đảng viên', color: 'red.7' }]}
                valueFormatter={(value) => formatNumber(value)}
                tickLine="none"
                gridAxis={kind === 'hbar' ? 'x' : 'y'}
                yAxisProps={kind === 'hbar' ? { width: 150 } : undefined}
                barChartProps={{ margin: { right: 48, top: 16 } }}
                withBarValueLabel
                accessibilityLayer={false}
                barProps={{
                  style: { cursor: 'pointer' },
                  onClick: (entry: { payload?: { key?: string } }) => navigate(metricRecordsPath(name, query, entry.payload?.key)),
                }}
              />
            )}
          </Box>
          <PartLinks metric={data} query={query} colors={kind === 'donut'} />
          <Text size="xs" c="dimmed">
            Tổng: {formatNumber(data.total)} ·{' '}
            <Anchor component={Link} to={metricRecordsPath(name, query)} size="xs">
              Xem toàn bộ danh sách
            </Anchor>
          </Text>
        </Stack>
      ) : null}
    </Card>
  );
}

const severityColors: Record<AttentionSeverity, string> = { overdue: 'red', due_soon: 'orange', ok: 'blue' };

function AttentionList({ orgId }: { orgId: number | undefined }) {
  const attention = useQuery({ queryKey: ['attention', orgId], queryFn: ({ signal }) => listAttention({ orgId }, signal) });
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="can-chu-y">
      <Title order={2} size="h5" id="can-chu-y" mb="xs">
        Cần chú ý
      </Title>
      {attention.isPending ? <Skeleton h={40} /> : null}
      {attention.isError ? <ErrorState error={attention.error} onRetry={() => attention.refetch()} /> : null}
      {attention.data && attention.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          Hiện không có việc nào đến hạn hoặc quá hạn.
        </Text>
      ) : null}
      {attention.data && attention.data.length > 0 ? (
        <Stack gap="xs">
          {attention.data.map((item, index) => {
            const to = item.transferId
              ? `/chuyen-sinh-hoat/${item.transferId}`
              : item.memberId
                ? `/dang-vien/${item.memberId}`
                : item.orgId
                  ? `/to-chuc/${item.orgId}`
                  : null;
            return (
              <Group key={`${item.kind}-${index}`} justify="space-between" wrap="nowrap" gap="sm">
                <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                  <Badge color={severityColors[item.severity]} variant="light" radius="sm" style={{ flex: 'none' }}>
                    {attentionSeverityLabels[item.severity]}
                  </Badge>
                  {to ? (
                    <Anchor component={Link} to={to} size="sm">
                      {item.label}
                    </Anchor>
                  ) : (
                    <Text size="sm">{item.label}</Text>
                  )}
                </Group>
                {item.dueOn ? (
                  <Text size="sm" c="dimmed" style={{ flex: 'none' }}>
                    Hạn {showDate(item.dueOn)}
                  </Text>
                ) : null}
              </Group>
            );
          })}
        </Stack>
      ) : null}
    </Paper>
  );
}

export function DashboardPage() {
  const session = useSession();
  const { org } = useCurrentOrg();
  const [params, setParams] = useSearchParams();
  const dateParam = params.get('ngay');
  const today = todayIso();
  const date = dateParam !== null && isValidIso(dateParam) ? dateParam : today;
  const orgId = org?.id;
  const snapshot: MetricQuery = { orgId, date: date === today ? undefined : date };
  const period: MetricQuery = { orgId, from: `${date.slice(0, 4)}-01-01`, to: date === today ? undefined : date };
  const grassrootsMetric = useMetricName(['grassroots_by_unit_type', 'orgs_by_unit_type']);
  const scopeName = org?.name ?? session.user.orgName ?? 'Toàn hệ thống';

  return (
    <>
      <PageHeader
        title="Tổng quan"
        subtitle={`${scopeName} · Số liệu tại ngày ${showDate(date)}`}
        actions={
          <DateField
            aria-label="Số liệu tại ngày"
            value={date === today ? null : date}
            onChange={(value) => setParams(value && value !== today ? { ngay: value } : {}, { replace: true })}
            placeholder={`Hôm nay (${showDate(today)})`}
            maxDate={today}
            w={200}
          />
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <FigureCard name="orgs_by_kind" title="Tổ chức đảng" unit="tổ chức" query={snapshot} />
          {grassrootsMetric ? (
            <FigureCard name={grassrootsMetric} title="Tổ chức cơ sở đảng theo loại hình" unit="tổ chức cơ sở đảng" query={snapshot} />
          ) : (
            <Skeleton h={160} />
          )}
          <FigureCard name="members_by_status" title="Đảng viên" unit="đảng viên" query={snapshot} />
          <FigureCard name="membership_changes" title={`Biến động năm ${date.slice(0, 4)}`} unit="lượt biến động" query={period} />
        </SimpleGrid>
        <AttentionList orgId={orgId} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <ChartCard name="members_by_unit_type" title="Đảng viên theo loại hình cơ sở" query={snapshot} kind="hbar" />
          <ChartCard name="members_by_age_band" title="Đảng viên theo độ tuổi" query={snapshot} kind="bar" />
          <ChartCard name="members_by_gender" title="Đảng viên theo giới tính" query={snapshot} kind="donut" />
          <ChartCard name="members_by_theory_level" title="Đảng viên theo trình độ lý luận chính trị" query={snapshot} kind="bar" />
        </SimpleGrid>
        <TargetsProgressCard orgId={orgId} />
        {/* discipline */}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <FigureCard name="member_sanctions_by_form" title={`Đảng viên bị kỷ luật năm ${date.slice(0, 4)}`} unit="đảng viên" query={period} />
          <FigureCard name="appeals_by_outcome" title={`Khiếu nại kỷ luật đã giải quyết năm ${date.slice(0, 4)}`} unit="đơn khiếu nại" query={period} />
        </SimpleGrid>
        {orgId !== undefined ? null : (
          <Alert color="gray" variant="light" className="no-print">
            Đang xem toàn bộ phạm vi quản lý. Chọn một tổ chức ở ô chọn tổ chức phía trên để xem số liệu của riêng tổ chức đó và các tổ chức trực thuộc.
          </Alert>
        )}
      </Stack>
    </>
  );
}
