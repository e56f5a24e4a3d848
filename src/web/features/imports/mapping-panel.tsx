import { useMemo, useState } from 'react';
import { Alert, Button, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '../../../shared/imports';
import { errorText } from '../../error-text';
import { confirmImportMapping } from '../../api';
import { SheetMapping, type Draft } from './sheet-mapping';

/** The guessed (or remembered) mapping, shown column by column so the user can correct it before the commit. */
export function MappingPanel({ job }: { job: ImportJob }) {
  const queryClient = useQueryClient();
  const initial = useMemo<Draft>(
    () => Object.fromEntries(job.sheets.map((s) => [s.sheet, { recordType: s.recordType, headerRow: s.headerRow ?? 1, mapping: s.mapping }])),
    [job.sheets],
  );
  const [draft, setDraft] = useState<Draft>(initial);
  // A new dry run brings a new guess: the draft starts again from it (reset during render, not in an effect).
  const [draftOf, setDraftOf] = useState(initial);
  if (draftOf !== initial) {
    setDraftOf(initial);
    setDraft(initial);
  }
  const incomplete = job.sheets.some((s) => s.recordType && job.fields[s.recordType].some((f) => f.required && s.mapping[f.key] === undefined));
  const [opened, setOpened] = useState(incomplete);
  const save = useMutation({
    mutationFn: () =>
      confirmImportMapping(job.id, {
        sheets: job.sheets.map((s) => ({
          sheet: s.sheet,
          recordType: draft[s.sheet].recordType,
          headerRow: draft[s.sheet].headerRow,
          mapping: draft[s.sheet].mapping,
        })),
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['imports'] });
      notifications.show({ color: 'green', message: 'Đã lưu cách ghép cột; đang kiểm tra lại tệp.' });
    },
  });
  const setSheet = (sheet: string, change: Partial<Draft[string]>) => setDraft((d) => ({ ...d, [sheet]: { ...d[sheet], ...change } }));
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        Ghép cột với trường dữ liệu
      </Title>
      <Text size="sm" c="dimmed">
        Hệ thống đã đoán cột nào là trường nào theo tiêu đề (không phân biệt dấu, chữ hoa). Hãy kiểm tra; nếu sửa, bấm "Xác nhận và kiểm tra lại". Cách ghép đã
        xác nhận được nhớ cho các tệp có cùng tiêu đề.
      </Text>
      <Group>
        <Button variant="subtle" size="xs" onClick={() => setOpened((o) => !o)} aria-expanded={opened}>
          {opened ? 'Ẩn cách ghép cột' : 'Xem và sửa cách ghép cột'}
        </Button>
      </Group>
      <Collapse expanded={opened}>
        <Stack gap="sm">
          {job.sheets.map((sheet) => (
            <SheetMapping key={sheet.sheet} sheet={sheet} fields={job.fields} value={draft[sheet.sheet]} onChange={(change) => setSheet(sheet.sheet, change)} />
          ))}
          {save.isError ? (
            <Alert color="red" variant="light" role="alert">
              {errorText(save.error)}
            </Alert>
          ) : null}
          <Group>
            <Button variant="light" onClick={() => save.mutate()} loading={save.isPending}>
              Xác nhận và kiểm tra lại
            </Button>
          </Group>
        </Stack>
      </Collapse>
    </Stack>
  );
}
