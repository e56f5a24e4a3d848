import { memo, useEffect, useEffectEvent, useState } from 'react';
import { Alert, Box, Button, Checkbox, Collapse, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { ageBandLabels, ageBands, genderLabels, genders, memberStatuses, memberStatusLabels, theoryLevelLabels, theoryLevels } from '../../../shared/member';
import type { AgeBand, Gender, MemberListItem, MemberStatus, TheoryLevel } from '../../../shared/member';
import { unitTypeLabels, unitTypes } from '../../../shared/org';
import type { UnitType } from '../../../shared/org';
import { formatNumber } from '../../../shared/vietnamese';
import { listMembers, membersExportUrl } from '../../api';
import type { MemberFilters } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import type { OrgRef } from '../../components/current-org';
import { OrgSelect } from '../../components/org-select';
import { OrgWithAncestors, useOrgQuery } from '../../components/org-name';
import { ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { pickParam, useUrlFilters } from '../../components/use-url-filters';
import { showDate } from '../../format';
import { MemberLink } from './member-link';
import { StatusBadge } from './status-badge';
import { useCan } from '../auth/session';

const PAGE_SIZE = 50;

function options<K extends string>(keys: readonly K[], labels: Record<K, string>) {
  return keys.map((key) => ({ value: key, label: labels[key] }));
}

/** The member list's filters, read from the address; an organisation chosen here also becomes the current one. */
function useMemberFilters() {
  const { params, page, update } = useUrlFilters();
  const { org: currentOrg, setOrg } = useCurrentOrg();
  const urlOrgId = Number(params.get('orgId'));
  const orgId = Number.isInteger(urlOrgId) && urlOrgId > 0 ? urlOrgId : currentOrg?.id;
  const filters: MemberFilters = {
    q: params.get('q') ?? undefined,
    orgId,
    status: pickParam<MemberStatus>(params.get('status'), memberStatuses),
    gender: pickParam<Gender>(params.get('gender'), genders),
    ageBand: pickParam<AgeBand>(params.get('ageBand'), ageBands),
    theoryLevel: pickParam<TheoryLevel>(params.get('theoryLevel'), theoryLevels),
    unitType: pickParam<UnitType>(params.get('unitType'), unitTypes),
    includeInactive: params.get('includeInactive') === '1' ? true : undefined,
  };

  const setOrgFilter = (org: OrgRef | null) => {
    setOrg(org);
    update({ orgId: org === null ? null : String(org.id) });
  };

  return { filters, page, update, setOrgFilter };
}

export function MembersPage() {
  const canWrite = useCan('members.write');
  const { filters, page: urlPage, update, setOrgFilter } = useMemberFilters();
  const [debounced, setDebounced] = useState(filters.q ?? '');
  const isPhone = useMediaQuery('(max-width: 48em)');
  const [filtersOpen, setFiltersOpen] = useState(false);
  const org = useOrgQuery(filters.orgId);

  /** The list follows the debounced text at once; the address catches up after, for Back and bookmarks. */
  const searchChanged = debounced !== (filters.q ?? '');
  const effective: MemberFilters = { ...filters, q: debounced === '' ? undefined : debounced };
  const page = searchChanged ? 1 : urlPage;
  // Runs when the debounced text changes, with the address as it is then (an effect event reads the latest render).
  const syncAddress = useEffectEvent(() => {
    if (searchChanged) update({ q: debounced || null });
  });
  useEffect(() => syncAddress(), [debounced]);

  useEffect(() => {
    /** Most visits to the list end on a member's page: fetch its code while the user reads the list. */
    void import('./member-page');
  }, []);

  const query = useQuery({
    queryKey: ['members', effective, page],
    queryFn: ({ signal }) => listMembers({ ...effective, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  const orgValue: OrgRef | null = filters.orgId === undefined ? null : { id: filters.orgId, name: org.data?.name ?? 'Đang tải…' };
  const activeFilterCount = [filters.status, filters.gender, filters.ageBand, filters.theoryLevel, filters.unitType, filters.includeInactive].filter(
    Boolean,
  ).length;
  const filterSummary = describeFilters(effective, org.data?.name);
  const data = query.data;

  const filterControls = (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm" verticalSpacing="xs">
      <OrgSelect label="Tổ chức đảng (cả cấp dưới)" placeholder="Toàn bộ phạm vi" value={orgValue} onChange={setOrgFilter} />
      <Select
        label="Tình trạng"
        placeholder="Đang sinh hoạt"
        clearable
        data={options(memberStatuses, memberStatusLabels)}
        value={filters.status ?? null}
        onChange={(value) => update({ status: value })}
      />
      <Select
        label="Giới tính"
        placeholder="Tất cả"
        clearable
        data={options(genders, genderLabels)}
        value={filters.gender ?? null}
        onChange={(value) => update({ gender: value })}
      />
      <Select
        label="Độ tuổi"
        placeholder="Tất cả"
        clearable
        data={options(ageBands, ageBandLabels)}
        value={filters.ageBand ?? null}
        onChange={(value) => update({ ageBand: value })}
      />
      <Select
        label="Trình độ lý luận chính trị"
        placeholder="Tất cả"
        clearable
        data={options(theoryLevels, theoryLevelLabels)}
        value={filters.theoryLevel ?? null}
        onChange={(value) => update({ theoryLevel: value })}
      />
      <Select
        label="Loại hình cơ sở"
        placeholder="Tất cả"
        clearable
        data={options(unitTypes, unitTypeLabels)}
        value={filters.unitType ?? null}
        onChange={(value) => update({ unitType: value })}
      />
      <Checkbox
        mt={{ base: 0, xs: 28 }}
        label="Gồm cả người đã thôi sinh hoạt"
        checked={filters.includeInactive === true}
        onChange={(event) => update({ includeInactive: event.currentTarget.checked ? '1' : null })}
        disabled={filters.status !== undefined}
      />
    </SimpleGrid>
  );

  return (
    <>
      <PageHeader
        title="Đảng viên"
        subtitle={filterSummary}
        actions={
          <>
            {canWrite ? (
              <Button component={Link} to="/dang-vien/moi">
                Thêm đảng viên
              </Button>
            ) : null}
            <Button component="a" href={membersExportUrl(effective)} variant="default" download>
              Xuất Excel
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              In danh sách
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SearchBox initial={filters.q ?? ''} onSearch={setDebounced} fetching={query.isFetching} />
        {isPhone ? (
          <>
            <Button
              variant="subtle"
              size="xs"
              mt="xs"
              onClick={() => setFiltersOpen((open) => !open)}
              aria-expanded={filtersOpen}
              aria-controls="member-filters"
            >
              {filtersOpen ? 'Ẩn bộ lọc' : `Bộ lọc${activeFilterCount > 0 ? ` (${activeFilterCount})` : ''}`}
            </Button>
            <Collapse expanded={filtersOpen} id="member-filters">
              <Box mt="xs">{filterControls}</Box>
            </Collapse>
          </>
        ) : (
          <Box mt="sm">{filterControls}</Box>
        )}
      </Paper>

      <Text size="sm" aria-live="polite" mb="xs" className="no-print">
        {data ? `Tìm thấy ${data.totalCapped ? 'hơn ' : ''}${formatNumber(data.total)} đảng viên` : ''}
      </Text>
      {data?.correctedQuery ? (
        <Alert color="blue" variant="light" mb="xs" className="no-print">
          Không có ai khớp đúng với “{effective.q}”. Đang hiện kết quả cho “{data.correctedQuery}”.
        </Alert>
      ) : null}

      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          Không có đảng viên nào khớp với điều kiện tìm kiếm.
        </Alert>
      ) : null}
      {data && data.items.length > 0 ? (
        <>
          <MemberResults items={data.items} total={data.total} firstIndex={(page - 1) * PAGE_SIZE} asCards={isPhone === true} stale={query.isPlaceholderData} />
          <Group justify="flex-end">
            <Pager page={page} pageSize={PAGE_SIZE} total={data.total} unit="đảng viên" onChange={(next) => update({ page: String(next) })} />
          </Group>
        </>
      ) : null}
    </>
  );
}

/**
 * Holds what is being typed, so a keystroke re-renders only this box; the page hears the text once
 * typing pauses for 250 ms.
 */
const SearchBox = memo(function SearchBox({ initial, onSearch, fetching }: { initial: string; onSearch: (q: string) => void; fetching: boolean }) {
  const [search, setSearch] = useState(initial);
  const [debounced] = useDebouncedValue(search.trim(), 250);
  useEffect(() => onSearch(debounced), [debounced, onSearch]);
  return (
    <form role="search" onSubmit={(event) => event.preventDefault()}>
      <TextInput
        label="Tìm đảng viên"
        description="Gõ họ tên, số thẻ đảng viên hoặc số CCCD — có dấu hoặc không dấu đều được."
        placeholder="Ví dụ: nguyen van an"
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        rightSection={fetching ? <Loader size="xs" aria-label="Đang tìm" /> : null}
        type="search"
        autoComplete="off"
      />
    </form>
  );
});

/** Memoised so typing in the search box does not re-render fifty rows on every keystroke. */
const MemberResults = memo(function MemberResults({
  items,
  total,
  firstIndex,
  asCards,
  stale,
}: {
  items: MemberListItem[];
  total: number;
  firstIndex: number;
  asCards: boolean;
  stale: boolean;
}) {
  return (
    <>
      {asCards ? (
        <Stack gap="xs" style={{ opacity: stale ? 0.6 : 1 }} component="ol" p={0} m={0}>
          {items.map((member) => (
            <Paper withBorder p="sm" key={member.id} component="li" style={{ listStyle: 'none' }}>
              <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                <MemberLink id={member.id}>{member.fullName}</MemberLink>
                <StatusBadge status={member.status} short />
              </Group>
              <Text size="sm" c="dimmed">
                {genderLabels[member.gender]} · sinh {showDate(member.birthDate)} · LLCT: {theoryLevelLabels[member.theoryLevel]}
              </Text>
              <Text size="sm">
                <OrgWithAncestors name={member.orgName} ancestorNames={member.orgAncestorNames} />
              </Text>
            </Paper>
          ))}
        </Stack>
      ) : (
        <div className="table-scroll" tabIndex={0} style={{ opacity: stale ? 0.6 : 1 }}>
          <Table striped highlightOnHover verticalSpacing="xs" miw={760} captionSide="bottom">
            <Table.Caption className="print-only">Tổng số: {formatNumber(total)} đảng viên</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">STT</Table.Th>
                <Table.Th scope="col">Họ và tên</Table.Th>
                <Table.Th scope="col">Ngày sinh</Table.Th>
                <Table.Th scope="col">Giới tính</Table.Th>
                <Table.Th scope="col">Chi bộ</Table.Th>
                <Table.Th scope="col">Tình trạng</Table.Th>
                <Table.Th scope="col">Lý luận chính trị</Table.Th>
                <Table.Th scope="col">Số thẻ</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((member, index) => (
                <Table.Tr key={member.id}>
                  <Table.Td>{formatNumber(firstIndex + index + 1)}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <MemberLink id={member.id}>{member.fullName}</MemberLink>
                  </Table.Td>
                  <Table.Td>{showDate(member.birthDate)}</Table.Td>
                  <Table.Td>{genderLabels[member.gender]}</Table.Td>
                  <Table.Td>
                    <OrgWithAncestors name={member.orgName} ancestorNames={member.orgAncestorNames} />
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={member.status} short />
                  </Table.Td>
                  <Table.Td>{theoryLevelLabels[member.theoryLevel]}</Table.Td>
                  <Table.Td>{member.cardNumber ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </>
  );
});

function describeFilters(filters: MemberFilters, orgName: string | undefined): string {
  const parts: string[] = [];
  parts.push(filters.orgId === undefined ? 'Toàn bộ phạm vi quản lý' : `Thuộc ${orgName ?? '…'}`);
  if (filters.status) parts.push(memberStatusLabels[filters.status]);
  else parts.push(filters.includeInactive ? 'Gồm cả người đã thôi sinh hoạt' : 'Đang sinh hoạt');
  if (filters.gender) parts.push(genderLabels[filters.gender]);
  if (filters.ageBand) parts.push(`Tuổi ${ageBandLabels[filters.ageBand].toLowerCase()}`);
  if (filters.theoryLevel) parts.push(`Lý luận chính trị: ${theoryLevelLabels[filters.theoryLevel].toLowerCase()}`);
  if (filters.unitType) parts.push(unitTypeLabels[filters.unitType]);
  if (filters.q) parts.push(`Từ khóa “${filters.q}”`);
  return parts.join(' · ');
}
