import { Button, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { isApiError, updateTask } from '../../api';
import { DateField } from '../../components/date-field';
import { nullable, submitValid, textOf, useZodForm } from '../../components/use-zod-form';
import { changedFields } from './changed-fields';
import { EditErrorAlert } from './edit-error-alert';
import { taskStatusLabels, taskStatuses, taskUpdate, type Task, type TaskUpdate } from '../../../shared/targets';

/** Corrects a task or solution (what, who leads it, by when, where it stands, notes): only the changed fields go. */
export function TaskEditForm({ task, onDone }: { task: Task; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useZodForm<TaskUpdate>({
    initial: { text: task.text, owner: task.owner ?? '', dueOn: task.dueOn ?? null, status: task.status, notes: task.notes ?? '' },
    schema: taskUpdate,
    toInput: (draft) => ({
      ...changedFields(task, {
        text: textOf(draft.text),
        owner: nullable(draft.owner),
        dueOn: draft.dueOn ?? null,
        status: draft.status ?? undefined,
        notes: nullable(draft.notes),
      }),
      version: task.version,
    }),
  });
  const save = useMutation({
    mutationFn: async (input: TaskUpdate) => (Object.keys(input).length > 1 ? updateTask(task.id, input) : null),
    onSuccess: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      if (saved) notifications.show({ color: 'green', message: 'Đã lưu nhiệm vụ, giải pháp.' });
      onDone();
    },
    onError: (error) => {
      if (isApiError(error, 'CONFLICT')) void queryClient.invalidateQueries({ queryKey: ['tasks'] });
      form.applyServerError(error);
    },
  });
  return (
    <form onSubmit={submitValid(form, save.mutate)} noValidate aria-label="Sửa nhiệm vụ, giải pháp">
      <Stack gap="sm">
        <EditErrorAlert error={save.error} otherErrors={form.otherErrors} />
        <Textarea label="Nhiệm vụ, giải pháp" required autosize minRows={2} {...form.text('text')} />
        <TextInput label="Người, bộ phận chủ trì" {...form.text('owner')} />
        <DateField label="Thời hạn" {...form.date('dueOn')} />
        <Select
          label="Tình trạng"
          required
          allowDeselect={false}
          data={taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }))}
          {...form.choice('status')}
        />
        <Textarea label="Ghi chú" autosize {...form.text('notes')} />
        <Button type="submit" loading={save.isPending}>
          Lưu thay đổi
        </Button>
      </Stack>
    </form>
  );
}
