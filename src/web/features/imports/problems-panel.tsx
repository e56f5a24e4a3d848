import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { problemSeverityLabels, type ImportJob } from '../../../shared/imports';
import { importProblemsUrl as problemsUrl } from '../../api';
import { severityColors } from './import-status';

export function ProblemsPanel({ job }: { job: ImportJob }) {
  const total = (job.counts?.errors ?? 0) + (job.counts?.warnings ?? 0);
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          Các vấn đề trong tệp
        </Title>
        <Anchor href={problemsUrl(job.id)} size="sm">
          Tải danh sách đầy đủ (.xlsx)
        </Anchor>
      </Group>
      {total > job.problems.filter((p) => p.severity !== 'info').length ? (
        <Text size="sm" c="dimmed">
          Đang hiện các vấn đề đầu tiên; danh sách đầy đủ có trong tệp tải về.
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={800}>
        <Table withTableBorder striped aria-label="Các vấn đề trong tệp">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Mức độ</Table.Th>
              <Table.Th>Trang</Table.Th>
              <Table.Th>Dòng</Table.Th>
              <Table.Th>Cột</Table.Th>
              <Table.Th>Giá trị</Table.Th>
              <Table.Th>Vấn đề</Table.Th>
              <Table.Th>Cách sửa</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {job.problems.map((p, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Badge color={severityColors[p.severity]} variant="light">
                    {problemSeverityLabels[p.severity]}
                  </Badge>
                </Table.Td>
                <Table.Td>{p.sheet}</Table.Td>
                <Table.Td>{p.row ?? '—'}</Table.Td>
                <Table.Td>{p.column ? `${p.column}${p.field ? ` (${p.field})` : ''}` : (p.field ?? '—')}</Table.Td>
                <Table.Td>{p.value ?? '—'}</Table.Td>
                <Table.Td>{p.message}</Table.Td>
                <Table.Td>{p.fix}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
