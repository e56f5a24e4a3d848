import { Alert, Button, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { todayIso } from '../../../shared/dates';
import { transferCancel, transferLetterIssue, transferReceipt, transferReturn } from '../../../shared/transfers';
import type { TransferCancel, TransferDetail, TransferLetterIssue, TransferReceipt, TransferReturn } from '../../../shared/transfers';
import { cancelTransfer, confirmTransferReceipt, issueTransferLetter, recordTransferReturn } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { nullable, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { showDate } from '../../format';
import { StepAlert } from '../admissions/admission-fields';

const letterKeys = ['letterNumber', 'letterOn', 'cardNumber', 'profileNumber', 'cellListNumber', 'transferRegisterNumber', 'duesPaidThrough'] as const;

export function letterDraft(prefix = '', prefill: Partial<Record<(typeof letterKeys)[number], string | null>> = {}): Draft {
  return Object.fromEntries(letterKeys.map((k) => [`${prefix}${k}`, prefill[k] ?? (k === 'letterOn' ? null : '')]));
}

/** '4/2026' or '04/2026' as the API's '2026-04'; anything else is passed on for the schema to refuse. */
function monthIso(text: string): string {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{4})\s*$/.exec(text);
  return match ? `${match[2]}-${match[1].padStart(2, '0')}` : text.trim();
}

export function letterInput(draft: Draft, prefix = '') {
  const value = (k: (typeof letterKeys)[number]) => draft[`${prefix}${k}`];
  return {
    letterNumber: textOf(value('letterNumber')),
    letterOn: value('letterOn') ?? undefined,
    cardNumber: nullable(value('cardNumber')),
    profileNumber: textOf(value('profileNumber')),
    cellListNumber: textOf(value('cellListNumber')),
    transferRegisterNumber: textOf(value('transferRegisterNumber')),
    duesPaidThrough: monthIso(textOf(value('duesPaidThrough'))),
  };
}

/** The letter's number and date and the register numbers 294-QĐ/TW §6.3.1 requires. */
export function LetterFields({ form, prefix = '' }: { form: ZodForm<unknown>; prefix?: string }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      <TextInput label="Số giấy giới thiệu" required placeholder="Ví dụ: 15-GGT/ĐU" {...form.text(`${prefix}letterNumber`)} />
      <DateField label="Ngày cấp giấy giới thiệu" required {...form.date(`${prefix}letterOn`)} />
      <TextInput label="Số thẻ đảng viên" description="Để trống nếu là đảng viên dự bị" {...form.text(`${prefix}cardNumber`)} />
      <TextInput label="Số lý lịch đảng viên" required {...form.text(`${prefix}profileNumber`)} />
      <TextInput label="Số danh sách đảng viên trong chi bộ" required {...form.text(`${prefix}cellListNumber`)} />
      <TextInput label="Số đăng ký trong sổ chuyển sinh hoạt" required {...form.text(`${prefix}transferRegisterNumber`)} />
      <TextInput label="Đã đóng đảng phí đến hết tháng" required placeholder="mm/yyyy, ví dụ 04/2026" {...form.text(`${prefix}duesPaidThrough`)} />
    </SimpleGrid>
  );
}

function useStep<T>(transfer: TransferDetail, run: (input: T) => Promise<TransferDetail>, done: string, onDone: () => void, form: ZodForm<T>) {
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: run,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['transfer', transfer.id] });
      void queryClient.invalidateQueries({ queryKey: ['transfers'] });
      void queryClient.invalidateQueries({ queryKey: ['attention'] });
      void queryClient.invalidateQueries({ queryKey: ['member'] });
      notifications.show({ color: 'green', message: done, closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  const onSubmit = submitValid(form, mutation.mutate);
  return { mutation, onSubmit };
}

/** The sending organisation issues the letter; a late one needs its reason. */
export function LetterForm({ transfer, onDone }: { transfer: TransferDetail; onDone: () => void }) {
  const form = useZodForm<TransferLetterIssue>({
    initial: {
      ...letterDraft('', { letterOn: todayIso(), cardNumber: transfer.memberCardNumber, profileNumber: transfer.memberProfileNumber }),
      lateReason: '',
      place: '',
      'signer.authority': 'T/M Đảng ủy',
      'signer.title': 'Bí thư',
      'signer.name': '',
    },
    schema: transferLetterIssue,
    toInput: (draft) => ({
      ...letterInput(draft),
      version: transfer.version,
      lateReason: nullable(draft.lateReason),
      place: textOf(draft.place),
      signer: { authority: textOf(draft['signer.authority']), title: textOf(draft['signer.title']), name: textOf(draft['signer.name']) },
    }),
  });
  const { mutation, onSubmit } = useStep(
    transfer,
    (input: TransferLetterIssue) => issueTransferLetter(transfer.id, input),
    'Đã cấp giấy giới thiệu sinh hoạt đảng.',
    onDone,
    form,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Cấp giấy giới thiệu">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        {transfer.letterDueOn ? (
          <Text size="sm">
            Hạn cấp giấy: <strong>{showDate(transfer.letterDueOn)}</strong> (tính bằng ngày làm việc từ ngày quyết định có hiệu lực{' '}
            {showDate(transfer.movingEffectiveOn ?? transfer.movingDecisionOn)}).
          </Text>
        ) : null}
        <LetterFields form={form as ZodForm<unknown>} />
        <Textarea label="Lý do cấp giấy muộn (nếu quá hạn)" autosize minRows={2} {...form.text('lateReason')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Địa danh" required placeholder="Ví dụ: Hòa Bình" {...form.text('place')} />
          <TextInput label="Thẩm quyền ký" required {...form.text('signer.authority')} />
          <TextInput label="Chức vụ người ký" required {...form.text('signer.title')} />
          <TextInput label="Họ tên người ký" required {...form.text('signer.name')} />
        </SimpleGrid>
        <Button type="submit" loading={mutation.isPending}>
          Cấp giấy giới thiệu
        </Button>
      </Stack>
    </form>
  );
}

/** The receiving organisation confirms the letter was presented (for a member leaving the deployment, the sending one records the acknowledgement). */
export function ReceiptForm({ transfer, onDone }: { transfer: TransferDetail; onDone: () => void }) {
  const form = useZodForm<TransferReceipt>({
    initial: { presentedOn: todayIso(), lateReason: '' },
    schema: transferReceipt,
    toInput: (draft) => ({ version: transfer.version, presentedOn: draft.presentedOn ?? undefined, lateReason: nullable(draft.lateReason) }),
  });
  const { mutation, onSubmit } = useStep(
    transfer,
    (input: TransferReceipt) => confirmTransferReceipt(transfer.id, input),
    'Đã xác nhận tiếp nhận.',
    onDone,
    form,
  );
  const late =
    transfer.presentDueOn !== null && (form.draft.presentedOn as string | null) !== null && (form.draft.presentedOn as string) > transfer.presentDueOn;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Xác nhận tiếp nhận">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <Text size="sm">
          Giấy giới thiệu số {transfer.letterNumber} ngày {showDate(transfer.letterOn)}; hạn xuất trình: <strong>{showDate(transfer.presentDueOn)}</strong>.
        </Text>
        <DateField label="Ngày đảng viên xuất trình giấy giới thiệu" required {...form.date('presentedOn')} />
        {late ? (
          <Alert color="orange" variant="light">
            Xuất trình sau hạn: phải ghi rõ lý do.
          </Alert>
        ) : null}
        <Textarea label="Lý do xuất trình chậm" required={late} autosize minRows={2} {...form.text('lateReason')} />
        <Button type="submit" loading={mutation.isPending}>
          Xác nhận tiếp nhận
        </Button>
      </Stack>
    </form>
  );
}

export function ReturnForm({ transfer, onDone }: { transfer: TransferDetail; onDone: () => void }) {
  const form = useZodForm<TransferReturn>({
    initial: { returnedOn: todayIso(), ...decisionDraft('decision') },
    schema: transferReturn,
    toInput: (draft) => ({ version: transfer.version, returnedOn: draft.returnedOn ?? undefined, decision: decisionInput(draft) }),
  });
  const { mutation, onSubmit } = useStep(
    transfer,
    (input: TransferReturn) => recordTransferReturn(transfer.id, input),
    'Đã ghi kết thúc sinh hoạt tạm thời.',
    onDone,
    form,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Kết thúc sinh hoạt tạm thời">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <DateField label="Ngày trở về" required {...form.date('returnedOn')} />
        <Text size="sm" fw={600}>
          Giấy giới thiệu trở về (hoặc quyết định)
        </Text>
        <DecisionFields form={form as ZodForm<unknown>} numberLabel="Số giấy" dateLabel="Ngày giấy" />
        <Button type="submit" loading={mutation.isPending}>
          Ghi kết thúc sinh hoạt tạm thời
        </Button>
      </Stack>
    </form>
  );
}

export function CancelForm({ transfer, onDone }: { transfer: TransferDetail; onDone: () => void }) {
  const form = useZodForm<TransferCancel>({
    initial: { reason: '' },
    schema: transferCancel,
    toInput: (draft) => ({ version: transfer.version, reason: textOf(draft.reason) }),
  });
  const { mutation, onSubmit } = useStep(
    transfer,
    (input: TransferCancel) => cancelTransfer(transfer.id, input),
    'Đã hủy thủ tục chuyển sinh hoạt.',
    onDone,
    form,
  );
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Hủy thủ tục">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <Textarea label="Lý do hủy" required autosize minRows={2} {...form.text('reason')} />
        <Button type="submit" color="red" loading={mutation.isPending}>
          Hủy thủ tục
        </Button>
      </Stack>
    </form>
  );
}
