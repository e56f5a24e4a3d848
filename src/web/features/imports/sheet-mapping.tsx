import { Group, NumberInput, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { importRecordTypeLabels, type ImportJob, type ImportRecordType, type ImportSheetPlan } from '../../../shared/imports';
import { showNumber } from '../../format';

export type Draft = Record<string, { recordType: ImportRecordType | null; headerRow: number; mapping: Record<string, number> }>;

export function SheetMapping({
  sheet,
  fields,
  value,
  onChange,
}: {
  sheet: ImportSheetPlan;
  fields: ImportJob['fields'];
  value: Draft[string] | undefined;
  onChange: (change: Partial<Draft[string]>) => void;
}) {
  if (!value) return null;
  const available = value.recordType ? fields[value.recordType] : [];
  const fieldOfColumn = (index: number) => Object.entries(value.mapping).find(([, column]) => column === index)?.[0] ?? null;
  const assign = (index: number, key: string | null) => {
    const mapping = Object.fromEntries(Object.entries(value.mapping).filter(([field, column]) => column !== index && field !== key));
    if (key) mapping[key] = index;
    onChange({ mapping });
  };
  const source = { guessed: 'đoán theo tiêu đề', saved: 'đã nhớ từ lần trước', confirmed: 'đã xác nhận' }[sheet.mappingSource];
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <Group gap="sm" align="flex-end">
          <Text fw={600}>Trang "{sheet.sheet}"</Text>
          <Select
            label="Loại dữ liệu"
            size="xs"
            data={[
              { value: 'member', label: importRecordTypeLabels.member },
              { value: 'org', label: importRecordTypeLabels.org },
              { value: 'dues', label: importRecordTypeLabels.dues },
              { value: 'none', label: 'Không nhập trang này' },
            ]}
            value={value.recordType ?? 'none'}
            onChange={(v) => onChange({ recordType: v === 'member' || v === 'org' || v === 'dues' ? v : null, mapping: {} })}
            allowDeselect={false}
            w={200}
          />
          <NumberInput
            label="Dòng tiêu đề"
            size="xs"
            min={1}
            max={200}
            value={value.headerRow}
            onChange={(v) => onChange({ headerRow: Number(v) || 1 })}
            w={110}
          />
          <Text size="xs" c="dimmed">
            ({source}; {showNumber(sheet.dataRows)} dòng dữ liệu)
          </Text>
        </Group>
        {value.recordType && sheet.headers.length > 0 ? (
          <Table withTableBorder aria-label={`Ghép cột của trang ${sheet.sheet}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Cột</Table.Th>
                <Table.Th>Tiêu đề trong tệp</Table.Th>
                <Table.Th>Trường dữ liệu</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sheet.headers
                .filter((h) => h.text !== '')
                .map((header) => (
                  <Table.Tr key={header.index}>
                    <Table.Td>{header.letter}</Table.Td>
                    <Table.Td>{header.text}</Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        aria-label={`Trường cho cột ${header.letter}`}
                        placeholder="Bỏ qua cột này"
                        data={available.map((f) => ({ value: f.key, label: f.required ? `${f.label} (bắt buộc)` : f.label }))}
                        value={fieldOfColumn(header.index)}
                        onChange={(key) => assign(header.index, key)}
                        clearable
                        searchable
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
            </Table.Tbody>
          </Table>
        ) : null}
      </Stack>
    </Paper>
  );
}
