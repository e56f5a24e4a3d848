import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { makeMember, makeOrg, makeTree } from '../../test/factories.js';
import { loginClient, type TestClient } from '../../test/http-client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { createUser } from '../users/users.service.js';
import type { CandidateDetail } from '../../../shared/admissions.js';
import { candidateInput, completeDossier } from './admissions.test-helper.js';

/**
 * A cell needs at least 3 full members (Điều lệ Đảng 2011, Điều 24; RULES.md, Organisations): below that it cannot hold
 * a valid meeting, so the candidate page warns and the cell's admission vote (passed or failed) is refused.
 */

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let ctx: Ctx;
let c: TestClient;
let cell: number;
let m: [number, number];
const PASSWORD = 'mat-khau-thu-123';
const VOTE = '2026-10-15';
const base = '/api/v1/candidates';

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  ctx = ctxFor(database);
  const tree = await makeTree(ctx);
  cell = (await makeOrg(ctx, 'cell', tree.a.id, { name: 'Chi bộ Hai Người' })).id;
  m = [(await makeMember(ctx, cell, { fullName: 'Hà Văn Một' })).id, (await makeMember(ctx, cell, { fullName: 'Lò Thị Hai' })).id];
  await createUser(ctx, { username: 'canbo.khoi', displayName: 'Cán bộ Khối', role: 'org_staff', orgId: tree.upper.id, memberId: null, password: PASSWORD });
  app = await buildApp({ database, logger: false, now: () => new Date('2026-11-27T03:00:00Z') });
  c = await loginClient(app, 'canbo.khoi', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

function vote(version: number, extra: Record<string, unknown> = {}) {
  return { version, decision: { number: '10-NQ/CB', date: VOTE, issuer: 'Chi bộ' }, inFavour: 2, against: 0, eligible: null, ...extra };
}

type Refusal = { error: { fields?: { field: string; message: string }[] } };

describe('a cell below 3 full members', () => {
  it('is warned on the candidate page and cannot vote; once it has 3 the vote is recorded', async () => {
    const created = await c.send(
      'POST',
      base,
      candidateInput(cell, m, {
        awarenessCertificate: { number: '12/GCN', issuedOn: '2026-03-01' },
        introducers: [
          { memberId: m[0], knownSince: '2025-01-01' },
          { memberId: m[1], knownSince: '2025-01-01' },
        ],
        dossier: completeDossier('2026-09-01'),
      }),
    );
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const candidate = created.body as CandidateDetail;
    expect(candidate.checksToday).toEqual([expect.objectContaining({ field: 'orgId', message: expect.stringContaining('có 2 đảng viên chính thức, dưới 3') })]);

    for (const result of ['passed', 'failed'] as const) {
      const refused = await c.send(
        'POST',
        `${base}/${candidate.id}/cell-resolution`,
        vote(candidate.version, { result, inFavour: result === 'passed' ? 2 : 1 }),
      );
      expect(refused.status, JSON.stringify(refused.body)).toBe(422);
      const fields = (refused.body as Refusal).error.fields ?? [];
      expect(fields).toEqual([expect.objectContaining({ field: 'eligible', message: expect.stringContaining('Điều lệ Đảng 2011, Điều 24') })]);
    }
    const unchanged = (await c.get(`${base}/${candidate.id}`)).body as CandidateDetail;
    expect(unchanged.state).toBe('candidate');
    expect(unchanged.failedVotes).toEqual([]);

    await makeMember(ctx, cell, { fullName: 'Vi Văn Ba' });
    const now = (await c.get(`${base}/${candidate.id}`)).body as CandidateDetail;
    expect(now.checksToday).toEqual([]);
    const resolved = await c.send('POST', `${base}/${candidate.id}/cell-resolution`, vote(now.version, { inFavour: 3 }));
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200);
    expect((resolved.body as CandidateDetail).state).toBe('cell_resolved');
  });
});
