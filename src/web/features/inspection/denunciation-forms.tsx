import { Button, Checkbox, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import {
  denunciationCreate,
  denunciationEntryInput,
  denunciationKindLabels,
  denunciationKinds,
  denunciationStageLabels,
  denunciationStages,
} from '../../../shared/inspection';
import type { DenunciationCreate, DenunciationDetail, DenunciationEntryInput } from '../../../shared/inspection';
import { recordDenunciationEntry, registerDenunciation } from '../../api';
import { DateField } from '../../components/date-field';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { HandlingOrgField, SubjectFields, subjectDraft, subjectInput, useHandlingOrgDraft } from './inspection-fields';

function createInput(d: Draft) {
  return {
    handlingOrgId: numberOrNull(d.handlingOrgId) ?? undefined,
    kind: d.kind ?? undefined,
    receivedOn: d.receivedOn ?? undefined,
    denouncer:
      d.anonymous === true
        ? null
        : { fullName: textOf(d['denouncer.fullName']), address: textOf(d['denouncer.address']), contact: textOf(d['denouncer.contact']) },
    about: subjectInput(d, 'about'),
    content: textOf(d.content),
    handlerUserIds: [],
  };
}

/** A denunciation or complaint entered in the register; the recorder handles it and alone sees who sent it. */
export function DenunciationCreateForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const initial: Draft = {
    ...useHandlingOrgDraft(),
    kind: 'denunciation',
    receivedOn: null,
    anonymous: false,
    'denouncer.fullName': '',
    'denouncer.address': '',
    'denouncer.contact': '',
    ...subjectDraft('about'),
    content: '',
  };
  const form = useZodForm<DenunciationCreate>({ initial, schema: denunciationCreate, toInput: createInput });
  const save = useMutation({
    mutationFn: registerDenunciation,
    onSuccess: (d) => {
      void queryClient.invalidateQueries({ queryKey: ['denunciations'] });
      notifications.show({ color: 'green', message: `Đã vào sổ đơn về ${d.aboutName}.`, closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
      onDone();
      navigate(`/kiem-tra/don-thu/${d.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate>
      <Stack gap="sm">
        <HandlingOrgField form={form as ZodForm<unknown>} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Loại đơn"
            required
            allowDeselect={false}
            data={denunciationKinds.map((k) => ({ value: k, label: denunciationKindLabels[k] }))}
            {...form.choice('kind')}
          />
          <DateField label="Ngày nhận" required {...form.date('receivedOn')} />
        </SimpleGrid>
        <Checkbox label="Đơn nặc danh (không ghi người gửi)" {...form.checked('anonymous')} />
        {form.draft.anonymous === true ? null : (
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
            <TextInput label="Họ tên người gửi" required {...form.text('denouncer.fullName')} />
            <TextInput label="Địa chỉ" {...form.text('denouncer.address')} />
            <TextInput label="Liên hệ" {...form.text('denouncer.contact')} />
          </SimpleGrid>
        )}
        <SubjectFields form={form as ZodForm<unknown>} prefix="about" label="Người (tổ chức) bị tố cáo" />
        <Textarea label="Nội dung" required autosize minRows={3} {...form.text('content')} />
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Vào sổ
        </Button>
      </Stack>
    </form>
  );
}

/** The next dated stage of the handling (verification, handled, closed), optionally naming the case opened for it. */
export function DenunciationEntryForm({ denunciation }: { denunciation: DenunciationDetail }) {
  const queryClient = useQueryClient();
  const initial: Draft = { stage: null, occurredOn: null, text: '', caseId: '' };
  const form = useZodForm<DenunciationEntryInput>({
    initial,
    schema: denunciationEntryInput,
    toInput: (d) => ({
      version: denunciation.version,
      stage: d.stage ?? undefined,
      occurredOn: d.occurredOn ?? undefined,
      text: textOf(d.text),
      caseId: numberOrNull(d.caseId),
    }),
  });
  const save = useMutation({
    mutationFn: (input: DenunciationEntryInput) => recordDenunciationEntry(denunciation.id, input),
    onSuccess: (after) => {
      queryClient.setQueryData(['denunciation', denunciation.id], after);
      void queryClient.invalidateQueries({ queryKey: ['denunciations'] });
      notifications.show({ color: 'green', message: 'Đã ghi bước xử lý đơn.', closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
      form.reset(initial);
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label="Giai đoạn"
            required
            data={denunciationStages.filter((s) => s !== 'received').map((s) => ({ value: s, label: denunciationStageLabels[s] }))}
            {...form.choice('stage')}
          />
          <DateField label="Ngày" required {...form.date('occurredOn')} />
          <TextInput label="Số cuộc kiểm tra (nếu có)" inputMode="numeric" {...form.text('caseId')} />
        </SimpleGrid>
        <Textarea label="Nội dung" required autosize minRows={2} {...form.text('text')} />
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content" variant="light">
          Ghi bước xử lý
        </Button>
      </Stack>
    </form>
  );
}
