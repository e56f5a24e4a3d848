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

/** PostgreSQL's (and PGlite's) SQLSTATE, on the error or on one it wraps (Drizzle wraps driver errors). */
function sqlStateOf(error: unknown): { code: string; detail?: string } | null {
  for (let e = error as { code?: unknown; detail?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return { code: e.code, detail: typeof e.detail === 'string' ? e.detail : undefined };
  }
  return null;
}

/** Data exceptions a request's values cause: a NUL byte or other character text cannot hold, a number out of range, text too long, a bad date or number. */
const inputDataExceptions = new Set(['22021', '22P05', '22003', '22001', '22007', '22008', '22P02']);

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * The database's own refusals that a request can cause: a unique value taken (a race past the services' checks) is a
 * conflict; text or numbers the column cannot hold are bad input. The value itself is never echoed.
 */
export function databaseErrorOf(error: unknown): { code: ErrorCode; message: string; fields?: FieldError[] } | null {
  const state = sqlStateOf(error);
  if (!state) return null;
  if (state.code === '23505') {
    const column = /^Key \(([a-z_]+)(?:,[^)]*)?\)=/.exec(state.detail ?? '')?.[1];
    const field = column ? camel(column) : undefined;
    const message = field
      ? `${fieldLabel(field)}: giá trị này đã có trong một bản ghi khác. Hãy kiểm tra lại hoặc tải lại trang để xem dữ liệu mới nhất.`
      : 'Dữ liệu này trùng với một bản ghi đã có. Hãy kiểm tra lại hoặc tải lại trang để xem dữ liệu mới nhất.';
    return { code: 'CONFLICT', message, fields: field ? [{ field, message }] : undefined };
  }
  if (state.code === '23503') {
    // A link to a record that does not exist (an id the service did not look up itself): name the field, never the value.
    const column = /^Key \(([a-z_]+)\)=/.exec(state.detail ?? '')?.[1];
    const field = column ? camel(column) : undefined;
    const message = field ? `${fieldLabel(field)}: không có bản ghi này.` : 'Dữ liệu gửi lên trỏ tới một bản ghi không có.';
    return { code: 'INVALID_INPUT', message, fields: field ? [{ field, message }] : undefined };
  }
  if (state.code === '40001' || state.code === '40P01')
    return { code: 'CONFLICT', message: 'Dữ liệu đang được người khác cập nhật cùng lúc. Thao tác chưa được thực hiện; hãy thử lại.' };
  if (inputDataExceptions.has(state.code))
    return { code: 'INVALID_INPUT', message: 'Dữ liệu gửi lên có giá trị không lưu được (ký tự không hợp lệ, số quá lớn hoặc chuỗi quá dài).' };
  return null;
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
        .send(
          body(error.code, error.message, { fields: error.fields, rule: error.rule, retryAfterSeconds: error.retryAfterSeconds, duplicates: error.duplicates }),
        );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldErrors(error.validation.map((v) => ({ path: v.instancePath.split('/').filter(Boolean), message: v.message ?? 'không hợp lệ' })));
      return reply.status(400).send(body('INVALID_INPUT', fields.map((f) => f.message).join('; '), { fields }));
    }
    if (error instanceof ZodError) {
      const fields = fieldErrors(error.issues);
      return reply.status(400).send(body('INVALID_INPUT', fields.map((f) => f.message).join('; '), { fields }));
    }
    const database = databaseErrorOf(error);
    if (database) return reply.status(statusOf[database.code]).send(body(database.code, database.message, { fields: database.fields }));
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
