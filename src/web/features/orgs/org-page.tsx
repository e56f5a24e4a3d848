import { InspectionCasesSection } from '../inspection/inspection-cases-section';
import { SanctionsSection } from '../discipline/sanctions-section';
import { useState } from 'react';
import { Anchor, Badge, Breadcrumbs, Button, Group, Paper, Stack, Table, Tabs, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { isValidIso } from '../../../shared/dates';
import { orgEventKindLabels, orgKindLabels, unitTypeLabels } from '../../../shared/org';
import type { OrgDetail, OrgEvent, OrgKind } from '../../../shared/org';
import { formatNumber } from '../../../shared/vietnamese';
import { getOrgHistory, listMembers, listOrgs, listOrgsAsOf, membersExportUrl } from '../../api';
import { DateField } from '../../components/date-field';
import { Fact, FactGrid } from '../../components/fact-list';
import { OrgName, useOrgQuery } from '../../components/org-name';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { showDate, showText } from '../../format';
import { fieldName } from '../../labels';
import { fieldLabel } from '../../../shared/field-labels';
import { useCan } from '../auth/session';
import { decisionText } from '../members/member-labels';
import { NotFoundPage } from '../shell/route-error';
import { OrgCreateButton, OrgEditButton, OrgEventButton } from './org-forms';
import { OrgCommittee } from './org-committee';
import { OrgTerms } from './org-terms'; // study
import { StatusBadge } from '../members/status-badge';

const tabs = [
  { value: 'thong-tin', label: 'Thông tin' },
  { value: 'truc-thuoc', label: 'Tổ chức trực thuộc' },
  { value: 'dang-vien', label: 'Đảng viên' },
  { value: 'cap-uy', label: 'Cấp ủy' },
  { value: 'nhiem-ky', label: 'Nhiệm kỳ, kiện toàn' }, // study
  { value: 'lich-su', label: 'Lịch sử' },
] as const;

export function OrgPage() {
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const canEditTree = useCan('orgs.write');
  const canManageCommittee = useCan('committees.write');
  const asOfParam = params.get('ngay');
  const asOf = asOfParam !== null && isValidIso(asOfParam) ? asOfParam : null;
  const tab = tabs.some((t) => t.value === params.get('tab')) ? (params.get('tab') as string) : 'thong-tin';
  const org = useOrgQuery(id);

  const setParam = (key: string, value: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: true },
    );

  if (!Number.isInteger(id) || id <= 0) return <NotFoundPage />;
  if (org.isPending) return <PageLoader />;
  if (org.isError)
    return (
      <>
        <PageHeader title="Tổ chức đảng" />
        <ErrorState error={org.error} onRetry={() => org.refetch()} />
      </>
    );
  const data = org.data;

  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print crumbs">
            <Anchor component={Link} to="/to-chuc" size="sm">
              Tổ chức đảng
            </Anchor>
            {data.parent ? (
              <Anchor component={Link} to={`/to-chuc/${data.parent.id}`} size="sm">
                {data.parent.name}
              </Anchor>
            ) : null}
            <Text size="sm">{data.name}</Text>
          </Breadcrumbs>
        }
        title={data.name}
        subtitle={
          <Group gap="xs" component="span">
            <span>{orgKindLabels[data.kind]}</span>
            {data.unitType ? <span>· {unitTypeLabels[data.unitType]}</span> : null}
            {!data.active ? (
              <Badge color="red" variant="outline" size="sm">
                Đã giải thể {data.dissolvedOn ? `ngày ${showDate(data.dissolvedOn)}` : ''}
              </Badge>
            ) : null}
          </Group>
        }
        actions={
          canEditTree && data.active ? (
            <>
              <OrgEditButton org={data} />
              <OrgEventButton org={data} />
            </>
          ) : undefined
        }
      />
      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Tabs value={tab} onChange={(value) => setParam('tab', value === 'thong-tin' ? null : value)} keepMounted={false}>
          <Tabs.List mb="md" className="no-print">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          <Tabs.Panel value="thong-tin">
            <OrgDetails org={data} />
          </Tabs.Panel>
          <Tabs.Panel value="truc-thuoc">
            <Stack gap="sm">
              <Group justify="space-between" align="flex-end">
                <DateField label="Xem tại ngày" description="Để trống để xem hiện nay" value={asOf} onChange={(value) => setParam('ngay', value)} w={220} />
                {canEditTree && data.active ? <OrgCreateButton parent={{ id: data.id, name: data.name, kind: data.kind as OrgKind }} /> : null}
              </Group>
              <SubOrgs id={data.id} asOf={asOf} />
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="dang-vien">
            <OrgMembers id={data.id} />
          </Tabs.Panel>
          <Tabs.Panel value="cap-uy">
            <OrgCommittee orgId={data.id} canManage={canManageCommittee && data.active} />
          </Tabs.Panel>
          <Tabs.Panel value="nhiem-ky">
            <OrgTerms orgId={data.id} canManage={canManageCommittee && data.active} />
          </Tabs.Panel>
          <Tabs.Panel value="lich-su">
            <OrgHistory id={data.id} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <InspectionCasesSection orgId={data.id} />
      <SanctionsSection orgId={data.id} />
    </>
  );
}

function OrgDetails({ org }: { org: OrgDetail }) {
  return (
    <FactGrid>
      <Fact label="Mã tổ chức">{org.code}</Fact>
      <Fact label="Loại tổ chức">{orgKindLabels[org.kind]}</Fact>
      <Fact label="Loại hình cơ sở">{org.unitType ? unitTypeLabels[org.unitType] : '—'}</Fact>
      <Fact label="Trực thuộc">{org.parent ? <OrgName id={org.parent.id} known={org.parent.name} /> : '—'}</Fact>
      <Fact label="Ngày thành lập">{showDate(org.foundedOn)}</Fact>
      <Fact label="Quyết định thành lập">{decisionText(org.foundingDecision)}</Fact>
      <Fact label="Tình trạng">{org.active ? 'Đang hoạt động' : `Đã giải thể${org.dissolvedOn ? ` ngày ${showDate(org.dissolvedOn)}` : ''}`}</Fact>
    </FactGrid>
  );
}

function SubOrgs({ id, asOf }: { id: number; asOf: string | null }) {
  const children = useQuery({
    queryKey: ['orgs', 'children-table', id, asOf],
    queryFn: async ({ signal }) => {
      if (asOf) {
        const items = await listOrgsAsOf({ parentId: id, asOf }, signal);
        // The list as of a past day has no counts.
        return items.map((item) => ({ ...item, active: true, childCount: null, memberCount: null }));
      }
      return listOrgs({ parentId: id, includeDissolved: true }, signal);
    },
    placeholderData: keepPreviousData,
  });
  if (children.isPending) return <PageLoader />;
  if (children.isError) return <ErrorState error={children.error} onRetry={() => children.refetch()} />;
  if (children.data.length === 0)
    return <EmptyText>{asOf ? `Không có tổ chức trực thuộc vào ngày ${showDate(asOf)}.` : 'Không có tổ chức trực thuộc.'}</EmptyText>;
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table striped verticalSpacing="xs" miw={620}>
        {asOf ? <Table.Caption>Tình trạng tại ngày {showDate(asOf)}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Tên tổ chức</Table.Th>
            <Table.Th scope="col">Loại</Table.Th>
            <Table.Th scope="col">Loại hình</Table.Th>
            <Table.Th scope="col" ta="right">
              Trực thuộc
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Đảng viên
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {children.data.map((child) => (
            <Table.Tr key={child.id}>
              <Table.Td>
                <Anchor component={Link} to={`/to-chuc/${child.id}${asOf ? `?ngay=${asOf}` : ''}`}>
                  {child.name}
                </Anchor>{' '}
                {!child.active ? (
                  <Badge size="xs" color="red" variant="outline">
                    Đã giải thể
                  </Badge>
                ) : null}
              </Table.Td>
              <Table.Td>{orgKindLabels[child.kind]}</Table.Td>
              <Table.Td>{child.unitType ? unitTypeLabels[child.unitType] : '—'}</Table.Td>
              <Table.Td ta="right">{child.childCount === null ? '—' : formatNumber(child.childCount)}</Table.Td>
              <Table.Td ta="right">{child.memberCount === null ? '—' : formatNumber(child.memberCount)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

const MEMBERS_PAGE = 20;

function OrgMembers({ id }: { id: number }) {
  const [page, setPage] = useState(1);
  const members = useQuery({
    queryKey: ['members', { orgId: id }, page, MEMBERS_PAGE],
    queryFn: ({ signal }) => listMembers({ orgId: id, page, pageSize: MEMBERS_PAGE }, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack gap="sm">
      <Group gap="xs" className="no-print">
        <Button component={Link} to={`/dang-vien?orgId=${id}`} variant="light" size="xs">
          Mở danh sách đầy đủ với bộ lọc
        </Button>
        <Button component="a" href={membersExportUrl({ orgId: id })} variant="default" size="xs" download>
          Xuất Excel
        </Button>
      </Group>
      {members.isPending ? <PageLoader /> : null}
      {members.isError ? <ErrorState error={members.error} onRetry={() => members.refetch()} /> : null}
      {members.data && members.data.items.length === 0 ? <EmptyText>Không có đảng viên đang sinh hoạt.</EmptyText> : null}
      {members.data && members.data.items.length > 0 ? (
        <>
          <div className="table-scroll" tabIndex={0}>
            <Table striped verticalSpacing="xs" miw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Họ và tên</Table.Th>
                  <Table.Th scope="col">Ngày sinh</Table.Th>
                  <Table.Th scope="col">Chi bộ</Table.Th>
                  <Table.Th scope="col">Tình trạng</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {members.data.items.map((member) => (
                  <Table.Tr key={member.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/dang-vien/${member.id}`}>
                        {member.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{showDate(member.birthDate)}</Table.Td>
                    <Table.Td>{member.orgName}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={member.status} short />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Pager page={page} pageSize={MEMBERS_PAGE} total={members.data.total} unit="đảng viên" onChange={setPage} />
        </>
      ) : null}
    </Stack>
  );
}

function detailText(event: OrgEvent): string[] {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(event.details ?? {})) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    if (typeof value === 'object') continue;
    const label = key === 'name' ? 'Tên' : key === 'previousName' || key === 'oldName' || key === 'fromName' ? 'Tên cũ' : fieldName(key, fieldLabel);
    lines.push(`${label}: ${typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? showDate(value) : String(value)}`);
  }
  return lines;
}

function OrgHistory({ id }: { id: number }) {
  const history = useQuery({ queryKey: ['org-history', id], queryFn: ({ signal }) => getOrgHistory(id, signal) });
  if (history.isPending) return <PageLoader />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => history.refetch()} />;
  if (history.data.length === 0) return <EmptyText>Chưa có biến động nào được ghi.</EmptyText>;
  const events = [...history.data].sort((a, b) => (a.occurredOn < b.occurredOn ? 1 : a.occurredOn > b.occurredOn ? -1 : b.id - a.id));
  return (
    <div className="table-scroll" tabIndex={0}>
      <Table striped verticalSpacing="xs" miw={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Ngày</Table.Th>
            <Table.Th scope="col">Biến động</Table.Th>
            <Table.Th scope="col">Quyết định</Table.Th>
            <Table.Th scope="col">Liên quan</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td>{showDate(event.occurredOn)}</Table.Td>
              <Table.Td>
                {orgEventKindLabels[event.kind] ?? 'Biến động khác'}
                {detailText(event).map((line) => (
                  <Text size="xs" c="dimmed" key={line}>
                    {line}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>{decisionText(event.decision)}</Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {event.predecessorIds
                    .filter((other) => other !== id)
                    .map((other) => (
                      <Text size="sm" key={`p${other}`}>
                        Từ: <OrgName id={other} />
                      </Text>
                    ))}
                  {event.successorIds
                    .filter((other) => other !== id)
                    .map((other) => (
                      <Text size="sm" key={`s${other}`}>
                        Thành: <OrgName id={other} />
                      </Text>
                    ))}
                  {event.predecessorIds.every((other) => other === id) && event.successorIds.every((other) => other === id) ? showText(null) : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
