import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { todayIso } from '../../../shared/dates';
import { memberRatingDecision, ratingGradeLabels, type MemberRating, type MemberRatingDecision } from '../../../shared/ratings';
import { decideMemberRating } from '../../api';
import { DateField } from '../../components/date-field';
import { DecisionFields, decisionDraft, decisionInput } from '../../components/decision-fields';
import { submitValid, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { showNumber } from '../../format';
import { StepAlert } from '../admissions/admission-fields';
import { gradeOptions } from './grade-options';
import { useRatingStep } from './use-rating-step';

/** The competent committee's decision on a member's grade, citing its decision. */
export function DecisionForm({ rating, onDone }: { rating: MemberRating; onDone: () => void }) {
  const form = useZodForm<MemberRatingDecision>({
    initial: { grade: rating.proposedGrade, decidedOn: todayIso(), ...decisionDraft() },
    schema: memberRatingDecision,
    toInput: (draft) => ({ grade: draft.grade ?? undefined, decidedOn: draft.decidedOn ?? undefined, decision: decisionInput(draft), version: rating.version }),
  });
  const mutation = useRatingStep((input: MemberRatingDecision) => decideMemberRating(rating.id, input), 'Đã ghi quyết định xếp loại.', onDone, form);
  return (
    <form onSubmit={submitValid(form, mutation.mutate)} noValidate aria-label="Quyết định xếp loại">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        {rating.proposedGrade ? (
          <Text size="sm">
            Chi bộ đề xuất: <strong>{ratingGradeLabels[rating.proposedGrade]}</strong>
            {rating.proposedScore !== null ? ` (${showNumber(rating.proposedScore)} điểm)` : ''}.
          </Text>
        ) : null}
        <Select label="Mức xếp loại" required data={gradeOptions} {...form.choice('grade')} />
        <DateField label="Ngày xếp loại" required {...form.date('decidedOn')} />
        <DecisionFields form={form as ZodForm<unknown>} numberPlaceholder="Ví dụ: 25-QĐ/ĐU" />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Ghi quyết định
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
