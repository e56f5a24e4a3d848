import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import type { ImportJob } from '../../../shared/imports';
import { showNumber } from '../../format';

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
          {(['orgs', 'members'] as const).map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{key === 'orgs' ? 'Tổ chức đảng' : 'Đảng viên'}</Table.Th>
              <Table.Td ta="right">{showNumber(c[key].created)}</Table.Td>
              <Table.Td ta="right">{showNumber(c[key].updated)}</Table.Td>
              <Table.Td ta="right">{showNumber(c[key].unchanged)}</Table.Td>
            </Table.Tr>
          ))}
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
