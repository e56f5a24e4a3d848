import { Select } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { updateTask } from '../../api';
import { errorText } from '../../error-text';
import { taskStatusLabels, taskStatuses, type Task, type TaskStatus } from '../../../shared/targets';

/** The task's status, changed in place (the version read goes with it: a stale change is refused). */
export function TaskStatusSelect({ task }: { task: Task }) {
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (status: TaskStatus) => updateTask(task.id, { version: task.version, status }),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
  return (
    <Select
      aria-label={`Tình trạng: ${task.text}`}
      allowDeselect={false}
      data={taskStatuses.map((s) => ({ value: s, label: taskStatusLabels[s] }))}
      value={task.status}
      onChange={(value) => value && save.mutate(value as TaskStatus)}
      error={save.error ? errorText(save.error) : undefined}
      disabled={save.isPending}
    />
  );
}
