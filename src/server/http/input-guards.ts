import type { FastifyInstance } from 'fastify';
import { invalidField } from '../errors.js';
import { fieldLabel } from '../../shared/field-labels.js';
import { compareIso, todayIso } from '../../shared/dates.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * Body fields (dotted paths, `*` for any key or index) that date something already done: a step, a decision, an
     * event. They may not be after today (the request's clock), on every route alike.
     */
    doneDates?: readonly string[];
  }
}

/** The reason header is percent-encoded text (the web client sends `encodeURIComponent(reason)`). */
export const REASON_HEADER = 'x-reason';

const NUL = '\u0000';

/** The done-date fields of each route (`POST /api/v1/members/:id/exits`), as the routes declared them. */
export const doneDateFields = new Map<string, readonly string[]>();

/** The first string (or key) holding a NUL byte, as a dotted path: text columns cannot store it. */
export function nulPath(value: unknown, path: string[] = []): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path.join('.') : null;
  if (value === null || typeof value !== 'object') return null;
  if (typeof (value as { pipe?: unknown }).pipe === 'function' || Buffer.isBuffer(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes(NUL)) return [...path, key].join('.');
    const found = nulPath(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/** Every value at a dotted path with `*` wildcards, with its concrete path. */
export function valuesAt(value: unknown, pattern: readonly string[], path: string[] = []): { path: string; value: unknown }[] {
  if (pattern.length === 0) return [{ path: path.join('.'), value }];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = pattern;
  const keys = head === '*' ? Object.keys(value) : Object.hasOwn(value, head) ? [head] : [];
  return keys.flatMap((key) => valuesAt((value as Record<string, unknown>)[key], rest, [...path, key]));
}

const viDate = (iso: string) => iso.split('-').reverse().join('/');

/** The first done-date in the body that lies after `today`, with its field. */
export function futureDoneDate(body: unknown, fields: readonly string[], today: string): { field: string; date: string } | null {
  for (const field of fields) {
    for (const found of valuesAt(body, field.split('.'))) {
      if (typeof found.value === 'string' && compareIso(found.value, today) > 0) return { field: found.path, date: found.value };
    }
  }
  return null;
}

function refuseNul(field: string, where: string) {
  return invalidField(field, `${fieldLabel(field)}: ${where} chứa ký tự rỗng (NUL, \\u0000), không lưu được. Hãy gõ lại nội dung này.`);
}

/**
 * Input checks that hold for every route, before any handler runs: a readable reason header, no NUL byte in any
 * text of the path, query or body, and no done-step dated after today. Register before the session plugin, which
 * reads the reason header.
 */
export function registerInputGuards(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const fields = route.config?.doneDates;
    if (fields?.length) for (const method of [route.method].flat()) doneDateFields.set(`${method} ${route.url}`, fields);
  });
  // Callback hooks rather than async ones: most requests leave at the first test, without a promise or a microtask.
  app.addHook('onRequest', (request, _reply, done) => {
    if (!request.url.startsWith('/api/')) return done();
    const header = request.headers[REASON_HEADER];
    if (header === undefined) return done();
    const raw = Array.isArray(header) ? header.join(', ') : header;
    let reason: string;
    try {
      reason = decodeURIComponent(raw);
    } catch {
      return done(invalidField(REASON_HEADER, 'Lý do (tiêu đề x-reason) không đọc được: phải là văn bản mã hóa URL (encodeURIComponent).'));
    }
    done(reason.includes(NUL) ? refuseNul(REASON_HEADER, 'lý do') : undefined);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    for (const [where, value] of [
      ['đường dẫn', request.params],
      ['tham số', request.query],
      ['dữ liệu', request.body],
    ] as const) {
      const field = nulPath(value);
      if (field !== null) return done(refuseNul(field || 'body', where));
    }
    done();
  });
  app.addHook('preHandler', (request, _reply, done) => {
    const fields = request.routeOptions.config?.doneDates;
    if (!fields || fields.length === 0) return done();
    const future = futureDoneDate(request.body, fields, todayIso(request.ctx.now()));
    if (!future) return done();
    done(
      invalidField(
        future.field,
        `${fieldLabel(future.field)}: ngày ${viDate(future.date)} chưa tới. Chỉ ghi những việc đã diễn ra (ngày hôm nay hoặc trước đó).`,
      ),
    );
  });
}
