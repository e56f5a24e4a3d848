import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { loadDemo } from './demo.service.js';
import { demoBlocs } from './demo.queries.js';
import { getReport, listReports, rollUpReports } from '../reports/reports.service.js';

let database: Database;
let drop: () => Promise<void>;
const ctx = () => ctxFor(database, undefined, () => new Date('2026-11-27T03:00:00Z'));

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await loadDemo(ctx(), database, { members: 600, portal: false, dues: false });
}, 240_000);
afterAll(() => drop());

describe("the demo's year reports", () => {
  it("drafts the bloc's report with a narrative of live figures, issues and submits one grassroots report", async () => {
    const [bloc] = await demoBlocs(database.db);
    const items = (await listReports(ctx(), { orgId: bloc.id, year: 2026 })).items;
    const own = items.find((r) => r.orgId === bloc.id)!;
    expect(own.status).toBe('draft');
    const report = await getReport(ctx(), own.id);
    expect(report.flags).toEqual([]);
    const members = report.figures.find((f) => f.key === 'members')!;
    expect(report.rendered[0].text).toContain(`với ${members.total.toLocaleString('de-DE')} đảng viên`);
    expect(report.rendered[0].text).not.toMatch(/\{\{|chỉ số không tồn tại|thành phần không tồn tại/);
    expect(report.plan.targets.length).toBe(8);
    expect(report.plan.proposals.length).toBe(2);

    const issued = items.find((r) => r.orgId === bloc.grassroots[0])!;
    expect(issued).toMatchObject({ status: 'issued', number: '1-BC/ĐU', submittedOn: '2026-11-25' });
    const view = await rollUpReports(ctx(), { orgId: bloc.id, year: 2026 });
    expect(view.subordinates.filter((s) => s.reportId !== null).map((s) => s.orgId)).toEqual([bloc.grassroots[0]]);
    expect(view.figures.find((f) => f.key === 'members')).toMatchObject({ flagged: true, own: members.total });
  });
});
