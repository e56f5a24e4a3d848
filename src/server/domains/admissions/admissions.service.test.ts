import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { decision, makeMember, makeOrg, makeTree, officialOf } from '../../test/factories.js';
import { refusal } from '../../test/refusals.js';
import { clockAt, createTestDatabase, ctxFor } from '../../test/test-database.js';
import { memberHistory } from '../members/members.service.js';
import { recordMembershipEvent } from '../members/membership-events.service.js';
import { computeMetric, metricRecords } from '../metrics/metrics.service.js';
import { closeCandidate, holdCeremony, recordAdmissionDecision, recordCellResolution, recordCommitteeResolution } from './admission-steps.service.js';
import { admissionDecisionDocx, confirmationDecisionDocx } from './admissions.documents.js';
import { openAdmissionDeadlines } from './admissions.deadlines.js';
import { docxText } from '../../test/documents.js';
import { candidateInput, completeDossier, cellVote, committeeVote, upperDecision } from './admissions.test-helper.js';
import { createCandidate, getCandidate, listCandidates, updateCandidate } from './candidates.service.js';
import { decideProbation, getProbation, recordProbationReview } from './confirmation.service.js';

let database: Database;
let drop: () => Promise<void>;
let tree: Awaited<ReturnType<typeof makeTree>>;
let base: Ctx;
/** Three full members of cell A1; the first two introduce the candidates. */
let introducers: [number, number];
let probationaryMemberId: number;

const today = '2026-11-27';

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  base = clockAt(ctxFor(database), today);
  tree = await makeTree(base);
  const a = await makeMember(base, tree.a1.id, { fullName: 'Đinh Công Tráng' });
  const b = await makeMember(base, tree.a1.id, { fullName: 'Quách Thị Loan' });
  await makeMember(base, tree.a1.id, { fullName: 'Bạch Văn Cường' });
  introducers = [a.id, b.id];
  const probationary = await makeMember(base, tree.a1.id, {
    fullName: 'Xa Văn Tính',
    status: 'probationary',
    confirmedOn: null,
    admittedOn: '2025-06-01',
    decision: decision('2025-06-01'),
  });
  probationaryMemberId = probationary.id;
});
afterAll(() => drop());

/** Where a candidate's file is: a cell and two of its full members who introduce them. */
type Cell = { orgId: number; introducers: [number, number]; parentId?: number };

/**
 * A cell of its own with three full members (the first two introduce): tests that count a cell's members, or a scope's
 * admissions, do not depend on what other tests recorded in A1. Under a grassroots committee of its own when `alone`.
 */
async function freshCell(name: string, alone = false): Promise<Cell> {
  const parentId = alone ? (await makeOrg(base, 'grassroots_committee', tree.upper.id, { name: `Đảng bộ ${name}` })).id : tree.a.id;
  const cell = await makeOrg(base, 'cell', parentId, { name: `Chi bộ ${name}` });
  const a = await makeMember(base, cell.id, { fullName: 'Đinh Công Tráng' });
  const b = await makeMember(base, cell.id, { fullName: 'Quách Thị Loan' });
  await makeMember(base, cell.id, { fullName: 'Bạch Văn Cường' });
  return { orgId: cell.id, introducers: [a.id, b.id], parentId };
}

async function candidateReadyForDecision(ctx: Ctx, overrides: Parameters<typeof candidateInput>[2] = {}, cell: Cell = { orgId: tree.a1.id, introducers }) {
  const created = await createCandidate(ctx, candidateInput(cell.orgId, cell.introducers, overrides));
  const resolved = await recordCellResolution(ctx, created.id, cellVote(created.version));
  return recordCommitteeResolution(ctx, resolved.id, committeeVote(resolved.version));
}

/** A probationary member admitted through every step. */
async function admittedMember(ceremonyDate = '2025-10-20', decisionDate = '2025-10-01', cell?: Cell) {
  const ready = await candidateReadyForDecision(base, {}, cell);
  const decided = await recordAdmissionDecision(base, ready.id, upperDecision(ready.version, `${ready.id}-QĐ/ĐUK`, decisionDate, decisionDate));
  const admitted = await holdCeremony(base, ready.id, { version: decided.version, ceremonyDate, upperCommitteeConsent: null, profileNumber: null });
  return admitted.memberId!;
}

/** The cell's and the grassroots committee's reviews of a probation, both proposing `proposal`. */
async function reviewed(memberId: number, proposal: 'confirm' | 'strike_off' = 'confirm') {
  await recordProbationReview(base, memberId, {
    kind: 'cell',
    proposal,
    decision: { ...decision('2026-10-26'), issuer: 'Chi bộ' },
    inFavour: 3,
    against: 0,
    eligible: null,
  });
  return recordProbationReview(base, memberId, {
    kind: 'committee',
    proposal,
    decision: { ...decision('2026-11-03'), issuer: 'Đảng ủy cơ sở' },
    inFavour: 7,
    against: 0,
    eligible: 7,
  });
}

describe('admission journey: candidate → probationary → full member', () => {
  it('records each dated step, makes a probationary member at the ceremony and a full member from the end of probation', async () => {
    const ctx = base;
    const own = await freshCell('Hành trình');
    const created = await createCandidate(ctx, candidateInput(own.orgId, own.introducers));
    expect(created).toMatchObject({ state: 'candidate', missingDossier: [], nextStep: { step: 'cell_resolution' }, cellFullMembers: 3 });

    const cell = await recordCellResolution(ctx, created.id, cellVote(created.version));
    expect(cell.state).toBe('cell_resolved');
    // The cell's full members on the resolution's day, counted, not typed.
    expect(cell.steps.at(-1)?.details).toMatchObject({ inFavour: 3, eligible: 3, eligibleComputed: 3 });
    expect(cell.nextStep.step).toBe('committee_resolution');

    const committee = await recordCommitteeResolution(ctx, created.id, committeeVote(cell.version));
    expect(committee.nextStep.step).toBe('decision');

    const decided = await recordAdmissionDecision(ctx, created.id, upperDecision(committee.version, '412-QĐ/ĐUK'));
    expect(decided.state).toBe('decided');
    // 30 working days from Friday 3/10/2025: 20 in October, 10 in November.
    expect(decided.nextStep).toMatchObject({ step: 'ceremony', dueOn: '2025-11-14' });

    const admitted = await holdCeremony(ctx, created.id, {
      version: decided.version,
      ceremonyDate: '2025-10-20',
      upperCommitteeConsent: null,
      profileNumber: 'LL-0193',
    });
    expect(admitted.state).toBe('admitted');
    expect(admitted.memberId).toEqual(expect.any(Number));
    const memberId = admitted.memberId!;

    const history = await memberHistory(ctx, memberId);
    expect(history.events).toEqual([
      expect.objectContaining({
        kind: 'admission',
        occurredOn: '2025-10-20',
        statusAfter: 'probationary',
        decision: expect.objectContaining({ number: '412-QĐ/ĐUK' }),
      }),
    ]);
    expect(history.periods).toEqual([expect.objectContaining({ status: 'probationary', validFrom: '2025-10-20', validTo: null, orgId: own.orgId })]);

    const probation = await getProbation(ctx, memberId);
    expect(probation).toMatchObject({ status: 'probationary', ceremonyDate: '2025-10-20', probationEnd: '2026-10-20', candidateId: created.id });

    await recordProbationReview(ctx, memberId, {
      kind: 'cell',
      proposal: 'confirm',
      decision: { ...decision('2026-10-26'), issuer: 'Chi bộ' },
      inFavour: 3,
      against: 0,
      eligible: null,
    });
    const reviewed = await recordProbationReview(ctx, memberId, {
      kind: 'committee',
      proposal: 'confirm',
      decision: { ...decision('2026-11-03'), issuer: 'Đảng ủy cơ sở' },
      inFavour: 6,
      against: 1,
      eligible: 7,
    });
    expect(reviewed.reviews.map((r) => [r.kind, r.eligible])).toEqual([
      ['cell', 3],
      ['committee', 7],
    ]);

    const confirmed = await decideProbation(ctx, memberId, {
      version: reviewed.version,
      outcome: 'confirmed',
      decision: { number: '530-QĐ/ĐUK', date: '2026-11-12', issuer: 'Đảng ủy Khối các cơ quan tỉnh' },
      signing: { place: 'Phú Thọ', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: 'Hà Văn Khánh' },
    });
    expect(confirmed).toMatchObject({ status: 'full', outcome: { kind: 'confirmed', fullFrom: '2026-10-20' } });
    const after = await memberHistory(ctx, memberId);
    expect(after.events.map((e) => e.kind)).toEqual(['admission', 'confirmation']);
    expect(after.periods.at(-1)).toMatchObject({ status: 'full', validTo: null });

    const admissionDoc = await docxText((await admissionDecisionDocx(ctx, created.id)).content);
    expect(admissionDoc).toContain('412-QĐ/ĐUK');
    expect(admissionDoc).toContain('Lò Thị Minh Hằng');
    expect(admissionDoc).toContain('Quy định số 294-QĐ/TW');
    const confirmationDoc = await docxText((await confirmationDecisionDocx(ctx, memberId)).content);
    expect(confirmationDoc).toContain('530-QĐ/ĐUK');
    expect(confirmationDoc).toContain('Lò Thị Minh Hằng');
    expect(confirmationDoc).toContain('kể từ ngày 20/10/2026');
    expect(confirmationDoc).toContain('412-QĐ/ĐUK');
  });

  it('goes from the cell straight to the upper committee in a grassroots cell, and refuses the committee step there', async () => {
    const cell = await makeOrg(base, 'grassroots_cell', tree.upper.id, { name: 'Chi bộ Báo Phú Thọ' });
    const c = await makeMember(base, cell.id, { fullName: 'Trịnh Văn Bô' });
    const d = await makeMember(base, cell.id, { fullName: 'Hứa Thị Mai' });
    await makeMember(base, cell.id, { fullName: 'Lê Văn Hưu' });
    const created = await createCandidate(base, candidateInput(cell.id, [c.id, d.id], { fullName: 'Vi Văn Định' }));
    const resolved = await recordCellResolution(base, created.id, cellVote(created.version));
    expect(resolved).toMatchObject({ cellIsGrassroots: true, nextStep: { step: 'decision' } });
    const refused = await refusal(recordCommitteeResolution(base, created.id, committeeVote(resolved.version)));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('Chi bộ cơ sở không có bước đảng ủy cơ sở xét');
    const decided = await recordAdmissionDecision(base, created.id, upperDecision(resolved.version, '88-QĐ/ĐUK'));
    expect(decided.state).toBe('decided');
  });
});

describe('admission rules, each refused with its rule and source', () => {
  it.each([
    [
      '17 years 11 months on the day of the cell',
      { birthDate: '2007-09-11' },
      'admission_min_age_months',
      'Điều lệ Đảng 2011, Điều 1; 294-QĐ/TW',
      ['birthDate'],
    ],
    ['60 years 1 month without a special decision', { birthDate: '1965-08-10' }, 'admission_max_age_months', '294-QĐ/TW', ['birthDate']],
    [
      'an awareness certificate older than 5 years',
      { awarenessCertificate: { number: null, issuedOn: '2020-09-10' } },
      'awareness_certificate_validity_years',
      '06-HD/TW (9/6/2025)',
      ['awarenessCertificate'],
    ],
    ['an introducer known 11 months', { introducers: 'short' }, 'introducer_known_months', 'Điều lệ Đảng 2011, Điều 4', ['introducers.1.knownSince']],
    ['the same introducer twice', { introducers: 'same' }, 'introducer_count', 'Điều lệ Đảng 2011, Điều 4', ['introducers']],
    ['a probationary introducer', { introducers: 'probationary' }, 'introducer_count', 'Điều lệ Đảng 2011, Điều 4', ['introducers.1.memberId']],
  ] as const)('refuses the cell resolution for %s', async (_case, change, rule, source, fields) => {
    const [first, second] = introducers;
    const introducerChange =
      'introducers' in change
        ? {
            introducers:
              change.introducers === 'short'
                ? [
                    { memberId: first, knownSince: '2023-06-01' },
                    { memberId: second, knownSince: '2024-10-11' },
                  ]
                : change.introducers === 'same'
                  ? [
                      { memberId: first, knownSince: '2023-06-01' },
                      { memberId: first, knownSince: '2023-06-01' },
                    ]
                  : [
                      { memberId: first, knownSince: '2023-06-01' },
                      { memberId: probationaryMemberId, knownSince: '2023-06-01' },
                    ],
          }
        : change;
    const created = await createCandidate(base, candidateInput(tree.a1.id, introducers, introducerChange));
    const refused = await refusal(recordCellResolution(base, created.id, cellVote(created.version)));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', rule, fields });
    expect(refused.source).toContain(source);
    expect(refused.message).toContain(source);
    expect((await getCandidate(base, created.id)).state).toBe('candidate');
  });

  it('admits a candidate over 60 with a recorded special decision', async () => {
    const created = await createCandidate(
      base,
      candidateInput(tree.a1.id, introducers, { birthDate: '1965-08-10', specialAgeDecision: decision('2025-08-20') }),
    );
    expect((await recordCellResolution(base, created.id, cellVote(created.version))).state).toBe('cell_resolved');
  });

  it('refuses a cell vote below 2/3 of the full members counted on the day, and a committee vote below 2/3', async () => {
    const own = await freshCell('Biểu quyết');
    const created = await createCandidate(base, candidateInput(own.orgId, own.introducers));
    const cell = await refusal(recordCellResolution(base, created.id, cellVote(created.version, '2025-09-10', { inFavour: 1, against: 2 })));
    expect(cell).toMatchObject({ code: 'RULE_VIOLATION', rule: 'admission_vote_ratio', fields: ['inFavour'], source: 'Điều lệ Đảng 2011, Điều 4' });
    expect(cell.message).toContain('3 đảng viên chính thức của chi bộ, tức 2 phiếu; mới có 1 phiếu');

    const resolved = await recordCellResolution(base, created.id, cellVote(created.version));
    const committee = await refusal(recordCommitteeResolution(base, created.id, committeeVote(resolved.version, '2025-09-20', { inFavour: 4, eligible: 7 })));
    expect(committee).toMatchObject({ code: 'RULE_VIOLATION', rule: 'admission_committee_vote_ratio', fields: ['inFavour'] });
    expect(committee.message).toContain('5 phiếu');
  });

  it('refuses the cell resolution while the dossier misses a paper, naming it', async () => {
    const created = await createCandidate(base, candidateInput(tree.a1.id, introducers, { dossier: { application: { done: true, date: '2025-08-01' } } }));
    expect(created.nextStep.step).toBe('dossier');
    const refused = await refusal(recordCellResolution(base, created.id, cellVote(created.version)));
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', fields: ['dossier'] });
    expect(refused.message).toContain('lý lịch của người xin vào đảng');
  });

  it('needs the Youth Union introduction only from a Youth Union member', async () => {
    const dossier = Object.fromEntries(Object.entries(candidateInput(0, introducers).dossier).filter(([item]) => item !== 'youth_union_introduction'));
    const member = await createCandidate(base, candidateInput(tree.a1.id, introducers, { youthUnionMember: true, dossier }));
    const notMember = await createCandidate(base, candidateInput(tree.a1.id, introducers, { youthUnionMember: false, dossier }));
    expect(member.missingDossier).toEqual(['youth_union_introduction']);
    expect(notMember.missingDossier).toEqual([]);
  });

  it('refuses a ceremony after 30 working days from receiving the decision unless the upper committee consents', async () => {
    const ready = await candidateReadyForDecision(base);
    const decided = await recordAdmissionDecision(base, ready.id, upperDecision(ready.version, '413-QĐ/ĐUK'));
    const late = { version: decided.version, ceremonyDate: '2025-11-17', upperCommitteeConsent: null, profileNumber: null };
    const refused = await refusal(holdCeremony(base, decided.id, late));
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', rule: 'ceremony_deadline_working_days', fields: ['ceremonyDate'], source: '294-QĐ/TW' });
    expect(refused.message).toContain('chậm nhất ngày 14/11/2025');
    expect((await getCandidate(base, decided.id)).memberId).toBeNull();
    const consented = await holdCeremony(base, decided.id, { ...late, upperCommitteeConsent: decision('2025-11-12') });
    expect(consented.state).toBe('admitted');
  });

  it('warns on the file, before the vote, what the rules would refuse today', async () => {
    const fresh = completeDossier('2026-10-01');
    const fine = await createCandidate(base, candidateInput(tree.a1.id, introducers, { dossier: fresh }));
    expect(fine.checksToday).toEqual([]);
    const expired = await createCandidate(
      base,
      candidateInput(tree.a1.id, introducers, { dossier: fresh, awarenessCertificate: { number: null, issuedOn: '2020-09-10' } }),
    );
    expect(expired.checksToday).toEqual([expect.objectContaining({ field: 'awarenessCertificate', message: expect.stringContaining('đã hết hạn') })]);
    // Papers older than the rulebook's 12 months are flagged before the cell considers the file; so is a missing education.
    const stale = await createCandidate(
      base,
      candidateInput(tree.a1.id, introducers, { dossier: { ...fresh, application: { done: true, date: '2025-11-26' } }, lowerSecondary: null }),
    );
    expect(stale.checksToday.map((c) => c.field)).toEqual(['lowerSecondary', 'dossier.application.date']);
  });

  it('keeps what the cell checked fixed once it has resolved, while other details stay editable', async () => {
    const created = await createCandidate(base, candidateInput(tree.a1.id, introducers));
    const resolved = await recordCellResolution(base, created.id, cellVote(created.version));
    expect(await refusal(updateCandidate(base, created.id, { version: resolved.version, birthDate: '1999-01-01' }))).toMatchObject({
      code: 'CONFLICT',
      fields: ['birthDate'],
    });
    expect((await updateCandidate(base, created.id, { version: resolved.version, job: 'Kỹ sư', birthDate: resolved.birthDate })).job).toBe('Kỹ sư');
  });

  it('refuses a step dated before the step it follows, a step in the future, and a stale version', async () => {
    const created = await createCandidate(base, candidateInput(tree.a1.id, introducers));
    const cell = await recordCellResolution(base, created.id, cellVote(created.version));
    expect(await refusal(recordCommitteeResolution(base, created.id, committeeVote(cell.version, '2025-09-01')))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: ['decision.date'],
    });
    expect(await refusal(recordCommitteeResolution(base, created.id, committeeVote(cell.version, '2026-12-01')))).toMatchObject({
      code: 'INVALID_INPUT',
      fields: ['decision.date'],
    });
    expect(await refusal(recordCommitteeResolution(base, created.id, committeeVote(created.version)))).toMatchObject({ code: 'CONFLICT', fields: ['version'] });
  });

  it('closes a file as withdrawn and then refuses further steps and edits', async () => {
    const created = await createCandidate(base, candidateInput(tree.a1.id, introducers));
    const closed = await closeCandidate(base, created.id, {
      version: created.version,
      outcome: 'withdrawn',
      decision: decision('2025-09-01'),
      reason: 'Chuyển công tác ra nước ngoài',
    });
    expect(closed).toMatchObject({ state: 'withdrawn', nextStep: { step: 'none' } });
    expect(await refusal(recordCellResolution(base, created.id, cellVote(closed.version)))).toMatchObject({ code: 'CONFLICT' });
    expect(await refusal(updateCandidate(base, created.id, { version: closed.version, job: 'Kỹ sư' }))).toMatchObject({ code: 'CONFLICT' });
  });
});

describe('confirmation', () => {
  it('refuses to confirm before 12 months of probation, citing the Charter', async () => {
    const memberId = await admittedMember('2025-12-01', '2025-11-25');
    const refused = await refusal(
      recordProbationReview(base, memberId, {
        kind: 'cell',
        proposal: 'confirm',
        decision: { ...decision('2026-11-20'), issuer: 'Chi bộ' },
        inFavour: 3,
        against: 0,
        eligible: null,
      }),
    );
    expect(refused).toMatchObject({ code: 'RULE_VIOLATION', rule: 'probation_months', source: 'Điều lệ Đảng 2011, Điều 5', fields: ['decision.date'] });
    expect(refused.message).toContain('01/12/2026');
  });

  it('lets exactly one of two simultaneous confirmations land; the other gets a conflict', async () => {
    const memberId = await admittedMember();
    const view = await reviewed(memberId);
    const confirm = (number: string) =>
      decideProbation(base, memberId, {
        version: view.version,
        outcome: 'confirmed',
        decision: { number, date: '2026-11-12', issuer: 'Đảng ủy Khối các cơ quan tỉnh' },
        signing: { place: '', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: '' },
      });
    const results = await Promise.allSettled([confirm('601-QĐ/ĐUK'), confirm('602-QĐ/ĐUK')]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason).toBeInstanceOf(AppError);
    expect(rejected[0].reason).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('đã được người khác sửa') });
    const events = (await memberHistory(base, memberId)).events.filter((e) => e.kind === 'confirmation');
    expect(events).toHaveLength(1);
  });

  it('strikes a probationer off, marked as from probation, and counts it in the metrics', async () => {
    const memberId = await admittedMember();
    const view = await reviewed(memberId, 'strike_off');
    const struck = await decideProbation(base, memberId, {
      version: view.version,
      outcome: 'struck_off',
      decision: { number: '603-QĐ/ĐUK', date: '2026-11-12', issuer: 'Đảng ủy Khối các cơ quan tỉnh' },
      signing: { place: '', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: '' },
      reason: 'Không đủ tư cách đảng viên',
    });
    expect(struck).toMatchObject({ status: 'struck_off', outcome: { kind: 'struck_off', fullFrom: null } });
    const event = (await memberHistory(base, memberId)).events.at(-1);
    expect(event).toMatchObject({ kind: 'strike_off', details: expect.objectContaining({ fromProbation: true }) });

    const period = { orgId: tree.a.id, from: '2026-01-01', to: today };
    const strikeOffs = await computeMetric(base, 'probation_strike_offs', period);
    expect(strikeOffs.total).toBe(1);
    const records = await metricRecords(base, 'probation_strike_offs', { ...period, page: 1, pageSize: 10 });
    expect(records.items.map((r) => r.id)).toEqual([memberId]);
    // An ordinary strike-off (not from probation) stays out of it.
    const full = await makeMember(base, tree.a1.id, { fullName: 'Mã Văn Khang' });
    await recordMembershipEvent(base, full.id, { kind: 'strike_off', occurredOn: '2026-11-20', decision: decision('2026-11-20'), toOrgId: null, details: {} });
    expect((await computeMetric(base, 'probation_strike_offs', period)).total).toBe(1);
  });

  it('refuses a decision that no cell review supports', async () => {
    const memberId = await admittedMember();
    const view = await getProbation(base, memberId);
    const refused = await refusal(
      decideProbation(base, memberId, {
        version: view.version,
        outcome: 'confirmed',
        decision: { number: '604-QĐ/ĐUK', date: '2026-11-12', issuer: 'Đảng ủy Khối' },
        signing: { place: '', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: '' },
      }),
    );
    expect(refused).toMatchObject({ code: 'CONFLICT', fields: ['outcome'] });
  });
});

describe('metrics, lists, deadlines and scope', () => {
  it('counts admissions and confirmations for a scope and period, with the records behind them', async () => {
    const own = await freshCell('Chỉ số', true);
    const scope = own.parentId!;
    const confirmed = await admittedMember('2025-10-20', '2025-10-01', own);
    await admittedMember('2025-11-03', '2025-10-20', own);
    const view = await reviewed(confirmed);
    await decideProbation(base, confirmed, {
      version: view.version,
      outcome: 'confirmed',
      decision: { number: '605-QĐ/ĐUK', date: '2026-11-12', issuer: 'Đảng ủy Khối các cơ quan tỉnh' },
      signing: { place: '', signerAuthority: 'T/M BAN THƯỜNG VỤ', signerTitle: 'BÍ THƯ', signerName: '' },
    });

    const admissions = await computeMetric(base, 'admissions', { orgId: scope, from: '2025-01-01', to: '2025-12-31' });
    expect(admissions.total).toBe(2);
    expect(admissions.parts.map((p) => p.key)).toEqual(['male', 'female']);
    expect(admissions.parts.reduce((sum, p) => sum + p.value, 0)).toBe(admissions.total);
    const changes = await computeMetric(base, 'membership_changes', { orgId: scope, from: '2025-01-01', to: '2025-12-31' });
    expect(changes.parts.find((p) => p.key === 'admission')?.value).toBe(admissions.total);
    const confirmations = await computeMetric(base, 'confirmations', { orgId: scope, from: '2026-01-01', to: today });
    expect(confirmations.total).toBe(1);
    expect((await metricRecords(base, 'confirmations', { orgId: scope, from: '2026-01-01', to: today, page: 1, pageSize: 10 })).items.map((r) => r.id)).toEqual(
      [confirmed],
    );
    // Nothing in the sibling organisation.
    expect((await computeMetric(base, 'admissions', { orgId: tree.b.id, from: '2025-01-01', to: '2025-12-31' })).total).toBe(0);
  });

  it('lists open candidates of the scope only, with their next step', async () => {
    const sibling = await officialOf(base, tree.b.id);
    const own = await officialOf(base, tree.a.id);
    await createCandidate(base, candidateInput(tree.a1.id, introducers, { fullName: 'Hà Thị Mới' }));
    const ownList = await listCandidates({ ...base, actor: own }, { page: 1, pageSize: 200 });
    expect(ownList.total).toBeGreaterThan(0);
    expect(ownList.items.every((c) => !['admitted', 'withdrawn', 'rejected'].includes(c.state))).toBe(true);
    expect(ownList.items[0].nextStep.label).toEqual(expect.any(String));
    expect((await listCandidates({ ...base, actor: sibling }, { page: 1, pageSize: 200 })).total).toBe(0);
    const refused = await refusal(getCandidate({ ...base, actor: sibling }, ownList.items[0].id));
    expect(refused.code).toBe('NOT_FOUND');
  });

  it('lists decisions and ceremonies due, and probations ending, most urgent first', async () => {
    await candidateReadyForDecision(base, { fullName: 'Chờ Quyết Định' });
    const awaitingCeremony = await candidateReadyForDecision(base, { fullName: 'Chờ Kết Nạp' });
    await recordAdmissionDecision(base, awaitingCeremony.id, upperDecision(awaitingCeremony.version, '414-QĐ/ĐUK'));
    const items = await openAdmissionDeadlines(base);
    const kinds = new Set(items.map((i) => i.kind));
    expect(kinds).toEqual(new Set(['admission_decision_due', 'admission_ceremony_due', 'probation_ending']));
    expect(items.map((i) => i.dueOn)).toEqual([...items.map((i) => i.dueOn)].sort());
    // Every decision due in 2025 is long past on 27/11/2026.
    expect(items.filter((i) => i.kind === 'admission_decision_due').every((i) => i.severity === 'overdue')).toBe(true);
    const probation = items.find((i) => i.kind === 'probation_ending' && i.memberId === probationaryMemberId);
    expect(probation).toMatchObject({ orgId: tree.a1.id, severity: 'overdue' });
    expect(probation?.label).toContain('hết dự bị ngày 01/06/2026');
    const sibling = await officialOf(base, tree.b.id);
    expect(await openAdmissionDeadlines({ ...base, actor: sibling })).toEqual([]);
  });
});
