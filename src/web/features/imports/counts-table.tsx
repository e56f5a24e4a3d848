import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { ImportJob } from '../../../shared/imports';
import { showNumber } from '../../format';

const rowLabels = { orgs: 'Tổ chức đảng', members: 'Đảng viên', dues: 'Tháng đảng phí' } as const;

export function CountsTable({ job }: { job: ImportJob }) {
  const c = job.counts!;
  const done = job.status === 'committed';
  return (
    <Stack gap="xs">
      <Table withTableBorder striped maw={640} aria-label="Số bản ghi">
        <Table.Thead>
          <Table.Tr>
            <Table.Th />
            <Table.Th ta="right">{done ? 'Đã thêm mới' : 'Sẽ thêm mới'}</Table.Th>
            <Table.Th ta="right">{done ? 'Đã cập nhật' : 'Sẽ cập nhật'}</Table.Th>
            <Table.Th ta="right">Không đổi</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(['orgs', 'members', 'dues'] as const).map((key) => {
            const tally = c[key];
            // Dues rows appear once a file has a dues sheet (older imports have no count for them).
            if (!tally || (key === 'dues' && tally.created + tally.updated + tally.unchanged === 0)) return null;
            return (
              <Table.Tr key={key}>
                <Table.Th scope="row">{rowLabels[key]}</Table.Th>
                <Table.Td ta="right">{showNumber(tally.created)}</Table.Td>
                <Table.Td ta="right">{showNumber(tally.updated)}</Table.Td>
                <Table.Td ta="right">{showNumber(tally.unchanged)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <Group gap="xs">
        <Badge color={c.errors > 0 ? 'red' : 'gray'} variant="light">
          {showNumber(c.errors)} lỗi
        </Badge>
        <Badge color={c.warnings > 0 ? 'yellow' : 'gray'} variant="light">
          {showNumber(c.warnings)} cảnh báo
        </Badge>
        {c.converted > 0 ? (
          <Badge color="blue" variant="light">
            {showNumber(c.converted)} ô chuyển từ phông TCVN3/VNI sang Unicode
          </Badge>
        ) : null}
        <Text size="sm" c="dimmed">
          {showNumber(c.rows)} dòng dữ liệu
        </Text>
      </Group>
    </Stack>
  );
}
