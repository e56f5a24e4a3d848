import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { Link, isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { errorText } from '../../error-text';

export function NotFoundPage() {
  return (
    <Stack gap="sm" py="xl">
      <Title order={1}>Không tìm thấy trang</Title>
      <Text>Địa chỉ này không có trong phần mềm, hoặc bạn không có quyền xem.</Text>
      <div>
        <Button component={Link} to="/" variant="light">
          Về trang chủ
        </Button>
      </div>
    </Stack>
  );
}

/** Last resort for errors thrown while rendering, including a chunk that failed to load after a deploy. */
export function RouteErrorPage() {
  const error = useRouteError();
  const isChunkError = error instanceof Error && /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
  return (
    <Container size="sm" py="xl">
      <Stack gap="sm">
        <Title order={1}>{isRouteErrorResponse(error) && error.status === 404 ? 'Không tìm thấy trang' : 'Đã xảy ra lỗi'}</Title>
        <Text>
          {isChunkError ? 'Phần mềm vừa được cập nhật. Vui lòng tải lại trang.' : isRouteErrorResponse(error) ? 'Trang không mở được.' : errorText(error)}
        </Text>
        <div>
          <Button onClick={() => window.location.reload()}>Tải lại trang</Button>
        </div>
      </Stack>
    </Container>
  );
}
