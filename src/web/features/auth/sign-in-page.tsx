import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Box, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { loginInput } from '../../../shared/auth';
import { fetchAuthStatus, isApiError, login } from '../../api';
import { useZodForm, textOf } from '../../components/use-zod-form';
import { errorText, waitText } from '../../error-text';
import { safeNext, sessionQueryKey, useSessionQuery } from './session';

function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

export function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const session = useSessionQuery();
  const status = useQuery({ queryKey: ['auth-status'], queryFn: ({ signal }) => fetchAuthStatus(signal), staleTime: Infinity, retry: false });
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const secondsLeft = useCountdown(blockedUntil);
  const form = useZodForm({
    initial: { username: '', password: '' },
    schema: loginInput,
    toInput: (draft) => ({ username: textOf(draft.username), password: textOf(draft.password) }),
  });

  const signIn = useMutation({
    mutationFn: login,
    onSuccess: (info) => {
      queryClient.setQueryData(sessionQueryKey, info);
      if (info.user.mustChangePassword) navigate(`/doi-mat-khau?next=${encodeURIComponent(next)}`, { replace: true });
      else navigate(next, { replace: true });
    },
    onError: (error) => {
      if (isApiError(error, 'THROTTLED') && error.retryAfterSeconds) setBlockedUntil(Date.now() + error.retryAfterSeconds * 1000);
      form.applyServerError(error);
    },
  });

  useEffect(() => {
    document.title = 'Đăng nhập · Đảng vụ';
  }, []);

  if (session.data && !signIn.isPending && !signIn.isSuccess) {
    return <Navigate to={session.data.user.mustChangePassword ? `/doi-mat-khau?next=${encodeURIComponent(next)}` : next} replace />;
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const input = form.validate();
    if (input === null || secondsLeft > 0) return;
    signIn.mutate(input);
  };

  const throttled = isApiError(signIn.error, 'THROTTLED');
  const expired = params.get('next') !== null;

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-gray-0)">
      <Box w="100%" maw={420} component="main">
        <Stack gap="lg">
          <Stack gap={4} align="center">
            <span className="brand-mark" aria-hidden="true" style={{ width: 48, height: 48, fontSize: 28 }}>
              ★
            </span>
            <Title order={1} ta="center">
              Đảng vụ
            </Title>
            <Text c="dimmed" ta="center" size="sm">
              Quản lý tổ chức đảng và đảng viên
            </Text>
          </Stack>
          <Paper withBorder shadow="sm" p="lg" radius="md">
            <form onSubmit={onSubmit} noValidate aria-labelledby="sign-in-title">
              <Stack gap="md">
                <Title order={2} size="h3" id="sign-in-title">
                  Đăng nhập
                </Title>
                {status.data?.insecure ? (
                  <Alert color="yellow" variant="light" title="Kết nối không được mã hóa">
                    Trang này được mở qua HTTP thường từ máy khác: mật khẩu và phiên làm việc đi qua mạng mà không được mã hóa. Hãy báo quản trị hệ thống để
                    dùng HTTPS.
                  </Alert>
                ) : null}
                {expired && !signIn.isError ? (
                  <Alert color="blue" variant="light">
                    Vui lòng đăng nhập để tiếp tục. Sau khi đăng nhập, bạn sẽ trở lại trang đang xem.
                  </Alert>
                ) : null}
                {signIn.isError && !throttled ? (
                  <Alert color="red" variant="light" role="alert">
                    {isApiError(signIn.error, 'UNAUTHENTICATED') ? 'Tên đăng nhập hoặc mật khẩu không đúng.' : errorText(signIn.error)}
                  </Alert>
                ) : null}
                {throttled ? (
                  <Alert color="orange" variant="light" role="alert" title="Tạm khóa đăng nhập">
                    {secondsLeft > 0 ? `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${waitText(secondsLeft)}.` : 'Bạn có thể thử đăng nhập lại.'}
                  </Alert>
                ) : null}
                <TextInput label="Tên đăng nhập" autoComplete="username" autoFocus required {...form.text('username')} />
                <PasswordInput label="Mật khẩu" autoComplete="current-password" required {...form.text('password')} />
                <Button type="submit" loading={signIn.isPending} disabled={secondsLeft > 0} fullWidth>
                  {secondsLeft > 0 ? `Thử lại sau ${waitText(secondsLeft)}` : 'Đăng nhập'}
                </Button>
                <Text size="xs" c="dimmed">
                  Quên mật khẩu? Liên hệ quản trị hệ thống để được cấp mật khẩu dùng một lần.
                </Text>
              </Stack>
            </form>
          </Paper>
        </Stack>
      </Box>
    </Center>
  );
}
