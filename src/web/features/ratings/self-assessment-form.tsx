import { Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { todayIso } from '../../../shared/dates';
import { selfAssessment, type MemberRating, type SelfAssessment } from '../../../shared/ratings';
import { selfAssessMember } from '../../api';
import { DateField } from '../../components/date-field';
import { nullable, submitValid, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';
import { gradeOptions, scoreOf } from './grade-options';
import { useRatingStep } from './use-rating-step';

/** The member's own score sheet: the score, the grade it reaches and their self-criticism. */
export function SelfAssessmentForm({ rating }: { rating: MemberRating }) {
  const form = useZodForm<SelfAssessment>({
    initial: {
      score: rating.selfScore !== null ? String(rating.selfScore) : '',
      grade: rating.selfGrade,
      note: rating.selfNote ?? '',
      assessedOn: todayIso(),
    },
    schema: selfAssessment,
    toInput: (draft) => ({
      score: scoreOf(draft.score),
      grade: draft.grade ?? undefined,
      note: nullable(draft.note) ?? undefined,
      assessedOn: draft.assessedOn ?? undefined,
      version: rating.version,
    }),
  });
  const mutation = useRatingStep(
    (input: SelfAssessment) => selfAssessMember(rating.id, input),
    'Đã gửi bản tự đánh giá.',
    () => undefined,
    form,
  );
  return (
    <form onSubmit={submitValid(form, mutation.mutate)} noValidate aria-label="Bản tự đánh giá">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Điểm tự chấm (thang 100)" required inputMode="decimal" {...form.text('score')} />
          <Select label="Tự xếp loại" required data={gradeOptions} {...form.choice('grade')} />
          <DateField label="Ngày tự đánh giá" required {...form.date('assessedOn')} />
        </SimpleGrid>
        <Textarea label="Tự nhận xét ưu điểm, hạn chế" autosize minRows={3} {...form.text('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Gửi bản tự đánh giá
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
