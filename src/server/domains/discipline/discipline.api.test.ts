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
});
