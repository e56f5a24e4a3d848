import { Group, Pagination, Text } from '@mantine/core';
import { formatNumber } from '../../shared/vietnamese';

const controlLabels = { first: 'Trang đầu', previous: 'Trang trước', next: 'Trang sau', last: 'Trang cuối' } as const;

/** Page links with Vietnamese labels, and the range shown ("1–50 trên 4.200"). */
export function Pager({
  page,
  pageSize,
  total,
  onChange,
  unit = 'dòng',
}: {
  page: number;
  pageSize: number;
  total: number;
  onChange: (page: number) => void;
  unit?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  return (
    <Group justify="space-between" gap="sm" mt="sm" className="no-print">
      <Text size="sm" c="dimmed">
        {total === 0 ? `Không có ${unit} nào` : `${formatNumber(first)}–${formatNumber(last)} trên ${formatNumber(total)} ${unit}`}
      </Text>
      {pages > 1 ? (
        <nav aria-label="Phân trang">
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            size="sm"
            siblings={1}
            boundaries={1}
            withEdges
            getControlProps={(control) => ({ 'aria-label': controlLabels[control] })}
            getItemProps={(n) => ({ 'aria-label': `Trang ${formatNumber(n)}` })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
