import { Anchor, Breadcrumbs, Button, Group, Paper, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { appealOutcomeLabels, sanctionFormLabels, type AppealOutcome, type SanctionForm } from '../../../shared/discipline-kinds';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isValidIso } from '../../../shared/dates';
import { genderLabels, membershipEventKindLabels } from '../../../shared/member';
import type { Gender, MemberStatus, MembershipEventKind } from '../../../shared/member';
import { orgKindLabels, unitTypeLabels } from '../../../shared/org';
import type { OrgKind, UnitType } from '../../../shared/org';
import { formatNumber } from '../../../shared/vietnamese';
import { getMetric, getMetricRecords, metricRecordsExportUrl } from '../../api';
import type { MetricQuery } from '../../../shared/metrics';
import { useOrgQuery } from '../../components/org-name';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { showDate } from '../../format';
import { labelOr } from '../../labels';
import { decisionText } from '../members/member-labels';
import { StatusBadge } from '../members/status-badge';

const PAGE_SIZE = 50;

type Row = Record<string, unknown>;

interface Column {
  header: string;
  cell: (row: Row) => React.ReactNode;
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

function memberLink(row: Row) {
  return (
    <Anchor component={Link} to={`/dang-vien/${str(row.id)}`}>
      {str(row.fullName)}
    </Anchor>
  );
}

/** Columns by the kind of record the server says stands behind the figure. */
function columnsFor(recordKind: string, sample: Row | undefined): Column[] {
  if (recordKind === 'org' || (sample && 'kind' in sample && 'code' in sample)) {
    return [
      {
        header: 'Tên tổ chức',
        cell: (row) => (
          <Anchor component={Link} to={`/to-chuc/${str(row.id)}`}>
            {str(row.name)}
          </Anchor>
        ),
      },
      { header: 'Mã', cell: (row) => str(row.code) },
      { header: 'Loại', cell: (row) => labelOr(orgKindLabels, str(row.kind) as OrgKind) },
      { header: 'Loại hình', cell: (row) => (row.unitType ? (unitTypeLabels[str(row.unitType) as UnitType] ?? '—') : '—') },
    ];
  }
  // discipline
  if (recordKind === 'sanction' || recordKind === 'appeal') {
    return [
      { header: 'Ngày', cell: (row) => showDate(str(row.occurredOn)) },
      {
        header: 'Đối tượng',
        cell: (row) => (
          <Anchor component={Link} to={`/ky-luat/${str(row.sanctionId)}`}>
            {str(row.fullName)}
          </Anchor>
        ),
      },
      { header: 'Tổ chức', cell: (row) => str(row.orgName) || '—' },
      {
        header: recordKind === 'sanction' ? 'Hình thức' : 'Kết quả',
        cell: (row) =>
          recordKind === 'sanction'
            ? (sanctionFormLabels[str(row.form) as SanctionForm] ?? '—')
            : (appealOutcomeLabels[str(row.outcome) as AppealOutcome] ?? '—'),
      },
      { header: 'Quyết định', cell: (row) => decisionText(row.decision as { number: string; date: string; issuer: string } | null) },
    ];
  }
  if (recordKind === 'membership_event') {
    return [
      { header: 'Ngày', cell: (row) => showDate(str(row.occurredOn)) },
      { header: 'Họ và tên', cell: memberLink },
      { header: 'Biến động', cell: (row) => labelOr(membershipEventKindLabels, str(row.kind) as MembershipEventKind) },
      { header: 'Tổ chức', cell: (row) => str(row.orgName) || '—' },
      { header: 'Quyết định', cell: (row) => decisionText(row.decision as { number: string; date: string; issuer: string } | null) },
    ];
  }
  return [
    { header: 'Họ và tên', cell: memberLink },
    { header: 'Ngày sinh', cell: (row) => showDate(str(row.birthDate)) },
    { header: 'Giới tính', cell: (row) => genderLabels[str(row.gender) as Gender] ?? '—' },
    { header: 'Chi bộ', cell: (row) => str(row.orgName) || '—' },
    {
      header: 'Tình trạng',
      cell: (row) => (row.status ? <StatusBadge status={str(row.status) as MemberStatus} short /> : '—'),
    },
  ];
}

/** The records behind a dashboard figure (or one part of it), so every number can be checked. */
export function MetricRecordsPage() {
  const name = useParams().name ?? '';
  const [params, setParams] = useSearchParams();
  const orgIdParam = Number(params.get('orgId'));
  const iso = (key: string) => {
    const value = params.get(key);
    return value !== null && isValidIso(value) ? value : undefined;
  };
  const query: MetricQuery = {
    orgId: Number.isInteger(orgIdParam) && orgIdParam > 0 ? orgIdParam : undefined,
    date: iso('date'),
    from: iso('from'),
    to: iso('to'),
  };
  const key = params.get('key') ?? undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);
  const org = useOrgQuery(query.orgId);

  const metric = useQuery({ queryKey: ['metric', name, query], queryFn: ({ signal }) => getMetric(name, query, signal) });
  const records = useQuery({
    queryKey: ['metric-records', name, query, key, page],
    queryFn: ({ signal }) => getMetricRecords(name, { ...query, key, page }, signal),
    placeholderData: keepPreviousData,
  });

  const part = key ? metric.data?.parts.find((p) => p.key === key) : undefined;
  const title = metric.data ? (part ? `${metric.data.label}: ${part.label}` : metric.data.label) : 'Số liệu chi tiết';
  const when =
    query.from || query.to
      ? `Từ ${query.from ? showDate(query.from) : 'đầu năm'} đến ${query.to ? showDate(query.to) : 'nay'}`
      : `Tại ngày ${query.date ? showDate(query.date) : 'hôm nay'}`;
  const scope = query.orgId ? (org.data?.name ?? '…') : 'Toàn bộ phạm vi quản lý';
  const recordKind =
    (records.data as { recordKind?: string } | undefined)?.recordKind ??
    (name.startsWith('orgs_') ? 'org' : name === 'membership_changes' ? 'membership_event' : 'member');
  const columns = columnsFor(recordKind, records.data?.items[0]);

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print crumbs">
            <Anchor component={Link} to="/" size="sm">
              Tổng quan
            </Anchor>
            <Text size="sm">Số liệu chi tiết</Text>
          </Breadcrumbs>
        }
        title={title}
        subtitle={`${scope} · ${when}`}
        actions={
          <>
            {key ? (
              <Button
                variant="default"
                onClick={() =>
                  setParams((current) => {
                    const next = new URLSearchParams(current);
                    next.delete('key');
                    next.delete('page');
                    return next;
                  })
                }
              >
                Xem cả chỉ số
              </Button>
            ) : null}
            <Button component="a" href={metricRecordsExportUrl(name, { ...query, key })} variant="default" download>
              Xuất Excel
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              In danh sách
            </Button>
          </>
        }
      />
      {metric.isError ? <ErrorState error={metric.error} /> : null}
      {metric.data && !key ? (
        <Paper withBorder p="sm" mb="md">
          <Group gap="xs">
            {metric.data.parts.map((p) => (
              <Button
                key={p.key}
                size="xs"
                variant="light"
                color="gray"
                component={Link}
                to={`/so-lieu/${encodeURIComponent(name)}?${new URLSearchParams({ ...Object.fromEntries(params), key: p.key }).toString()}`}
              >
                {p.label}: {formatNumber(p.value)}
              </Button>
            ))}
          </Group>
        </Paper>
      ) : null}
      {records.isPending ? <PageLoader /> : null}
      {records.isError ? <ErrorState error={records.error} onRetry={() => records.refetch()} /> : null}
      {records.data ? (
        <>
          <Text size="sm" mb="xs" aria-live="polite">
            {`Có ${formatNumber(records.data.total)} bản ghi`}
            {metric.data && part && part.value !== records.data.total ? ` (số liệu tổng hợp: ${formatNumber(part.value)})` : ''}
          </Text>
          {records.data.items.length === 0 ? (
            <EmptyText>Không có bản ghi nào.</EmptyText>
          ) : (
            <div className="table-scroll" tabIndex={0} style={{ opacity: records.isPlaceholderData ? 0.6 : 1 }}>
              <Table striped verticalSpacing="xs" miw={600}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">STT</Table.Th>
                    {columns.map((column) => (
                      <Table.Th scope="col" key={column.header}>
                        {column.header}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {records.data.items.map((row, index) => (
                    <Table.Tr key={`${str(row.eventId ?? row.id)}-${index}`}>
                      <Table.Td>{formatNumber((page - 1) * PAGE_SIZE + index + 1)}</Table.Td>
                      {columns.map((column) => (
                        <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
          <Pager
            page={page}
            pageSize={records.data.pageSize ?? PAGE_SIZE}
            total={records.data.total}
            unit="bản ghi"
            onChange={(next) =>
              setParams((current) => {
                const copy = new URLSearchParams(current);
                copy.set('page', String(next));
                return copy;
              })
            }
          />
        </>
      ) : null}
    </>
  );
}
