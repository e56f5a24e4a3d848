import { useState } from 'react';
import { Alert, Anchor, Badge, Button, Checkbox, Group, Loader, Paper, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router-dom';
import { isValidIso } from '../../../shared/dates';
import { orgKindLabels, unitTypeLabels } from '../../../shared/org';
import { formatNumber } from '../../../shared/vietnamese';
import { listOrgs, orgsExportUrl } from '../../api';
import { DateField } from '../../components/date-field';
import { ErrorState } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { showDate } from '../../format';
import { useCan } from '../auth/session';
import { OrgCreateButton } from './org-forms';
import { OrgTree } from './org-tree';

export function OrgsPage() {
  const canEditTree = useCan('orgs.write');
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('ngay');
  const asOf = asOfParam !== null && isValidIso(asOfParam) ? asOfParam : null;
  const [includeDissolved, setIncludeDissolved] = useState(false);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);

  const found = useQuery({
    queryKey: ['orgs', 'search', debounced, includeDissolved],
    queryFn: ({ signal }) => listOrgs({ q: debounced, includeDissolved }, signal),
    enabled: debounced !== '',
    placeholderData: keepPreviousData,
  });

  const setAsOf = (value: string | null) => {
    setParams(value ? { ngay: value } : {}, { replace: true });
  };

  return (
    <>
      <PageHeader
        title="Tổ chức đảng"
        subtitle={asOf ? `Cây tổ chức như tại ngày ${showDate(asOf)}` : 'Cây tổ chức hiện nay trong phạm vi quản lý'}
        actions={
          <>
            {canEditTree ? <OrgCreateButton parent={null} /> : null}
            <Button component="a" href={orgsExportUrl({})} variant="default" download>
              Xuất Excel
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              In
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <form role="search" onSubmit={(event) => event.preventDefault()}>
            <TextInput
              label="Tìm tổ chức"
              description="Tên hoặc mã, có dấu hoặc không dấu"
              type="search"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              rightSection={found.isFetching ? <Loader size="xs" aria-label="Đang tìm" /> : null}
              autoComplete="off"
            />
          </form>
          <DateField label="Xem tại ngày" description="Để trống để xem hiện nay" value={asOf} onChange={setAsOf} clearable />
          <Checkbox
            mt={{ base: 0, sm: 46 }}
            label="Gồm cả tổ chức đã giải thể"
            checked={includeDissolved}
            onChange={(event) => setIncludeDissolved(event.currentTarget.checked)}
            disabled={asOf !== null}
          />
        </SimpleGrid>
      </Paper>

      {debounced !== '' ? (
        <Stack gap="xs" mb="lg">
          <Group justify="space-between">
            <Text fw={600} component="h2" size="md">
              Kết quả tìm kiếm
            </Text>
            <Button variant="subtle" size="xs" onClick={() => setSearch('')}>
              Xóa tìm kiếm
            </Button>
          </Group>
          <Text size="sm" aria-live="polite">
            {found.data ? `Tìm thấy ${formatNumber(found.data.length)} tổ chức` : ''}
          </Text>
          {found.isError ? <ErrorState error={found.error} /> : null}
          {found.data && found.data.length === 0 ? (
            <Alert color="gray" variant="light">
              Không có tổ chức nào khớp với “{debounced}”.
            </Alert>
          ) : null}
          {found.data && found.data.length > 0 ? (
            <div className="table-scroll" tabIndex={0}>
              <Table striped verticalSpacing="xs" miw={640}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Tên tổ chức</Table.Th>
                    <Table.Th scope="col">Loại</Table.Th>
                    <Table.Th scope="col">Loại hình</Table.Th>
                    <Table.Th scope="col" ta="right">
                      Đảng viên
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {found.data.map((org) => (
                    <Table.Tr key={org.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/to-chuc/${org.id}`}>
                          {org.name}
                        </Anchor>{' '}
                        {!org.active ? (
                          <Badge size="xs" color="red" variant="outline">
                            Đã giải thể
                          </Badge>
                        ) : null}
                        {org.ancestorNames.length > 0 ? (
                          <Text size="xs" c="dimmed">
                            {org.ancestorNames.join(' — ')}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{orgKindLabels[org.kind]}</Table.Td>
                      <Table.Td>{org.unitType ? unitTypeLabels[org.unitType] : '—'}</Table.Td>
                      <Table.Td ta="right">{formatNumber(org.memberCount)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          ) : null}
        </Stack>
      ) : null}

      <Paper withBorder p={{ base: 'xs', sm: 'md' }}>
        <Text fw={600} component="h2" size="md" mb="xs">
          {asOf ? `Cây tổ chức tại ngày ${showDate(asOf)}` : 'Cây tổ chức'}
        </Text>
        <OrgTree asOf={asOf} includeDissolved={includeDissolved} />
      </Paper>
    </>
  );
}
