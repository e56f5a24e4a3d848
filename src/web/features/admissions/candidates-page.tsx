import { Alert, Anchor, Badge, Breadcrumbs, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, Route, Routes } from 'react-router-dom';
import { candidateStateLabels, candidateStates } from '../../../shared/admissions';
import type { CandidateState } from '../../../shared/admissions';
import { formatNumber } from '../../../shared/vietnamese';
import { candidatesExportUrl, listCandidates } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import { PageHeader } from '../../components/page-header';
import { ErrorState, PageLoader } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { useUrlFilters } from '../../components/use-url-filters';
import { showDate } from '../../format';
import { ActionGate, useCan } from '../auth/session';
import { NotFoundPage } from '../shell/route-error';
import { CandidateForm } from './candidate-form';
import { CandidateEditPage, CandidatePage, stateColor } from './candidate-page';

const PAGE_SIZE = 50;

/** Người vào Đảng of the scope (or of the organisation chosen in the header), open files first. */
export function CandidatesPage() {
  const { params, page, update } = useUrlFilters();
  const { org } = useCurrentOrg();
  const canRecord = useCan('admissions.step');
  const stateParam = params.get('state');
  const state = candidateStates.includes(stateParam as CandidateState) ? (stateParam as CandidateState) : undefined;
  const includeClosed = params.get('all') === '1';
  const query = useQuery({
    queryKey: ['candidates', org?.id ?? null, state, includeClosed, page],
    queryFn: ({ signal }) => listCandidates({ orgId: org?.id, state, includeClosed, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const isPhone = useMediaQuery('(max-width: 48em)');
  return (
    <>
      <PageHeader
        title="Kết nạp đảng viên"
        subtitle={`Người vào Đảng ${org ? `thuộc ${org.name}` : 'trong phạm vi quản lý'}: hồ sơ, các bước xét và bước tiếp theo.`}
        actions={
          <>
            {canRecord ? (
              <Button component={Link} to="/ket-nap/moi">
                Lập hồ sơ người vào Đảng
              </Button>
            ) : null}
            <Button component="a" href={candidatesExportUrl({ orgId: org?.id, state, includeClosed: includeClosed || undefined })} variant="default" download>
              Xuất Excel
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Bước"
            placeholder="Các hồ sơ đang xét"
            clearable
            data={candidateStates.map((s) => ({ value: s, label: candidateStateLabels[s] }))}
            value={state ?? null}
            onChange={(value) => update({ state: value })}
          />
          <Checkbox
            mt={{ base: 0, sm: 28 }}
            label="Gồm cả hồ sơ đã kết nạp hoặc đã dừng"
            checked={includeClosed}
            disabled={state !== undefined}
            onChange={(event) => update({ all: event.currentTarget.checked ? '1' : null })}
          />
        </SimpleGrid>
      </Paper>
      <Text size="sm" aria-live="polite" mb="xs">
        {data ? `${formatNumber(data.total)} hồ sơ` : ''}
      </Text>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {data && data.items.length === 0 ? (
        <Alert color="gray" variant="light">
          Chưa có hồ sơ người vào Đảng nào ở đây.
        </Alert>
      ) : null}
      {data && data.items.length > 0 && isPhone ? (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data.items.map((c) => (
            <Paper withBorder p="sm" key={c.id} component="li">
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Anchor component={Link} to={`/ket-nap/${c.id}`} fw={600}>
                  {c.fullName}
                </Anchor>
                <Badge variant="light" color={stateColor(c.state)} radius="sm" tt="none">
                  {candidateStateLabels[c.state]}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {c.orgName} · {showDate(c.birthDate)}
              </Text>
              <Text size="sm">{c.nextStep.label}</Text>
            </Paper>
          ))}
        </Stack>
      ) : null}
      {data && data.items.length > 0 && isPhone ? (
        <Pager page={page} total={data.total} pageSize={PAGE_SIZE} onChange={(next) => update({ page: String(next) })} unit="hồ sơ" />
      ) : null}
      {data && data.items.length > 0 && !isPhone ? (
        <>
          <div className="table-scroll">
            <Table striped highlightOnHover verticalSpacing="xs" miw={760}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Họ và tên</Table.Th>
                  <Table.Th scope="col">Ngày sinh</Table.Th>
                  <Table.Th scope="col">Chi bộ</Table.Th>
                  <Table.Th scope="col">Tình trạng hồ sơ</Table.Th>
                  <Table.Th scope="col">Bước tiếp theo</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/ket-nap/${c.id}`} size="sm" fw={600}>
                        {c.fullName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{showDate(c.birthDate)}</Table.Td>
                    <Table.Td>{c.orgName}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={stateColor(c.state)} radius="sm" tt="none">
                        {candidateStateLabels[c.state]}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{c.nextStep.label}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
          <Group justify="center" mt="md">
            <Pager page={page} total={data.total} pageSize={PAGE_SIZE} onChange={(next) => update({ page: String(next) })} unit="hồ sơ" />
          </Group>
        </>
      ) : null}
    </>
  );
}

function CandidateCreatePage() {
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›" className="no-print">
            <Anchor component={Link} to="/ket-nap" size="sm">
              Kết nạp đảng viên
            </Anchor>
            <Text size="sm">Lập hồ sơ</Text>
          </Breadcrumbs>
        }
        title="Lập hồ sơ người vào Đảng"
        subtitle="Quần chúng ưu tú được chi bộ bồi dưỡng, chuẩn bị kết nạp."
      />
      <CandidateForm mode="create" />
    </>
  );
}

/** Everything under /ket-nap: the list, a new file, a file and its edit page (one route in the app's router). */
export function AdmissionsRoutes() {
  return (
    <Routes>
      <Route index element={<CandidatesPage />} />
      <Route
        path="moi"
        element={
          <ActionGate action="admissions.step">
            <CandidateCreatePage />
          </ActionGate>
        }
      />
      <Route path=":id" element={<CandidatePage />} />
      <Route
        path=":id/sua"
        element={
          <ActionGate action="admissions.step">
            <CandidateEditPage />
          </ActionGate>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}
