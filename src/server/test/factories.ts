import type { Actor, Ctx } from '../context.js';
import { createMember } from '../domains/members/members.service.js';
import { createOrg } from '../domains/orgs/orgs.service.js';
import { findOrg } from '../domains/orgs/orgs.queries.js';
import type { MemberCreate } from '../../shared/member.js';
import type { OrgCreate, OrgKind, UnitType } from '../../shared/org.js';

let sequence = 0;
const unique = () => `${Date.now().toString(36)}${(sequence++).toString(36)}`;

export const decision = (date = '2020-01-15') => ({ number: `${++sequence}-QĐ/ĐU`, date, issuer: 'Đảng ủy Khối các cơ quan tỉnh' });

export async function makeOrg(ctx: Ctx, kind: OrgKind, parentId: number | null, overrides: Partial<OrgCreate> = {}) {
  const unitType: UnitType | null = kind === 'grassroots_committee' || kind === 'grassroots_cell' ? 'administrative' : null;
  return createOrg(ctx, {
    code: `T${unique()}`,
    name: `Tổ chức ${kind} ${unique()}`,
    kind,
    unitType,
    parentId,
    foundingDecision: decision('2010-01-04'),
    ...overrides,
  });
}

/**
 * A small tree: an upper committee with two grassroots committees (A, B), each with two cells.
 * A's cells are A1 and A2; B's are B1 and B2. Scope tests use A as "own", A1 as "child", B as "sibling".
 */
export async function makeTree(ctx: Ctx) {
  const upper = await makeOrg(ctx, 'upper', null, { name: `Đảng bộ Khối ${unique()}` });
  const a = await makeOrg(ctx, 'grassroots_committee', upper.id, { name: 'Đảng bộ Sở Tài chính' });
  const b = await makeOrg(ctx, 'grassroots_committee', upper.id, { name: 'Đảng bộ Sở Y tế', unitType: 'public_service' });
  const a1 = await makeOrg(ctx, 'cell', a.id, { name: 'Chi bộ Văn phòng Sở' });
  const a2 = await makeOrg(ctx, 'cell', a.id, { name: 'Chi bộ Phòng Ngân sách' });
  const b1 = await makeOrg(ctx, 'cell', b.id, { name: 'Chi bộ Phòng Nghiệp vụ Y' });
  const b2 = await makeOrg(ctx, 'cell', b.id, { name: 'Chi bộ Thanh tra Sở' });
  return { upper, a, b, a1, a2, b1, b2 };
}

let nid = 100000000000 + Math.floor(Math.random() * 800000000000);

export async function makeMember(ctx: Ctx, orgId: number, overrides: Partial<MemberCreate> = {}) {
  nid += 1;
  return createMember(ctx, {
    fullName: 'Nguyễn Văn An',
    gender: 'male',
    birthDate: '1985-06-15',
    placeOfOrigin: null,
    residence: null,
    ethnicity: 'Kinh',
    religion: 'Không',
    education: '12/12',
    professionalQualification: 'Cử nhân Kinh tế',
    theoryLevel: 'intermediate',
    job: 'Công chức',
    position: 'Chuyên viên',
    nationalId: String(nid),
    cardNumber: String(nid).slice(-8),
    profileNumber: null,
    orgId,
    status: 'full',
    admittedOn: '2010-05-19',
    confirmedOn: '2011-05-19',
    decision: decision('2015-01-01'),
    /** Tests make many same-named members on purpose; the duplicate warning has its own tests. */
    confirmDuplicate: true,
    ...overrides,
  });
}

export async function officialOf(ctx: Ctx, orgId: number, role: Actor['role'] = 'org_staff'): Promise<Actor> {
  const org = (await findOrg(ctx.db, orgId))!;
  return { userId: null, name: `Cán bộ ${org.name}`, role, scope: { kind: 'subtree', orgId: org.id, path: org.path } };
}
