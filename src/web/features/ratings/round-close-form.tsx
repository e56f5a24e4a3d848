import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { todayIso } from '../../../shared/dates';
import { ratingRoundClose, type RatingRound, type RatingRoundClose } from '../../../shared/ratings';
import { closeRatingRound } from '../../api';
import { DateField } from '../../components/date-field';
import { submitValid, useZodForm } from '../../components/use-zod-form';
import type { ZodForm } from '../../components/use-zod-form';
import { StepAlert } from '../admissions/admission-fields';

/** Closes the round: those not rated by then stay unrated, and leave the radar. */
export function RoundCloseForm({ round, onDone }: { round: RatingRound; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<RatingRoundClose>({
    initial: { closedOn: todayIso() },
    schema: ratingRoundClose,
    toInput: (draft) => ({ closedOn: draft.closedOn ?? undefined, version: round.version }),
  });
  const mutation = useMutation({
    mutationFn: (input: RatingRoundClose) => closeRatingRound(round.id, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['rating-round', round.id] });
      void queryClient.invalidateQueries({ queryKey: ['rating-rounds'] });
      void queryClient.invalidateQueries({ queryKey: ['attention'] });
      notifications.show({ color: 'green', message: 'Đã kết thúc đợt đánh giá.', closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, mutation.mutate)} noValidate aria-label="Kết thúc đợt đánh giá">
      <Stack gap="sm">
        <StepAlert error={mutation.error} form={form as ZodForm<unknown>} />
        <Text size="sm">Sau khi kết thúc, không ghi thêm bản tự đánh giá, đề xuất hay quyết định xếp loại trong đợt này.</Text>
        <DateField label="Ngày kết thúc" required {...form.date('closedOn')} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            Kết thúc đợt
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
