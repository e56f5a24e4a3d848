import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Group, Modal, Stack } from '@mantine/core';

/**
 * A step that cannot be taken back asks first: `ask(input)` opens the dialog saying what will happen,
 * and only "confirm" sends the input. Going back leaves the form as it was.
 */
export function useConfirmation<T>(send: (input: T) => void) {
  const [pending, setPending] = useState<{ input: T } | null>(null);
  return {
    pending: pending?.input ?? null,
    ask: (input: T) => setPending({ input }),
    confirm: () => {
      if (pending) send(pending.input);
      setPending(null);
    },
    cancel: () => setPending(null),
  };
}

export function ConfirmModal({
  opened,
  title,
  confirmLabel,
  onConfirm,
  onCancel,
  children,
}: {
  opened: boolean;
  title: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** What will happen, in full sentences: who, from when, and what stays. */
  children: ReactNode;
}) {
  return (
    <Modal opened={opened} onClose={onCancel} title={title} centered zIndex={300} closeButtonProps={{ 'aria-label': 'Đóng' }}>
      <Stack gap="md">
        {children}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} data-autofocus>
            Quay lại
          </Button>
          <Button color="red" onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
