import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Database } from '../../db/client.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { loginClient, type TestClient } from '../../test/http-client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { recordExit } from '../exits/exits.service.js';
import { createUser } from '../users/users.service.js';
import type { StrikeOffGround } from '../../../shared/exits.js';
import { candidateInput, cellVote, committeeVote, upperDecision } from './admissions.test-helper.js';

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
let introducers: [number, number];
let staff: TestClient;
const PASSWORD = 'mat-khau-thu-123';
const base = '/api/v1/candidates';

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  const a = await makeMember(ctx, tree.a1.id, { fullName: 'Đinh Công Tráng' });
  const b = await makeMember(ctx, tree.a1.id, { fullName: 'Quách Thị Loan' });
  await makeMember(ctx, tree.a1.id, { fullName: 'Bạch Văn Cường' });
  introducers = [a.id, b.id];
  await createUser(ctx, { username: 'canbo.a', displayName: 'Cán bộ A', role: 'org_staff', orgId: tree.a.id, memberId: null, password: PASSWORD });
  app = await buildApp({ database, logger: false, now: () => new Date('2026-11-27T03:00:00Z') });
  staff = await loginClient(app, 'canbo.a', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

/** A former member of cell A2 who left on `leftOn`. */
async function formerMember(fullName: string, kind: 'strike_off' | 'withdrawal', leftOn: string, ground: StrikeOffGround = 'unpaid_dues') {
  const member = await makeMember(ctxFor(database), tree.a2.id, { fullName });
  await recordExit(ctxFor(database), member.id, {
    kind,
    occurredOn: leftOn,
    decision: decision(leftOn),
    ...(kind === 'strike_off' ? { strikeOff: { ground, cellResolution: decision(leftOn), vote: { inFavour: 3, against: 0, eligible: 3 } } } : {}),
  });
  return member;
}

const consent = { number: '125-CV/TU', date: '2025-08-15', issuer: 'Ban Thường vụ Tỉnh ủy Phú Thọ' };
const readmissionFile = (memberId: number, fullName: string, extra: Record<string, unknown> = {}) =>
  candidateInput(tree.a1.id, introducers, {
    fullName,
    readmission: { memberId, consent, conviction: 'none', convictionExpungedOn: null, familyHardship: false, seriousDisunity: false, ...extra },
  });

describe('readmission is an admission case (RULES.md "Party age")', () => {
  it('goes through the whole procedure and its ceremony re-opens the old record as probationary', async () => {
    const person = await formerMember('Vương Văn Trở', 'strike_off', '2022-06-01');
    const created = await staff.send('POST', base, readmissionFile(person.id, 'Vương Văn Trở'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.readmission).toMatchObject({
      memberId: person.id,
      memberName: 'Vương Văn Trở',
      leftOn: '2022-06-01',
      leftHow: 'Xóa tên',
      consent,
      problems: [],
    });
    let file = created.body;
    for (const [path, body] of [
      ['cell-resolution', cellVote(file.version)],
      ['committee-resolution', committeeVote(file.version + 1)],
      ['decision', upperDecision(file.version + 2, '91-QĐ/ĐUK')],
      ['ceremony', { version: file.version + 3, ceremonyDate: '2025-10-20' }],
    ] as const) {
      const step = await staff.send('POST', `${base}/${file.id}/${path}`, body);
      expect(step.status, `${path}: ${JSON.stringify(step.body)}`).toBe(200);
      file = step.body;
    }
    // No new record: the old one comes back, in the file's cell, on probation.
    expect(file).toMatchObject({ state: 'admitted', memberId: person.id });
    expect((await staff.get(`/api/v1/members/${person.id}`)).body).toMatchObject({ status: 'probationary', orgId: tree.a1.id });
    const history = await staff.get(`/api/v1/members/${person.id}/history`);
    const event = history.body.events.find((e: { kind: string }) => e.kind === 'readmission');
    expect(event).toMatchObject({ occurredOn: '2025-10-20', decision: { number: '91-QĐ/ĐUK' } });
    expect(event.details).toMatchObject({ candidateId: file.id, leftOn: '2022-06-01', consent });
    const age = await staff.get(`/api/v1/members/${person.id}/party-age`);
    expect(age.body.interruptions).toEqual([{ kind: 'struck_off', from: '2022-06-01', to: '2025-10-20' }]);
  });

  it('refuses the cell’s resolution before 36 months since leaving, naming the rule', async () => {
    const person = await formerMember('Vương Thị Sớm', 'strike_off', '2023-01-10');
    const created = await staff.send('POST', base, readmissionFile(person.id, 'Vương Thị Sớm'));
    expect(created.status).toBe(201);
    expect(created.body.readmission.problems.length).toBe(0);
    const vote = await staff.send('POST', `${base}/${created.body.id}/cell-resolution`, cellVote(created.body.version));
    expect(vote.status).toBe(422);
    expect(vote.body.error.rule.name).toBe('readmission_min_months');
    expect(vote.body.error.message).toContain('ít nhất 3 năm');
  });

  it.each([
    ['withdrew of their own will', 'withdrawal', 'unpaid_dues', {}, 'readmission.familyHardship'],
    ['was struck off for abandoning party life', 'strike_off', 'absent_from_party_life', {}, 'readmission.memberId'],
    ['was convicted of corruption', 'strike_off', 'unpaid_dues', { conviction: 'corruption' }, 'readmission.conviction'],
    ['caused serious disunity', 'strike_off', 'unpaid_dues', { seriousDisunity: true }, 'readmission.seriousDisunity'],
  ] as const)('refuses to open a case for a person who %s', async (_case, kind, ground, extra, field) => {
    const name = `Vương Văn ${field.length}${ground.length}${Object.keys(extra).length}`.replace(/\d+/g, 'Loại');
    const person = await formerMember(name, kind, '2020-01-10', ground);
    const response = await staff.send('POST', base, readmissionFile(person.id, name, extra));
    expect(response.status).toBe(422);
    expect(response.body.error.rule.name).toBe('readmission_exclusions');
    expect(response.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
  });

  it('opens the case of a withdrawal for special family hardship, and waits 60 months after an expungement', async () => {
    const person = await formerMember('Vương Thị Khó', 'withdrawal', '2020-01-10');
    const created = await staff.send(
      'POST',
      base,
      readmissionFile(person.id, 'Vương Thị Khó', { familyHardship: true, conviction: 'other', convictionExpungedOn: '2021-03-01' }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const vote = await staff.send('POST', `${base}/${created.body.id}/cell-resolution`, cellVote(created.body.version));
    expect(vote.status).toBe(422);
    expect(vote.body.error.rule.name).toBe('readmission_min_months_after_expungement');
    expect(vote.body.error.fields[0].field).toBe('readmission.convictionExpungedOn');
  });

  it('refuses a case for a member who never left, and the old one-event path is gone', async () => {
    const active = await makeMember(ctxFor(database), tree.a2.id, { fullName: 'Vương Văn Đang' });
    const response = await staff.send('POST', base, readmissionFile(active.id, 'Vương Văn Đang'));
    expect(response.status).toBe(409);
    expect(response.body.error.fields[0].field).toBe('readmission.memberId');
    const old = await staff.send('POST', `/api/v1/members/${active.id}/readmission`, {
      occurredOn: '2026-01-05',
      decision: decision('2026-01-05'),
      toOrgId: tree.a1.id,
    });
    expect(old.status).toBe(404);
  });
});
