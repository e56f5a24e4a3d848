import { useState } from 'react';
import { Anchor, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { useCan } from '../auth/session';
import { duesStatementUrl } from '../../api';
import { useCurrentOrg, type OrgRef } from '../../components/current-org';
import { OrgSelect } from '../../components/org-select';
import { PageHeader } from '../../components/page-header';
import { EmptyText } from '../../components/page-state';
import { DuesSheetTable } from './dues-sheet-table';
import { DuesArrearsList } from './dues-arrears-list';

function thisMonth(): string {
  const now = new Date(Date.now() + 7 * 3_600_000);
  return now.toISOString().slice(0, 7);
}

/** Đảng phí: a cell's month sheet (tick who paid), the members in arrears, and the statements to download. */
export function DuesPage() {
  const { org: current } = useCurrentOrg();
  const [org, setOrg] = useState<OrgRef | null>(current);
  const [month, setMonth] = useState(thisMonth);
  const year = Number(month.slice(0, 4));
  const mayImport = useCan('imports.run');
  const mayRecord = useCan('dues.record');
  const canImport = mayImport && mayRecord;
  return (
    <>
      <PageHeader title="Đảng phí" subtitle="Sổ thu đảng phí hằng tháng của chi bộ, danh sách chưa đóng và báo cáo thu, nộp" />
      <Paper withBorder p="md" mb="md">
        <Group align="flex-end" gap="md" wrap="wrap">
          <OrgSelect label="Chi bộ" value={org} onChange={setOrg} kinds={['cell', 'grassroots_cell']} w={{ base: '100%', sm: 420 }} />
          <TextInput label="Tháng" type="month" value={month} onChange={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} w={180} />
        </Group>
      </Paper>
      {org === null ? (
        <EmptyText>Chọn chi bộ để ghi sổ thu đảng phí.</EmptyText>
      ) : (
        <Stack gap="lg">
          <DuesSheetTable key={`${org.id}-${month}`} orgId={org.id} month={month} />
          <section aria-labelledby="dues-arrears-title">
            <Title order={2} size="h4" id="dues-arrears-title" mb="xs">
              Chưa đóng đảng phí năm {year}
            </Title>
            <DuesArrearsList orgId={org.id} year={year} />
          </section>
          <Group gap="md">
            <Anchor href={duesStatementUrl(org.id, 'xlsx', { year, month: Number(month.slice(5)) })}>Báo cáo tháng (.xlsx)</Anchor>
            <Anchor href={duesStatementUrl(org.id, 'docx', { year, month: Number(month.slice(5)) })}>Báo cáo tháng (.docx)</Anchor>
            <Anchor href={duesStatementUrl(org.id, 'xlsx', { year })}>Báo cáo năm (.xlsx)</Anchor>
            <Anchor href={duesStatementUrl(org.id, 'docx', { year })}>Báo cáo năm (.docx)</Anchor>
          </Group>
          {canImport ? <DuesImportHelp /> : null}
        </Stack>
      )}
    </>
  );
}

/** Where a treasurer's own spreadsheet goes: the import page reads a sheet named "Đảng phí" with these columns. */
function DuesImportHelp() {
  return (
    <section aria-labelledby="dues-import-title">
      <Title order={2} size="h4" id="dues-import-title" mb="xs">
        Nhập bảng thu đảng phí từ tệp Excel
      </Title>
      <Text size="sm" mb="xs">
        Đặt tên trang tính là «Đảng phí», mỗi dòng là một đảng viên trong một tháng, dòng tiêu đề gồm các cột:
      </Text>
      <List size="sm" mb="xs">
        <List.Item>Họ và tên (bắt buộc); Số thẻ đảng viên hoặc Ngày sinh khi trong đảng bộ có người trùng họ tên;</List.Item>
        <List.Item>Tháng (bắt buộc, dạng 03/2026); Số tiền đã đóng (bắt buộc, ví dụ 45.000; để trống hoặc 0 nếu chưa đóng);</List.Item>
        <List.Item>Ngày đóng; Người thu (bắt buộc với tháng đã đóng); Ủng hộ thêm; Lý do chưa đóng.</List.Item>
      </List>
      <Text size="sm" mb="xs">
        Tệp được kiểm tra trước (lỗi ghi rõ dòng, cột); chỉ khi không còn lỗi mới ghi được, và ghi cả tệp hoặc không ghi gì.
      </Text>
      <Anchor component={Link} to="/nhap-du-lieu">
        Mở trang nhập dữ liệu
      </Anchor>
    </section>
  );
}
