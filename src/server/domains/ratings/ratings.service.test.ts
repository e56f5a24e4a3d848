import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase, ctxFor } from '../../test/test-database.js';
import { decision, makeMember, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import {
  closeRatingRound,
  decideMemberRating,
  decideOrgRating,
  excuseMemberRating,
  listMemberRatings,
  listOrgRatings,
  myRatings,
  openRatingItems,
  openRatingRound,
  proposeMemberRating,
  ratingQuotaUse,
  selfAssessMember,
} from './ratings.service.js';
import type { MemberRating } from '../../../shared/ratings.js';
import { sanctions } from '../../db/schema.js';
import { computeMetric, metricRecords } from '../metrics/metrics.service.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  tree = await makeTree(ctxFor(database));
});
afterAll(() => drop());

const proposal = (rating: Pick<MemberRating, 'version'>, score: number, grade: 'excellent' | 'good' | 'complete' | 'incomplete', excellent = false) => ({
  score,
  grade,
  excellentConditionsMet: excellent,
  tasksNotDone: false,
  proposedOn: '2025-12-10',
  version: rating.version,
});

describe('a review round of a committee’s term', () => {
  it('stands beside the yearly round, reads the sanctions of the whole term, and stays out of the yearly figures', async () => {
    const ctx = ctxFor(database);
    const other = await makeTree(ctx);
    const member = await makeMember(ctx, other.b1.id, { fullName: 'Tạ Văn Nhiệm' });
    // A reprimand in 2023: inside the term 2020–2025, outside the year 2025.
    await database.db.insert(sanctions).values({
      subjectKind: 'full_member',
      orgId: other.b1.id,
      orgPath: other.b1.path,
      memberId: member.id,
      offenceGroup: 'political_views',
      offence: 'Vi phạm quy định',
      offenceOn: '2023-03-01',
      state: 'decided',
      proposedForm: 'reprimand',
      proposedOn: '2023-04-01',
      proposedBy: 'Chi bộ',
      form: 'reprimand',
      decision: decision('2023-05-02'),
      effectiveOn: '2023-05-02',
    });
    const dates = { openedOn: '2025-12-01', dueOn: '2025-12-31' };
    const yearly = await openRatingRound(ctx, { orgId: other.b.id, year: 2025, ...dates });
    expect(yearly).toMatchObject({ kind: 'year', term: null });

    // Bad input, nothing written: no term, a year outside the term, a term on a yearly round, the same term above.
    expect(await refusal(openRatingRound(ctx, { orgId: other.b.id, kind: 'term', year: 2025, ...dates }))).toMatchObject({ field: 'term' });
    expect(await refusal(openRatingRound(ctx, { orgId: other.b.id, kind: 'term', term: '2015–2020', year: 2025, ...dates }))).toMatchObject({
      field: 'year',
    });
    expect(await refusal(openRatingRound(ctx, { orgId: other.a.id, kind: 'year', term: '2020–2025', year: 2025, ...dates }))).toMatchObject({
      field: 'term',
    });
    const termRound = await openRatingRound(ctx, { orgId: other.b.id, kind: 'term', term: '2020-2025', year: 2025, ...dates });
    expect(termRound).toMatchObject({ kind: 'term', term: '2020–2025', year: 2025, members: yearly.members });
    const again = await refusal(openRatingRound(ctx, { orgId: other.upper.id, kind: 'term', term: '2020–2025', year: 2025, ...dates }));
    expect(again).toMatchObject({ code: 'CONFLICT' });
    expect(again.message).toContain('Nhiệm kỳ 2020–2025');

    // The 2023 reprimand caps the term's grade, not the year's.
    const inYear = (await listMemberRatings(ctx, yearly.id, { orgId: other.b1.id })).find((r) => r.memberId === member.id)!;
    const proposedYear = await proposeMemberRating(ctx, inYear.id, proposal(inYear, 85, 'good'));
    expect(proposedYear.proposedGrade).toBe('good');
    const inTerm = (await listMemberRatings(ctx, termRound.id, { orgId: other.b1.id })).find((r) => r.memberId === member.id)!;
    const capped = await refusal(proposeMemberRating(ctx, inTerm.id, proposal(inTerm, 85, 'good')));
    expect(capped).toMatchObject({ code: 'RULE_VIOLATION', rule: 'rating_grade_caps' });
    expect(capped.message).toContain('khiển trách');

    // The yearly figures count the yearly round only: the member is not counted twice.
    const upper = ctxFor(database, await officialOf(ctx, other.b.id));
    const decidedYear = await decideMemberRating(upper, inYear.id, {
      grade: 'good',
      decidedOn: '2025-12-20',
      decision: decision('2025-12-20'),
      version: proposedYear.version,
    });
    expect(decidedYear.decidedGrade).toBe('good');
    const period = { orgId: other.b.id, from: '2025-01-01', to: '2025-12-31' };
    const byGrade = await computeMetric(upper, 'rating_members_by_grade', period);
    expect(byGrade.total).toBe(yearly.members);
    expect(byGrade.parts.find((p) => p.key === 'good')?.value).toBe(1);
  });
});

describe('a review round of members', () => {
  it('opens for a subtree, takes self-assessments, proposals and decisions, and keeps the excellent quota', async () => {
    const ctx = ctxFor(database);
    const names = ['Trần Văn Bình', 'Lê Thị Cúc', 'Phạm Văn Dũng', 'Hoàng Thị Én', 'Vũ Văn Giang', 'Đỗ Thị Hạnh', 'Ngô Văn Ích'];
    for (const fullName of names) await makeMember(ctx, tree.a1.id, { fullName });
    const round = await openRatingRound(ctx, { orgId: tree.a.id, year: 2025, openedOn: '2025-12-01', dueOn: '2025-12-31' });
    expect(round.members).toBe(names.length);
    expect(round.orgs).toBe(3); // A and its two cells
    const rows = await listMemberRatings(ctx, round.id, { orgId: tree.a1.id });
    expect(rows.map((r) => r.stage)).toEqual(names.map(() => 'pending'));

    // self-assessment in self-service: the member themselves
    const first = rows[0];
    const self = ctxFor(database, { userId: null, name: first.fullName, role: 'member', scope: { kind: 'self', memberId: first.memberId } });
    const assessed = await selfAssessMember(self, first.id, { score: 92, grade: 'excellent', assessedOn: '2025-12-05', version: first.version });
    expect(assessed.stage).toBe('self_assessed');
    expect((await myRatings(self)).map((r) => [r.year, r.selfScore])).toEqual([[2025, 92]]);
    // another member's sheet is out of reach
    expect(await refusal(selfAssessMember(self, rows[1].id, { score: 80, grade: 'good', assessedOn: '2025-12-05', version: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
    });

    // a score off the scale: refused with the rule and its source, nothing written
    const offScale = await refusal(proposeMemberRating(ctx, rows[1].id, proposal(rows[1], 120, 'good')));
    expect(offScale).toMatchObject({ code: 'RULE_VIOLATION', rule: 'rating_score_thresholds', source: expect.stringContaining('366-QĐ/TW') });
    expect(offScale.message).toContain('thang điểm 100');
    // a grade above the score's band
    expect(await refusal(proposeMemberRating(ctx, rows[1].id, proposal(rows[1], 75, 'excellent', true)))).toMatchObject({ rule: 'rating_score_thresholds' });
    // excellent without its conditions
    expect(await refusal(proposeMemberRating(ctx, rows[1].id, proposal(rows[1], 95, 'excellent')))).toMatchObject({
      rule: 'rating_excellent_min_exceeding_percent',
    });
    expect((await listMemberRatings(ctx, round.id, {}))[1]).toMatchObject({ stage: 'pending', proposedGrade: null, version: rows[1].version });

    // seven members: the first excellent, five good, then a second excellent breaks the 20% quota
    const current = () => listMemberRatings(ctx, round.id, { orgId: tree.a1.id });
    let list = await current();
    await proposeMemberRating(ctx, list[0].id, proposal(list[0], 93, 'excellent', true));
    for (const i of [1, 2, 3, 4, 5]) await proposeMemberRating(ctx, list[i].id, proposal(list[i], 80, 'good'));
    list = await current();
    const overQuota = await refusal(proposeMemberRating(ctx, list[6].id, proposal(list[6], 95, 'excellent', true)));
    expect(overQuota).toMatchObject({ code: 'RULE_VIOLATION', rule: 'rating_excellent_quota_percent', source: '21-HD/BTCTW (2019)' });
    expect(overQuota.message).toContain('tối đa 1');
    expect((await current())[6].proposedGrade).toBeNull();
    await proposeMemberRating(ctx, list[6].id, proposal(list[6], 95, 'good'));

    // decisions by the grassroots committee; a cell's official cannot decide
    list = await current();
    const cellOfficial = ctxFor(database, await officialOf(ctx, tree.a1.id, 'secretary'));
    expect(
      await refusal(
        decideMemberRating(cellOfficial, list[0].id, {
          grade: 'excellent',
          decidedOn: '2025-12-20',
          decision: decision('2025-12-20'),
          version: list[0].version,
        }),
      ),
    ).toMatchObject({ code: 'FORBIDDEN' });
    const committee = ctxFor(database, await officialOf(ctx, tree.a.id));
    for (const row of list)
      await decideMemberRating(committee, row.id, {
        grade: row.proposedGrade!,
        decidedOn: '2025-12-20',
        decision: decision('2025-12-20'),
        version: row.version,
      });
    expect(await ratingQuotaUse(committee, round.id)).toEqual([
      expect.objectContaining({ grassrootsOrgId: tree.a.id, goodOrAbove: 7, excellent: 1, allowed: 1, quotaPercent: 20 }),
    ]);

    // metrics: members by grade for the year, parts add up, and each part drills down to its members
    const period = { orgId: tree.a.id, from: '2025-01-01', to: '2025-12-31' };
    const byGrade = await computeMetric(committee, 'rating_members_by_grade', period);
    expect(byGrade.total).toBe(7);
    expect(Object.fromEntries(byGrade.parts.filter((p) => p.value > 0).map((p) => [p.key, p.value]))).toEqual({ excellent: 1, good: 6 });
    const excellent = await metricRecords(committee, 'rating_members_by_grade', { ...period, key: 'excellent', page: 1, pageSize: 50 });
    expect(excellent.items.map((r) => r.fullName)).toEqual([list[0].fullName]);
    expect((await computeMetric(committee, 'rating_members_by_grade', { ...period, from: '2026-01-01', to: '2026-12-31' })).total).toBe(0);
    const quota = await computeMetric(committee, 'rating_excellent_by_grassroots', period);
    expect(quota.parts.map((p) => [p.label, p.value])).toEqual([[tree.a.name, 1]]);
    const orgs = await computeMetric(committee, 'rating_orgs_by_grade', period);
    expect(orgs.total).toBe(3);
  });

  it('records excused members, lists the rest on the radar until the round closes, and refuses a sibling', async () => {
    const ctx = ctxFor(database);
    await makeMember(ctx, tree.b1.id, { fullName: 'Mai Văn Khoa' });
    await makeMember(ctx, tree.b1.id, { fullName: 'Đào Thị Lan' });
    await makeMember(ctx, tree.b1.id, { fullName: 'Lý Thị Mai', status: 'probationary', admittedOn: '2025-09-02', confirmedOn: null });
    const round = await openRatingRound(ctx, { orgId: tree.b.id, year: 2025, openedOn: '2025-12-01', dueOn: '2025-12-31' });
    // the same year again, above it: refused
    expect(await refusal(openRatingRound(ctx, { orgId: tree.upper.id, year: 2025, openedOn: '2025-12-01', dueOn: '2025-12-31' }))).toMatchObject({
      code: 'CONFLICT',
    });
    const official = ctxFor(database, await officialOf(ctx, tree.b.id));
    const [first] = await listMemberRatings(official, round.id, {});
    // "newly admitted" only for a member admitted under the rulebook's months before the round opened
    const notNew = await refusal(excuseMemberRating(official, first.id, { reason: 'newly_admitted', version: first.version }));
    expect(notNew).toMatchObject({ code: 'RULE_VIOLATION', rule: 'rating_newly_admitted_excuse_months', fields: ['reason'] });
    expect(notNew.message).toContain('19/05/2010');
    const excused = await excuseMemberRating(official, first.id, { reason: 'illness', version: first.version });
    expect(excused).toMatchObject({ stage: 'excused', excuse: 'illness' });
    const newest = (await listMemberRatings(official, round.id, {})).find((r) => r.fullName === 'Lý Thị Mai')!;
    expect(await excuseMemberRating(official, newest.id, { reason: 'newly_admitted', version: newest.version })).toMatchObject({ excuse: 'newly_admitted' });
    const radar = await openRatingItems(official);
    expect(radar).toEqual([expect.objectContaining({ roundId: round.id, orgId: tree.b1.id, pending: 1 })]);

    const sibling = ctxFor(database, await officialOf(ctx, tree.a.id));
    expect(await refusal(listMemberRatings(sibling, round.id, {}))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(excuseMemberRating(sibling, first.id, { reason: 'leave', version: excused.version }))).toMatchObject({ code: 'NOT_FOUND' });

    await closeRatingRound(official, round.id, { closedOn: '2026-01-05', version: 1 });
    expect(await openRatingItems(official)).toEqual([]);
    const [, second] = await listMemberRatings(official, round.id, {});
    expect(await refusal(proposeMemberRating(official, second.id, proposal(second, 80, 'good')))).toMatchObject({ code: 'CONFLICT' });
  });

  it('reads the sanctions of the year from the discipline records: a reprimanded member is at most complete', async () => {
    const ctx = ctxFor(database);
    const other = await makeTree(ctx);
    const member = await makeMember(ctx, other.b1.id, { fullName: 'Lý Văn Phạt' });
    await database.db.insert(sanctions).values({
      subjectKind: 'full_member',
      orgId: other.b1.id,
      orgPath: other.b1.path,
      memberId: member.id,
      offenceGroup: 'political_views',
      offence: 'Vi phạm quy định',
      offenceOn: '2025-03-01',
      state: 'decided',
      proposedForm: 'reprimand',
      proposedOn: '2025-04-01',
      proposedBy: 'Chi bộ',
      form: 'reprimand',
      decision: decision('2025-05-02'),
      effectiveOn: '2025-05-02',
    });
    const round = await openRatingRound(ctx, { orgId: other.b.id, year: 2025, openedOn: '2025-12-01', dueOn: '2025-12-31' });
    const [rating] = await listMemberRatings(ctx, round.id, { orgId: other.b1.id });
    const refused = await refusal(proposeMemberRating(ctx, rating.id, proposal(rating, 85, 'good')));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', rule: 'rating_grade_caps', source: expect.stringContaining('366-QĐ/TW') });
    expect(refused.message).toContain('khiển trách');
    expect((await listMemberRatings(ctx, round.id, { orgId: other.b1.id }))[0].proposedGrade).toBeNull();
    expect((await proposeMemberRating(ctx, rating.id, proposal(rating, 85, 'complete'))).proposedGrade).toBe('complete');
    // the cell itself then had a disciplined member, but not a leader: the cell's grade is not capped by it
    const cell = (await listOrgRatings(ctx, round.id)).find((o) => o.orgId === other.b1.id)!;
    const upper = ctxFor(database, await officialOf(ctx, other.b.id));
    const decided = await decideOrgRating(upper, cell.id, {
      score: 91,
      grade: 'excellent',
      excellentConditionsMet: true,
      tasksNotDone: false,
      disciplinedSubUnitOrLeader: false,
      title: null,
      decidedOn: '2025-12-22',
      decision: decision('2025-12-22'),
      version: cell.version,
    });
    expect(decided.decidedGrade).toBe('excellent');
  });

  it('rates organisations by the upper committee, with titles only for excellent ones and the sub-unit cap', async () => {
    const ctx = ctxFor(database);
    const { makeTree: again } = await import('../../test/factories.js');
    const other = await again(ctx);
    const round = await openRatingRound(ctx, { orgId: other.a.id, year: 2025, openedOn: '2025-12-01', dueOn: '2025-12-31' });
    const orgs = await listOrgRatings(ctx, round.id);
    const cell = orgs.find((o) => o.orgId === other.a1.id)!;
    const upper = ctxFor(database, await officialOf(ctx, other.a.id));
    const cellOfficial = ctxFor(database, await officialOf(ctx, other.a1.id));
    const base = {
      score: 92,
      excellentConditionsMet: true,
      tasksNotDone: false,
      disciplinedSubUnitOrLeader: false,
      decidedOn: '2025-12-22',
      decision: decision('2025-12-22'),
      version: cell.version,
    };
    expect(await refusal(decideOrgRating(cellOfficial, cell.id, { ...base, grade: 'excellent', title: null }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(decideOrgRating(upper, cell.id, { ...base, grade: 'good', title: 'clean_strong' }))).toMatchObject({ field: 'title' });
    expect(
      await refusal(decideOrgRating(upper, cell.id, { ...base, grade: 'excellent', disciplinedSubUnitOrLeader: true, title: 'clean_strong' })),
    ).toMatchObject({ rule: 'rating_grade_caps' });
    const decided = await decideOrgRating(upper, cell.id, { ...base, grade: 'excellent', title: 'clean_strong' });
    expect(decided).toMatchObject({ decidedGrade: 'excellent', title: 'clean_strong' });
  });
});
