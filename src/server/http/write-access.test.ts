import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { queryOne, queryRows, type Database } from '../db/client.js';
import { createTestDatabase, ctxFor } from '../test/test-database.js';
import { decision, makeMember, makeTree } from '../test/factories.js';
import { loginClient, PASSWORD, type TestClient } from '../test/http-client.js';
import { expectRefusal } from '../test/refusals.js';
import { createUser } from '../domains/users/users.service.js';
import { createCandidate } from '../domains/admissions/candidates.service.js';
import { candidateInput, cellVote, committeeVote, upperDecision } from '../domains/admissions/admissions.test-helper.js';
import { createTransfer } from '../domains/transfers/transfers.service.js';
import { appointToCommittee } from '../domains/committees/committees.service.js';
import { insertImport } from '../domains/imports/imports.queries.js';
import { createTarget } from '../domains/targets/targets.service.js';
import { createTask } from '../domains/targets/tasks.service.js';
import { createProposal } from '../domains/proposals/proposals.service.js';
import { saveHoliday } from '../domains/calendar/calendar.service.js';
import { openCase } from '../domains/inspection/inspection.service.js';
import { createPlan } from '../domains/inspection/plans.service.js';
import { registerDenunciation } from '../domains/inspection/denunciations.service.js';
import { caseInput, denunciationInput } from '../domains/inspection/inspection.test-helper.js';
import { planMeeting } from '../domains/meetings/meetings.service.js';
import { createDocument } from '../domains/study/study.service.js';
import { decideSanction, proposeSanction, receiveAppeal } from '../domains/discipline/discipline.service.js';
import { recordNotice } from '../domains/discipline/discipline-notices.service.js';
import { noticeInput, sanctionProposalInput } from '../../shared/discipline.js';
import { listMemberRatings, listOrgRatings, openRatingRound } from '../domains/ratings/ratings.service.js';
import { createReport, issueReport, reviewReport } from '../domains/reports/reports.service.js'; // reports
import { createArticle, createCategory } from '../domains/portal/portal.service.js'; // portal
import { doneDateFields } from './input-guards.js';
import { databaseErrorOf } from './error-handler.js';
import { workflowEventKinds } from '../../shared/member.js';
import type { UserRole } from '../../shared/auth.js';
import { refusalMessage, rolesAllowed, type PermissionAction } from '../../shared/permissions.js';

/**
 * Every write route of the OpenAPI description, for every role and for targets in the own scope, a sibling and the
 * parent organisation (in the path and in the body): a role without the right gets 403, a target outside the scope
 * 404, and nothing changes. A write route without a case here fails the test: a new module adds its cases.
 * Each guarded route names its action in the permission table (shared/permissions.ts): the table must allow exactly
 * the writers listed here, and a refusal must carry that action's message, so it came from `assertCan(ctx, action)`.
 */

const TODAY = '2026-11-27';
const DAY = '2026-11-20';
const TOMORROW = '2026-11-28';
const HOLIDAY_TO_DELETE = '2099-01-06';
const roles = ['admin', 'org_staff', 'inspection_staff', 'office_staff', 'secretary', 'member', 'editor', 'approver'] as const satisfies readonly UserRole[]; // portal: editor, approver
type Role = (typeof roles)[number];
/** Own: inside the scope of the officials (organisation A); sibling: organisation B; parent: the upper committee. */
type Place = 'own' | 'sibling' | 'parent' | 'absent';
/** An id no record has: it must answer exactly as a record outside the scope. */
const ABSENT = 2_000_000_000;
const outside = ['sibling', 'parent'] as const;

interface Req {
  params?: Record<string, string | number>;
  body?: unknown;
  query?: Record<string, string>;
  /** A raw upload instead of JSON. */
  upload?: Buffer;
}

interface WriteCase {
  /** Roles with the right to make this write; `signed-in`: any session (its own), `public`: no session needed. */
  writers: readonly Role[] | 'signed-in' | 'public';
  /** With a list of writers: the action of the permission table the route checks. */
  action?: PermissionAction;
  /** Placements outside the scope that the path's target and the body's chosen records can take. */
  path?: readonly Place[];
  body?: readonly Place[];
  request?: (at: { path: Place; body: Place }) => Req | Req[];
  /** The own-scope request is not expected to pass the access checks (e.g. it needs a real upload on disk). */
  skipOwn?: boolean;
}

const TREE = ['admin', 'org_staff'] as const;
const RECORDS = ['admin', 'org_staff', 'secretary'] as const;
/** reports: the secretary reviews the year's report (and returns it to draft). */
const SECRETARIES = ['admin', 'secretary'] as const;
const ADMIN = ['admin'] as const;
/** dues: secretaries, organisation and office staff record dues. */
const DUES = ['admin', 'org_staff', 'office_staff', 'secretary'] as const;
/** inspection */
const INSPECTION = ['admin', 'inspection_staff'] as const;
/** Discipline: the inspection staff and the admin. */
const INSPECTORS = ['admin', 'inspection_staff'] as const;
const proposal = {
  offenceGroup: 'party_life_dues',
  offence: 'Không đóng đảng phí 3 tháng',
  offenceOn: '2026-06-01',
  proposedForm: 'reprimand',
  proposedOn: DAY,
  proposedBy: 'Chi bộ Văn phòng',
};

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let tree: Awaited<ReturnType<typeof makeTree>>;
const clients = {} as Record<Role, TestClient>;
type Ids = Record<Place, number>;
const fx = {} as {
  org: Ids;
  cell: Ids;
  member: Ids;
  /** Each member's only event (its record's opening): annulling it passes the access checks and is then refused. */
  memberEvent: Ids;
  probationer: Ids;
  candidate: Ids;
  transfer: Ids;
  seat: Ids;
  import: Ids;
  /** inspection: plans, cases and denunciations handled by A (own), B (sibling) and the upper committee (parent). */
  plan: Ids;
  inspectionCase: Ids;
  denunciation: Ids;
  /** meetings: a planned meeting of each place's cell. */
  meeting: Ids;
  introducers: Record<Place, [number, number]>;
  user: number;
  /** targets */
  target: Ids;
  task: Ids;
  proposal: Ids;
  /** study: a party document registered at each place. */
  document: Ids;
  /** Discipline: a proposed sanction, a decided one, its open appeal, a notice not yet received. */
  draft: Ids;
  sanction: Ids;
  appeal: Ids;
  notice: Ids;
  /** ratings: a round to close (A 2024, B 2024), and in A's and B's 2025 rounds a member's and a cell's rating. */
  ratingRound: Ids;
  memberRating: Ids;
  orgRating: Ids;
  /** reports: a draft report of each place (2026) and an issued one (2025) to submit. */
  report: Ids;
  /** reports: a reviewed draft of each place (2024), to issue or return. */
  reviewedReport: Ids;
  issuedReport: Ids;
  /** portal: a section owned by each place's organisation (own A, sibling B, parent the upper committee) and a draft in it. */
  portalCategory: Ids;
  article: Ids;
};

const d = (date = DAY) => decision(date);
/** portal */
const PORTAL_EDITORS = ['admin', 'editor', 'approver'] as const;
const PORTAL_APPROVERS = ['admin', 'approver'] as const;
const articleBody = { title: 'Bài thử quyền viết tin', lead: 'Sa-pô của bài thử quyền viết tin.', bodyHtml: '<p>Nội dung.</p>' };
const articleCapture = 'Tỉnh uỷ Hoà Bình\n\nBài cũ thử quyền nhập\n\n23/11/2022 00:00\nSa-pô của bài cũ.\n\nĐoạn thứ nhất của bài cũ.';
let codes = 0;

const cases: Record<string, WriteCase> = {
  'POST /api/v1/auth/login': { writers: 'public' },
  'POST /api/v1/auth/logout': { writers: 'signed-in' },
  'POST /api/v1/auth/password': { writers: 'signed-in' },

  'POST /api/v1/users': {
    writers: ADMIN,
    action: 'users.manage',
    request: () => ({ body: { username: `nguoi.dung.${++codes}`, displayName: 'Người dùng thử', role: 'office_staff', orgId: tree.a.id, memberId: null } }),
  },
  'PATCH /api/v1/users/{id}': {
    writers: ADMIN,
    action: 'users.manage',
    request: () => ({ params: { id: fx.user }, body: { version: 1, displayName: 'Tên mới' } }),
  },
  'POST /api/v1/users/{id}/reset-password': { writers: ADMIN, action: 'users.manage', request: () => ({ params: { id: fx.user } }) },
  'POST /api/v1/users/{id}/logout': { writers: ADMIN, action: 'users.manage', request: () => ({ params: { id: fx.user } }) },
  'POST /api/v1/rules/{name}/versions': {
    writers: ADMIN,
    action: 'rules.write',
    request: () => ({ params: { name: 'probation_months' }, body: { value: 12, effectiveFrom: '2099-01-01', source: 'Quy định thử nghiệm' } }),
  },
  'PUT /api/v1/holidays/{date}': {
    writers: ADMIN,
    action: 'holidays.write',
    request: () => ({ params: { date: '2099-01-05' }, body: { name: 'Ngày nghỉ thử', kind: 'fixed' } }),
  },
  // A day off of its own (made in beforeAll), not the one the PUT case writes: the two cases pass in either order.
  'DELETE /api/v1/holidays/{date}': { writers: ADMIN, action: 'holidays.write', request: () => ({ params: { date: HOLIDAY_TO_DELETE } }) },

  'POST /api/v1/orgs': {
    writers: TREE,
    action: 'orgs.write',
    body: outside,
    request: ({ body }) => ({ body: { code: `W${++codes}`, name: 'Chi bộ thử', kind: 'cell', unitType: null, parentId: fx.org[body], foundingDecision: d() } }),
  },
  'POST /api/v1/orgs/events': {
    writers: TREE,
    action: 'orgs.write',
    body: outside,
    request: ({ body }) => ({ body: { kind: 'renamed', decision: d(), occurredOn: DAY, orgId: fx.cell[body], name: 'Tên mới của tổ chức' } }),
  },
  'PATCH /api/v1/orgs/{id}': {
    writers: TREE,
    action: 'orgs.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.cell[path] }, body: { version: 1, reason: 'Thử' } }),
  },
  'POST /api/v1/orgs/{id}/committee': {
    writers: TREE,
    action: 'committees.write',
    path: outside,
    body: ['sibling'],
    request: ({ path, body }) => ({
      params: { id: fx.org[path] },
      body: { memberId: fx.member[body], position: 'committee_member', term: '2025–2030', startOn: DAY, decision: d() },
    }),
  },
  'POST /api/v1/committee-seats/{id}/end': {
    writers: TREE,
    action: 'committees.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.seat[path] }, body: { endOn: DAY, decision: d(), version: 1 } }),
  },

  'POST /api/v1/imports': {
    writers: TREE,
    action: 'imports.run',
    request: () => ({ query: { filename: 'du-lieu.xlsx' }, upload: Buffer.from('không phải bảng tính') }),
  },
  'PUT /api/v1/imports/{id}/mapping': {
    writers: TREE,
    action: 'imports.run',
    path: outside,
    skipOwn: true,
    request: ({ path }) => ({ params: { id: fx.import[path] }, body: { sheets: [{ sheet: 'Sheet1', recordType: 'member', headerRow: 1, mapping: {} }] } }),
  },
  'POST /api/v1/imports/{id}/check': {
    writers: TREE,
    action: 'imports.run',
    path: outside,
    skipOwn: true,
    request: ({ path }) => ({ params: { id: fx.import[path] } }),
  },
  'POST /api/v1/imports/{id}/commit': {
    writers: TREE,
    action: 'imports.run',
    path: outside,
    skipOwn: true,
    request: ({ path }) => ({ params: { id: fx.import[path] }, body: {} }),
  },

  'POST /api/v1/members': {
    writers: RECORDS,
    action: 'members.write',
    body: ['sibling'],
    request: ({ body }) => ({
      body: {
        fullName: 'Nguyễn Văn Mới',
        gender: 'male',
        birthDate: '1990-01-01',
        placeOfOrigin: null,
        residence: null,
        nationalId: null,
        cardNumber: null,
        orgId: fx.cell[body],
        status: 'full',
        admittedOn: '2015-01-01',
        confirmedOn: '2016-01-01',
        decision: d('2016-01-01'),
      },
    }),
  },
  'PATCH /api/v1/members/{id}': {
    writers: RECORDS,
    action: 'members.write',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.member[path] }, body: { version: 1, job: 'Kỹ sư' } }),
  },
  'POST /api/v1/members/{id}/events': {
    writers: RECORDS,
    action: 'members.write',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.member[path] },
      body: { kind: 'contact_lost', occurredOn: DAY, decision: d(), reason: 'Đi làm ăn xa, không báo địa chỉ', version: 1 },
    }),
  },
  'POST /api/v1/members/{id}/events/{eventId}/annul': {
    writers: RECORDS,
    action: 'members.write',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.member[path], eventId: fx.memberEvent[path] }, body: { reason: 'Nhập nhầm', decision: d(), version: 1 } }),
  },
  'POST /api/v1/members/{id}/exits': {
    writers: RECORDS,
    action: 'exits.record',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.member[path] }, body: { kind: 'withdrawal', occurredOn: DAY, decision: d(), version: 1 } }),
  },
  'POST /api/v1/members/{id}/probation/reviews': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.probationer[path] },
      body: { kind: 'cell', proposal: 'confirm', decision: d(), inFavour: 3, against: 0, eligible: null },
    }),
  },
  'POST /api/v1/members/{id}/probation/decision': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.probationer[path] }, body: { version: 1, outcome: 'confirmed', decision: d() } }),
  },

  'POST /api/v1/transfers': {
    writers: RECORDS,
    action: 'transfers.step',
    body: ['sibling'],
    request: ({ body }) => [
      { body: { direction: 'within', kind: 'permanent', memberId: fx.member[body], receivingOrgId: tree.a2.id, movingDecision: d() } },
      {
        body: {
          direction: 'in',
          kind: 'permanent',
          receivingOrgId: fx.cell[body],
          externalOrgName: 'Đảng bộ tỉnh bạn',
          person: { fullName: 'Trần Văn Đến', gender: 'male', birthDate: '1988-02-02', status: 'full', admittedOn: '2012-01-01', confirmedOn: '2013-01-01' },
          letter: {
            letterNumber: '5-GGT',
            letterOn: DAY,
            profileNumber: 'LL-1',
            cellListNumber: '1',
            transferRegisterNumber: 'CS-1',
            duesPaidThrough: '2026-10',
          },
        },
      },
    ],
  },
  'POST /api/v1/transfers/{id}/letter': {
    writers: RECORDS,
    action: 'transfers.step',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.transfer[path] },
      body: {
        version: 1,
        letterNumber: '21-GGT/ĐU',
        letterOn: DAY,
        profileNumber: 'LL-3107',
        cellListNumber: '09',
        transferRegisterNumber: 'CS-2026-044',
        duesPaidThrough: '2026-10',
        place: 'Hòa Bình',
        signer: { authority: 'T/M Đảng ủy', title: 'Phó Bí thư', name: 'Đinh Thị Ký' },
      },
    }),
  },
  'POST /api/v1/transfers/{id}/receipt': {
    writers: RECORDS,
    action: 'transfers.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.transfer[path] }, body: { version: 1, presentedOn: DAY } }),
  },
  'POST /api/v1/transfers/{id}/return': {
    writers: RECORDS,
    action: 'transfers.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.transfer[path] }, body: { version: 1, returnedOn: DAY, decision: d() } }),
  },
  'POST /api/v1/transfers/{id}/cancel': {
    writers: RECORDS,
    action: 'transfers.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.transfer[path] }, body: { version: 1, reason: 'Nhập nhầm thủ tục' } }),
  },

  'POST /api/v1/candidates': {
    writers: RECORDS,
    action: 'admissions.step',
    body: ['sibling'],
    request: ({ body }) => [{ body: candidateInput(fx.cell[body], fx.introducers.own) }, { body: candidateInput(fx.cell.own, fx.introducers[body]) }],
  },
  'PATCH /api/v1/candidates/{id}': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.candidate[path] },
      body: { version: 1, job: 'Kỹ sư', awarenessCertificate: { number: '7/GCN', issuedOn: DAY } },
    }),
  },
  'POST /api/v1/candidates/{id}/cell-resolution': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.candidate[path] }, body: cellVote(1, DAY) }),
  },
  'POST /api/v1/candidates/{id}/committee-resolution': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.candidate[path] }, body: committeeVote(1, DAY) }),
  },
  'POST /api/v1/candidates/{id}/decision': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.candidate[path] }, body: upperDecision(1, '9-QĐ/ĐU', DAY, DAY) }),
  },
  'POST /api/v1/candidates/{id}/ceremony': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.candidate[path] }, body: { version: 1, ceremonyDate: DAY } }),
  },
  'POST /api/v1/candidates/{id}/close': {
    writers: RECORDS,
    action: 'admissions.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.candidate[path] }, body: { version: 1, outcome: 'withdrawn', decision: d(), reason: 'Xin rút hồ sơ' } }),
  },

  // targets
  'POST /api/v1/targets': {
    writers: RECORDS,
    action: 'targets.write',
    body: outside,
    request: ({ body }) => ({ body: manualTarget(fx.org[body]) }),
  },
  'PATCH /api/v1/targets/{id}': {
    writers: RECORDS,
    action: 'targets.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.target[path] }, body: { version: 1, manualValue: 96, manualAsOf: DAY, evidence: 'Báo cáo 12-BC/ĐU' } }),
  },
  'POST /api/v1/targets/{id}/close': {
    writers: RECORDS,
    action: 'targets.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.target[path] }, body: { version: 1, closedOn: DAY, reason: 'Tổ chức sắp xếp lại' } }),
  },
  'POST /api/v1/tasks': {
    writers: RECORDS,
    action: 'targets.write',
    body: outside,
    request: ({ body }) => ({ body: { orgId: fx.org[body], year: 2026, text: 'Nâng cao chất lượng sinh hoạt chi bộ', dueOn: '2026-12-31' } }),
  },
  'PATCH /api/v1/tasks/{id}': {
    writers: RECORDS,
    action: 'targets.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.task[path] }, body: { version: 1, status: 'in_progress', dueOn: '2026-12-31' } }),
  },
  'POST /api/v1/culture-standard': {
    writers: RECORDS,
    action: 'targets.write',
    body: outside,
    request: ({ body }) => ({ body: { orgId: fx.org[body], year: 2026, met: true, evidence: 'QĐ công nhận 5/QĐ-UBND', recordedOn: DAY } }),
  },
  'POST /api/v1/proposals': {
    writers: RECORDS,
    action: 'proposals.write',
    body: outside,
    request: ({ body }) => ({ body: proposalBody(fx.org[body]) }),
  },
  'PATCH /api/v1/proposals/{id}': {
    writers: RECORDS,
    action: 'proposals.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.proposal[path] }, body: { version: 1, sentOn: DAY, notes: 'Bổ sung' } }),
  },
  'POST /api/v1/proposals/{id}/answer': {
    writers: RECORDS,
    action: 'proposals.write',
    path: outside,
    request: ({ path }) => ({
      params: { id: fx.proposal[path] },
      body: { version: 1, status: 'accepted', answeredOn: DAY, answerDocument: d(), answerText: 'Đồng ý' },
    }),
  },
  // dues
  'POST /api/v1/members/{id}/dues-bases': {
    writers: DUES,
    action: 'dues.record',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.member[path] }, body: { kind: 'student', validFrom: '2026-10', note: 'Sinh viên cao học' } }),
  },
  'POST /api/v1/members/{id}/dues-reliefs': {
    writers: DUES,
    action: 'dues.record',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.member[path] },
      body: { kind: 'exemption', ground: 'social_pension', percent: 100, fromMonth: '2026-10', decision: d() },
    }),
  },
  'POST /api/v1/orgs/{id}/dues-sheet': {
    writers: DUES,
    action: 'dues.record',
    path: outside,
    body: ['sibling'],
    request: ({ path, body }) => ({
      params: { id: fx.cell[path] },
      body: { month: '2026-11', collector: 'Thủ quỹ chi bộ', entries: [{ memberId: fx.member[body], paid: true, paidOn: DAY }] },
    }),
  },
  'POST /api/v1/members/{id}/badge-awards': {
    writers: RECORDS,
    action: 'badges.record',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.member[path] }, body: { milestoneYears: 30, awardOn: DAY, decision: d() } }),
  },
  // inspection
  'POST /api/v1/inspection-plans': {
    writers: INSPECTION,
    action: 'inspection.write',
    body: outside,
    request: ({ body }) => ({
      body: { handlingOrgId: fx.org[body], handlingBody: 'commission', kind: 'inspection', year: 2026, title: 'Chương trình kiểm tra thử' },
    }),
  },
  'POST /api/v1/inspection-plans/{id}/items': {
    writers: INSPECTION,
    action: 'inspection.write',
    path: outside,
    body: outside,
    request: ({ path, body }) => ({
      params: { id: fx.plan[path] },
      body: {
        version: 1,
        subject: {
          kind: 'org',
          orgId: body === 'own' ? (path === 'own' ? tree.a1.id : path === 'sibling' ? tree.b1.id : tree.b2.id) : fx.cell[body],
          memberId: null,
        },
        caseKind: 'regular_inspection',
        content: 'Việc chấp hành nghị quyết',
        plannedFrom: '2026-12-01',
        plannedTo: '2026-12-20',
        team: 'Tổ 1',
      },
    }),
  },
  'POST /api/v1/inspection-plans/{id}/approve': {
    writers: INSPECTION,
    action: 'inspection.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.plan[path] }, body: { version: 1, decision: d() } }),
  },
  'POST /api/v1/inspection-cases': {
    writers: INSPECTION,
    action: 'inspection.write',
    body: outside,
    request: ({ body }) => [
      { body: { ...caseInput(fx.org[body], { kind: 'org', orgId: tree.a1.id }, '2026-11-02'), decision: d('2026-11-02') } },
      { body: { ...caseInput(tree.a.id, { kind: 'org', orgId: fx.cell[body] }, '2026-11-02'), decision: d('2026-11-02') } },
    ],
  },
  'POST /api/v1/inspection-cases/{id}/steps': {
    writers: INSPECTION,
    action: 'inspection.write',
    path: outside,
    request: ({ path }) => ({
      params: { id: fx.inspectionCase[path] },
      body: { version: 1, kind: 'announcement', occurredOn: DAY, decision: d(), note: 'Công bố tại hội nghị' },
    }),
  },
  'POST /api/v1/denunciations': {
    writers: INSPECTION,
    action: 'inspection.write',
    body: outside,
    request: ({ body }) => [{ body: denunciationInput(fx.org[body], tree.a1.id) }, { body: denunciationInput(tree.a.id, fx.cell[body]) }],
  },
  'POST /api/v1/denunciations/{id}/entries': {
    writers: INSPECTION,
    action: 'inspection.write',
    path: outside,
    body: outside,
    request: ({ path, body }) => ({
      params: { id: fx.denunciation[path] },
      body: { version: 1, stage: 'verifying', occurredOn: DAY, text: 'Giao tổ thẩm tra', caseId: fx.inspectionCase[body] },
    }),
  },
  // meetings
  'POST /api/v1/meetings': {
    writers: RECORDS,
    action: 'meetings.write',
    body: outside,
    request: ({ body }) => ({ body: { orgId: fx.cell[body], kind: 'extraordinary', meetingOn: DAY, agenda: 'Nội dung họp' } }),
  },
  'PATCH /api/v1/meetings/{id}': {
    writers: RECORDS,
    action: 'meetings.write',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.meeting[path] }, body: { version: 1, place: 'Hội trường' } }),
  },
  'POST /api/v1/meetings/{id}/held': {
    writers: RECORDS,
    action: 'meetings.write',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.meeting[path] },
      body: { version: 1, meetingOn: DAY, attendance: [{ memberId: fx.member.own, status: 'excused', reason: 'Đi công tác' }], conclusions: 'Kết luận' },
    }),
  },
  'POST /api/v1/meetings/{id}/cancel': {
    writers: RECORDS,
    action: 'meetings.write',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.meeting[path] }, body: { version: 1, reason: 'Hoãn họp' } }),
  },
  'PUT /api/v1/meetings/{id}/minutes': {
    writers: RECORDS,
    action: 'meetings.write',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.meeting[path] }, query: { filename: 'bien-ban.pdf', version: '1' }, upload: Buffer.from('%PDF-1.7 biên bản') }),
  },
  'POST /api/v1/me/calendar-feed': { writers: 'signed-in' },
  'DELETE /api/v1/me/calendar-feed': { writers: 'signed-in' },
  // study
  'POST /api/v1/party-documents': {
    writers: RECORDS,
    action: 'documents.write',
    body: outside,
    request: ({ body }) => ({
      body: {
        orgId: fx.org[body],
        kind: 'resolution',
        code: `${++codes}-NQ/ĐU`,
        issuerLevel: 'own_committee',
        issuerName: 'Đảng ủy',
        issuedOn: DAY,
        title: 'Nghị quyết thử',
      },
    }),
  },
  'POST /api/v1/party-documents/{id}/file': {
    writers: RECORDS,
    action: 'documents.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.document[path] }, query: { filename: 'nghi-quyet.pdf', version: '1' }, upload: Buffer.from('không phải PDF') }),
  },
  'POST /api/v1/party-documents/{id}/requirements': {
    writers: RECORDS,
    action: 'documents.write',
    path: ['sibling'],
    body: outside,
    request: ({ path, body }) => ({ params: { id: fx.document[path] }, body: { orgId: fx.org[body], deadline: TOMORROW } }),
  },
  'POST /api/v1/study-sessions': {
    writers: RECORDS,
    action: 'study.record',
    body: outside,
    request: ({ body }) => {
      const base = {
        orgId: fx.org.own,
        kind: 'conference',
        heldOn: DAY,
        title: 'Hội nghị học tập',
        documentIds: [fx.document.own],
        attendeeIds: [fx.member.own],
      };
      if (body === 'own') return { body: base };
      return [
        { body: { ...base, orgId: fx.org[body] } },
        { body: { ...base, documentIds: [fx.document[body === 'parent' ? 'sibling' : body]] } },
        { body: { ...base, attendeeIds: [fx.member[body === 'parent' ? 'sibling' : body]] } },
      ];
    },
  },
  'POST /api/v1/me/self-study': { writers: 'signed-in', request: () => ({ body: { documentId: fx.document.own, studiedOn: DAY } }) },
  'POST /api/v1/orgs/{id}/terms': {
    writers: TREE,
    action: 'committees.write',
    path: outside,
    request: ({ path }) => ({
      params: { id: fx.org[path] },
      body: { term: `${2000 + ++codes}–${2005 + codes}`, congressOn: '2025-06-20', delegates: 80, electedCount: 9, decision: d('2025-06-25') },
    }),
  },
  'POST /api/v1/orgs/{id}/committee-reforms': {
    writers: TREE,
    action: 'committees.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.org[path] }, body: { kind: 'supplement', occurredOn: DAY, decision: d() } }),
  },
  // discipline
  'POST /api/v1/sanctions': {
    writers: INSPECTORS,
    action: 'discipline.record',
    body: ['sibling'],
    request: ({ body }) => [
      { body: { ...proposal, memberId: fx.member[body] } },
      { body: { ...proposal, orgId: fx.cell[body] } },
      { body: { ...proposal, memberId: fx.member.own, caseId: fx.inspectionCase[body] } }, // inspection: the case named must be in sight
    ],
  },
  'POST /api/v1/sanctions/{id}/decision': {
    writers: INSPECTORS,
    action: 'discipline.record',
    path: ['sibling'],
    body: ['sibling'],
    request: ({ path, body }) => ({
      params: { id: fx.draft[path] },
      body: { form: 'reprimand', decidingOrgId: fx.org[body], decision: d(), effectiveOn: DAY, version: 1 },
    }),
  },
  'POST /api/v1/sanctions/{id}/withdrawal': {
    writers: INSPECTORS,
    action: 'discipline.record',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.draft[path] }, body: { withdrawnOn: DAY, reason: 'Không đủ căn cứ', version: 1 } }),
  },
  'POST /api/v1/sanctions/{id}/appeals': {
    writers: INSPECTORS,
    action: 'discipline.record',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.sanction[path] },
      body: { receivedOn: DAY, appellant: 'Đảng viên bị kỷ luật', content: 'Đề nghị xem xét lại', handlingBody: 'Ủy ban Kiểm tra Đảng ủy Khối' },
    }),
  },
  'POST /api/v1/appeals/{id}/decision': {
    writers: INSPECTORS,
    action: 'discipline.record',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.appeal[path] },
      body: { outcome: 'upheld', decision: d(), reason: 'Kỷ luật đúng người, đúng mức', version: 1 },
    }),
  },
  'POST /api/v1/discipline-notices': {
    writers: INSPECTORS,
    action: 'discipline.record',
    body: ['sibling'],
    request: ({ body }) => ({
      body: { memberId: fx.member[body], issuerKind: 'state_body', issuer: 'Sở Nội vụ', measure: 'Khiển trách', decision: d(), receivedOn: DAY },
    }),
  },
  'POST /api/v1/discipline-notices/{id}/receipt': {
    writers: INSPECTORS,
    action: 'discipline.record',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.notice[path] }, body: { receivedOn: DAY, version: 1 } }),
  },
  // ratings
  'POST /api/v1/rating-rounds': {
    writers: RECORDS,
    action: 'ratings.step',
    body: outside,
    request: ({ body }) => ({ body: { orgId: fx.org[body], year: 2026, openedOn: DAY, dueOn: '2026-12-31' } }),
  },
  'POST /api/v1/rating-rounds/{id}/close': {
    writers: RECORDS,
    action: 'ratings.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.ratingRound[path] }, body: { closedOn: DAY, version: 1 } }),
  },
  'POST /api/v1/member-ratings/{id}/self-assessment': {
    writers: [...RECORDS, 'member'],
    action: 'ratings.self_assess',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.memberRating[path] }, body: { score: 82, grade: 'good', note: 'Tự nhận xét', assessedOn: DAY, version: 1 } }),
  },
  'POST /api/v1/member-ratings/{id}/proposal': {
    writers: RECORDS,
    action: 'ratings.step',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.memberRating[path] },
      body: { score: 82, grade: 'good', excellentConditionsMet: false, tasksNotDone: false, proposedOn: DAY, note: 'Chi bộ đề xuất', version: 1 },
    }),
  },
  'POST /api/v1/member-ratings/{id}/decision': {
    writers: RECORDS,
    action: 'ratings.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.memberRating[path] }, body: { grade: 'good', decidedOn: DAY, decision: d(), version: 1 } }),
  },
  'POST /api/v1/member-ratings/{id}/excuse': {
    writers: RECORDS,
    action: 'ratings.step',
    path: ['sibling'],
    request: ({ path }) => ({ params: { id: fx.memberRating[path] }, body: { reason: 'illness', note: 'Điều trị dài ngày', version: 1 } }),
  },
  'POST /api/v1/org-ratings/{id}/self-assessment': {
    writers: RECORDS,
    action: 'ratings.step',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.orgRating[path] },
      body: { score: 85, grade: 'good', note: 'Chi bộ tự đánh giá', assessedOn: DAY, version: 1 },
    }),
  },
  'POST /api/v1/org-ratings/{id}/decision': {
    writers: RECORDS,
    action: 'ratings.step',
    path: ['sibling'],
    request: ({ path }) => ({
      params: { id: fx.orgRating[path] },
      body: {
        score: 85,
        grade: 'good',
        excellentConditionsMet: false,
        tasksNotDone: false,
        disciplinedSubUnitOrLeader: false,
        title: null,
        decidedOn: DAY,
        decision: d(),
        version: 1,
      },
    }),
  },
  // reports
  'POST /api/v1/reports': {
    writers: RECORDS,
    action: 'reports.write',
    body: outside,
    request: ({ body }) => ({ body: { orgId: fx.org[body], year: 2024, place: 'Hòa Bình' } }),
  },
  'PATCH /api/v1/reports/{id}': {
    writers: RECORDS,
    action: 'reports.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.report[path] }, body: { version: 1, place: 'Hòa Bình' } }),
  },
  'POST /api/v1/reports/{id}/review': {
    writers: SECRETARIES,
    action: 'reports.review',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.report[path] }, body: { version: 1 } }),
  },
  'POST /api/v1/reports/{id}/return': {
    writers: SECRETARIES,
    action: 'reports.review',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.reviewedReport[path] }, body: { reason: 'Bổ sung số liệu', version: 2 } }),
  },
  'POST /api/v1/reports/{id}/issue': {
    writers: RECORDS,
    action: 'reports.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.reviewedReport[path] }, body: { number: 9, issuerCode: 'ĐU', issuedOn: DAY, version: 2 } }),
  },
  'POST /api/v1/reports/{id}/submit': {
    writers: RECORDS,
    action: 'reports.write',
    path: outside,
    request: ({ path }) => ({ params: { id: fx.issuedReport[path] }, body: { submittedOn: DAY, version: 2 } }),
  },
  // portal: sections and articles; editors write and submit, approvers approve, publish and unpublish
  'POST /api/v1/portal/categories': {
    writers: PORTAL_APPROVERS,
    action: 'portal.approve',
    body: outside,
    request: ({ body }) => ({ body: { orgId: fx.org[body], name: 'Chuyên mục thử quyền' } }),
  },
  'POST /api/v1/portal/articles': {
    writers: PORTAL_EDITORS,
    action: 'portal.edit',
    body: outside,
    request: ({ body }) => ({ body: { ...articleBody, categoryId: fx.portalCategory[body] } }),
  },
  // A photo's bytes are refused (not an image) only after the role, the section and the article have passed.
  'POST /api/v1/portal/categories/{id}/images': {
    writers: PORTAL_EDITORS,
    action: 'portal.edit',
    path: outside,
    body: outside,
    request: ({ path, body }) => ({
      params: { id: fx.portalCategory[path] },
      query: { filename: 'anh.jpg', alt: 'Quang cảnh hội nghị', caption: 'Quang cảnh hội nghị thử quyền', articleId: String(fx.article[body]) },
      upload: Buffer.from('không phải ảnh'),
    }),
  },
  'POST /api/v1/portal/articles/from-report': {
    writers: PORTAL_EDITORS,
    action: 'portal.edit',
    body: outside,
    request: ({ body }) => [
      { body: { reportId: fx.report[body], categoryId: fx.portalCategory.own } },
      { body: { reportId: fx.issuedReport.own, categoryId: fx.portalCategory[body] } },
    ],
  },
  'POST /api/v1/portal/articles/import': {
    writers: PORTAL_APPROVERS,
    action: 'portal.approve',
    body: outside,
    request: ({ body }) => ({ body: { categoryId: fx.portalCategory[body], capture: articleCapture } }),
  },
  'PATCH /api/v1/portal/articles/{id}': {
    writers: PORTAL_EDITORS,
    action: 'portal.edit',
    path: outside,
    body: outside,
    request: ({ path, body }) => ({
      params: { id: fx.article[path] },
      body: { version: 1, lead: 'Sa-pô đã sửa của bài thử quyền.', categoryId: fx.portalCategory[body] },
    }),
  },
  ...Object.fromEntries(
    (['submit', 'reopen', 'return', 'approve', 'publish', 'unpublish'] as const).map((step) => [
      `POST /api/v1/portal/articles/{id}/${step}`,
      {
        writers: step === 'submit' || step === 'reopen' ? PORTAL_EDITORS : PORTAL_APPROVERS,
        action: step === 'submit' || step === 'reopen' ? 'portal.edit' : 'portal.approve',
        path: outside,
        request: ({ path }: { path: Place }) => ({ params: { id: fx.article[path] }, body: { version: 1, note: 'Thử quyền' } }),
      } satisfies WriteCase,
    ]),
  ),
};

/** targets: a hand-entered target (its figure's day is a done date) and a proposal sent up to the upper committee. */
function manualTarget(orgId: number) {
  return {
    orgId,
    year: 2026,
    title: '100% đảng viên học tập nghị quyết',
    source: 'manual',
    measure: 'percent',
    comparison: 'gte',
    value: 100,
    manualValue: 95,
    manualAsOf: DAY,
    evidence: 'Báo cáo 10-BC/ĐU',
  };
}
function proposalBody(fromOrgId: number) {
  return { fromOrgId, toOrgId: tree.upper.id, content: 'Đề nghị sửa đổi Quy định 293', sentOn: DAY, addressee: 'Ban Thường vụ Đảng ủy Khối' };
}

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database, undefined, () => new Date(`${TODAY}T03:00:00Z`));
  tree = await makeTree(ctx);
  await saveHoliday(ctx, HOLIDAY_TO_DELETE, { name: 'Ngày nghỉ thử để xóa', kind: 'fixed' });
  const member = (orgId: number, name: string, extra = {}) => makeMember(ctx, orgId, { fullName: name, ...extra });
  const self = await member(tree.a1.id, 'Hà Thị Mỵ');
  fx.org = { own: tree.a.id, sibling: tree.b.id, parent: tree.upper.id, absent: ABSENT };
  fx.cell = { own: tree.a1.id, sibling: tree.b1.id, parent: tree.upper.id, absent: ABSENT };
  fx.member = { own: (await member(tree.a1.id, 'Lò Văn Pấng')).id, sibling: (await member(tree.b1.id, 'Hoàng Văn Thái')).id, parent: 0, absent: ABSENT };
  const eventOf = async (memberId: number) =>
    (await queryOne<{ id: number }>(database.db, sql`SELECT max(id) AS id FROM membership_events WHERE member_id = ${memberId}`))!.id;
  fx.memberEvent = { own: await eventOf(fx.member.own), sibling: await eventOf(fx.member.sibling), parent: 0, absent: ABSENT };
  const probation = { status: 'probationary' as const, admittedOn: '2025-11-01', confirmedOn: null, cardNumber: null };
  fx.probationer = {
    own: (await member(tree.a1.id, 'Vi Thị Dự', probation)).id,
    sibling: (await member(tree.b1.id, 'Bế Văn Bị', probation)).id,
    parent: 0,
    absent: ABSENT,
  };
  fx.introducers = {
    own: [(await member(tree.a1.id, 'Nông Văn Một')).id, (await member(tree.a1.id, 'Nông Văn Hai')).id],
    sibling: [(await member(tree.b1.id, 'Lục Văn Ba')).id, (await member(tree.b1.id, 'Lục Văn Bốn')).id],
    parent: [0, 0],
    absent: [ABSENT, ABSENT],
  };
  fx.candidate = {
    own: (await createCandidate(ctx, candidateInput(tree.a1.id, fx.introducers.own))).id,
    sibling: (await createCandidate(ctx, candidateInput(tree.b1.id, fx.introducers.sibling))).id,
    parent: 0,
    absent: ABSENT,
  };
  const moving = async (from: number, to: number, name: string) =>
    (
      await createTransfer(ctx, {
        direction: 'within',
        kind: 'permanent',
        memberId: (await member(from, name)).id,
        receivingOrgId: to,
        movingDecision: d(),
        purpose: null,
        temporaryFrom: null,
        temporaryUntil: null,
        note: null,
      })
    ).id;
  fx.transfer = {
    own: await moving(tree.a1.id, tree.a2.id, 'Đinh Văn Đi'),
    sibling: await moving(tree.b1.id, tree.b2.id, 'Đinh Văn Xa'),
    parent: 0,
    absent: ABSENT,
  };
  const seat = async (orgId: number, name: string, holderOrg: number) =>
    (
      await appointToCommittee(ctx, orgId, {
        memberId: (await member(holderOrg, name)).id,
        position: 'committee_member',
        term: '2025–2030',
        startOn: '2025-10-01',
        decision: d('2025-10-01'),
      })
    ).id;
  fx.seat = {
    own: await seat(tree.a.id, 'Quàng Văn Một', tree.a2.id),
    sibling: await seat(tree.b.id, 'Quàng Văn Hai', tree.b2.id),
    parent: await seat(tree.upper.id, 'Quàng Văn Ba', tree.b2.id),
    absent: ABSENT,
  };
  const anImport = async (path: string) =>
    (
      await insertImport(database.db, {
        fileName: 'x.xlsx',
        sha256: '0'.repeat(64),
        sizeBytes: 1,
        fileKind: 'xlsx',
        actorName: 'Thử',
        scopePath: path,
        status: 'checked',
      })
    ).id;
  const planned = async (orgId: number) => (await planMeeting(ctx, { orgId, kind: 'regular', meetingOn: DAY })).id; // meetings
  fx.meeting = { own: await planned(tree.a1.id), sibling: await planned(tree.b1.id), parent: 0, absent: ABSENT };
  fx.import = { own: await anImport(tree.a.path), sibling: await anImport(tree.b.path), parent: await anImport(tree.upper.path), absent: ABSENT };
  // targets
  const aTarget = async (orgId: number) =>
    (
      await createTarget(ctx, {
        ...manualTarget(orgId),
        manualValue: null,
        manualAsOf: null,
        evidence: null,
        metricName: null,
        partKeys: null,
        adoptedBy: null,
        notes: null,
      } as never)
    ).id;
  fx.target = { own: await aTarget(tree.a.id), sibling: await aTarget(tree.b.id), parent: await aTarget(tree.upper.id), absent: ABSENT };
  const aTask = async (orgId: number) =>
    (await createTask(ctx, { orgId, year: 2026, text: 'Đổi mới phương thức lãnh đạo', owner: null, dueOn: null, status: 'not_started', notes: null })).id;
  fx.task = { own: await aTask(tree.a.id), sibling: await aTask(tree.b.id), parent: await aTask(tree.upper.id), absent: ABSENT };
  const aProposal = async (orgId: number, toOrgId: number | null) =>
    (await createProposal(ctx, { ...proposalBody(orgId), toOrgId, meetingId: null, meetingText: null, notes: null })).id;
  fx.proposal = {
    own: await aProposal(tree.a.id, tree.upper.id),
    sibling: await aProposal(tree.b.id, tree.upper.id),
    parent: await aProposal(tree.upper.id, null),
    absent: ABSENT,
  };

  // inspection: each record handled by A, B or the upper committee, about an organisation below it.
  const handled = [
    ['own', tree.a.id, tree.a1.id],
    ['sibling', tree.b.id, tree.b1.id],
    ['parent', tree.upper.id, tree.b2.id],
  ] as const;
  fx.plan = { own: 0, sibling: 0, parent: 0, absent: ABSENT };
  fx.inspectionCase = { own: 0, sibling: 0, parent: 0, absent: ABSENT };
  fx.denunciation = { own: 0, sibling: 0, parent: 0, absent: ABSENT };
  for (const [place, handler, subject] of handled) {
    fx.plan[place] = (
      await createPlan(ctx, { handlingOrgId: handler, handlingBody: 'commission', kind: 'inspection', year: 2026, title: 'Chương trình kiểm tra năm 2026' })
    ).id;
    fx.inspectionCase[place] = (await openCase(ctx, caseInput(handler, { kind: 'org', orgId: subject }, '2026-11-02'))).id;
    fx.denunciation[place] = (await registerDenunciation(ctx, denunciationInput(handler, subject))).id;
  }
  // study
  const aDocument = async (orgId: number, code: string) =>
    (
      await createDocument(ctx, {
        orgId,
        kind: 'resolution',
        code,
        issuerLevel: 'own_committee',
        issuerOrgId: null,
        issuerName: 'Đảng ủy',
        issuedOn: '2026-01-05',
        title: 'Nghị quyết',
        summary: null,
      })
    ).id;
  fx.document = {
    own: await aDocument(tree.a.id, '01-NQ/ĐU'),
    sibling: await aDocument(tree.b.id, '02-NQ/ĐU'),
    parent: await aDocument(tree.upper.id, '03-NQ/ĐUK'),
    absent: ABSENT,
  };
  const proposed = async (memberId: number, proposedOn = DAY) =>
    (await proposeSanction(ctx, sanctionProposalInput.parse({ ...proposal, memberId, proposedOn }))).id;
  fx.draft = { own: await proposed(fx.member.own), sibling: await proposed(fx.member.sibling), parent: 0, absent: ABSENT };
  const decided = async (memberId: number, orgId: number) => {
    const id = await proposed(memberId, '2026-10-20');
    await decideSanction(ctx, id, {
      form: 'reprimand',
      decidingOrgId: orgId,
      decision: d('2026-11-02'),
      effectiveOn: '2026-11-02',
      membersTo: null,
      version: 1,
    });
    return id;
  };
  fx.sanction = { own: await decided(fx.member.own, tree.a.id), sibling: await decided(fx.member.sibling, tree.b.id), parent: 0, absent: ABSENT };
  const appealed = async (orgId: number, memberId: number) => {
    const detail = await receiveAppeal(ctx, await decided(memberId, orgId), {
      receivedOn: '2026-11-10',
      appellant: 'Đảng viên',
      content: 'Xin xem xét lại',
      handlingBody: 'Ủy ban Kiểm tra',
    });
    return detail.appeals[0].id;
  };
  fx.appeal = { own: await appealed(tree.a.id, fx.member.own), sibling: await appealed(tree.b.id, fx.member.sibling), parent: 0, absent: ABSENT };
  const notice = async (memberId: number) =>
    (
      await recordNotice(
        ctx,
        noticeInput.parse({ memberId, issuerKind: 'mass_org', issuer: 'Công đoàn ngành', measure: 'Cảnh cáo', decision: d('2026-11-01') }),
      )
    ).id;
  fx.notice = { own: await notice(fx.member.own), sibling: await notice(fx.member.sibling), parent: 0, absent: ABSENT };
  // ratings
  const round = (orgId: number, year: number) => openRatingRound(ctx, { orgId, year, openedOn: `${year}-12-01`, dueOn: `${year}-12-31` });
  fx.ratingRound = { own: (await round(tree.a.id, 2024)).id, sibling: (await round(tree.b.id, 2024)).id, parent: 0, absent: ABSENT };
  const [roundA, roundB] = [await round(tree.a.id, 2025), await round(tree.b.id, 2025)];
  const ratingOf = async (roundId: number, memberId: number) => (await listMemberRatings(ctx, roundId, {})).find((r) => r.memberId === memberId)!.id;
  fx.memberRating = { own: await ratingOf(roundA.id, self.id), sibling: await ratingOf(roundB.id, fx.member.sibling), parent: 0, absent: ABSENT };
  const cellRatingOf = async (roundId: number, orgId: number) => (await listOrgRatings(ctx, roundId)).find((r) => r.orgId === orgId)!.id;
  fx.orgRating = { own: await cellRatingOf(roundA.id, tree.a1.id), sibling: await cellRatingOf(roundB.id, tree.b1.id), parent: 0, absent: ABSENT };

  // reports
  const aReport = async (orgId: number, year: number) =>
    (await createReport(ctx, { orgId, year, place: 'Hòa Bình', signerTitle: 'BÍ THƯ', signerName: '', recipients: [] })).id;
  const reviewedOf = async (orgId: number, year: number) => (await reviewReport(ctx, await aReport(orgId, year), { version: 1 })).id;
  const issued = async (orgId: number) =>
    (await issueReport(ctx, await reviewedOf(orgId, 2025), { number: orgId, issuerCode: 'ĐU', issuedOn: DAY, version: 2 })).id;
  fx.report = { own: await aReport(tree.a.id, 2026), sibling: await aReport(tree.b.id, 2026), parent: await aReport(tree.upper.id, 2026), absent: ABSENT };
  fx.reviewedReport = {
    own: await reviewedOf(tree.a.id, 2024),
    sibling: await reviewedOf(tree.b.id, 2024),
    parent: await reviewedOf(tree.upper.id, 2024),
    absent: ABSENT,
  };
  fx.issuedReport = { own: await issued(tree.a.id), sibling: await issued(tree.b.id), parent: await issued(tree.upper.id), absent: ABSENT };
  // portal: a section of each place's organisation, with a draft in it
  const section = async (orgId: number, name: string) => (await createCategory(ctx, { orgId, name: `${name} ${orgId}`, position: 0 })).id;
  fx.portalCategory = {
    own: await section(tree.a.id, 'Tin Sở Tài chính'),
    sibling: await section(tree.b.id, 'Tin Sở Y tế'),
    parent: await section(tree.upper.id, 'Tin Khối'),
    absent: ABSENT,
  };
  const draft = async (place: 'own' | 'sibling' | 'parent') =>
    (
      await createArticle(ctx, {
        ...articleBody,
        categoryId: fx.portalCategory[place],
        title: `Bài thử quyền ${place}`,
        author: null,
        source: null,
        tags: [],
        featured: false,
      })
    ).id;
  fx.article = { own: await draft('own'), sibling: await draft('sibling'), parent: await draft('parent'), absent: ABSENT };

  await createUser(ctx, { username: 'quantri', displayName: 'Quản trị', role: 'admin', orgId: null, memberId: null, password: PASSWORD });
  for (const role of ['org_staff', 'inspection_staff', 'office_staff', 'secretary', 'editor', 'approver'] as const)
    await createUser(ctx, { username: role.replace('_', '.'), displayName: `Cán bộ ${role}`, role, orgId: tree.a.id, memberId: null, password: PASSWORD });
  await createUser(ctx, { username: 'dangvien', displayName: 'Hà Thị Mỵ', role: 'member', orgId: null, memberId: self.id, password: PASSWORD });
  fx.user = (
    await createUser(ctx, { username: 'nguoi.thu', displayName: 'Người thử', role: 'office_staff', orgId: tree.b.id, memberId: null, password: PASSWORD })
  ).user.id;

  app = await buildApp({ database, logger: false, now: () => new Date(`${TODAY}T03:00:00Z`) });
  clients.admin = await loginClient(app, 'quantri', PASSWORD);
  for (const role of ['org_staff', 'inspection_staff', 'office_staff', 'secretary', 'editor', 'approver'] as const)
    clients[role] = await loginClient(app, role.replace('_', '.'), PASSWORD);
  clients.member = await loginClient(app, 'dangvien', PASSWORD);
});

afterAll(async () => {
  await app?.close();
  await drop();
});

async function writeRoutes(): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const spec = response.json() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(spec.paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

async function send(role: Role, route: string, req: Req, headers: Record<string, string> = {}) {
  const [method, template] = route.split(' ');
  const url = template.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(String(req.params?.[name])));
  const query = req.query ? `?${new URLSearchParams(req.query).toString()}` : '';
  const client = clients[role];
  const response = await app.inject({
    method: method as 'POST',
    url: `${url}${query}`,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken, ...(req.upload ? { 'content-type': 'application/octet-stream' } : {}), ...headers },
    ...(req.upload ? { payload: req.upload } : req.body !== undefined ? { payload: req.body as object } : {}),
  });
  const json = String(response.headers['content-type'] ?? '').includes('json') ? response.json() : response.body;
  return { status: response.statusCode, body: json };
}

/** Everything a write could change: each table's rows (sessions and login throttles aside) and the audit trail. */
async function snapshot(): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(
    database.db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
          AND table_name NOT IN ('sessions', 'login_throttles') AND table_name NOT LIKE '%migrations%' ORDER BY table_name`,
  );
  const result: Record<string, string> = {};
  for (const { name } of tables) {
    const row = await queryOne<{ h: string }>(
      database.db,
      sql`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM ${sql.identifier(name)} t`,
    );
    result[name] = row!.h;
  }
  return result;
}

const requestsOf = (c: WriteCase, at: { path: Place; body: Place }) => {
  const made = c.request?.(at) ?? {};
  return Array.isArray(made) ? made : [made];
};

/** The requests aimed outside the scope: each out-of-scope placement in the path, then in the body. */
function outOfScope(c: WriteCase) {
  return [...(c.path ?? []).map((p) => ({ path: p, body: 'own' as Place })), ...(c.body ?? []).map((p) => ({ path: 'own' as Place, body: p }))];
}

describe('write access', () => {
  it('has a case for every write route of the OpenAPI description, and no case for a route that is gone', async () => {
    const routes = await writeRoutes();
    expect(routes.length).toBeGreaterThan(30);
    expect(
      routes.filter((r) => !(r in cases)),
      'write routes without a case in write-access.test.ts',
    ).toEqual([]);
    expect(
      Object.keys(cases).filter((r) => !routes.includes(r)),
      'cases for routes that no longer exist',
    ).toEqual([]);
  });

  const guarded = Object.entries(cases).filter(([, c]) => Array.isArray(c.writers)) as [string, WriteCase & { writers: readonly Role[] }][];

  it('takes the writers of every guarded route from one action of the permission table', () => {
    for (const [route, c] of guarded) {
      expect(c.action, `${route} names no action`).toBeDefined();
      expect([...rolesAllowed(c.action!)].sort(), route).toEqual([...c.writers].sort());
    }
  });

  it.each(guarded)('%s: 403 without the role, 404 outside the scope, nothing changed', async (route, c) => {
    const before = await snapshot();
    const seen: string[] = [];
    for (const role of roles) {
      const writer = c.writers.includes(role);
      const placements = writer ? (role === 'admin' ? [] : outOfScope(c)) : [{ path: 'own' as Place, body: 'own' as Place }, ...outOfScope(c)];
      for (const at of placements) {
        for (const req of requestsOf(c, at)) {
          const response = await send(role, route, req);
          const expected = writer ? 404 : 403;
          seen.push(`${role} ${at.path}/${at.body}: ${response.status}`);
          expect(response.status, `${role}, path ${at.path}, body ${at.body}: ${JSON.stringify(response.body)}`).toBe(expected);
          expect(response.body.error.message).toMatch(/[À-ỹ]/);
          if (!writer) expect(response.body.error.message, `${role} refused by assertCan(ctx, '${c.action}')`).toBe(refusalMessage(c.action!));
        }
      }
    }
    expect(await snapshot(), seen.join('\n')).toEqual(before);
    // Each writer does pass the role and scope checks on a target in its own scope (the write itself may still be refused).
    if (c.skipOwn) return;
    for (const role of c.writers) {
      for (const req of requestsOf(c, { path: 'own', body: 'own' })) {
        const response = await send(role, route, req);
        expect([401, 403, 404, 500], `${role} on its own scope: ${JSON.stringify(response.body)}`).not.toContain(response.status);
      }
    }
  });
});

/** Every string leaf of a body, as a dotted path. */
function stringPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return [path.join('.')];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => stringPaths(item, [...path, key]));
}

function withValueAt(body: unknown, path: string[], change: (value: unknown) => unknown): unknown {
  if (path.length === 0) return change(body);
  const copy = (Array.isArray(body) ? [...body] : { ...(body as object) }) as Record<string, unknown>;
  copy[path[0]] = withValueAt(copy[path[0]], path.slice(1), change);
  return copy;
}

const guardedCases = () => Object.entries(cases).filter(([, c]) => Array.isArray(c.writers) && c.request) as [string, WriteCase][];

describe('bad input on every write route', () => {
  it('answers 400 naming the field for a NUL byte in any string of any body, and writes nothing', async () => {
    for (const [route, c] of guardedCases()) {
      const before = await snapshot();
      for (const req of requestsOf(c, { path: 'own', body: 'own' })) {
        for (const path of stringPaths(req.body)) {
          const body = withValueAt(req.body, path.split('.'), (v) => `${String(v).slice(0, 1)}\u0000${String(v).slice(1)}`);
          const response = await send('admin', route, { ...req, body });
          expect(response.status, `${route} ${path}: ${JSON.stringify(response.body)}`).toBe(400);
          expect(response.body.error.fields[0].field, route).toBe(path);
          expect(response.body.error.message).toContain('NUL');
        }
      }
      expect(await snapshot(), route).toEqual(before);
    }
  });

  it('answers 400 for a NUL byte in a path parameter or a query parameter', async () => {
    const rule = await send('admin', 'POST /api/v1/rules/{name}/versions', {
      params: { name: 'probation\u0000months' },
      body: { value: 12, effectiveFrom: '2099-01-01', source: 'Quy định thử' },
    });
    expect(rule.status).toBe(400);
    expect(rule.body.error.fields[0].field).toBe('name');
    const upload = await send('admin', 'POST /api/v1/imports', { query: { filename: 'du\u0000lieu.xlsx' }, upload: Buffer.from('x') });
    expect(upload.status).toBe(400);
    expect(upload.body.error.fields[0].field).toBe('filename');
    const search = await clients.admin.get('/api/v1/members?q=ng%00uyen');
    expectRefusal(search, { code: 'INVALID_INPUT', field: 'q' });
  });

  it.each([
    ['a broken percent-encoding', '%E0%A4%A'],
    ['a lone percent sign', '100%'],
    ['a NUL byte', 'l%00y%20do'],
  ])('answers 400 naming the reason header for %s in x-reason, on every write route', async (_label, header) => {
    const before = await snapshot();
    for (const [route, c] of guardedCases()) {
      const [req] = requestsOf(c, { path: 'own', body: 'own' });
      const response = await send('admin', route, req, { 'x-reason': header });
      expect(response.status, route).toBe(400);
      expect(response.body.error.fields[0].field).toBe('x-reason');
      expect(response.body.error.message).toMatch(/Lý do/);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a done step dated after today on every route that records one, naming the field, and writes nothing', async () => {
    const openapi = (route: string) => route.replace(/:(\w+)/g, '{$1}');
    const declared = [...doneDateFields.entries()].map(([route, fields]) => [openapi(route), fields] as const);
    expect(declared.length).toBeGreaterThan(20);
    for (const [route, fields] of declared) {
      const c = cases[route];
      expect(c?.request, `${route} declares done dates but has no case`).toBeDefined();
      const before = await snapshot();
      let tried = 0;
      for (const req of requestsOf(c, { path: 'own', body: 'own' })) {
        for (const field of fields) {
          const pattern = field.split('.');
          const present = (function walk(value: unknown, rest: string[], at: string[]): string[][] {
            if (rest.length === 0) return typeof value === 'string' ? [at] : [];
            if (value === null || typeof value !== 'object') return [];
            const keys = rest[0] === '*' ? Object.keys(value) : Object.hasOwn(value, rest[0]) ? [rest[0]] : [];
            return keys.flatMap((k) => walk((value as Record<string, unknown>)[k], rest.slice(1), [...at, k]));
          })(req.body, pattern, []);
          for (const path of present) {
            tried += 1;
            const response = await send('admin', route, { ...req, body: withValueAt(req.body, path, () => TOMORROW) });
            expect(response.status, `${route} ${path.join('.')}: ${JSON.stringify(response.body)}`).toBe(400);
            expect(response.body.error.fields[0].field).toBe(path.join('.'));
            expect(response.body.error.message).toContain('28/11/2026 chưa tới');
          }
        }
      }
      expect(tried, `${route}: no declared done date was present in its request`).toBeGreaterThan(0);
      expect(await snapshot(), route).toEqual(before);
    }
  });

  it('classifies every date a write route takes: a done date (checked) or a planned one (listed here)', async () => {
    /** Dates that may lie ahead: birth dates, planned periods, rules that take effect later. */
    const planned: Record<string, readonly string[]> = {
      'POST /api/v1/members': ['birthDate'],
      'PATCH /api/v1/members/{id}': ['birthDate'],
      'POST /api/v1/candidates': ['birthDate'],
      'PATCH /api/v1/candidates/{id}': ['birthDate'],
      'POST /api/v1/transfers': ['temporaryFrom', 'temporaryUntil', 'person.birthDate', 'movingDecision.effectiveOn'],
      'POST /api/v1/rules/{name}/versions': ['effectiveFrom'],
      'POST /api/v1/tasks': ['dueOn'],
      'PATCH /api/v1/tasks/{id}': ['dueOn'],
      // inspection: the period a case covers, the timetable the decision sets, the months a plan schedules
      'POST /api/v1/inspection-cases': [
        'periodFrom',
        'periodTo',
        ...['announcement', 'subject_report', 'conclusion', 'conclusion_notice'].map((s) => `timetable.${s}`),
      ],
      'POST /api/v1/inspection-plans/{id}/items': ['plannedFrom', 'plannedTo'],
      'POST /api/v1/meetings': ['meetingOn'], // meetings: planned ahead
      'PATCH /api/v1/meetings/{id}': ['meetingOn'],
      // study: a deadline to study a document by
      'POST /api/v1/party-documents/{id}/requirements': ['deadline'],
      // ratings: the day a round should be closed by
      'POST /api/v1/rating-rounds': ['dueOn'],
      // reports: the period a report covers (this year's report is drafted before the year ends)
      'POST /api/v1/reports': ['from', 'to'],
    };
    const spec = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, any>> };
    const isDate = (schema: any) => typeof schema?.pattern === 'string' && schema.pattern.includes('\\d{4}-\\d{2}-\\d{2}');
    const datesIn = (schema: any, path: string[]): string[] => {
      if (!schema || typeof schema !== 'object') return [];
      if (isDate(schema)) return [path.join('.')];
      const nested = [
        ...Object.entries(schema.properties ?? {}).flatMap(([k, v]) => datesIn(v, [...path, k])),
        ...(schema.items ? datesIn(schema.items, [...path, '*']) : []),
        ...(typeof schema.additionalProperties === 'object' ? datesIn(schema.additionalProperties, [...path, '*']) : []),
        ...['anyOf', 'oneOf', 'allOf'].flatMap((key) => (schema[key] ?? []).flatMap((s: any) => datesIn(s, path))),
      ];
      return [...new Set(nested)];
    };
    const unclassified: string[] = [];
    let found = 0;
    for (const [path, operations] of Object.entries(spec.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (!['post', 'put', 'patch', 'delete'].includes(method)) continue;
        const route = `${method.toUpperCase()} ${path}`;
        const dates = datesIn(operation.requestBody?.content?.['application/json']?.schema, []);
        found += dates.length;
        const done = doneDateFields.get(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`) ?? [];
        for (const field of dates) if (!done.includes(field) && !(planned[route] ?? []).includes(field)) unclassified.push(`${route} ${field}`);
      }
    }
    expect(found).toBeGreaterThan(20);
    expect(unclassified, 'dates neither declared as done dates on their route nor listed as planned').toEqual([]);
  });

  it('dates every step that records something done: the routes that take such dates declare them', () => {
    const expected = [
      'POST /api/v1/orgs',
      'POST /api/v1/orgs/events',
      'POST /api/v1/orgs/{id}/committee',
      'POST /api/v1/committee-seats/{id}/end',
      'POST /api/v1/members',
      'POST /api/v1/members/{id}/events',
      'POST /api/v1/members/{id}/events/{eventId}/annul',
      'POST /api/v1/members/{id}/exits',
      'POST /api/v1/members/{id}/probation/reviews',
      'POST /api/v1/members/{id}/probation/decision',
      'POST /api/v1/transfers',
      'POST /api/v1/transfers/{id}/letter',
      'POST /api/v1/transfers/{id}/receipt',
      'POST /api/v1/transfers/{id}/return',
      'POST /api/v1/candidates',
      'PATCH /api/v1/candidates/{id}',
      'POST /api/v1/candidates/{id}/cell-resolution',
      'POST /api/v1/candidates/{id}/committee-resolution',
      'POST /api/v1/candidates/{id}/decision',
      'POST /api/v1/candidates/{id}/ceremony',
      'POST /api/v1/candidates/{id}/close',
      // targets
      'POST /api/v1/targets',
      'PATCH /api/v1/targets/{id}',
      'POST /api/v1/targets/{id}/close',
      'POST /api/v1/culture-standard',
      'POST /api/v1/proposals',
      'PATCH /api/v1/proposals/{id}',
      'POST /api/v1/proposals/{id}/answer',
      // dues
      'POST /api/v1/members/{id}/dues-reliefs',
      'POST /api/v1/orgs/{id}/dues-sheet',
      'POST /api/v1/members/{id}/badge-awards',
      // inspection
      'POST /api/v1/inspection-plans/{id}/approve',
      'POST /api/v1/inspection-cases',
      'POST /api/v1/inspection-cases/{id}/steps',
      'POST /api/v1/denunciations',
      'POST /api/v1/denunciations/{id}/entries',
      'POST /api/v1/meetings/{id}/held', // meetings
      // study
      'POST /api/v1/party-documents',
      'POST /api/v1/study-sessions',
      'POST /api/v1/me/self-study',
      'POST /api/v1/orgs/{id}/terms',
      'POST /api/v1/orgs/{id}/committee-reforms',
      // discipline
      'POST /api/v1/sanctions',
      'POST /api/v1/sanctions/{id}/decision',
      'POST /api/v1/sanctions/{id}/withdrawal',
      'POST /api/v1/sanctions/{id}/appeals',
      'POST /api/v1/appeals/{id}/decision',
      'POST /api/v1/discipline-notices',
      'POST /api/v1/discipline-notices/{id}/receipt',
      // ratings
      'POST /api/v1/rating-rounds',
      'POST /api/v1/rating-rounds/{id}/close',
      'POST /api/v1/reports/{id}/issue', // reports: issued on, submitted on
      'POST /api/v1/reports/{id}/submit',
      'POST /api/v1/member-ratings/{id}/self-assessment',
      'POST /api/v1/member-ratings/{id}/proposal',
      'POST /api/v1/member-ratings/{id}/decision',
      'POST /api/v1/org-ratings/{id}/self-assessment',
      'POST /api/v1/org-ratings/{id}/decision',
    ];
    const declared = [...doneDateFields.keys()].map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(declared.sort()).toEqual(expected.sort());
  });
});

describe('small oracles', () => {
  it('answers a target outside the scope exactly as one that does not exist, in the path and in the body of every write route', async () => {
    for (const [route, c] of guardedCases()) {
      const role = (c.writers as readonly Role[]).find((r) => r !== 'admin');
      if (!role) continue;
      for (const [where, places] of [
        ['path', c.path ?? []],
        ['body', c.body ?? []],
      ] as const) {
        for (const place of places) {
          const at = (p: Place) => (where === 'path' ? { path: p, body: 'own' as Place } : { path: 'own' as Place, body: p });
          const outsideReqs = requestsOf(c, at(place));
          const absentReqs = requestsOf(c, at('absent'));
          for (const [index, req] of outsideReqs.entries()) {
            const seen = await send(role, route, req);
            const none = await send(role, route, absentReqs[index]);
            expect(seen.status, `${route} ${where} ${place}`).toBe(404);
            expect(seen.body, `${route} ${where} ${place} vs absent`).toEqual(none.body);
          }
        }
      }
    }
  });

  it('suggests corrections of a search only from names in the searcher’s scope', async () => {
    const words = async (client: TestClient) => {
      const all = await client.get('/api/v1/members?includeInactive=true&pageSize=200');
      return new Set(
        (all.body.items as { fullName: string }[]).flatMap((m) =>
          m.fullName.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().split(' '),
        ),
      );
    };
    // Every name word outside organisation A, each mistyped by a doubled last letter.
    const everywhere = await words(clients.admin);
    const own = await words(clients.org_staff);
    const elsewhere = [...everywhere].filter((w) => !own.has(w) && w.length >= 3);
    expect(elsewhere.length).toBeGreaterThan(3);
    for (const word of elsewhere) {
      const typo = `${word}${word.at(-1)}`;
      const admin = await clients.admin.get(`/api/v1/members?q=${encodeURIComponent(typo)}`);
      expect(admin.body.correctedQuery, `admin, ${typo}`).toBe(word);
      for (const role of ['org_staff', 'secretary', 'member'] as const) {
        const scoped = await clients[role].get(`/api/v1/members?q=${encodeURIComponent(typo)}`);
        const visible = role === 'member' ? new Set(['ha', 'thi', 'my']) : own;
        for (const suggested of (scoped.body.correctedQuery ?? '').split(' ').filter(Boolean))
          expect(visible.has(suggested), `${role}: ${typo} → ${suggested}`).toBe(true);
      }
    }
    // A word the scope holds is still corrected inside it.
    expect((await clients.org_staff.get('/api/v1/members?q=pangg')).body.correctedQuery).toBe('pang');
  });
});

describe('the membership event route', () => {
  it('takes none of the kinds that have their own workflow route', async () => {
    const before = await snapshot();
    for (const kind of workflowEventKinds) {
      const response = await send('admin', 'POST /api/v1/members/{id}/events', {
        params: { id: fx.member.own },
        body: { kind, occurredOn: DAY, decision: d(), toOrgId: tree.a2.id, details: { fullFrom: DAY }, reason: 'Thử', version: 1 },
      });
      expect(response.status, kind).toBe(400);
      expect(response.body.error.fields.map((f: { field: string }) => f.field)).toContain('kind');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('checks the details of each kind, refuses an expulsion (a discipline decision), and returns no internal column', async () => {
    const ctx = ctxFor(database, undefined, () => new Date(`${TODAY}T03:00:00Z`));
    const target = await makeMember(ctx, tree.a2.id, { fullName: 'Mã Văn Khai' });
    const route = 'POST /api/v1/members/{id}/events';
    const body = { kind: 'contact_lost', occurredOn: DAY, decision: d(), reason: 'Đi làm ăn xa, không báo địa chỉ', version: target.version };
    const extra = await send('org_staff', route, { params: { id: target.id }, body: { ...body, details: { fullFrom: DAY } } });
    expectRefusal(extra, { code: 'INVALID_INPUT', field: 'details' });
    // One write path per workflow: expulsion is recorded only by deciding a sanction (POST /sanctions/{id}/decision).
    const expulsion = await send('org_staff', route, { params: { id: target.id }, body: { ...body, kind: 'expulsion' } });
    expectRefusal(expulsion, { code: 'INVALID_INPUT', field: 'kind' });
    expect(expulsion.body.error.message).toContain('quyết định kỷ luật');
    const stale = await send('org_staff', route, { params: { id: target.id }, body: { ...body, version: target.version + 5 } });
    expectRefusal(stale, { code: 'CONFLICT', field: 'version' });
    const done = await send('org_staff', route, { params: { id: target.id }, body });
    expect(done.status).toBe(201);
    expect(done.body.member.status).toBe('full');
    for (const internal of ['orgPath', 'nameSortKey', 'createdAt', 'updatedAt']) expect(done.body.member).not.toHaveProperty(internal);
  });
});

describe('database refusals', () => {
  it('maps a unique value taken to 409 with a Vietnamese message naming the field, from this engine’s own error', async () => {
    const taken = await queryOne<{ national_id: string }>(database.db, sql`SELECT national_id FROM members WHERE national_id IS NOT NULL LIMIT 1`);
    const error = await database.db
      .execute(
        sql`UPDATE members SET national_id = ${taken!.national_id} WHERE id = (SELECT max(id) FROM members WHERE national_id IS DISTINCT FROM ${taken!.national_id})`,
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).not.toBeNull();
    const mapped = databaseErrorOf(error);
    expect(mapped).toMatchObject({ code: 'CONFLICT', fields: [{ field: 'nationalId' }] });
    expect(mapped!.message).toContain('Số CCCD');
    expect(mapped!.message).not.toContain(taken!.national_id);
  });

  it('answers a burst of records with the same citizen number with one 201 and conflicts, never a 500', async () => {
    const nationalId = '079123456789';
    const body = {
      fullName: 'Nguyễn Văn Trùng',
      gender: 'male',
      birthDate: '1990-01-01',
      placeOfOrigin: null,
      residence: null,
      nationalId,
      cardNumber: null,
      orgId: tree.a1.id,
      status: 'full',
      admittedOn: '2015-01-01',
      confirmedOn: '2016-01-01',
      decision: d('2016-01-01'),
    };
    const responses = await Promise.all(Array.from({ length: 8 }, () => send('org_staff', 'POST /api/v1/members', { body })));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(
      statuses.filter((s) => s !== 201).every((s) => s === 409),
      JSON.stringify(responses.map((r) => r.body)),
    ).toBe(true);
  });
});
