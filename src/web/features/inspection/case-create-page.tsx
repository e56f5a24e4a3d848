import { Anchor, Breadcrumbs, Button, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import {
  caseCreate,
  caseStepKindLabels,
  handlingBodies,
  handlingBodyLabels,
  inspectionCaseKindLabels,
  inspectionCaseKinds,
  timetableSteps,
} from '../../../shared/inspection';
import type { CaseCreate } from '../../../shared/inspection';
import { openInspectionCase } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { PageHeader } from '../../components/page-header';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { numberOrNull, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import type { Draft, ZodForm } from '../../components/use-zod-form';
import { HandlingOrgField, SubjectFields, subjectDraft, subjectInput, useHandlingOrgDraft } from './inspection-fields';

/** "Họ tên - vai trò" a line: the team as the form sends it. */
export function teamOf(text: string) {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [name, ...role] = line.split(/\s+[-–]\s+/);
      return { name: name.trim(), role: role.join(' - ').trim() || 'Thành viên' };
    });
}

function toInput(draft: Draft) {
  return {
    handlingOrgId: numberOrNull(draft.handlingOrgId) ?? undefined,
    handlingBody: draft.handlingBody ?? undefined,
    kind: draft.kind ?? undefined,
    subject: subjectInput(draft),
    content: textOf(draft.content),
    periodFrom: draft.periodFrom ?? null,
    periodTo: draft.periodTo ?? null,
    team: teamOf(textOf(draft.team)),
    planItemId: numberOrNull(draft.planItemId),
    decision: decisionInput(draft),
    timetable: Object.fromEntries(timetableSteps.map((s) => [s, draft[`timetable.${s}`] ?? null])),
    paper: null,
  };
}

/** Opening a case is recording its decision: kind, subject, content, period, team and the timetable of its steps. */
export function CaseCreatePage() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const initial: Draft = {
    ...useHandlingOrgDraft(),
    handlingBody: 'commission',
    kind: params.get('kind'),
    ...subjectDraft(),
    content: '',
    periodFrom: null,
    periodTo: null,
    team: '',
    planItemId: params.get('planItemId') ?? '',
    ...decisionDraft(),
    ...Object.fromEntries(timetableSteps.map((s) => [`timetable.${s}`, null])),
  };
  const form = useZodForm<CaseCreate>({ initial, schema: caseCreate, toInput });
  const save = useMutation({
    mutationFn: openInspectionCase,
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['inspection-cases'] });
      void queryClient.invalidateQueries({ queryKey: ['inspection-plan'] });
      notifications.show({ color: 'green', message: `Đã ghi quyết định: ${c.subjectName}.`, closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
      navigate(`/kiem-tra/${c.id}`);
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <>
      <PageHeader
        above={
          <Breadcrumbs separator="›">
            <Anchor component={Link} to="/kiem-tra" size="sm">
              Kiểm tra, giám sát
            </Anchor>
            <Text size="sm">Cuộc mới</Text>
          </Breadcrumbs>
        }
        title="Quyết định kiểm tra, giám sát"
      />
      <Paper withBorder p="md">
        <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Quyết định kiểm tra, giám sát">
          <Stack gap="sm">
            <HandlingOrgField form={form as ZodForm<unknown>} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Select
                label="Loại cuộc"
                required
                data={inspectionCaseKinds.map((k) => ({ value: k, label: inspectionCaseKindLabels[k] }))}
                {...form.choice('kind')}
              />
              <Select
                label="Cơ quan tiến hành"
                required
                allowDeselect={false}
                data={handlingBodies.map((b) => ({ value: b, label: handlingBodyLabels[b] }))}
                {...form.choice('handlingBody')}
              />
            </SimpleGrid>
            <SubjectFields form={form as ZodForm<unknown>} />
            <Textarea label="Nội dung" required autosize minRows={2} {...form.text('content')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <DateField label="Thời kỳ kiểm tra từ" {...form.date('periodFrom')} />
              <DateField label="đến" {...form.date('periodTo')} />
            </SimpleGrid>
            <Textarea
              label="Thành viên đoàn"
              description="Mỗi dòng một người: Họ tên - Vai trò (ví dụ: Đinh Văn Kiểm - Trưởng đoàn)"
              autosize
              minRows={2}
              {...form.text('team')}
            />
            <Title order={3} size="h5">
              Quyết định
            </Title>
            <DecisionFields form={form as ZodForm<unknown>} numberPlaceholder="Ví dụ: 12-QĐ/UBKT" />
            <Title order={3} size="h5">
              Lịch tiến hành (dự kiến)
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              {timetableSteps.map((s) => (
                <DateField key={s} label={caseStepKindLabels[s]} {...form.date(`timetable.${s}`)} />
              ))}
            </SimpleGrid>
            {form.otherErrors.map((message) => (
              <Text key={message} c="red" size="sm">
                {message}
              </Text>
            ))}
            <SaveErrorAlert error={save.error} />
            <Button type="submit" loading={save.isPending} w="fit-content">
              Ghi quyết định
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
