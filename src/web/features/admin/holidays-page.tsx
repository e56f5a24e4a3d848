import { useState } from 'react';
import type { FormEvent } from 'react';
import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { holidayInput, holidayKindLabels, holidayKinds } from '../../../shared/calendar';
import type { Holiday, HolidayInput } from '../../../shared/calendar';
import { dayOfWeek, isoYear, todayIso } from '../../../shared/dates';
import { deactivateHoliday, holidaysExportUrl, listHolidays, saveHoliday } from '../../api';
import { ConfirmModal, useConfirmation } from '../../components/confirm-modal';
import { DateField } from '../../components/date-field';
import { EmptyText, ErrorState, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { textOf, useZodForm } from '../../components/use-zod-form';
import { errorText } from '../../error-text';
import { showDate } from '../../format';
import { labelOr } from '../../labels';

const weekdays = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];

function HolidayForm({ holiday, year, onDone }: { holiday: Holiday | null; year: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [date, setDate] = useState<string | null>(holiday?.date ?? null);
  const [dateError, setDateError] = useState<string | undefined>();
  const form = useZodForm<HolidayInput>({
    initial: { name: holiday?.name ?? '', kind: holiday?.kind ?? 'fixed' },
    schema: holidayInput,
    toInput: (draft) => ({ name: textOf(draft.name), kind: draft.kind ?? undefined, version: holiday?.version }),
  });
  const save = useMutation({
    mutationFn: (input: HolidayInput) => saveHoliday(date as string, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['holidays'] });
      notifications.show({ color: 'green', message: 'Đã lưu ngày nghỉ.' });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate();
    if (date === null) setDateError('Vui lòng chọn ngày');
    if (input && date !== null) save.mutate(input);
  };
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <DateField
          label="Ngày"
          required
          value={date}
          onChange={(value) => {
            setDate(value);
            setDateError(undefined);
          }}
          error={dateError}
          disabled={holiday !== null}
          defaultDate={`${year}-01-01`}
        />
        <TextInput label="Tên ngày nghỉ" required {...form.text('name')} />
        <Select
          label="Loại"
          required
          allowDeselect={false}
          data={holidayKinds.map((kind) => ({ value: kind, label: holidayKindLabels[kind] }))}
          {...form.choice('kind')}
        />
        <Button type="submit" loading={save.isPending}>
          Lưu
        </Button>
      </Stack>
    </form>
  );
}

/** What removing a day does to working-day deadlines, said before it is done. */
function HolidayRemoval({ holiday }: { holiday: Holiday }) {
  const day = `${weekdays[dayOfWeek(holiday.date)]} ${showDate(holiday.date)} (${holiday.name})`;
  return (
    <Stack gap="xs">
      <Text fw={600}>{holiday.kind === 'workday' ? `${day} sẽ không còn là ngày làm bù.` : `${day} sẽ không còn là ngày nghỉ.`}</Text>
      <Text size="sm">
        {holiday.kind === 'workday'
          ? 'Các thời hạn tính theo ngày làm việc từ nay sẽ không đếm ngày này, nên có thể đến muộn hơn.'
          : 'Các thời hạn tính theo ngày làm việc từ nay sẽ đếm ngày này là ngày làm việc, nên có thể đến sớm hơn.'}{' '}
        Bản ghi vẫn được giữ để đối chiếu các thời hạn đã tính; có thể áp dụng lại bằng nút “Sửa”.
      </Text>
    </Stack>
  );
}

export function HolidaysPage() {
  const queryClient = useQueryClient();
  const thisYear = isoYear(todayIso());
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<Holiday | 'new' | null>(null);
  const holidays = useQuery({ queryKey: ['holidays', year], queryFn: ({ signal }) => listHolidays(year, signal) });
  const deactivate = useMutation({
    mutationFn: (holiday: Holiday) => deactivateHoliday(holiday.date),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['holidays'] });
      notifications.show({ color: 'green', message: 'Đã bỏ ngày nghỉ. Bản ghi vẫn được giữ để đối chiếu các thời hạn đã tính.' });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorText(error) }),
  });
  const removal = useConfirmation(deactivate.mutate);
  const years = Array.from({ length: 7 }, (_, index) => String(thisYear - 3 + index));
  const items = [...(holidays.data ?? [])].sort((a, b) => (a.date < b.date ? -1 : 1));

  return (
    <>
      <PageHeader
        title="Ngày nghỉ lễ"
        subtitle="Dùng để tính thời hạn theo ngày làm việc"
        actions={
          <>
            <Button onClick={() => setEditing('new')}>Thêm ngày nghỉ</Button>
            <Button component="a" href={holidaysExportUrl(year)} variant="default" download>
              Xuất Excel
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              In
            </Button>
          </>
        }
      />
      <Group mb="sm" className="no-print">
        <Select label="Năm" data={years} value={String(year)} onChange={(value) => value && setYear(Number(value))} allowDeselect={false} w={140} />
      </Group>
      {holidays.isPending ? <PageLoader /> : null}
      {holidays.isError ? <ErrorState error={holidays.error} onRetry={() => holidays.refetch()} /> : null}
      {holidays.data && items.length === 0 ? <EmptyText>Chưa có ngày nghỉ nào cho năm {year}.</EmptyText> : null}
      {items.length > 0 ? (
        <div className="table-scroll" tabIndex={0}>
          <Table striped verticalSpacing="xs" miw={640}>
            <Table.Caption className="print-only">Ngày nghỉ lễ năm {year}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Ngày</Table.Th>
                <Table.Th scope="col">Thứ</Table.Th>
                <Table.Th scope="col">Tên</Table.Th>
                <Table.Th scope="col">Loại</Table.Th>
                <Table.Th scope="col">Tình trạng</Table.Th>
                <Table.Th scope="col" className="no-print">
                  Thao tác
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((holiday) => (
                <Table.Tr key={holiday.date} style={{ opacity: holiday.active ? 1 : 0.55 }}>
                  <Table.Td>{showDate(holiday.date)}</Table.Td>
                  <Table.Td>{weekdays[dayOfWeek(holiday.date)]}</Table.Td>
                  <Table.Td>{holiday.name}</Table.Td>
                  <Table.Td>{labelOr(holidayKindLabels, holiday.kind)}</Table.Td>
                  <Table.Td>
                    {holiday.active ? (
                      <Badge color="green" variant="light" radius="sm">
                        Áp dụng
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light" radius="sm">
                        Đã bỏ
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td className="no-print">
                    <Group gap={4} wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(holiday)} aria-label={`Sửa ngày ${showDate(holiday.date)}`}>
                        Sửa
                      </Button>
                      {holiday.active ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={deactivate.isPending && deactivate.variables?.date === holiday.date}
                          onClick={() => removal.ask(holiday)}
                          aria-label={`Bỏ ngày nghỉ ${showDate(holiday.date)}`}
                        >
                          Bỏ
                        </Button>
                      ) : null}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
      <Text size="xs" c="dimmed" mt="sm">
        “Ngày làm bù” là thứ Bảy đi làm để bù cho ngày nghỉ hoán đổi; thời hạn tính theo ngày làm việc sẽ đếm ngày này.
      </Text>
      <ConfirmModal
        opened={removal.pending !== null}
        title="Xác nhận bỏ ngày nghỉ"
        confirmLabel="Bỏ ngày nghỉ"
        onConfirm={removal.confirm}
        onCancel={removal.cancel}
      >
        {removal.pending ? <HolidayRemoval holiday={removal.pending} /> : null}
      </ConfirmModal>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Thêm ngày nghỉ' : editing ? `Sửa ngày ${showDate(editing.date)}` : ''}
        closeButtonProps={{ 'aria-label': 'Đóng' }}
      >
        {editing !== null ? <HolidayForm holiday={editing === 'new' ? null : editing} year={year} onDone={() => setEditing(null)} /> : null}
      </Modal>
    </>
  );
}
