import { Alert, List } from '@mantine/core';
import { isApiError } from '../../api';
import { SaveErrorAlert } from '../../components/save-error-alert';

/**
 * Why an edit was not saved: a stale version (someone saved the record after this dialog opened) says so in words and
 * asks to reopen on the latest; field messages stand beside their fields, the others are listed here.
 */
export function EditErrorAlert({ error, otherErrors }: { error: unknown; otherErrors: string[] }) {
  if (isApiError(error, 'CONFLICT'))
    return (
      <Alert color="orange" variant="light" role="alert" title="Thông tin vừa được người khác cập nhật">
        {error.message} Danh sách đã được tải lại: hãy đóng hộp thoại và mở lại để sửa trên bản mới nhất.
      </Alert>
    );
  const others = otherErrors.filter((message) => !isApiError(error) || message !== error.message);
  return (
    <>
      <SaveErrorAlert error={error} />
      {others.length > 0 ? (
        <Alert color="red" variant="light" role="alert">
          <List size="sm">
            {others.map((message) => (
              <List.Item key={message}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
    </>
  );
}
