import { Button, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createTask } from '../../api';
import { DateField } from '../../components/date-field';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { nullable, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import { taskCreate, type TaskCreate } from '../../../shared/targets';

/** A task or solution of the year: what, who leads it, by when. */
export function TaskCreateForm({ orgId, year, onDone }: { orgId: number; year: number; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<TaskCreate>({
    initial: { text: '', owner: '', dueOn: null, notes: '' },
    schema: taskCreate,
    toInput: (draft) => ({ orgId, year, text: textOf(draft.text), owner: nullable(draft.owner), dueOn: draft.dueOn ?? null, notes: nullable(draft.notes) }),
  });
  const save = useMutation({
    mutationFn: (input: TaskCreate) => createTask(input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      onDone();
    },
    onError: (error) => form.applyServerError(error),
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Thêm nhiệm vụ, giải pháp">
      <Stack gap="sm">
        <SaveErrorAlert error={save.error} />
        <Textarea label="Nhiệm vụ, giải pháp" required autosize minRows={2} {...form.text('text')} />
        <TextInput label="Người, bộ phận chủ trì" {...form.text('owner')} />
        <DateField label="Thời hạn" {...form.date('dueOn')} />
        <Textarea label="Ghi chú" autosize {...form.text('notes')} />
        <Button type="submit" loading={save.isPending}>
          Ghi nhiệm vụ
        </Button>
      </Stack>
    </form>
  );
}
