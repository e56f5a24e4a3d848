import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { AppError } from '../errors.js';
import type { ErrorBody, ErrorCode, FieldError } from '../../shared/errors.js';
import { fieldLabel } from '../../shared/field-labels.js';

export const statusOf: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RULE_VIOLATION: 422,
  THROTTLED: 429,
  INTERNAL: 500,
};

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): FieldError[] {
  return issues.map((i) => {
    const field = i.path.map(String).join('.') || 'body';
    return { field, message: `${fieldLabel(field)}: ${i.message}` };
  });
}

function body(code: ErrorCode, message: string, extra: Partial<ErrorBody['error']> = {}): ErrorBody {
  return { error: { code, message, ...extra } };
}

/** The one place errors become responses: a Vietnamese message, never a stack trace. */
export function registerErrorHandler(app: FastifyInstance, web: { appShell?: (reply: FastifyReply) => unknown } = {}): void {
  app.setErrorHandler((error: FastifyError | AppError | ZodError, request, reply) => {
    if (error instanceof AppError) {
      if (error.retryAfterSeconds) reply.header('retry-after', String(error.retryAfterSeconds));
      return reply
        .status(statusOf[error.code])
        .send(body(error.code, error.message, { fields: error.fields, rule: error.rule, retryAfterSeconds: error.retryAfterSeconds, duplicates: error.duplicates }));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldErrors(error.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean), message: v.message ?? 'không hợp lệ' })));
      return reply.status(400).send(body('INVALID_INPUT', fields.map((f) => f.message).join('; '), { fields }));
    }
    if (error instanceof ZodError) {
      const fields = fieldErrors(error.issues);
      return reply.status(400).send(body('INVALID_INPUT', fields.map((f) => f.message).join('; '), { fields }));
    }
    const status = (error as FastifyError).statusCode ?? 500;
    if (status === 413) return reply.status(413).send(body('INVALID_INPUT', 'Dữ liệu gửi lên quá lớn.'));
    if (status === 415) return reply.status(415).send(body('INVALID_INPUT', 'Định dạng dữ liệu gửi lên không được hỗ trợ (cần JSON).'));
    if (status >= 400 && status < 500) return reply.status(400).send(body('INVALID_INPUT', 'Yêu cầu không hợp lệ: dữ liệu gửi lên không đọc được.'));
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', 'Đã có lỗi hệ thống. Thao tác chưa được thực hiện; vui lòng thử lại hoặc báo quản trị viên.'));
  });
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app (e.g. /dang-vien/12) are served the app shell, which routes them.
    if (web.appShell && request.method === 'GET' && !request.url.startsWith('/api/')) return web.appShell(reply);
    return reply.status(404).send(body('NOT_FOUND', `Không có đường dẫn ${request.method} ${request.url.split('?')[0]}.`));
  });
}
