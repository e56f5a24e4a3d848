import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { errorText } from '../error-text';
import { isApiError } from '../api';

export function FullPageLoader() {
  return (
    <Center h="100vh" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader aria-hidden="true" />
        <Text c="dimmed">Đang tải…</Text>
      </Stack>
    </Center>
  );
}

export function PageLoader({ label = 'Đang tải…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="xs">
        <Loader size="sm" aria-hidden="true" />
        <Text c="dimmed">{label}</Text>
      </Group>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const notFound = isApiError(error, 'NOT_FOUND');
  return (
    <Alert color={notFound ? 'gray' : 'red'} title={notFound ? 'Không tìm thấy' : 'Không tải được dữ liệu'} role="alert">
      <Stack gap="xs">
        <Text size="sm">{notFound ? 'Không tìm thấy dữ liệu này, hoặc nó nằm ngoài phạm vi quản lý của bạn.' : errorText(error)}</Text>
        {onRetry && !notFound ? (
          <Group>
            <Button size="xs" variant="light" onClick={onRetry}>
              Thử lại
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function EmptyText({ children }: { children: React.ReactNode }) {
  return (
    <Text c="dimmed" size="sm" py="md">
      {children}
    </Text>
  );
}
