import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Database } from '../../db/client.js';
import { sql } from 'drizzle-orm';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from './demo.service.js';
import { computeMetric } from '../metrics/metrics.service.js';
import { listAttention } from '../radar/radar.service.js';
import { makeMember, makeTree } from '../../test/factories.js';
import { insertDemoStudy } from './demo-study.queries.js';

const TODAY = '2026-11-27';
let database: Database;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctxFor(database), database, { members: 600, today: TODAY });
}, 240_000);
afterAll(() => drop());

describe('the demo bloc’s party life (study)', () => {
  const ctx = () => ctxFor(database, undefined, () => new Date(`${TODAY}T03:00:00Z`));

  it('has the seed article’s 7 thematic resolutions and (up to) 14 committees re-formed or supplemented this year', async () => {
    expect((await computeMetric(ctx(), 'thematic_resolutions', { from: '2026-01-01', to: TODAY })).total).toBe(7);
    // A small bloc (600 members) has fewer grassroots organisations than 14: all of them then.
    const [grassroots] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM orgs WHERE kind IN ('grassroots_committee', 'grassroots_cell')`,
    );
    expect((await computeMetric(ctx(), 'committee_reform_orgs', { from: '2026-01-01', to: TODAY })).total).toBe(Math.min(14, grassroots.n));
  });

  it('shows a study coverage near but under 100%, and a few organisations without a secretary', async () => {
    const coverage = await computeMetric(ctx(), 'study_coverage', { from: '2026-01-01', to: TODAY });
    const part = (key: string) => coverage.parts.find((p) => p.key === key)?.value ?? 0;
    expect(part('session')).toBeGreaterThan(0);
    expect(part('self')).toBeGreaterThan(0);
    expect(part('not_yet')).toBeGreaterThan(0);
    expect(part('session') / coverage.total).toBeGreaterThan(0.8);
    const radar = (await listAttention(ctx(), {})).items.filter((i) => i.kind === 'no_secretary');
    expect(radar.length).toBeGreaterThan(0);
    expect(radar.length).toBeLessThan(30);
  });
});

describe('the study generator over several upper committees (a province)', () => {
  it('gives each grassroots organisation one conference per document of its own upper committee, linking exactly that document', async () => {
    const fresh = await createTestDatabase();
    try {
      const ctx = ctxFor(fresh.database);
      const trees = [await makeTree(ctx), await makeTree(ctx)];
      for (const tree of trees) for (const cell of [tree.a1, tree.b1]) for (let i = 0; i < 3; i++) await makeMember(ctx, cell.id);
      await insertDemoStudy(fresh.database.db, TODAY);
      // Every upper committee registers the same 11 codes; a session must still link its own upper's document only.
      const [links] = await queryRows<{ sessions: number; linked: number; wrong: number; perSession: number }>(
        fresh.database.db,
        sql`SELECT (SELECT count(*)::int FROM study_sessions) AS sessions,
                   (SELECT count(*)::int FROM study_session_documents) AS linked,
                   (SELECT count(*)::int FROM study_session_documents sd JOIN study_sessions s ON s.id = sd.session_id
                      JOIN orgs g ON g.id = s.org_id JOIN party_documents d ON d.id = sd.document_id JOIN orgs u ON u.id = d.org_id
                    WHERE NOT (g.path >= u.path AND g.path < u.path || '~')) AS wrong,
                   (SELECT coalesce(max(n), 0)::int FROM (SELECT count(*) AS n FROM study_session_documents GROUP BY session_id) x) AS "perSession"`,
      );
      expect(links.sessions).toBeGreaterThan(0);
      expect(links).toEqual({ sessions: links.sessions, linked: links.sessions, wrong: 0, perSession: 1 });
      // Four grassroots organisations (two per tree), each with one conference per document whose day has come.
      const [perOrg] = await queryRows<{ orgs: number; max: number }>(
        fresh.database.db,
        sql`SELECT count(DISTINCT org_id)::int AS orgs, max(n)::int AS max FROM (SELECT org_id, count(*) AS n FROM study_sessions GROUP BY org_id) x`,
      );
      expect(perOrg.orgs).toBe(4);
      expect(perOrg.max).toBeLessThanOrEqual(11);
    } finally {
      await fresh.drop();
    }
  }, 120_000);
});
