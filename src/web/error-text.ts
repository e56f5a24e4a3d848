import { isApiError } from './api';

/** The Vietnamese sentence to show for any failure; the server's message when it sent one. */
export function errorText(error: unknown): string {
  if (isApiError(error)) {
    if (error.code === 'RULE_VIOLATION' && error.rule) return `${error.message} (Căn cứ: ${error.rule.source})`;
    if (error.code === 'THROTTLED' && error.retryAfterSeconds) return `${error.message} Vui lòng thử lại sau ${waitText(error.retryAfterSeconds)}.`;
    return error.message;
  }
  return 'Đã xảy ra lỗi không mong muốn. Vui lòng tải lại trang.';
}

export function waitText(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} giây`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest === 0 ? `${minutes} phút` : `${minutes} phút ${rest} giây`;
}
