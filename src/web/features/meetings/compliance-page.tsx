import { useState } from 'react';
import { Button, Group, Paper, Select, SimpleGrid, Table, Text } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ComplianceCell } from '../../../shared/meetings';
import { getMeetingCompliance, meetingComplianceExportUrl } from '../../api';
import { useCurrentOrg } from '../../components/current-org';
import { PageHeader } from '../../components/page-header';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { showNumber } from '../../format';

const cellText: Record<ComplianceCell, string> = { held: '✓', missing: '✗', grace: '…', open: '', none: '–' };
const cellTitle: Record<ComplianceCell, string> = {
  held: 'Đã họp',
  missing: 'Thiếu',
  grace: 'Đang chờ biên bản',
  open: 'Chưa hết kỳ',
  none: 'Chưa thành lập hoặc không áp dụng',
};
const cellColor: Record<ComplianceCell, string | undefined> = { held: 'green', missing: 'red', grace: 'orange', open: undefined, none: 'dimmed' };

/** Per cell and month: regular meeting held; per quarter: thematic meeting held; committees against their minimum. */
export function CompliancePage() {
  const { org } = useCurrentOrg();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const query = useQuery({
    queryKey: ['meeting-compliance', org?.id ?? null, year],
    queryFn: ({ signal }) => getMeetingCompliance({ orgId: org?.id, year }, signal),
    placeholderData: keepPreviousData,
  });
  const s = query.data?.summary;
  return (
    <>
      <PageHeader
        title="Tình hình sinh hoạt chi bộ"
        subtitle={`Sinh hoạt thường kỳ hằng tháng và chuyên đề hằng quý ${org ? `của ${org.name}` : 'trong phạm vi quản lý'}; quá hạn sau số ngày làm việc chờ biên bản.`}
        actions={
          <Button component="a" href={meetingComplianceExportUrl({ orgId: org?.id, year })} variant="default" download>
            Xuất Excel
          </Button>
        }
      />
      <Paper withBorder p="sm" mb="md" className="no-print">
        <Select
          label="Năm"
          maw={160}
          allowDeselect={false}
          data={[thisYear - 2, thisYear - 1, thisYear].map((y) => ({ value: String(y), label: String(y) }))}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
        />
      </Paper>
      {query.isPending ? <PageLoader /> : null}
      {query.isError ? <ErrorState error={query.error} onRetry={() => query.refetch()} /> : null}
      {s ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} mb="md">
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              Chi bộ sinh hoạt thường kỳ đủ các tháng
            </Text>
            <Text fw={700} size="xl" data-testid="cells-all-regular">
              {showNumber(s.cellsAllRegular)} / {showNumber(s.cells)}
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              Chi bộ sinh hoạt chuyên đề đủ các quý
            </Text>
            <Text fw={700} size="xl">
              {showNumber(s.cellsAllThematic)} / {showNumber(s.cells)}
            </Text>
          </Paper>
          <Paper withBorder p="sm">
            <Text size="xs" c="dimmed">
              Tháng thiếu sinh hoạt thường kỳ
            </Text>
            <Text fw={700} size="xl" data-testid="months-missing">
              {showNumber(s.monthsMissing)}
            </Text>
          </Paper>
        </SimpleGrid>
      ) : null}
      {query.data ? (
        <Paper withBorder>
          {query.data.rows.length === 0 ? (
            <Text px="md">
              <EmptyText>Không có chi bộ nào trong phạm vi.</EmptyText>
            </Text>
          ) : (
            <Table.ScrollContainer minWidth={900}>
              <Table striped>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Tổ chức đảng</Table.Th>
                    {Array.from({ length: 12 }, (_, i) => (
                      <Table.Th key={i}>T{i + 1}</Table.Th>
                    ))}
                    {[1, 2, 3, 4].map((q) => (
                      <Table.Th key={q}>CĐ Q{q}</Table.Th>
                    ))}
                    <Table.Th>Họp cấp ủy</Table.Th>
                    <Table.Th>Dự họp</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {query.data.rows.map((r) => (
                    <Table.Tr key={r.orgId}>
                      <Table.Td>{r.orgName}</Table.Td>
                      {[...r.months, ...r.quarters].map((c, i) => (
                        <Table.Td key={i} title={cellTitle[c]} c={cellColor[c]} aria-label={cellTitle[c]}>
                          {cellText[c]}
                        </Table.Td>
                      ))}
                      <Table.Td>{r.committeeMeetings === null ? '' : `${r.committeeMeetings}/${r.committeeMinimum}`}</Table.Td>
                      <Table.Td>{r.attendanceRate === null ? '—' : `${r.attendanceRate.toLocaleString('vi-VN')}%`}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          <Group px="md" py="xs">
            <Text size="xs" c="dimmed">
              ✓ đã họp · ✗ thiếu · … đang chờ biên bản (trong {query.data.graceWorkingDays} ngày làm việc) · – chưa thành lập
            </Text>
          </Group>
        </Paper>
      ) : null}
    </>
  );
}
