import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { todayIso } from '../../../shared/dates';
import { orgRatingDecision, orgTitleLabels, orgTitles, type OrgRating, type OrgRatingDecision } from '../../../shared/ratings';
import { decideOrgRating } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { submitValid, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';
import { gradeOptions, scoreOf } from './grade-options';
import { useRatingStep } from './use-rating-step';

/** The upper committee's decision on an organisation: score, grade, conditions and, for an excellent one, its title. */
export function OrgDecisionForm({ rating, onDone }: { rating: OrgRating; onDone: () => void }) {
  const form = useZodForm<OrgRatingDecision>({
    initial: {
      score: rating.selfScore !== null ? String(rating.selfScore) : '',
      grade: rating.selfGrade,
      excellentConditionsMet: false,
      tasksNotDone: false,
      disciplinedSubUnitOrLeader: false,
      title: null,
      decidedOn: todayIso(),
      ...decisionDraft(),
    },
    schema: orgRatingDecision,
    toInput: (draft) => ({
      score: scoreOf(draft.score),
      grade: draft.grade ?? undefined,
      excellentConditionsMet: draft.excellentConditionsMet === true,
      tasksNotDone: draft.tasksNotDone === true,
      disciplinedSubUnitOrLeader: draft.disciplinedSubUnitOrLeader === true,
      title: draft.title ?? null,
      decidedOn: draft.decidedOn ?? undefined,
      decision: decisionInput(draft),
      version: rating.version,
    }),
  });
  const mutation = useRatingStep((input: OrgRatingDecision) => decideOrgRating(rating.id, input), 'Đã ghi quyết định xếp loại tổ chức.', onDone, form);
  return (
    <form onSubmit={submitValid(form, mutation.mutate)} noValidate aria-label="Quyết định xếp loại tổ chức đảng">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Điểm (thang 100)" required inputMode="decimal" {...form.text('score')} />
          <Select label="Mức xếp loại" required data={gradeOptions} {...form.choice('grade')} />
          <Select label="Danh hiệu" clearable data={orgTitles.map((t) => ({ value: t, label: orgTitleLabels[t] }))} {...form.choice('title')} />
        </SimpleGrid>
        <Checkbox label="Hoàn thành mọi nhiệm vụ đúng hạn, có nhiệm vụ vượt yêu cầu, đã khắc phục hạn chế" {...form.checked('excellentConditionsMet')} />
        <Checkbox label="Còn nhiệm vụ không hoàn thành" {...form.checked('tasksNotDone')} />
        <Checkbox label="Có tổ chức trực thuộc hoặc cán bộ chủ chốt bị kỷ luật trong năm" {...form.checked('disciplinedSubUnitOrLeader')} />
        <DateField label="Ngày xếp loại" required {...form.date('decidedOn')} />
        <DecisionFields form={form as ZodForm<unknown>} numberPlaceholder="Ví dụ: 30-QĐ/ĐU" />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Ghi quyết định
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
