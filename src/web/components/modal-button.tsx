import { useState } from 'react';
import type { ReactNode } from 'react';
import { Button, Modal } from '@mantine/core';
import type { ButtonProps, ModalProps } from '@mantine/core';

/** A button that opens a dialog; the content is mounted only while the dialog is open, so each opening starts afresh. */
export function ModalButton({
  label,
  title,
  size,
  variant,
  color,
  children,
}: {
  label: ReactNode;
  title: string;
  size?: ModalProps['size'];
  variant?: ButtonProps['variant'];
  color?: ButtonProps['color'];
  children: (close: () => void) => ReactNode;
}) {
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button variant={variant} color={color} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={title} size={size} closeButtonProps={{ 'aria-label': 'Đóng' }}>
        {opened ? children(close) : null}
      </Modal>
    </>
  );
}
