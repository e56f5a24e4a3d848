import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { queryRows, type Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree } from '../../test/factories.js';
import { accountClient, ADMIN, type TestClient } from '../../test/http-client.js';
import { expectRefusal } from '../../test/refusals.js';
import { appointToCommittee } from '../committees/committees.service.js';

const TODAY = '2026-11-27';
const now = () => new Date(`${TODAY}T03:00:00Z`);

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
const clients = {} as Record<'admin' | 'inspector' | 'inspectorB' | 'org_staff' | 'secretary', TestClient>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database, undefined, now);
  tree = await makeTree(ctx);
  app = await buildApp({ database, logger: false, now });
  clients.admin = await accountClient(app, ctx, ADMIN);
  clients.inspector = await accountClient(app, ctx, { username: 'kiemtra.a', role: 'inspection_staff', orgId: tree.a.id });
  clients.inspectorB = await accountClient(app, ctx, { username: 'kiemtra.b', role: 'inspection_staff', orgId: tree.b.id });
  clients.org_staff = await accountClient(app, ctx, { username: 'tochuc.a', role: 'org_staff', orgId: tree.a.id });
  clients.secretary = await accountClient(app, ctx, { username: 'bithu.a', role: 'secretary', orgId: tree.a.id });
});

afterAll(async () => {
  await app?.close();
  await drop();
});

/** Every row of the discipline tables and the membership, seat and org tables: what a refused write must not touch. */
async function snapshot() {
  const tables = [
    'sanctions',
    'sanction_effects',
    'sanction_appeals',
    'discipline_notices',
    'membership_events',
    'membership_periods',
    'committee_seats',
    'org_events',
    'audit_log',
  ];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = await queryRows(database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`);
  return out;
}

const proposal = (over: Record<string, unknown>) => ({
  offenceGroup: 'party_life_dues',
  offence: 'Không đóng đảng phí ba tháng liền',
  offenceOn: '2026-05-10',
  proposedForm: 'warning',
  proposedOn: '2026-11-02',
  proposedBy: 'Chi bộ Văn phòng Sở',
  ...over,
});

const decide = (over: Record<string, unknown> = {}) => ({
  form: 'warning',
  decidingOrgId: tree.a.id,
  decision: { number: '12-QĐ/ĐU', date: '2026-11-10', issuer: 'Ban Thường vụ Đảng ủy Sở Tài chính' },
  effectiveOn: '2026-11-10',
  version: 1,
  ...over,
});

describe('discipline over HTTP', () => {
  it('records a warning for a member, shows it on their record and in the metric, and prints the decision', async () => {
    const member = await makeMember(ctxFor(database, undefined, now), tree.a1.id, { fullName: 'Trần Văn Cảnh' });
    const proposed = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: member.id }));
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body).toMatchObject({ state: 'proposed', subjectKind: 'full_member', proposedForm: 'warning' });
    const decided = await clients.inspector.send('POST', `/api/v1/sanctions/${proposed.body.id}/decision`, decide());
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    expect(decided.body).toMatchObject({ state: 'decided', form: 'warning', standingForm: 'warning', effectiveOn: '2026-11-10', onRecordUntil: '2027-11-10' });
    expect(decided.body.limitationCheck).toMatchObject({ rule: 'discipline_limitation_warning_dismissal_years', years: 10 });

    const record = await clients.secretary.get(`/api/v1/members/${member.id}/sanctions`);
    expect(record.status).toBe(200);
    expect(record.body.items.map((s: { id: number }) => s.id)).toContain(proposed.body.id);

    const metric = await clients.org_staff.get('/api/v1/metrics/member_sanctions_by_form?from=2026-01-01&to=2026-12-31');
    expect(metric.status, JSON.stringify(metric.body)).toBe(200);
    expect(metric.body.parts.find((p: { key: string }) => p.key === 'warning')?.value).toBeGreaterThanOrEqual(1);

    const docx = await app.inject({ method: 'GET', url: `/api/v1/sanctions/${proposed.body.id}/decision.docx`, headers: { cookie: clients.inspector.cookie } });
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
  });

  it('refuses a form not allowed for the subject, a decision past the limitation period and a non-member, naming the rule and its source; nothing written', async () => {
    const ctx = ctxFor(database, undefined, now);
    const probationer = await makeMember(ctx, tree.a1.id, {
      fullName: 'Lê Thị Dự',
      status: 'probationary',
      admittedOn: '2026-01-10',
      confirmedOn: null,
      cardNumber: null,
    });
    const before = await snapshot();
    const expel = await clients.inspector.send(
      'POST',
      '/api/v1/sanctions',
      proposal({ memberId: probationer.id, offenceOn: '2026-03-01', proposedForm: 'expulsion' }),
    );
    const error = expectRefusal(expel, { code: 'RULE_VIOLATION', field: 'proposedForm', rule: 'discipline_forms' });
    expect(error.rule?.source).toContain('Điều lệ Đảng 2011');
    expect(error.message).toContain('đảng viên dự bị');
    // Admitted on 10/01/2026: an offence of 2025 was not a party member's.
    const before2025 = await clients.inspector.send(
      'POST',
      '/api/v1/sanctions',
      proposal({ memberId: probationer.id, offenceOn: '2025-06-01', proposedForm: 'reprimand' }),
    );
    expectRefusal(before2025, { code: 'RULE_VIOLATION', field: 'offenceOn', rule: 'discipline_subject' });
    expect(await snapshot()).toEqual(before);

    const old = await makeMember(ctx, tree.a1.id, { fullName: 'Phạm Văn Cũ', admittedOn: '2000-01-10', confirmedOn: '2001-01-10' });
    const stale = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: old.id, offenceOn: '2020-03-01', proposedForm: 'reprimand' }));
    expect(stale.status).toBe(201);
    const afterProposal = await snapshot();
    const late = await clients.inspector.send('POST', `/api/v1/sanctions/${stale.body.id}/decision`, decide({ form: 'reprimand' }));
    const lateError = expectRefusal(late, { code: 'RULE_VIOLATION', field: 'decision.date', rule: 'discipline_limitation_reprimand_years' });
    expect(lateError.rule?.source).toContain('69-QĐ/TW');
    expect(lateError.message).toContain('thời hiệu');
    expect(await snapshot()).toEqual(afterProposal);
    // A later offence restarts the clock; warning-level offences have 10 years.
    const warning = await clients.inspector.send('POST', `/api/v1/sanctions/${stale.body.id}/decision`, decide({ form: 'warning' }));
    expect(warning.status, JSON.stringify(warning.body)).toBe(200);
  });

  it('keeps a draft to the inspection staff of its organisation and the admin: no other role or organisation sees or counts it', async () => {
    const member = await makeMember(ctxFor(database, undefined, now), tree.a2.id, { fullName: 'Đỗ Văn Kín' });
    const draft = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: member.id, proposedForm: 'reprimand' }));
    expect(draft.status).toBe(201);
    for (const client of [clients.inspector, clients.admin]) {
      expect((await client.get(`/api/v1/sanctions/${draft.body.id}`)).status).toBe(200);
      expect((await client.get('/api/v1/sanctions?state=proposed')).body.items.map((s: { id: number }) => s.id)).toContain(draft.body.id);
    }
    for (const client of [clients.org_staff, clients.secretary, clients.inspectorB]) {
      const one = await client.get(`/api/v1/sanctions/${draft.body.id}`);
      expectRefusal(one, { code: 'NOT_FOUND' });
      expect(JSON.stringify(one.body)).not.toContain('Kín');
      const list = await client.get('/api/v1/sanctions');
      expect(list.body.items.map((s: { id: number }) => s.id)).not.toContain(draft.body.id);
      const record = await client.get(`/api/v1/members/${member.id}/sanctions`);
      expect(JSON.stringify(record.body)).not.toContain(String(draft.body.offence));
      const docx = await client.get(`/api/v1/sanctions/${draft.body.id}/decision.docx`);
      expect(docx.status).toBe(404);
    }
    const metric = await clients.admin.get(`/api/v1/metrics/member_sanctions_by_form/records?from=2026-01-01&to=2026-12-31&pageSize=500`);
    expect(metric.body.items.map((r: { sanctionId: number }) => r.sanctionId)).not.toContain(draft.body.id);
  });

  it('records the effects as dated events and undoes them when an appeal annuls the decision', async () => {
    const ctx = ctxFor(database, undefined, now);
    const member = await makeMember(ctx, tree.a1.id, { fullName: 'Vũ Văn Trừ' });
    const seat = await appointToCommittee(ctx, tree.a.id, {
      memberId: member.id,
      position: 'committee_member',
      term: '2025–2030',
      startOn: '2025-10-01',
      decision: decision('2025-10-01'),
    });
    // Dismissal ends the committee seat.
    const dismissal = await clients.inspector.send('POST', '/api/v1/sanctions', proposal({ memberId: member.id, proposedForm: 'dismissal' }));
    const dismissed = await clients.inspector.send('POST', `/api/v1/sanctions/${dismissal.body.id}/decision`, decide({ form: 'dismissal' }));
    expect(dismissed.status, JSON.stringify(dismissed.body)).toBe(200);
    expect(dismissed.body.effects).toMatchObject([{ kind: 'seat_ended', refId: seat.id, occurredOn: '2026-11-10' }]);
    const committee = await clients.admin.get(`/api/v1/orgs/${tree.a.id}/committee`);
    expect((committee.body as { memberId: number }[]).some((s) => s.memberId === member.id)).toBe(false);

    // Expulsion ends membership through a membership event; the generic events route no longer takes it.
    const expulsion = await clients.inspector.send(
      'POST',
      '/api/v1/sanctions',
      proposal({ memberId: member.id, proposedForm: 'expulsion', offenceGroup: 'corruption_waste' }),
    );
    const expelled = await clients.inspector.send(
      'POST',
      `/api/v1/sanctions/${expulsion.body.id}/decision`,
      decide({
        form: 'expulsion',
        decision: { number: '13-QĐ/ĐU', date: '2026-11-12', issuer: 'Ban Thường vụ Đảng ủy Sở Tài chính' },
        effectiveOn: '2026-11-12',
      }),
    );
    expect(expelled.status, JSON.stringify(expelled.body)).toBe(200);
    expect(expelled.body.limitationCheck).toMatchObject({ years: null });
    expect((await clients.admin.get(`/api/v1/members/${member.id}`)).body.status).toBe('expelled');

    const appeal = await clients.inspector.send('POST', `/api/v1/sanctions/${expulsion.body.id}/appeals`, {
      receivedOn: '2026-11-20',
      appellant: 'Vũ Văn Trừ',
      content: 'Đề nghị xem xét lại',
      handlingBody: 'Ủy ban Kiểm tra Đảng ủy Khối',
    });
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    const open = appeal.body.appeals[0];
    expect(open).toMatchObject({ filingDeadlineOn: '2026-12-12', dueOn: '2027-02-18', outcome: null });
    const annulled = await clients.inspector.send('POST', `/api/v1/appeals/${open.id}/decision`, {
      outcome: 'annulled',
      decision: { number: '2-QĐ/UBKT', date: '2026-11-26', issuer: 'Ủy ban Kiểm tra Đảng ủy Khối' },
      reason: 'Chưa đủ căn cứ kết luận vi phạm',
      version: open.version,
    });
    expect(annulled.status, JSON.stringify(annulled.body)).toBe(200);
    expect(annulled.body.standingForm).toBeNull();
    expect(annulled.body.effects.map((e: { kind: string }) => e.kind)).toEqual(['membership_event', 'membership_event_annulled']);
    const back = await clients.admin.get(`/api/v1/members/${member.id}`);
    expect(back.body.status).toBe('full');
    const history = await clients.admin.get(`/api/v1/members/${member.id}/history`);
    expect(JSON.stringify(history.body)).toContain('expulsion');
    const outcomes = await clients.admin.get('/api/v1/metrics/appeals_by_outcome?from=2026-01-01&to=2026-12-31');
    expect(outcomes.body.parts.find((p: { key: string }) => p.key === 'annulled')?.value).toBeGreaterThanOrEqual(1);
  });

  it('dissolves an organisation through the organisation lifecycle', async () => {
    const ctx = ctxFor(database, undefined, now);
    const cell = (
      await clients.admin.send('POST', '/api/v1/orgs', {
        code: 'CB-GT',
        name: 'Chi bộ Giải tán',
        kind: 'cell',
        parentId: tree.b.id,
        unitType: null,
        foundingDecision: decision('2010-01-01'),
      })
    ).body;
    const member = await makeMember(ctx, cell.id, { fullName: 'Hồ Văn Chuyển' });
    const proposed = await clients.inspectorB.send(
      'POST',
      '/api/v1/sanctions',
      proposal({ orgId: cell.id, proposedForm: 'dissolution', offenceGroup: 'democratic_centralism' }),
    );
    expect(proposed.status, JSON.stringify(proposed.body)).toBe(201);
    expect(proposed.body.subjectKind).toBe('org');
    const self = await clients.inspectorB.send(
      'POST',
      `/api/v1/sanctions/${proposed.body.id}/decision`,
      decide({ form: 'dissolution', decidingOrgId: cell.id, membersTo: tree.b1.id }),
    );
    expectRefusal(self, { code: 'INVALID_INPUT', field: 'decidingOrgId' });
    const done = await clients.inspectorB.send(
      'POST',
      `/api/v1/sanctions/${proposed.body.id}/decision`,
      decide({ form: 'dissolution', decidingOrgId: tree.b.id, membersTo: tree.b1.id }),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.effects[0].kind).toBe('org_dissolved');
    expect((await clients.admin.get(`/api/v1/orgs/${cell.id}`)).body.active).toBe(false);
    expect((await clients.admin.get(`/api/v1/members/${member.id}`)).body.orgId).toBe(tree.b1.id);
  });

  it('puts a state body notice on the radar when it is late, and off once received', async () => {
    const member = await makeMember(ctxFor(database, undefined, now), tree.a1.id, { fullName: 'Mai Văn Báo' });
    const notice = await clients.inspector.send('POST', '/api/v1/discipline-notices', {
      memberId: member.id,
      issuerKind: 'state_body',
      issuer: 'Sở Nội vụ',
      measure: 'Khiển trách',
      decision: { number: '7/QĐ-SNV', date: '2026-11-02', issuer: 'Giám đốc Sở Nội vụ' },
    });
    expect(notice.status, JSON.stringify(notice.body)).toBe(201);
    expect(notice.body).toMatchObject({ dueOn: '2026-11-07', late: true, receivedOn: null });
    expect(notice.body.rulesApplied.discipline_notification_days.source).toContain('296-QĐ/TW');
    const radar = await clients.org_staff.get('/api/v1/attention');
    expect(radar.body.items.some((i: { kind: string; memberId?: number }) => i.kind === 'discipline_notice' && i.memberId === member.id)).toBe(true);
    const received = await clients.inspector.send('POST', `/api/v1/discipline-notices/${notice.body.id}/receipt`, { receivedOn: '2026-11-25', version: 1 });
    expect(received.status).toBe(200);
    expect(received.body.late).toBe(true);
    const after = await clients.org_staff.get('/api/v1/attention');
    expect(after.body.items.some((i: { kind: string; memberId?: number }) => i.kind === 'discipline_notice' && i.memberId === member.id)).toBe(false);
  });
});
