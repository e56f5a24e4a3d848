import { useState } from 'react';
import { Alert, Anchor, Button, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../shared/vietnamese';
import { auditExportUrl, listAudit, verifyAudit } from '../../api';
import type { AuditEntry } from '../../../shared/audit';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { auditEntityLabels, chainProblemLabels, labelOr } from '../../labels';
import { AuditTable } from '../members/member-sections';

const entityOptions = ['member', 'candidate', 'transfer', 'org', 'user', 'session', 'rule', 'holiday', 'import', 'metric', 'audit'].map((entity) => ({
  value: entity,
  label: auditEntityLabels[entity],
}));

function entityLink(row: AuditEntry) {
  const label = labelOr(auditEntityLabels, row.entity ?? null, 'Khác');
  if (row.entityId === null || row.entityId === undefined) return label;
  if (row.entityId === 'list') return `${label} (danh sách)`;
  if (!/^\d+$/.test(String(row.entityId))) return `${label} (hàng loạt)`;
  if (row.entity === 'member')
    return (
      <Anchor component={Link} to={`/dang-vien/${row.entityId}`} size="sm">
        {label}: {row.names?.[`member:${row.entityId}`] ?? `số ${row.entityId}`}
      </Anchor>
    );
  if (row.entity === 'org')
    return (
      <Anchor component={Link} to={`/to-chuc/${row.entityId}`} size="sm">
        {label}: {row.names?.[`org:${row.entityId}`] ?? `số ${row.entityId}`}
      </Anchor>
    );
  const name = row.names?.[`${row.entity}:${row.entityId}`];
  return name ? `${label}: ${name}` : `${label} số ${row.entityId}`;
}

function ChainCheck() {
  const [asked, setAsked] = useState(false);
  const verify = useQuery({ queryKey: ['audit-verify'], queryFn: ({ signal }) => verifyAudit(signal), enabled: asked, staleTime: 0, gcTime: 0 });
  return (
    <Paper withBorder p="md" mb="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <div>
            <Text fw={600}>Kiểm tra toàn vẹn nhật ký</Text>
            <Text size="sm" c="dimmed">
              Mỗi bản ghi nối với bản ghi trước bằng mã băm và được ký bằng khóa giữ ngoài cơ sở dữ liệu; đầu chuỗi được ghi định kỳ vào tệp mốc kiểm tra. Sửa,
              xóa hay cắt ngắn nhật ký đều bị phát hiện.
            </Text>
          </div>
          <Button onClick={() => (asked ? verify.refetch() : setAsked(true))} loading={verify.isFetching}>
            Kiểm tra ngay
          </Button>
        </Group>
        {verify.isFetching ? (
          <Group gap="xs" role="status">
            <Loader size="xs" aria-hidden="true" />
            <Text size="sm">Đang kiểm tra toàn bộ chuỗi nhật ký, có thể mất vài giây…</Text>
          </Group>
        ) : null}
        {verify.isError ? <ErrorState error={verify.error} /> : null}
        {verify.data && !verify.isFetching ? (
          verify.data.ok ? (
            <Alert color="green" variant="light" title="Chuỗi nhật ký toàn vẹn" role="status">
              {verify.data.message ?? `Đã kiểm tra ${formatNumber(verify.data.checked)} bản ghi, không phát hiện sửa đổi hay mất mát.`}
            </Alert>
          ) : (
            <Alert color="red" variant="light" title="Phát hiện nhật ký bị can thiệp" role="alert">
              {verify.data.message ?? (
                <>
                  Sau {formatNumber(verify.data.checked)} bản ghi hợp lệ, bản ghi số {verify.data.firstProblem?.id}:{' '}
                  {labelOr(chainProblemLabels, verify.data.firstProblem?.problem ?? null, 'không hợp lệ')}.
                </>
              )}
            </Alert>
          )
        ) : null}
      </Stack>
    </Paper>
  );
}

export function AuditPage() {
  const [entity, setEntity] = useState<string | null>(null);
  const rows = useInfiniteQuery({
    queryKey: ['audit', entity],
    initialPageParam: undefined as number | undefined,
    queryFn: ({ pageParam, signal }) => listAudit({ beforeId: pageParam, entity: entity ?? undefined }, signal),
    getNextPageParam: (last) => (last.length === 0 ? undefined : Math.min(...last.map((row) => row.id))),
  });
  const items = rows.data?.pages.flat() ?? [];
  const lastPageEmpty = rows.data ? rows.data.pages[rows.data.pages.length - 1].length === 0 : false;

  return (
    <>
      <PageHeader
        title="Nhật ký hệ thống"
        subtitle="Mọi thao tác ghi dữ liệu, đăng nhập và xem hồ sơ cá nhân"
        actions={
          <>
            <Button component="a" href={auditExportUrl(entity)} variant="default" download>
              Xuất Excel
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              In
            </Button>
          </>
        }
      />
      <ChainCheck />
      <Group mb="sm" className="no-print">
        <Select label="Đối tượng" placeholder="Tất cả" clearable data={entityOptions} value={entity} onChange={setEntity} w={240} />
      </Group>
      {rows.isPending ? <PageLoader /> : null}
      {rows.isError ? <ErrorState error={rows.error} onRetry={() => rows.refetch()} /> : null}
      {rows.data && items.length === 0 ? <EmptyText>Chưa có bản ghi nào.</EmptyText> : null}
      {items.length > 0 ? <AuditTable rows={items} entityCell={entityLink} /> : null}
      {items.length > 0 && !lastPageEmpty && rows.hasNextPage ? (
        <Group justify="center" mt="md" className="no-print">
          <Button variant="default" onClick={() => rows.fetchNextPage()} loading={rows.isFetchingNextPage}>
            Xem thêm bản ghi cũ hơn
          </Button>
        </Group>
      ) : null}
    </>
  );
}
