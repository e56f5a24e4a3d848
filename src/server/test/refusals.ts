import { expect } from 'vitest';
import { AppError } from '../errors.js';
import { statusOf } from '../http/error-handler.js';
import type { ErrorBody, ErrorCode } from '../../shared/errors.js';

/** What a service refused with: the code, the rule and its source, the fields it marks (`field`: the first), the message. */
export async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  const fields = (error.fields ?? []).map((f) => f.field);
  return { code: error.code, rule: error.rule?.name, source: error.rule?.source, field: fields[0], fields, message: error.message };
}

/** Which refusal: the code (its status follows from it unless given), and whatever names the rule that refused. */
export interface ExpectedRefusal {
  code: ErrorCode;
  status?: number;
  /** A field the refusal marks. */
  field?: string;
  /** The rule's name (RULE_VIOLATION). */
  rule?: string;
  /** A fragment of the message, or a pattern it matches. */
  message?: string | RegExp;
}

type Answer = { status: number; body: unknown } | { statusCode: number; json(): unknown };

/**
 * An HTTP answer refusing the request for the expected reason, not merely with the expected status: a 404 from a
 * missing route, or a 400 from another field, would otherwise pass a test meant for a scope or a rule.
 */
export function expectRefusal(answer: Answer, expected: ExpectedRefusal): ErrorBody['error'] {
  const status = 'statusCode' in answer ? answer.statusCode : answer.status;
  const body = ('statusCode' in answer ? answer.json() : answer.body) as Partial<ErrorBody> | undefined;
  const summary = JSON.stringify(body).slice(0, 500);
  expect(status, summary).toBe(expected.status ?? statusOf[expected.code]);
  const error = body?.error;
  expect(error?.code, summary).toBe(expected.code);
  if (!error) throw new Error(`not an error answer: ${summary}`);
  if (expected.code === 'NOT_FOUND') expect(error.message, 'a route that does not exist is not a refusal').not.toMatch(/^Không có đường dẫn/);
  if (expected.field !== undefined)
    expect(
      (error.fields ?? []).map((f) => f.field),
      summary,
    ).toContain(expected.field);
  if (expected.rule !== undefined) expect(error.rule?.name, summary).toBe(expected.rule);
  if (typeof expected.message === 'string') expect(error.message).toContain(expected.message);
  else if (expected.message) expect(error.message).toMatch(expected.message);
  return error;
}

/**
 * A status from a table of cases (e.g. 200 in scope, 404 outside): an error status must come with the code it maps
 * to, and a 404 must be the refusal, not a route that does not exist.
 */
export function expectAnswer(answer: Answer, status: number): void {
  const code = (Object.keys(statusOf) as ErrorCode[]).find((c) => statusOf[c] === status);
  if (status >= 400 && code) expectRefusal(answer, { code, status });
  else
    expect('statusCode' in answer ? answer.statusCode : answer.status, JSON.stringify('statusCode' in answer ? answer.json() : answer.body).slice(0, 500)).toBe(
      status,
    );
}
