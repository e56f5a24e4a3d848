import { Anchor, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, Route, Routes } from 'react-router-dom';
import { transferDirectionLabels, transferKindLabels, transferKinds, transferStateLabels, transferStates } from '../../../shared/transfers';
import type { TransferKind, TransferState } from '../../../shared/transfers';
import { listTransfers, transfersExportUrl } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { pickParam, useUrlFilters } from '../../components/use-url-filters';
import { showDate } from '../../format';
import { ActionGate, useCan } from '../auth/session';
import { NotFoundPage } from '../shell/route-error';
import { TransferCreatePage } from './transfer-create-page';
import { fromName, nextDueOn, toName, TransferStateBadge } from './transfer-fields';
import { TransferPage } from './transfer-page';

const PAGE_SIZE = 50;

/** The transfers section: list, new transfer, one transfer (one route in the app's router). */
export function TransfersRoutes() {
  return (
    <Routes>
      <Route index element={<TransfersPage />} />
      <Route
        path="moi"
        element={
          <ActionGate action="transfers.step">
            <TransferCreatePage />
          </ActionGate>
        }
      />
      <Route path=":id" element={<TransferPage />} />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

const sides = [
  { value: 'all', label: 'Tất cả' },
  { value: 'sending', label: 'Chuyển đi' },
  { value: 'receiving', label: 'Chuyển đến' },
];

/** Transfers leaving or arriving in the scope: both sides of a transfer see it, open ones first. */
export function TransfersPage() {
  const { params, page, update } = useUrlFilters();
  const { org } = useCurrentOrg();
  const canStart = useCan('transfers.step');
  const side = pickParam(params.get('side'), ['sending', 'receiving'] as const);
  const state = pickParam<TransferState>(params.get('state'), transferStates);
  const kind = pickParam<TransferKind>(params.get('kind'), transferKinds);
  const open = params.get('open') === '1';
  const query = useQuery({
    queryKey: ['transfers', org?.id ?? null, side, state, kind, open, page],
    queryFn: ({ signal }) => listTransfers({ orgId: org?.id, side, state, kind, open: open || undefined, page, pageSize: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
  });

  return (
    <>
      <PageHeader
        title="Chuyển sinh hoạt đảng"
        subtitle={`Đảng viên chuyển đi và chuyển đến ${org ? org.name : 'trong phạm vi quản lý'}. Đảng viên sinh hoạt tạm thời vẫn được tính ở nơi đi.`}
        actions={
          <>
            {canStart ? (
              <Button component={Link} to="/chuyen-sinh-hoat/moi">
                Lập thủ tục chuyển sinh hoạt
              </Button>
            ) : null}
            <Button component="a" href={transfersExportUrl({ orgId: org?.id, side, state, kind, open: open || undefined })} variant="default" download>
              Xuất Excel
            </Button>
          </>
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <Stack gap="sm">
          <SegmentedControl
            aria-label="Chiều chuyển"
            data={sides}
            value={side ?? 'all'}
            onChange={(value) => update({ side: value === 'all' ? null : value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <Select
              label="Trạng thái"
              clearable
              placeholder="Tất cả"
              data={transferStates.map((s) => ({ value: s, label: transferStateLabels[s] }))}
              value={state ?? null}
              onChange={(value) => update({ state: value })}
            />
            <Select
              label="Hình thức"
              clearable
              placeholder="Tất cả"
              data={transferKinds.map((k) => ({ value: k, label: transferKindLabels[k] }))}
              value={kind ?? null}
              onChange={(value) => update({ kind: value })}
            />
            <Checkbox
              mt={{ sm: 28 }}
              label="Chỉ thủ tục chưa xong"
              checked={open}
              onChange={(event) => update({ open: event.currentTarget.checked ? '1' : null })}
            />
          </SimpleGrid>
        </Stack>
      </Paper>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {query.data ? (
        <Paper withBorder>
          {query.data.items.length === 0 ? (
            <Text px="md">
              <EmptyText>Không có thủ tục chuyển sinh hoạt nào phù hợp.</EmptyText>
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={760}>
              <Table striped highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Họ và tên</Table.Th>
                    <Table.Th>Hình thức</Table.Th>
                    <Table.Th>Nơi đi</Table.Th>
                    <Table.Th>Nơi đến</Table.Th>
                    <Table.Th>Trạng thái</Table.Th>
                    <Table.Th>Hạn bước tiếp theo</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.items.map((t) => (
                    <Table.Tr key={t.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/chuyen-sinh-hoat/${t.id}`}>
                          {t.fullName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        {transferKindLabels[t.kind]}
                        <Text size="xs" c="dimmed">
                          {transferDirectionLabels[t.direction]}
                        </Text>
                      </Table.Td>
                      <Table.Td>{fromName(t)}</Table.Td>
                      <Table.Td>{toName(t)}</Table.Td>
                      <Table.Td>
                        <TransferStateBadge state={t.state} />
                      </Table.Td>
                      <Table.Td>{showDate(nextDueOn(t))}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group px="md" pb="sm">
            <Pager page={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={(next) => update({ page: String(next) })} unit="thủ tục" />
          </Group>
        </Paper>
      ) : null}
    </>
  );
}
