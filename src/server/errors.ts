import type { ErrorCode, FieldError, PossibleDuplicate, RuleRef } from '../shared/errors.js';

/** The one error type of the server; `http/error-handler.ts` maps its code to a status. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly rule?: RuleRef,
    readonly retryAfterSeconds?: number,
    readonly duplicates?: PossibleDuplicate[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Outside the caller's scope looks exactly like absent: nothing leaks that a record exists. */
export const notFound = (what: string) => new AppError('NOT_FOUND', `Không tìm thấy ${what}.`);

/**
 * A record chosen in the request body (an organisation, a member) that does not exist or lies outside the scope:
 * 404 like a target in the path, naming the field; absent and out of scope read the same.
 */
export const notFoundField = (field: string, what: string) => {
  const message = `Không tìm thấy ${what} đã chọn trong phạm vi quản lý của bạn.`;
  return new AppError('NOT_FOUND', message, [{ field, message }]);
};

export const forbidden = (message = 'Bạn không có quyền thực hiện thao tác này.') => new AppError('FORBIDDEN', message);

export const invalidInput = (fields: FieldError[], message = 'Dữ liệu không hợp lệ.') => new AppError('INVALID_INPUT', message, fields);

export const invalidField = (field: string, message: string) => invalidInput([{ field, message }], message);

export const staleVersion = (what: string) =>
  new AppError('CONFLICT', `${what} đã được người khác sửa sau khi bạn mở. Hãy tải lại để xem bản mới nhất rồi sửa lại.`, [
    { field: 'version', message: 'Phiên bản đã cũ' },
  ]);

export const conflict = (message: string, field?: string) => new AppError('CONFLICT', message, field ? [{ field, message }] : undefined);

/** Saving would record someone who may already be on record: the user confirms, or opens the existing record. */
export const possibleDuplicate = (duplicates: PossibleDuplicate[]) => {
  const message = `Đã có ${duplicates.length === 1 ? 'một hồ sơ' : `${duplicates.length} hồ sơ`} cùng họ tên, ngày sinh và tổ chức đảng. Hãy kiểm tra để không ghi trùng; nếu đúng là người khác, hãy xác nhận để vẫn lưu.`;
  return new AppError('CONFLICT', message, [{ field: 'confirmDuplicate', message }], undefined, undefined, duplicates);
};

export const ruleViolation = (rule: RuleRef, field: string, message: string) =>
  new AppError('RULE_VIOLATION', `${message} (${rule.source})`, [{ field, message }], rule);
