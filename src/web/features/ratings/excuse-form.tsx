import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { memberRatingExcuse, ratingExcuseLabels, ratingExcuses, type MemberRating, type MemberRatingExcuse } from '../../../shared/ratings';
import { excuseMemberRating } from '../../api';
import { nullable, submitValid, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';
import { useRatingStep } from './use-rating-step';

/** A member not reviewed this round (illness, leave, newly admitted), recorded with the reason. */
export function ExcuseForm({ rating, onDone }: { rating: MemberRating; onDone: () => void }) {
  const form = useZodForm<MemberRatingExcuse>({
    initial: { reason: null, note: '' },
    schema: memberRatingExcuse,
    toInput: (draft) => ({ reason: draft.reason ?? undefined, note: nullable(draft.note) ?? undefined, version: rating.version }),
  });
  const mutation = useRatingStep((input: MemberRatingExcuse) => excuseMemberRating(rating.id, input), 'Đã ghi không đánh giá.', onDone, form);
  return (
    <form onSubmit={submitValid(form, mutation.mutate)} noValidate aria-label="Không đánh giá">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <Select label="Lý do" required data={ratingExcuses.map((r) => ({ value: r, label: ratingExcuseLabels[r] }))} {...form.choice('reason')} />
        <Textarea label="Ghi chú" autosize minRows={2} {...form.text('note')} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Ghi
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
