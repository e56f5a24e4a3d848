import { useState } from 'react';
import { Alert, Button, Checkbox, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { duesMonthStatusLabels, duesBasisKindLabels, type DuesSheetLine } from '../../../shared/dues';
import { getDuesSheet, recordDuesSheet } from '../../api';
import { ErrorState, PageLoader } from '../../components/page-state';
import { errorText } from '../../error-text';
import { showDate, showNumber } from '../../format';
import { useCan } from '../auth/session';

/** The treasurer's sheet: every member of the cell that month, the computed dues pre-filled, a tick for who paid. */
export function DuesSheetTable({ orgId, month }: { orgId: number; month: string }) {
  const canRecord = useCan('dues.record');
  const queryClient = useQueryClient();
  const sheet = useQuery({ queryKey: ['dues-sheet', orgId, month], queryFn: ({ signal }) => getDuesSheet(orgId, month, signal) });
  const [ticked, setTicked] = useState<Record<number, boolean>>({});
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [collector, setCollector] = useState('');
  /** What the treasurer changed on the sheet; the rest shows what was recorded. */
  const isTicked = (l: DuesSheetLine) => ticked[l.memberId] ?? l.status === 'paid';
  const reasonOf = (l: DuesSheetLine) => reasons[l.memberId] ?? l.unpaidReason ?? '';
  const save = useMutation({
    mutationFn: () =>
      recordDuesSheet(orgId, {
        month,
        collector,
        entries: sheet
          .data!.lines.filter((l) => l.dueAmount !== null)
          .map((l) => ({ memberId: l.memberId, paid: isTicked(l), unpaidReason: reasonOf(l) || null, version: l.version })),
      }),
    onSuccess: async () => {
      setTicked({});
      setReasons({});
      await queryClient.invalidateQueries({ queryKey: ['dues-sheet', orgId] });
      await queryClient.invalidateQueries({ queryKey: ['dues-arrears', orgId] });
    },
  });

  if (sheet.isPending) return <PageLoader label="Đang tải sổ thu đảng phí…" />;
  if (sheet.isError) return <ErrorState error={sheet.error} onRetry={() => sheet.refetch()} />;
  const { lines, totals } = sheet.data;
  const [year, m] = month.split('-');
  return (
    <Paper withBorder p="md">
      <Text fw={600} mb="xs">
        Sổ thu đảng phí tháng {m}/{year} · {sheet.data.orgName}
      </Text>
      <Table.ScrollContainer minWidth={760}>
        <Table striped aria-label={`Sổ thu đảng phí tháng ${m}/${year}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Đã đóng</Table.Th>
              <Table.Th>Họ và tên</Table.Th>
              <Table.Th>Căn cứ</Table.Th>
              <Table.Th ta="right">Phải đóng (đ)</Table.Th>
              <Table.Th>Miễn, giảm</Table.Th>
              <Table.Th>Tình trạng</Table.Th>
              <Table.Th>Lý do chưa đóng</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.memberId}>
                <Table.Td>
                  <Checkbox
                    aria-label={`${l.fullName} đã đóng`}
                    checked={isTicked(l)}
                    disabled={!canRecord || l.dueAmount === null || l.status === 'exempt'}
                    onChange={(e) => setTicked({ ...ticked, [l.memberId]: e.currentTarget.checked })}
                  />
                </Table.Td>
                <Table.Td>{l.fullName}</Table.Td>
                <Table.Td>
                  {l.basisKind ? (
                    duesBasisKindLabels[l.basisKind]
                  ) : (
                    <Text c="red" size="sm">
                      {l.problem}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td ta="right">{showNumber(l.dueAmount)}</Table.Td>
                <Table.Td>{l.relief ?? ''}</Table.Td>
                <Table.Td>
                  {duesMonthStatusLabels[l.status]}
                  {l.paidOn ? ` (${showDate(l.paidOn)})` : ''}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`Lý do ${l.fullName} chưa đóng`}
                    size="xs"
                    value={reasonOf(l)}
                    disabled={!canRecord || isTicked(l)}
                    onChange={(e) => setReasons({ ...reasons, [l.memberId]: e.currentTarget.value })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th colSpan={3}>
                Cộng: {totals.paidCount} đã đóng, {totals.unpaidCount} chưa đóng
              </Table.Th>
              <Table.Th ta="right">{showNumber(totals.due)}</Table.Th>
              <Table.Th colSpan={3}>Đã thu: {showNumber(totals.paid)} đ</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {canRecord ? (
        <Group align="flex-end" mt="md">
          <TextInput label="Người thu" value={collector} onChange={(e) => setCollector(e.currentTarget.value)} required />
          <Button onClick={() => save.mutate()} loading={save.isPending} disabled={collector.trim() === ''}>
            Ghi sổ tháng
          </Button>
        </Group>
      ) : null}
      {save.isError ? (
        <Alert color="red" variant="light" mt="sm" role="alert">
          {errorText(save.error)}
        </Alert>
      ) : null}
      {save.isSuccess ? (
        <Alert color="green" mt="sm" role="status">
          Đã ghi {save.data.recorded} đảng viên.
        </Alert>
      ) : null}
    </Paper>
  );
}
