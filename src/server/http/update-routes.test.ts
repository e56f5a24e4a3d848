import { memberHeaders, orgHeaders, workbook } from '../domains/imports/imports.test-helper.js';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import type { Database } from '../db/client.js';
import { meetings } from '../db/schema.js';
import { createUser } from '../domains/users/users.service.js';
import { createDocument } from '../domains/study/study.service.js';
import { createTestDatabase, ctxFor } from '../test/test-database.js';
import { makeMember, makeOrg, makeTree } from '../test/factories.js';
import { ADMIN, loginClient, PASSWORD, type TestClient } from '../test/http-client.js';
import { genders, theoryLevels } from '../../shared/member.js';
import { dossierItems } from '../../shared/admissions.js';
import { userRoles } from '../../shared/auth.js';
import { unitTypes } from '../../shared/org.js';
import { holidayKinds } from '../../shared/calendar.js';
import { memberImportFields, orgImportFields } from '../domains/imports/column-mapping.js';
import type { ImportJob } from '../../shared/imports.js';
import { targetComparisons, taskStatuses } from '../../shared/targets.js';

/**
 * Every update route changes exactly the fields it is given: for any record and any subset of its updatable fields
 * (any values the schema accepts), the fields sent read back as sent and every other field reads back unchanged.
 * The routes come from the OpenAPI description, so a new PATCH or PUT route fails here until it has a case.
 */

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;
let admin: TestClient;
let tree: Awaited<ReturnType<typeof makeTree>>;
let introducerIds: number[];
/** Records other records link to (foreign keys): party documents for a meeting, meetings for a proposal. */
let documentIds: number[];
let meetingIds: number[];
const RUNS = 12;
let reportRuns = 0; // reports

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  const ctx = ctxFor(database);
  tree = await makeTree(ctx);
  introducerIds = [];
  for (let i = 0; i < 3; i++) introducerIds.push((await makeMember(ctx, tree.a1.id)).id);
  documentIds = [];
  for (const code of ['01-NQ/ĐU', '02-NQ/ĐU', '03-CT/ĐU']) {
    const document = {
      orgId: tree.a.id,
      kind: 'resolution',
      code,
      issuerLevel: 'own_committee',
      issuerOrgId: null,
      issuerName: 'Đảng ủy',
      summary: null,
    } as const;
    documentIds.push((await createDocument(ctx, { ...document, issuedOn: '2026-01-05', title: `Nghị quyết ${code}` })).id);
  }
  // The meetings a proposal of `a` may name: held committee meetings of `a`, dated before any day sent the walk draws.
  meetingIds = [];
  for (const meetingOn of ['1949-12-05', '1949-12-20']) {
    const [held] = await database.db.insert(meetings).values({ orgId: tree.a.id, kind: 'committee', status: 'held', meetingOn }).returning();
    meetingIds.push(held!.id);
  }
  await createUser(ctx, { ...ADMIN, password: PASSWORD });
  app = await buildApp({ database, logger: false });
  admin = await loginClient(app, 'quantri', PASSWORD);
});
afterAll(async () => {
  await app.close();
  await drop();
});

// ---- Values any schema accepts ----------------------------------------------------------------------

let serial = 0;
/** portal: two sections of organisation A, made by the first article case. */
let portalCategoryIds: number[] | undefined;
/** Unique per call across the whole file, so generated identity numbers never collide between runs. */
const uniqueDigits = (length: number) =>
  fc.constant(null).map(() => String(7 * 10 ** (length - 1) + (Date.now() % 10 ** (length - 3)) * 100 + (serial++ % 100)).slice(0, length));
const word = fc.constantFrom('Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Văn', 'Thị', 'Hữu', 'Minh', 'Hường', 'Anh', 'Đức', 'Ngọc', 'Lan', 'Sơn');
const fullName = fc.array(word, { minLength: 2, maxLength: 4 }).map((words) => words.join(' '));
const text = (maxLength: number) =>
  fc
    .array(fc.constantFrom('Kỹ sư', 'Chuyên viên', 'Trưởng phòng', 'Cử nhân', 'Kinh', 'Tày', 'Không', 'Phật giáo', '12/12', 'Luật', 'số 5', 'Ê-đê'), {
      maxLength: 3,
    })
    .map((parts) => parts.join(' ').slice(0, maxLength).trim());
const pastDate = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const birthDate = fc
  .date({ min: new Date('1965-01-01T00:00:00Z'), max: new Date('2000-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const address = fc.option(
  fc.record(
    {
      old: fc.option(fc.record({ province: text(100), district: text(100), commune: text(100) })),
      current: fc.option(fc.record({ province: text(100), commune: text(100) })),
      detail: text(300),
    },
    { requiredKeys: ['old', 'current'] },
  ),
);
const decisionValue = fc.record({
  number: fc.integer({ min: 1, max: 999 }).map((n) => `${n}-QĐ/ĐU`),
  date: pastDate,
  issuer: fc.constantFrom('Đảng ủy Khối', 'Ban Thường vụ Tỉnh ủy'),
});

const personal = {
  fullName,
  gender: fc.constantFrom(...genders),
  birthDate,
  placeOfOrigin: address,
  residence: address,
  ethnicity: text(50),
  religion: text(50),
  education: fc.constantFrom('12/12', '10/10', '9/12'),
  professionalQualification: text(200),
  theoryLevel: fc.constantFrom(...theoryLevels),
  job: text(200),
  position: text(200),
  nationalId: fc.option(uniqueDigits(12)),
};

// ---- One case per update route --------------------------------------------------------------------

interface UpdateCase {
  /** Makes a fresh record; returns the route's URL for it and how to read it back. */
  create(): Promise<{ url: string; read: () => Promise<Record<string, unknown>> }>;
  /** Every field the route may be sent, each with values its schema accepts. */
  fields: Record<string, fc.Arbitrary<unknown>>;
  /** The body for the fields sent, when it is not the fields themselves. */
  body?(sent: Record<string, unknown>): Record<string, unknown>;
  /** The answer's status when it is not 200 (a route that starts work answers 202). */
  status?: number;
  runs?: number;
  /** The fewest fields a body may carry. */
  minFields?: number;
  /** Fields the route always needs (a PUT replaces them). */
  required?: string[];
  /** Body fields that are not record fields (the version for a stale-edit check). */
  extra?(before: Record<string, unknown>): Record<string, unknown>;
  /** How a field reads back; the record's own value when left out. */
  readBack?: Record<string, (record: Record<string, unknown>) => unknown>;
  /** Fields that follow from others (name parts, computed checklists) or move on every write. */
  derived: Record<string, string[] | 'always'>;
}

const withVersion = (before: Record<string, unknown>) => ({ version: before.version });

const cases: Record<string, UpdateCase> = {
  'PATCH /api/v1/members/{id}': {
    create: async () => {
      const member = await makeMember(ctxFor(database), tree.a2.id, {
        profileNumber: 'LL-1',
        placeOfOrigin: { old: { province: 'Hà Tây', district: 'Ba Vì', commune: 'Tản Lĩnh' }, current: null },
      });
      return { url: `/api/v1/members/${member.id}`, read: async () => (await admin.get(`/api/v1/members/${member.id}`)).body };
    },
    fields: {
      ...personal,
      cardNumber: fc.option(uniqueDigits(8)),
      profileNumber: fc.option(fc.integer({ min: 1, max: 99999 }).map((n) => `LL-${n}`)),
    },
    extra: withVersion,
    derived: { version: 'always', familyName: ['fullName'], middleName: ['fullName'], givenName: ['fullName'], nameFolded: ['fullName'] },
  },
  'PATCH /api/v1/candidates/{id}': {
    create: async () => {
      const created = await admin.send('POST', '/api/v1/candidates', {
        fullName: 'Lò Thị Hoa',
        gender: 'female',
        birthDate: '1998-03-04',
        placeOfOrigin: { old: { province: 'Sơn La', district: 'Mai Sơn', commune: 'Hát Lót' }, current: { province: 'Sơn La', commune: 'Mai Sơn' } },
        residence: null,
        ethnicity: 'Thái',
        job: 'Giáo viên',
        nationalId: null,
        orgId: tree.a1.id,
        youthUnionMember: true,
        awarenessCertificate: { number: 'GCN-12', issuedOn: '2024-05-06' },
        introducers: [{ memberId: introducerIds[0], knownSince: '2022-01-01' }],
        dossier: { application: { done: true, date: '2024-06-01' } },
        confirmDuplicate: true,
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as number;
      return { url: `/api/v1/candidates/${id}`, read: async () => (await admin.get(`/api/v1/candidates/${id}`)).body };
    },
    fields: {
      ...personal,
      youthUnionMember: fc.boolean(),
      awarenessCertificate: fc.option(fc.record({ number: fc.option(fc.constantFrom('GCN-1', 'GCN-77')), issuedOn: pastDate })),
      introducers: fc
        .subarray([0, 1, 2])
        .chain((picked) =>
          fc.tuple(...picked.map(() => pastDate)).map((dates) => picked.map((i, n) => ({ memberId: introducerIds[i], knownSince: dates[n] }))),
        ),
      specialAgeDecision: fc.option(decisionValue),
      dossier: fc.dictionary(
        fc.constantFrom(...dossierItems),
        fc.oneof(fc.record({ done: fc.constant(true), date: pastDate }), fc.record({ done: fc.constant(false), date: fc.option(pastDate) })),
        { maxKeys: dossierItems.length },
      ),
    },
    extra: withVersion,
    readBack: {
      introducers: (record) => (record.introducers as { memberId: number; knownSince: string }[]).map(({ memberId, knownSince }) => ({ memberId, knownSince })),
    },
    derived: { version: 'always', updatedAt: 'always', nextStep: 'always', checksToday: 'always', missingDossier: ['dossier', 'youthUnionMember'] },
  },
  'PATCH /api/v1/users/{id}': {
    create: async () => {
      const username = `nd${Date.now().toString(36)}${serial++}`;
      const { user } = await createUser(ctxFor(database), {
        username,
        displayName: 'Người dùng thử',
        role: 'secretary',
        orgId: tree.a.id,
        memberId: null,
        password: PASSWORD,
      });
      const read = async () => ((await admin.get('/api/v1/users')).body as { id: number }[]).find((u) => u.id === user.id) as Record<string, unknown>;
      return { url: `/api/v1/users/${user.id}`, read };
    },
    fields: {
      displayName: fc.constantFrom('Bí thư Chi bộ', 'Cán bộ Tổ chức', 'Nguyễn Thị Hường'),
      role: fc.constantFrom(...userRoles),
      orgId: fc.option(fc.constant(null).map(() => tree.b.id)),
      disabled: fc.boolean(),
    },
    extra: withVersion,
    derived: { version: 'always' },
  },
  'PATCH /api/v1/orgs/{id}': {
    create: async () => {
      const org = await makeOrg(ctxFor(database), 'cell', tree.b.id, { unitType: 'press' });
      return { url: `/api/v1/orgs/${org.id}`, read: async () => (await admin.get(`/api/v1/orgs/${org.id}`)).body };
    },
    fields: {
      unitType: fc.option(fc.constantFrom(...unitTypes)),
      code: uniqueDigits(9).map((digits) => `M${digits}`),
    },
    extra: withVersion,
    derived: { version: 'always', updatedAt: 'always' },
  },
  'PUT /api/v1/holidays/{date}': {
    create: async () => {
      const date = `${2040 + (serial++ % 50)}-0${1 + (serial % 9)}-1${serial % 10}`;
      const year = date.slice(0, 4);
      const first = await admin.send('PUT', `/api/v1/holidays/${date}`, { name: 'Ngày nghỉ thử', kind: 'fixed' });
      expect(first.status, JSON.stringify(first.body)).toBe(200);
      const read = async () =>
        ((await admin.get(`/api/v1/holidays?year=${year}`)).body as { date: string }[]).find((h) => h.date === date) as Record<string, unknown>;
      return { url: `/api/v1/holidays/${date}`, read };
    },
    fields: { name: fc.constantFrom('Giỗ Tổ Hùng Vương', 'Nghỉ bù', 'Quốc khánh'), kind: fc.constantFrom(...holidayKinds) },
    required: ['name', 'kind'],
    extra: withVersion,
    derived: { version: 'always', updatedAt: 'always' },
  },
  // targets
  'PATCH /api/v1/targets/{id}': {
    create: async () => {
      const made = await admin.send('POST', '/api/v1/targets', {
        orgId: tree.a.id,
        year: 2026,
        title: 'Học tập nghị quyết',
        source: 'manual',
        measure: 'percent',
        comparison: 'gte',
        value: 100,
        manualValue: 90,
        manualAsOf: '2020-01-01',
        evidence: 'Báo cáo 1-BC',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/targets/${made.body.id}`, read: async () => (await admin.get(`/api/v1/targets/${made.body.id}`)).body };
    },
    fields: {
      title: fc.constantFrom('100% đảng viên học tập nghị quyết', '100% chi bộ sinh hoạt định kỳ'),
      comparison: fc.constantFrom(...targetComparisons),
      value: fc.integer({ min: 0, max: 100 }),
      measure: fc.constant('percent'),
      adoptedBy: fc.option(text(300)),
      notes: fc.option(text(2000)),
      manualValue: fc.integer({ min: 0, max: 100 }),
      manualAsOf: pastDate,
      evidence: fc.constantFrom('Báo cáo 45-BC/ĐU', 'Biên bản kiểm tra'),
    },
    extra: withVersion,
    derived: { version: 'always', updatedAt: 'always', progress: ['value', 'comparison', 'manualValue', 'manualAsOf'] },
  },
  'PATCH /api/v1/tasks/{id}': {
    create: async () => {
      const made = await admin.send('POST', '/api/v1/tasks', { orgId: tree.a.id, year: 2026, text: 'Đổi mới sinh hoạt chi bộ' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/tasks/${made.body.id}`, read: async () => (await admin.get(`/api/v1/tasks/${made.body.id}`)).body };
    },
    fields: {
      text: fc.constantFrom('Nâng cao chất lượng sinh hoạt chi bộ', 'Tăng cường kiểm tra, giám sát'),
      owner: fc.option(text(300)),
      dueOn: fc.option(pastDate),
      status: fc.constantFrom(...taskStatuses),
      notes: fc.option(text(2000)),
    },
    extra: withVersion,
    derived: { version: 'always', updatedAt: 'always' },
  },
  'PATCH /api/v1/proposals/{id}': {
    create: async () => {
      const made = await admin.send('POST', '/api/v1/proposals', {
        fromOrgId: tree.a.id,
        toOrgId: tree.upper.id,
        content: 'Đề nghị sửa đổi Quy định 293',
        sentOn: '2020-01-01',
        addressee: 'Ban Thường vụ',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/proposals/${made.body.id}`, read: async () => (await admin.get(`/api/v1/proposals/${made.body.id}`)).body };
    },
    fields: {
      content: fc.constantFrom('Đề nghị luân chuyển cán bộ lãnh đạo', 'Đề nghị sửa đổi Quy định 294'),
      sentOn: pastDate,
      addressee: fc.constantFrom('Ban Thường vụ Tỉnh ủy', 'Thường trực Tỉnh ủy'),
      meetingId: fc.option(fc.integer({ min: 0, max: 1 }).map((i) => meetingIds[i]!)),
      meetingText: fc.option(text(500)),
      notes: fc.option(text(2000)),
    },
    extra: withVersion,
    derived: { version: 'always', updatedAt: 'always' },
  },
  // reports: each run drafts its own report (one per organisation and period).
  'PATCH /api/v1/reports/{id}': {
    create: async () => {
      reportRuns += 1;
      const year = 2000 + (reportRuns % 100);
      const from = `${year}-01-${String(1 + (Math.floor(reportRuns / 100) % 28)).padStart(2, '0')}`;
      const made = await admin.send('POST', '/api/v1/reports', { orgId: tree.a.id, year, from, place: 'Hòa Bình' });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/reports/${made.body.id}`, read: async () => (await admin.get(`/api/v1/reports/${made.body.id}`)).body };
    },
    fields: {
      title: fc.constantFrom('Báo cáo kết quả thực hiện nhiệm vụ năm', 'Báo cáo tổng kết công tác xây dựng Đảng'),
      place: fc.constantFrom('Hòa Bình', 'Thành phố Hòa Bình'),
      signerTitle: fc.constantFrom('BÍ THƯ', 'PHÓ BÍ THƯ'),
      signerName: fullName,
      recipients: fc.array(fc.constantFrom('Ban Thường vụ Tỉnh ủy', 'Các chi bộ trực thuộc', 'Lưu Văn phòng'), { maxLength: 3 }),
      sections: fc.array(fc.record({ heading: fc.constantFrom('I. Kết quả', 'II. Hạn chế'), body: text(200) }), { maxLength: 3 }),
    },
    extra: withVersion,
    derived: { version: 'always', updatedAt: 'always', rendered: ['sections'], flags: ['sections'] },
  },
  // portal: an article's draft (only drafts are edited; the workflow's steps have their own routes)
  'PATCH /api/v1/portal/articles/{id}': {
    create: async () => {
      portalCategoryIds ??= await Promise.all(
        ['Tin hoạt động', 'Xây dựng Đảng'].map(async (name) => {
          const made = await admin.send('POST', '/api/v1/portal/categories', { orgId: tree.a.id, name: `${name} ${Date.now()} ${serial++}` });
          expect(made.status, JSON.stringify(made.body)).toBe(201);
          return made.body.id as number;
        }),
      );
      const made = await admin.send('POST', '/api/v1/portal/articles', {
        categoryId: portalCategoryIds[0],
        title: 'Hội nghị Ban Chấp hành Đảng bộ Khối',
        lead: 'Hội nghị lần thứ mười hai của Ban Chấp hành.',
        bodyHtml: '<p>Nội dung hội nghị.</p>',
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      return { url: `/api/v1/portal/articles/${made.body.id}`, read: async () => (await admin.get(`/api/v1/portal/articles/${made.body.id}`)).body };
    },
    fields: {
      // An index into the two sections: fast-check draws the first sample before `create` has made them.
      categoryId: fc.integer({ min: 0, max: 1 }),
      title: fc.constantFrom('Bí thư Tỉnh ủy làm việc với Đảng ủy Khối', 'Đảng ủy Khối tổng kết năm 2022'),
      slug: uniqueDigits(9).map((digits) => `tin-bai-${digits}`),
      lead: fc.constantFrom('Ngày 22/11, đồng chí Bí thư Tỉnh ủy làm việc.', 'Sáng nay, Đảng ủy Khối tổ chức hội nghị.'),
      bodyHtml: fc.constantFrom('<p>Đảng bộ có <strong>4.200</strong> đảng viên.</p>', '<h2>Kết quả</h2><ul><li>73 tổ chức cơ sở đảng</li></ul>'),
      author: fc.option(fc.constantFrom('Minh Hằng', 'Quang Huy')),
      source: fc.option(fc.constantFrom('Tỉnh ủy Hòa Bình', 'Báo Hòa Bình')),
      tags: fc.subarray(['Xây dựng Đảng', 'Kiểm tra, giám sát', 'Học tập và làm theo Bác']),
      featured: fc.boolean(),
    },
    extra: withVersion,
    body: (sent) => (sent.categoryId === undefined ? sent : { ...sent, categoryId: portalCategoryIds![sent.categoryId as number] }),
    readBack: { categoryId: (record) => portalCategoryIds!.indexOf(record.categoryId as number) },
    derived: {
      version: 'always',
      updatedAt: 'always',
      slug: ['title'],
      categoryName: ['categoryId'],
      revision: ['title', 'lead', 'bodyHtml', 'author', 'source', 'tags'],
      revisions: ['title', 'lead', 'bodyHtml', 'author', 'source', 'tags'],
    },
  },
  /** The "fields" of a mapping are the workbook's sheets: sheets left out keep theirs. */
  'PUT /api/v1/imports/{id}/mapping': {
    create: async () => {
      const file = await workbook({ 'Đảng viên': [memberHeaders], 'Tổ chức': [orgHeaders], 'Ghi chú': [['Ghi chú', 'Người lập']] });
      const started = await admin.send('POST', '/api/v1/imports?filename=ghep-cot.xlsx', file, { 'content-type': 'application/octet-stream' });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const id = started.body.id as number;
      const read = async () => {
        const job = await settledImport(id);
        return Object.fromEntries(job.sheets.map((s) => [s.sheet, { recordType: s.recordType, headerRow: s.headerRow, mapping: s.mapping }]));
      };
      return { url: `/api/v1/imports/${id}/mapping`, read };
    },
    fields: { 'Đảng viên': sheetMapping(memberHeaders.length), 'Tổ chức': sheetMapping(orgHeaders.length), 'Ghi chú': sheetMapping(2) },
    body: (sent) => ({ sheets: Object.entries(sent).map(([sheet, plan]) => ({ sheet, ...(plan as object) })) }),
    status: 202,
    runs: 6,
    minFields: 1,
    derived: {},
  },
  // meetings
  'PATCH /api/v1/meetings/{id}': {
    create: async () => {
      const created = await admin.send('POST', '/api/v1/meetings', { orgId: tree.a1.id, kind: 'thematic', meetingOn: '2026-06-10', topic: 'Chuyên đề thử' });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const id = created.body.id as number;
      return { url: `/api/v1/meetings/${id}`, read: async () => (await admin.get(`/api/v1/meetings/${id}`)).body };
    },
    fields: {
      meetingOn: fc.constantFrom('2026-05-04', '2027-01-15', '2030-06-30'),
      startTime: fc.constantFrom('', '07:30', '14:00'),
      place: fc.constantFrom('', 'Hội trường tầng 3', 'Phòng họp số 2'),
      chairMemberId: fc.option(fc.constant(null).map(() => introducerIds[0])),
      minuteTakerMemberId: fc.option(fc.constant(null).map(() => introducerIds[1])),
      agenda: fc.constantFrom('', 'Kiểm điểm tháng\nNhiệm vụ tháng tới'),
      topic: fc.constantFrom('', 'Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh'),
      documentIds: fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { maxLength: 3 }).map((picks) => picks.map((i) => documentIds[i]!).sort((a, b) => a - b)),
    },
    extra: withVersion,
    readBack: { documentIds: (record) => record.documentIds },
    derived: {
      version: 'always',
      attendance: ['meetingOn'],
      chairName: ['chairMemberId'],
      minuteTakerName: ['minuteTakerMemberId'],
      documents: ['documentIds'],
    },
  },
};

/** Any mapping the schema accepts: a record type, a header row, and distinct columns for that type's fields. */
function sheetMapping(columns: number) {
  const keysOf = { member: memberImportFields.map((f) => f.key as string), org: orgImportFields.map((f) => f.key as string) };
  return fc.constantFrom(null, 'member' as const, 'org' as const).chain((recordType) =>
    fc.record({
      recordType: fc.constant(recordType),
      headerRow: fc.integer({ min: 1, max: 3 }),
      mapping:
        recordType === null
          ? fc.constant({})
          : fc
              .tuple(
                fc.shuffledSubarray(keysOf[recordType], { maxLength: Math.min(columns, keysOf[recordType].length) }),
                fc.shuffledSubarray([...Array(columns).keys()], { minLength: columns, maxLength: columns }),
              )
              .map(([keys, order]) => Object.fromEntries(keys.map((key, i) => [key, order[i]]))),
    }),
  );
}

/** Polls the job as the import screen does until its dry run is over. */
async function settledImport(id: number): Promise<ImportJob> {
  for (let i = 0; i < 400; i++) {
    const job = (await admin.get(`/api/v1/imports/${id}`)).body as ImportJob;
    if (job.status !== 'checking' && job.status !== 'committing') return job;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('import did not settle');
}

/** Routes that a property here cannot drive, with the reason. */
const coveredElsewhere: Record<string, string> = {
  'PUT /api/v1/meetings/{id}/minutes': 'a file upload, not fields: meetings.service.test.ts and meetings.api.test.ts', // meetings
};

async function updateRoutes(): Promise<string[]> {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  const paths = response.json().paths as Record<string, Record<string, unknown>>;
  return Object.entries(paths).flatMap(([path, operations]) =>
    Object.keys(operations)
      .filter((method) => method === 'patch' || method === 'put')
      .map((method) => `${method.toUpperCase()} ${path}`),
  );
}

const same = (a: unknown, b: unknown) => {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
          )
        : (value ?? null);
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
};

describe('update routes', () => {
  it('every PATCH and PUT route of the OpenAPI description has a property case', async () => {
    const routes = await updateRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(5);
    const missing = routes.filter((route) => !cases[route] && !coveredElsewhere[route]).map((route) => `no property generator for ${route}`);
    expect(missing).toEqual([]);
  });

  for (const [route, updateCase] of Object.entries(cases)) {
    it(`${route} changes exactly the fields it is given`, async () => {
      const names = Object.keys(updateCase.fields);
      const optional = names.filter((name) => !updateCase.required?.includes(name));
      const changes = fc.subarray(optional, { minLength: updateCase.minFields ?? 0 }).chain((picked) => {
        const sent = [...(updateCase.required ?? []), ...picked];
        return fc.record(Object.fromEntries(sent.map((name) => [name, updateCase.fields[name]])) as Record<string, fc.Arbitrary<unknown>>);
      });
      await fc.assert(
        fc.asyncProperty(changes, async (sent) => {
          const { url, read } = await updateCase.create();
          const before = await read();
          const method = route.split(' ')[0] as 'PATCH' | 'PUT';
          const response = await admin.send(method, url, { ...updateCase.extra?.(before), ...(updateCase.body ? updateCase.body(sent) : sent) });
          expect(response.status, JSON.stringify(response.body)).toBe(updateCase.status ?? 200);
          const after = await read();
          const value = (record: Record<string, unknown>, field: string) => (updateCase.readBack?.[field] ? updateCase.readBack[field](record) : record[field]);
          for (const field of Object.keys(sent))
            expect(same(value(after, field), sent[field]), `${field} sent ${JSON.stringify(sent[field])}, read ${JSON.stringify(value(after, field))}`).toBe(
              true,
            );
          for (const field of Object.keys(before)) {
            if (field in sent) continue;
            const from = updateCase.derived[field];
            if (from === 'always' || from?.some((source) => source in sent)) continue;
            expect(same(after[field], before[field]), `${field} not sent, was ${JSON.stringify(before[field])}, now ${JSON.stringify(after[field])}`).toBe(
              true,
            );
          }
        }),
        { numRuns: updateCase.runs ?? RUNS },
      );
    });
  }
});
