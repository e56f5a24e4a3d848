import { useEffect } from 'react';
import type { FormEvent } from 'react';
import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { passwordChange } from '../../../shared/auth';
import { changePassword, logout } from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';
import { textOf, useZodForm } from '../../components/use-zod-form';
import { homePath, safeNext, sessionQueryKey, useSession } from './session';

const passwordChangeForm = passwordChange
  .extend({ confirmPassword: z.string() })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ['confirmPassword'], message: 'Mật khẩu nhập lại không khớp' })
  .refine((input) => input.currentPassword !== input.newPassword, { path: ['newPassword'], message: 'Mật khẩu mới phải khác mật khẩu hiện tại' });

export function ChangePasswordPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const forced = session.user.mustChangePassword;
  const next = params.get('next') === null ? homePath(session.user.role) : safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const form = useZodForm({
    initial: { currentPassword: '', newPassword: '', confirmPassword: '' },
    schema: passwordChangeForm,
    toInput: (draft) => ({
      currentPassword: textOf(draft.currentPassword),
      newPassword: textOf(draft.newPassword),
      confirmPassword: textOf(draft.confirmPassword),
    }),
  });

  useEffect(() => {
    document.title = 'Đổi mật khẩu · Đảng vụ';
  }, []);

  const save = useMutation({
    mutationFn: changePassword,
    onSuccess: (info) => {
      queryClient.setQueryData(sessionQueryKey, info);
      notifications.show({ color: 'green', message: 'Đã đổi mật khẩu.' });
      navigate(next === '/' ? homePath(info.user.role) : next, { replace: true });
    },
    onError: (error) => {
      form.applyServerError(error);
    },
  });

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: () => {
      queryClient.clear();
      navigate('/dang-nhap', { replace: true });
    },
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate();
    if (input === null) return;
    save.mutate({ currentPassword: input.currentPassword, newPassword: input.newPassword });
  };

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={460} component="main">
        <Paper withBorder shadow="sm" p="lg" radius="md">
          <form onSubmit={onSubmit} noValidate aria-labelledby="change-password-title">
            <Stack gap="md">
              <Title order={1} size="h2" id="change-password-title">
                Đổi mật khẩu
              </Title>
              <Text size="sm">
                Tài khoản: <strong>{session.user.displayName}</strong> ({session.user.username})
              </Text>
              {forced ? (
                <Alert color="blue" variant="light">
                  Đây là lần đăng nhập đầu tiên hoặc mật khẩu vừa được cấp lại. Vui lòng đặt mật khẩu mới trước khi sử dụng phần mềm.
                </Alert>
              ) : null}
              <SaveErrorAlert error={save.error} />
              <PasswordInput label="Mật khẩu hiện tại" autoComplete="current-password" required autoFocus {...form.text('currentPassword')} />
              <PasswordInput
                label="Mật khẩu mới"
                description="Ít nhất 10 ký tự, có cả chữ và số."
                autoComplete="new-password"
                required
                {...form.text('newPassword')}
              />
              <PasswordInput label="Nhập lại mật khẩu mới" autoComplete="new-password" required {...form.text('confirmPassword')} />
              <Group justify="space-between">
                {forced ? (
                  <Button variant="subtle" color="gray" onClick={() => signOut.mutate()} loading={signOut.isPending}>
                    Đăng xuất
                  </Button>
                ) : (
                  <Button variant="subtle" color="gray" onClick={() => navigate(-1)}>
                    Quay lại
                  </Button>
                )}
                <Button type="submit" loading={save.isPending}>
                  Lưu mật khẩu mới
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
