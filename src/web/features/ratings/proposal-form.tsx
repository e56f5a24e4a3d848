import { Button, Checkbox, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { todayIso } from '../../../shared/dates';
import { memberRatingProposal, type MemberRating, type MemberRatingProposal } from '../../../shared/ratings';
import { proposeMemberRating } from '../../api';
import { DateField } from '../../components/date-field';
import { nullable, submitValid, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';
import { gradeOptions, scoreOf } from './grade-options';
import { useRatingStep } from './use-rating-step';

/** The cell's proposal: the score on the 100-point sheet, the grade and the conditions that bear on it. */
export function ProposalForm({ rating, onDone }: { rating: MemberRating; onDone: () => void }) {
  const form = useZodForm<MemberRatingProposal>({
    initial: {
      score: rating.proposedScore !== null ? String(rating.proposedScore) : rating.selfScore !== null ? String(rating.selfScore) : '',
      grade: rating.proposedGrade ?? rating.selfGrade,
      excellentConditionsMet: rating.excellentConditionsMet ?? false,
      tasksNotDone: rating.tasksNotDone ?? false,
      proposedOn: todayIso(),
      note: rating.proposalNote ?? '',
    },
    schema: memberRatingProposal,
    toInput: (draft) => ({
      score: scoreOf(draft.score),
      grade: draft.grade ?? undefined,
      excellentConditionsMet: draft.excellentConditionsMet === true,
      tasksNotDone: draft.tasksNotDone === true,
      proposedOn: draft.proposedOn ?? undefined,
      note: nullable(draft.note) ?? undefined,
      version: rating.version,
    }),
  });
  const mutation = useRatingStep((input: MemberRatingProposal) => proposeMemberRating(rating.id, input), 'Đã ghi đề xuất của chi bộ.', onDone, form);
  return (
    <form onSubmit={submitValid(form, mutation.mutate)} noValidate aria-label="Chi bộ đề xuất xếp loại">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label="Điểm (thang 100)" required inputMode="decimal" {...form.text('score')} />
          <Select label="Mức xếp loại" required data={gradeOptions} {...form.choice('grade')} />
          <DateField label="Ngày chi bộ họp" required {...form.date('proposedOn')} />
        </SimpleGrid>
        <Checkbox label="Hoàn thành mọi nhiệm vụ đúng hạn, có nhiệm vụ vượt yêu cầu, đã khắc phục hạn chế" {...form.checked('excellentConditionsMet')} />
        <Checkbox label="Còn nhiệm vụ không hoàn thành" {...form.checked('tasksNotDone')} />
        <Textarea label="Nhận xét của chi bộ" autosize minRows={2} {...form.text('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Ghi đề xuất
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
