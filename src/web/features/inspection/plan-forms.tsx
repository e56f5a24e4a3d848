import { Button, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import {
  handlingBodies,
  handlingBodyLabels,
  inspectionCaseKindLabels,
  inspectionCaseKinds,
  isSupervision,
  planApproval,
  planCreate,
  planItemCreate,
  planKindLabels,
  planKinds,
} from '../../../shared/inspection';
import type { PlanApproval, PlanCreate, PlanDetail, PlanItemCreate } from '../../../shared/inspection';
import { addInspectionPlanItem, approveInspectionPlan, createInspectionPlan } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { HandlingOrgField, SubjectFields, subjectDraft, subjectInput, useHandlingOrgDraft } from './inspection-fields';

const done = (message: string) => notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': 'Đóng thông báo' } });

/** A new yearly programme (a draft until it is issued under its decision). */
export function PlanCreateForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm<PlanCreate>({
    initial: { ...useHandlingOrgDraft(), handlingBody: 'commission', kind: 'inspection', year: String(new Date().getFullYear() + 1), title: '' },
    schema: planCreate,
    toInput: (d) => ({
      handlingOrgId: numberOrNull(d.handlingOrgId) ?? undefined,
      handlingBody: d.handlingBody ?? undefined,
      kind: d.kind ?? undefined,
      year: numberOrNull(d.year) ?? undefined,
      title: textOf(d.title),
    }),
  });
  const save = useMutation({
    mutationFn: createInspectionPlan,
    onSuccess: (plan) => {
      void queryClient.invalidateQueries({ queryKey: ['inspection-plans'] });
      done(`Đã tạo ${planKindLabels[plan.kind].toLocaleLowerCase('vi')} năm ${plan.year}.`);
      onDone();
      navigate(`/kiem-tra/chuong-trinh/${plan.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate>
      <Stack gap="sm">
        <HandlingOrgField form={form as ZodForm<unknown>} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label="Loại" required allowDeselect={false} data={planKinds.map((k) => ({ value: k, label: planKindLabels[k] }))} {...form.choice('kind')} />
          <Select
            label="Cơ quan"
            required
            allowDeselect={false}
            data={handlingBodies.map((b) => ({ value: b, label: handlingBodyLabels[b] }))}
            {...form.choice('handlingBody')}
          />
          <NumberInput
            label="Năm"
            required
            min={1930}
            max={2200}
            thousandSeparator=""
            value={textOf(form.draft.year)}
            onChange={(v) => form.set('year', String(v))}
            error={form.errors.year}
          />
        </SimpleGrid>
        <TextInput label="Tên chương trình" required {...form.text('title')} />
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Tạo chương trình
        </Button>
      </Stack>
    </form>
  );
}

/** A subject added to a draft programme: kind of case, content and the planned time. */
export function PlanItemForm({ plan }: { plan: PlanDetail }) {
  const queryClient = useQueryClient();
  const initial = { ...subjectDraft(), caseKind: null, content: '', plannedFrom: null, plannedTo: null, team: '' };
  const form = useZodForm<PlanItemCreate>({
    initial,
    schema: planItemCreate,
    toInput: (d) => ({
      version: plan.version,
      subject: subjectInput(d),
      caseKind: d.caseKind ?? undefined,
      content: textOf(d.content),
      plannedFrom: d.plannedFrom ?? undefined,
      plannedTo: d.plannedTo ?? undefined,
      team: textOf(d.team),
    }),
  });
  const save = useMutation({
    mutationFn: (input: PlanItemCreate) => addInspectionPlanItem(plan.id, input),
    onSuccess: (after) => {
      queryClient.setQueryData(['inspection-plan', plan.id], after);
      void queryClient.invalidateQueries({ queryKey: ['inspection-plans'] });
      done('Đã thêm đối tượng vào chương trình.');
      form.reset(initial);
    },
    onError: (error) => form.applyServerError(error),
  });
  const kinds = inspectionCaseKinds.filter((k) => isSupervision(k) === (plan.kind === 'supervision'));
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate>
      <Stack gap="sm">
        <SubjectFields form={form as ZodForm<unknown>} />
        <Select label="Loại cuộc" required data={kinds.map((k) => ({ value: k, label: inspectionCaseKindLabels[k] }))} {...form.choice('caseKind')} />
        <Textarea label="Nội dung" required autosize minRows={2} {...form.text('content')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <DateField label="Dự kiến từ" required {...form.date('plannedFrom')} />
          <DateField label="đến" required {...form.date('plannedTo')} />
          <TextInput label="Đoàn (dự kiến)" {...form.text('team')} />
        </SimpleGrid>
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content" variant="light">
          Thêm đối tượng
        </Button>
      </Stack>
    </form>
  );
}

/** Issues the programme under its decision; its subjects are then fixed. */
export function PlanApproveForm({ plan }: { plan: PlanDetail }) {
  const queryClient = useQueryClient();
  const form = useZodForm<PlanApproval>({
    initial: decisionDraft('decision', plan.handlingOrgName),
    schema: planApproval,
    toInput: (d) => ({ version: plan.version, decision: decisionInput(d) }),
  });
  const save = useMutation({
    mutationFn: (input: PlanApproval) => approveInspectionPlan(plan.id, input),
    onSuccess: (after) => {
      queryClient.setQueryData(['inspection-plan', plan.id], after);
      void queryClient.invalidateQueries({ queryKey: ['inspection-plans'] });
      done('Đã ban hành chương trình.');
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate>
      <Stack gap="sm">
        <DecisionFields form={form as ZodForm<unknown>} numberPlaceholder="Ví dụ: 01-CTr/UBKT" />
        <SaveErrorAlert error={save.error} />
        <Button type="submit" loading={save.isPending} w="fit-content">
          Ban hành chương trình
        </Button>
      </Stack>
    </form>
  );
}
