import { useMemo, useState } from 'react';
import { Accordion, Badge, Button, Group, Modal, Stack, Switch, Table, Text, TextInput, Textarea, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ruleVersionInput } from '../../../shared/rulebook';
import type { RuleVersionInput, RuleView } from '../../../shared/rulebook';
import { foldForSearch, formatNumber } from '../../../shared/vietnamese';
import { addRuleVersion, listRules, rulesExportUrl } from '../../api';
import { DateField } from '../../components/date-field';
import { ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { nullable, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import { showDate } from '../../format';

const unitLabels: Record<string, string> = {
  count: '',
  days: 'ngày',
  working_days: 'ngày làm việc',
  months: 'tháng',
  years: 'năm',
  percent: '%',
  vnd: 'đồng',
  ratio: '',
  list: '',
  object: '',
};

const objectKeyLabels: Record<string, string> = {
  excellent: 'Hoàn thành xuất sắc',
  good: 'Hoàn thành tốt',
  complete: 'Hoàn thành',
  min: 'Tối thiểu',
  max: 'Tối đa',
  numerator: 'Tử số',
  denominator: 'Mẫu số',
  monthDays: 'Các ngày trong năm',
};

/** "02-03" (month-day) → "03/02". */
function itemText(item: unknown): string {
  if (typeof item === 'number') return formatNumber(item);
  if (typeof item === 'string' && /^\d{2}-\d{2}$/.test(item)) return `${item.slice(3)}/${item.slice(0, 2)}`;
  if (Array.isArray(item)) return item.map(itemText).join(', ');
  return typeof item === 'string' ? item : JSON.stringify(item);
}

/** A rule value as people read it: "12 tháng", "2/3", "30, 40, 45 …". */
export function ruleValueText(value: unknown, unit: string): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    const suffix = unitLabels[unit] ?? '';
    return suffix === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)}${suffix ? ` ${suffix}` : ''}`;
  }
  if (Array.isArray(value)) return value.map(itemText).join('; ');
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.numerator === 'number' && typeof record.denominator === 'number' && Object.keys(record).length === 2)
      return `${record.numerator}/${record.denominator}`;
    return Object.entries(record)
      .map(([key, item]) => `${objectKeyLabels[key] ?? 'Giá trị'}: ${itemText(item)}`)
      .join('; ');
  }
  return String(value);
}

function valueDraft(rule: RuleView): string {
  const value = rule.current?.value;
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatNumber(value, 6).replace(/\./g, '');
  if (Array.isArray(value)) return value.join(', ');
  const record = value as Record<string, unknown>;
  if (rule.unit === 'ratio' && typeof record.numerator === 'number') return `${record.numerator}/${record.denominator}`;
  return JSON.stringify(value, null, 2);
}

/** Turns what was typed into the value shape the rule's unit expects; undefined when unreadable. */
function parseValue(text: string, unit: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const number = (s: string) => {
    const n = Number(s.trim().replace(/\./g, '').replace(',', '.'));
    return s.trim() !== '' && Number.isFinite(n) ? n : undefined;
  };
  if (unit === 'list') {
    if (trimmed.startsWith('[')) {
      try {
        return JSON.parse(trimmed);
      } catch {
        return undefined;
      }
    }
    const items = trimmed.split(/[;,]/).map((part) => number(part.trim().replace(/\s/g, '')));
    return items.every((item) => item !== undefined) ? items : trimmed;
  }
  if (unit === 'ratio') {
    const match = /^(\d+)\s*\/\s*(\d+)$/.exec(trimmed);
    if (match) return { numerator: Number(match[1]), denominator: Number(match[2]) };
  }
  if (unit === 'ratio' || unit === 'object') {
    try {
      return JSON.parse(trimmed);
    } catch {
      return trimmed;
    }
  }
  return number(trimmed) ?? trimmed;
}

function valueHint(unit: string): string {
  switch (unit) {
    case 'list':
      return 'Các số cách nhau bởi dấu phẩy, ví dụ: 30, 40, 45';
    case 'ratio':
      return 'Dạng tử số/mẫu số, ví dụ: 2/3';
    case 'object':
      return 'Giữ nguyên cấu trúc như phiên bản hiện hành, chỉ sửa các con số';
    case 'percent':
      return 'Số phần trăm, ví dụ: 1';
    default:
      return `Một số không âm${unitLabels[unit] ? ` (đơn vị: ${unitLabels[unit]})` : ''}`;
  }
}

function AddVersionForm({ rule, onDone }: { rule: RuleView; onDone: () => void }) {
  const queryClient = useQueryClient();
  const multiline = rule.unit === 'object';
  const form = useZodForm<RuleVersionInput>({
    initial: { value: valueDraft(rule), effectiveFrom: null, source: '', note: '' },
    schema: ruleVersionInput,
    toInput: (draft) => ({
      value: parseValue(textOf(draft.value), rule.unit),
      effectiveFrom: draft.effectiveFrom ?? undefined,
      source: textOf(draft.source),
      note: nullable(draft.note) ?? undefined,
    }),
  });
  const save = useMutation({
    mutationFn: (input: RuleVersionInput) => addRuleVersion(rule.name, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rules'] });
      notifications.show({ color: 'green', message: `Đã thêm phiên bản mới cho “${rule.label}”.` });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, save.mutate);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{rule.description}</Text>
        <SaveErrorAlert error={save.error} />
        {multiline ? (
          <Textarea label="Giá trị mới" description={valueHint(rule.unit)} required autosize minRows={3} ff="monospace" {...form.text('value')} />
        ) : (
          <TextInput label="Giá trị mới" description={valueHint(rule.unit)} required {...form.text('value')} />
        )}
        <DateField label="Có hiệu lực từ ngày" required {...form.date('effectiveFrom')} />
        <TextInput label="Văn bản quy định" description="Số hiệu văn bản và điều khoản, ví dụ: Quy định 232-QĐ/TW, Điều 3" required {...form.text('source')} />
        <Textarea label="Ghi chú" autosize minRows={2} {...form.text('note')} />
        <Text size="xs" c="dimmed">
          Phiên bản cũ vẫn được giữ; các thời hạn trước ngày hiệu lực vẫn tính theo phiên bản cũ.
        </Text>
        <Button type="submit" loading={save.isPending}>
          Thêm phiên bản
        </Button>
      </Stack>
    </form>
  );
}

export function UnconfirmedMark() {
  return (
    <Tooltip label="Giá trị chưa được đối chiếu với văn bản gốc, cần xác nhận trước khi dùng chính thức" multiline w={260} withArrow>
      <Badge color="orange" variant="light" radius="sm" tabIndex={0}>
        (?) chưa xác nhận
      </Badge>
    </Tooltip>
  );
}

export function RulesPage() {
  const rules = useQuery({ queryKey: ['rules'], queryFn: ({ signal }) => listRules(signal) });
  const [adding, setAdding] = useState<RuleView | null>(null);
  const [search, setSearch] = useState('');
  const [onlyUnconfirmed, setOnlyUnconfirmed] = useState(false);
  const filtered = useMemo(() => {
    const folded = foldForSearch(search);
    return (rules.data ?? []).filter(
      (rule) =>
        (!onlyUnconfirmed || rule.unconfirmed) &&
        (folded === '' || foldForSearch(`${rule.label} ${rule.description} ${rule.current?.source ?? ''}`).includes(folded)),
    );
  }, [rules.data, search, onlyUnconfirmed]);
  const unconfirmedCount = (rules.data ?? []).filter((rule) => rule.unconfirmed).length;

  return (
    <>
      <PageHeader
        title="Sổ tay quy định"
        subtitle="Các tham số nghiệp vụ (thời hạn, tỷ lệ, mức) theo từng văn bản, có ngày hiệu lực"
        actions={
          <>
            <Button component="a" href={rulesExportUrl} variant="default" download>
              Xuất Excel
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              In
            </Button>
          </>
        }
      />
      <Group mb="sm" align="flex-end" className="no-print">
        <TextInput label="Tìm quy định" type="search" value={search} onChange={(event) => setSearch(event.currentTarget.value)} w={300} />
        <Switch
          label={`Chỉ hiện quy định chưa xác nhận (${formatNumber(unconfirmedCount)})`}
          checked={onlyUnconfirmed}
          onChange={(event) => setOnlyUnconfirmed(event.currentTarget.checked)}
          mb={8}
        />
      </Group>
      {rules.isPending ? <PageLoader /> : null}
      {rules.isError ? <ErrorState error={rules.error} onRetry={() => rules.refetch()} /> : null}
      {rules.data ? (
        <Accordion multiple variant="separated" chevronPosition="left">
          {filtered.map((rule) => (
            <Accordion.Item key={rule.name} value={rule.name}>
              <Accordion.Control>
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {rule.label}
                    </Text>
                    {rule.unconfirmed ? (
                      <Badge color="orange" variant="light" radius="sm">
                        (?) chưa xác nhận
                      </Badge>
                    ) : null}
                  </Group>
                  <Text size="sm" c={rule.current ? undefined : 'red'}>
                    {rule.current ? ruleValueText(rule.current.value, rule.unit) : 'Chưa có giá trị hiện hành'}
                  </Text>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="sm">
                  <Text size="sm">{rule.description}</Text>
                  {rule.current ? (
                    <Text size="sm" c="dimmed">
                      Đang áp dụng từ {showDate(rule.current.effectiveFrom)} theo {rule.current.source}
                    </Text>
                  ) : null}
                  <div className="table-scroll" tabIndex={0}>
                    <Table striped verticalSpacing="xs" miw={560}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th scope="col">Hiệu lực từ</Table.Th>
                          <Table.Th scope="col">Giá trị</Table.Th>
                          <Table.Th scope="col">Văn bản quy định</Table.Th>
                          <Table.Th scope="col">Ghi chú</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {[...rule.versions].reverse().map((version) => (
                          <Table.Tr key={version.id}>
                            <Table.Td>{showDate(version.effectiveFrom)}</Table.Td>
                            <Table.Td>{ruleValueText(version.value, rule.unit)}</Table.Td>
                            <Table.Td>{version.source}</Table.Td>
                            <Table.Td>{version.note ?? '—'}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </div>
                  <Group className="no-print">
                    <Button size="xs" variant="light" onClick={() => setAdding(rule)}>
                      Thêm phiên bản
                    </Button>
                  </Group>
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      ) : null}
      {rules.data && filtered.length === 0 ? <Text c="dimmed">Không có quy định nào khớp.</Text> : null}
      <Modal
        opened={adding !== null}
        onClose={() => setAdding(null)}
        title={adding ? `Thêm phiên bản: ${adding.label}` : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        {adding ? <AddVersionForm key={adding.name} rule={adding} onDone={() => setAdding(null)} /> : null}
      </Modal>
    </>
  );
}
