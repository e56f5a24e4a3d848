import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { decision, makeMember, makeOrg, makeTree } from '../../test/factories.js';
import { loginClient, type TestClient } from '../../test/http-client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { addRuleVersion } from '../rulebook/rulebook.service.js';
import { createUser } from '../users/users.service.js';
import type { CandidateCreate } from '../../../shared/admissions.js';
import { candidateInput, completeDossier } from './admissions.test-helper.js';

/**
 * Issue #10 through the HTTP API: the union resolution path, facts as of the vote's date, the computed 2/3
 * denominator, failed votes and referral upward, the decision deadlines, rule versions of past years, and the
 * cell-size rule for committee seats.
 */

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let ctx: Ctx;
let c: TestClient;
let tree: Awaited<ReturnType<typeof makeTree>>;
/** Cell C1 (under grassroots committee A): three full members since 2015. */
let cell: number;
let m: [number, number, number];
/** In another cell: probationary on the vote's day (confirmed after it), and a full member who died after it. */
let probationaryThen: number;
let diedSince: number;
const PASSWORD = 'mat-khau-thu-123';
const VOTE = '2026-10-15';
const base = '/api/v1/candidates';

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  ctx = ctxFor(database);
  tree = await makeTree(ctx);
  cell = (await makeOrg(ctx, 'cell', tree.a.id, { name: 'Chi bộ Kiểm thử Điều lệ' })).id;
  m = [
    (await makeMember(ctx, cell, { fullName: 'Hà Văn Một' })).id,
    (await makeMember(ctx, cell, { fullName: 'Lò Thị Hai' })).id,
    (await makeMember(ctx, cell, { fullName: 'Vi Văn Ba' })).id,
  ];
  probationaryThen = (
    await makeMember(ctx, tree.a2.id, {
      fullName: 'Đinh Văn Dự',
      status: 'probationary',
      admittedOn: '2025-11-01',
      confirmedOn: null,
      decision: decision('2025-11-01'),
    })
  ).id;
  await recordMembershipEvent(ctx, probationaryThen, {
    kind: 'confirmation',
    occurredOn: '2026-11-01',
    decision: decision('2026-11-01'),
    toOrgId: null,
    details: { fullFrom: '2026-11-01' },
  });
  diedSince = (await makeMember(ctx, tree.a2.id, { fullName: 'Quách Văn Cố' })).id;
  await recordMembershipEvent(ctx, diedSince, { kind: 'death', occurredOn: '2026-11-10', decision: decision('2026-11-10'), toOrgId: null, details: {} });
  await createUser(ctx, { username: 'canbo.khoi', displayName: 'Cán bộ Khối', role: 'org_staff', orgId: tree.upper.id, memberId: null, password: PASSWORD });
  app = await buildApp({ database, logger: false, now: () => new Date('2026-11-27T03:00:00Z') });
  c = await loginClient(app, 'canbo.khoi', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

/** A file ready for the cell on 15/10/2026: papers of September 2026, introduced by the cell's first two members. */
function file(overrides: Partial<CandidateCreate> = {}, orgId = cell): CandidateCreate {
  return candidateInput(orgId, [m[0], m[1]], {
    awarenessCertificate: { number: '12/GCN', issuedOn: '2026-03-01' },
    introducers: [
      { memberId: m[0], knownSince: '2025-01-01' },
      { memberId: m[1], knownSince: '2025-01-01' },
    ],
    dossier: completeDossier('2026-09-01'),
    ...overrides,
  });
}

const youthUnionResolution = { kind: 'youth_union' as const, decision: { number: '05-NQ/ĐTN', date: '2026-09-20', issuer: 'Ban Chấp hành Đoàn cơ sở' } };

async function create(overrides: Partial<CandidateCreate> = {}, orgId = cell) {
  const created = await c.send('POST', base, file(overrides, orgId));
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as { id: number; version: number };
}

function vote(version: number, extra: Record<string, unknown> = {}, date = VOTE) {
  return { version, decision: { number: `${date.slice(5, 7)}-NQ/CB`, date, issuer: 'Chi bộ' }, inFavour: 3, against: 0, eligible: null, ...extra };
}

const fieldsOf = (body: { error: { fields?: { field: string }[] } }) => (body.error.fields ?? []).map((f) => f.field);

describe('introducers: the Youth Union and trade union path, the replacement introducer (issue #10.1)', () => {
  it('admits a Youth Union member introduced by one full member and the Youth Union committee’s resolution', async () => {
    const candidate = await create({
      youthUnionMember: true,
      unionResolution: youthUnionResolution,
      introducers: [{ memberId: m[0], knownSince: '2025-01-01' }],
    });
    const resolved = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body).toMatchObject({ state: 'cell_resolved', unionResolution: youthUnionResolution });
  });

  it('refuses a Youth Union member with one introducer and no resolution, naming the rule', async () => {
    const candidate = await create({ youthUnionMember: true, introducers: [{ memberId: m[0], knownSince: '2025-01-01' }] });
    const refused = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    expect(refused.status).toBe(422);
    expect(refused.body.error.rule.name).toBe('introducer_count_with_union_resolution');
    expect(fieldsOf(refused.body)).toContain('unionResolution');
  });

  it('admits a trade union member where there is no Youth Union, with the trade union’s resolution', async () => {
    const candidate = await create({
      unionResolution: { kind: 'trade_union', decision: { number: '02-NQ/CĐ', date: '2026-09-10', issuer: 'Ban Chấp hành Công đoàn cơ sở' } },
      introducers: [{ memberId: m[1], knownSince: '2025-01-01' }],
      lowerSecondary: { kind: 'exception', ground: 'Đồng bào dân tộc thiểu số ở vùng cao', decision: null },
    });
    expect((await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version))).status).toBe(200);
  });

  it('exempts a replacement introducer from the 12 months, and only a replacement', async () => {
    const recent = { memberId: m[1], knownSince: '2026-08-01' };
    const plain = await create({ introducers: [{ memberId: m[0], knownSince: '2025-01-01' }, recent] });
    const refused = await c.send('POST', `${base}/${plain.id}/cell-resolution`, vote(plain.version));
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['introducers.1.knownSince']);
    const replacement = await create({
      introducers: [
        { memberId: m[0], knownSince: '2025-01-01' },
        { ...recent, replacement: true },
      ],
    });
    expect((await c.send('POST', `${base}/${replacement.id}/cell-resolution`, vote(replacement.version))).status).toBe(200);
  });
});

describe('facts as of the step’s date (issue #10.2)', () => {
  it('refuses an introducer who was still probationary on the vote’s day, though full today', async () => {
    const candidate = await create({
      introducers: [
        { memberId: probationaryThen, knownSince: '2025-01-01' },
        { memberId: m[0], knownSince: '2025-01-01' },
      ],
    });
    const refused = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['introducers.0.memberId']);
    expect(refused.body.error.message).toContain('là đảng viên dự bị');
  });

  it('accepts an introducer who was a full member on the vote’s day and has died since', async () => {
    const candidate = await create({
      introducers: [
        { memberId: diedSince, knownSince: '2025-01-01' },
        { memberId: m[0], knownSince: '2025-01-01' },
      ],
    });
    const resolved = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
  });
});

describe('the 2/3 vote (issue #10.3)', () => {
  it('counts those entitled to vote from the records; a lower count needs each excluded member named', async () => {
    const candidate = await create();
    const typedLow = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version, { inFavour: 1, eligible: 1 }));
    expect(typedLow.status).toBe(422);
    expect(fieldsOf(typedLow.body)).toEqual(['eligible']);
    const stranger = await c.send(
      'POST',
      `${base}/${candidate.id}/cell-resolution`,
      vote(candidate.version, { inFavour: 2, excluded: [{ memberId: probationaryThen, reason: 'Miễn sinh hoạt' }] }),
    );
    expect(fieldsOf(stranger.body)).toEqual(['excluded.0.memberId']);
    const named = await c.send(
      'POST',
      `${base}/${candidate.id}/cell-resolution`,
      vote(candidate.version, { inFavour: 2, eligible: 2, excluded: [{ memberId: m[2], reason: 'Được miễn sinh hoạt đảng' }] }),
    );
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.steps.at(-1).details).toMatchObject({ eligible: 2, eligibleComputed: 3, excluded: [{ memberId: m[2] }] });
  });

  it('leaves out a member on temporary transfer elsewhere, and never lets the count be raised', async () => {
    const small = (await makeOrg(ctx, 'cell', tree.a.id, { name: 'Chi bộ Có người đi vắng' })).id;
    const members = [];
    for (const name of ['Bế Văn Tư', 'Hoàng Thị Năm', 'Nông Văn Sáu', 'Lục Thị Bảy']) members.push((await makeMember(ctx, small, { fullName: name })).id);
    await recordMembershipEvent(ctx, members[3], {
      kind: 'temporary_transfer',
      occurredOn: '2026-09-01',
      decision: decision('2026-09-01'),
      toOrgId: null,
      details: {},
    });
    const candidate = await create(
      {
        introducers: [
          { memberId: members[0], knownSince: '2025-01-01' },
          { memberId: members[1], knownSince: '2025-01-01' },
        ],
      },
      small,
    );
    const page = await c.get(`${base}/${candidate.id}`);
    expect(page.body.cellVoters).toMatchObject({ eligible: 3, away: [{ memberId: members[3] }] });
    const raised = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version, { eligible: 4 }));
    expect(fieldsOf(raised.body)).toEqual(['eligible']);
    const resolved = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect(resolved.body.steps.at(-1).details).toMatchObject({ eligible: 3, eligibleComputed: 3, away: [members[3]] });
  });

  it('records failed votes as facts and, after three, lets the upper committee decide', async () => {
    const candidate = await create();
    let version = candidate.version;
    const inconsistent = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(version, { result: 'failed' }));
    expect(fieldsOf(inconsistent.body)).toEqual(['result']);
    for (const [index, date] of ['2026-10-15', '2026-10-22', '2026-10-29'].entries()) {
      const failed = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(version, { result: 'failed', inFavour: 1, against: 2 }, date));
      expect(failed.status, JSON.stringify(failed.body)).toBe(200);
      expect(failed.body).toMatchObject({ state: 'candidate', referredUpward: index === 2 });
      expect(failed.body.failedVotes).toHaveLength(index + 1);
      version = failed.body.version;
    }
    const page = (await c.get(`${base}/${candidate.id}`)).body;
    expect(page.nextStep.label).toContain('cấp ủy cấp trên');
    expect((await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(version, {}, '2026-11-05'))).status).toBe(409);
    const decided = await c.send('POST', `${base}/${candidate.id}/decision`, {
      version,
      decision: { number: '12-QĐ/ĐU', date: '2026-11-10', issuer: 'Đảng ủy Khối' },
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body.state).toBe('decided');
    expect(decided.body.steps.at(-1).details).toMatchObject({ referredUpward: true });
  });

  it('checks the grassroots committee’s count against its recorded seats', async () => {
    for (const [memberId, position] of [
      [m[0], 'secretary'],
      [m[1], 'deputy_secretary'],
    ] as const) {
      const seat = await c.send('POST', `/api/v1/orgs/${tree.a.id}/committee`, {
        memberId,
        position,
        term: '2025-2030',
        startOn: '2026-01-05',
        decision: decision('2026-01-05'),
      });
      expect(seat.status, JSON.stringify(seat.body)).toBe(201);
    }
    const candidate = await create();
    const resolved = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    const committeeVote = (extra: Record<string, unknown>) => ({
      version: resolved.body.version,
      decision: { number: '20-NQ/ĐU', date: '2026-10-20', issuer: 'Đảng ủy cơ sở' },
      inFavour: 2,
      against: 0,
      eligible: null,
      ...extra,
    });
    const typed = await c.send('POST', `${base}/${candidate.id}/committee-resolution`, committeeVote({ eligible: 7 }));
    expect(typed.status).toBe(422);
    expect(fieldsOf(typed.body)).toEqual(['eligible']);
    const counted = await c.send('POST', `${base}/${candidate.id}/committee-resolution`, committeeVote({}));
    expect(counted.status, JSON.stringify(counted.body)).toBe(200);
    expect(counted.body.steps.at(-1).details).toMatchObject({ eligible: 2, eligibleComputed: 2, seatsRecorded: true });
  });

  it('strikes a probationer off only with the same 2/3 vote; a failed vote is recorded and supports no decision', async () => {
    const probationer = (
      await makeMember(ctx, cell, {
        fullName: 'Sầm Văn Bị',
        status: 'probationary',
        admittedOn: '2025-12-01',
        confirmedOn: null,
        decision: decision('2025-12-01'),
      })
    ).id;
    const reviews = `/api/v1/members/${probationer}/probation/reviews`;
    const review = (extra: Record<string, unknown>) => ({
      kind: 'cell',
      proposal: 'strike_off',
      decision: decision('2026-06-01'),
      inFavour: 0,
      against: 3,
      eligible: null,
      ...extra,
    });
    const none = await c.send('POST', reviews, review({}));
    expect(none.status).toBe(422);
    expect(none.body.error.rule.name).toBe('confirmation_vote_ratio');
    const failed = await c.send('POST', reviews, review({ result: 'failed' }));
    expect(failed.status, JSON.stringify(failed.body)).toBe(201);
    expect(failed.body.reviews.at(-1)).toMatchObject({ result: 'failed', eligible: 3 });
    const unsupported = await c.send('POST', `/api/v1/members/${probationer}/probation/decision`, {
      version: failed.body.version,
      outcome: 'struck_off',
      decision: decision('2026-06-10'),
    });
    expect(unsupported.status).toBe(409);
    expect((await c.send('POST', reviews, review({ inFavour: 3, against: 0 }))).status).toBe(201);
  });
});

describe('deadlines (issue #10.4)', () => {
  let grassroots: number;

  beforeAll(async () => {
    grassroots = (await makeOrg(ctx, 'grassroots_cell', tree.upper.id, { name: 'Chi bộ cơ sở Kiểm thử' })).id;
    for (const name of ['Ma Văn Một', 'Ma Thị Hai', 'Ma Văn Ba']) await makeMember(ctx, grassroots, { fullName: name });
  });

  it('needs a reason after 60 working days from the cell’s resolution and refuses beyond the 30 of the extension', async () => {
    const candidate = await create({ dossier: completeDossier('2026-05-01') }, grassroots);
    const resolved = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version, {}, '2026-06-01'));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const version = resolved.body.version;
    const upper = (date: string, extra: Record<string, unknown> = {}) => ({
      version,
      decision: { number: '30-QĐ/ĐU', date, issuer: 'Đảng ủy Khối' },
      receivedOn: date,
      ...extra,
    });
    const beyond = await c.send('POST', `${base}/${candidate.id}/decision`, upper('2026-10-15', { extensionReason: 'Xác minh lý lịch' }));
    expect(beyond.status).toBe(422);
    expect(beyond.body.error.rule.name).toBe('admission_decision_extension_working_days');
    const late = await c.send('POST', `${base}/${candidate.id}/decision`, upper('2026-09-15'));
    expect(late.status).toBe(422);
    expect(fieldsOf(late.body)).toEqual(['extensionReason']);
    const extended = await c.send('POST', `${base}/${candidate.id}/decision`, upper('2026-09-15', { extensionReason: 'Xác minh lý lịch ở nước ngoài' }));
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
  });

  it('reads the ceremony deadline in force on the day the decision was received, not on the ceremony’s day', async () => {
    // An (invented) shorter deadline from after the receipt: the ceremony still has the 30 working days of the receipt's day.
    // Its own file, so the test stands alone in any order.
    const candidate = await create({ dossier: completeDossier('2026-05-01') }, grassroots);
    const resolved = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version, {}, '2026-08-10'));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const decided = await c.send('POST', `${base}/${candidate.id}/decision`, {
      version: resolved.body.version,
      decision: { number: '31-QĐ/ĐU', date: '2026-09-15', issuer: 'Đảng ủy Khối' },
      receivedOn: '2026-09-15',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await addRuleVersion(ctx, 'ceremony_deadline_working_days', { value: 5, effectiveFrom: '2026-09-20', source: 'Quy định thử nghiệm 998-QĐ/TW' });
    const ceremony = await c.send('POST', `${base}/${candidate.id}/ceremony`, { version: decided.body.version, ceremonyDate: '2026-10-05' });
    expect(ceremony.status, JSON.stringify(ceremony.body)).toBe(200);
  });

  it('shows the confirmation decision due 30 working days after the cell’s resolution', async () => {
    const probationer = (
      await makeMember(ctx, cell, {
        fullName: 'Sầm Thị Chờ',
        status: 'probationary',
        admittedOn: '2025-10-01',
        confirmedOn: null,
        decision: decision('2025-10-01'),
      })
    ).id;
    const reviewed = await c.send('POST', `/api/v1/members/${probationer}/probation/reviews`, {
      kind: 'cell',
      proposal: 'confirm',
      decision: decision('2026-10-05'),
      inFavour: 3,
      against: 0,
    });
    expect(reviewed.status, JSON.stringify(reviewed.body)).toBe(201);
    expect(reviewed.body.decisionDueOn).toBe('2026-11-16');
    const radar = await c.get('/api/v1/attention');
    expect(JSON.stringify(radar.body)).toContain('confirmation_decision_due');
  });
});

describe('rule versions, age and organisation rules (issue #10.9, #10.10)', () => {
  it('checks a record of 2017 by 29-QĐ/TW, and reports a missing version by its Vietnamese label', async () => {
    const old = await create({
      awarenessCertificate: { number: '3/GCN', issuedOn: '2016-12-01' },
      introducers: [
        { memberId: m[0], knownSince: '2015-02-01' },
        { memberId: m[1], knownSince: '2015-02-01' },
      ],
      dossier: completeDossier('2017-02-01'),
    });
    const resolved = await c.send('POST', `${base}/${old.id}/cell-resolution`, vote(old.version, {}, '2017-03-01'));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    const tooOld = await create();
    const missing = await c.send('POST', `${base}/${tooOld.id}/cell-resolution`, vote(tooOld.version, {}, '2016-03-01'));
    expect(missing.status).toBe(422);
    expect(missing.body.error.message).toMatch(/«[^»]+»/u);
    expect(missing.body.error.message).not.toMatch(/[a-z]+_[a-z_]+/u);
  });

  it('names the province-level committee for a candidate over 60', async () => {
    const candidate = await create({ birthDate: '1960-01-01' });
    const refused = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    expect(refused.body.error.rule.name).toBe('admission_max_age_months');
    expect(refused.body.error.message).toContain('cấp ủy trực thuộc Trung ương');
    expect(refused.body.error.message).toContain('tháng tròn');
  });

  it('needs the lower-secondary education recorded and papers within the rulebook’s months before the cell considers the file', async () => {
    const candidate = await create({
      lowerSecondary: null,
      dossier: { ...completeDossier('2026-09-01'), personal_history: { done: true, date: '2025-09-01' } },
    });
    const refused = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(candidate.version));
    expect(refused.status).toBe(422);
    expect(fieldsOf(refused.body)).toEqual(['lowerSecondary', 'dossier.personal_history.date']);
  });

  it('refuses committee seats in a cell with fewer than 9 full members, and takes its secretary', async () => {
    const seat = (position: string) => ({ memberId: m[2], position, term: '2025-2030', startOn: '2026-01-05', decision: decision('2026-01-05') });
    const refused = await c.send('POST', `/api/v1/orgs/${cell}/committee`, seat('standing_committee_member'));
    expect(refused.status).toBe(422);
    expect(refused.body.error.rule.name).toBe('cell_committee_min_full_members');
    expect((await c.send('POST', `/api/v1/orgs/${cell}/committee`, seat('secretary'))).status).toBe(201);
  });
});
