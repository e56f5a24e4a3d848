import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ZodForm } from '../../components/use-zod-form';

/** A rating step's mutation: on success the round's lists and the radar are read again; a refusal goes beside its field. */
export function useRatingStep<T, R>(run: (input: T) => Promise<R>, done: string, onDone: () => void, form: ZodForm<T>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () => {
      for (const key of ['member-ratings', 'org-ratings', 'rating-round', 'rating-rounds', 'rating-quota', 'my-ratings', 'attention'])
        void queryClient.invalidateQueries({ queryKey: [key] });
      notifications.show({ color: 'green', message: done, closeButtonProps: { 'aria-label': 'Đóng thông báo' } });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
}
