import { z } from 'zod';
import { isValidIso } from './dates.js';
import { day, decisionView } from './responses.js';

export const orgKinds = ['provincial', 'upper', 'grassroots_committee', 'grassroots_cell', 'section', 'cell'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const grassrootsKinds: readonly OrgKind[] = ['grassroots_committee', 'grassroots_cell'];

export const orgKindLabels: Record<OrgKind, string> = {
  provincial: 'Đảng bộ tỉnh',
  upper: 'Đảng bộ cấp trên cơ sở',
  grassroots_committee: 'Đảng bộ cơ sở',
  grassroots_cell: 'Chi bộ cơ sở',
  section: 'Đảng bộ bộ phận',
  cell: 'Chi bộ trực thuộc',
};

/** Which kinds may stand directly under which (GLOSSARY.md, organisation table). */
export const allowedChildKinds: Record<OrgKind, readonly OrgKind[]> = {
  provincial: ['upper', 'grassroots_committee', 'grassroots_cell'],
  upper: ['grassroots_committee', 'grassroots_cell'],
  grassroots_committee: ['section', 'cell'],
  grassroots_cell: [],
  section: ['cell'],
  cell: [],
};

export const unitTypes = ['administrative', 'public_service', 'enterprise', 'mass_org', 'press'] as const;
export type UnitType = (typeof unitTypes)[number];
export const unitTypeLabels: Record<UnitType, string> = {
  administrative: 'Cơ quan hành chính',
  public_service: 'Đơn vị sự nghiệp',
  enterprise: 'Doanh nghiệp',
  mass_org: 'Tổ chức chính trị - xã hội, hội nghề nghiệp',
  press: 'Cơ quan báo chí',
};

export const orgEventKinds = ['founded', 'renamed', 'reparented', 'merged', 'consolidated', 'split', 'dissolved'] as const;
export type OrgEventKind = (typeof orgEventKinds)[number];
export const orgEventKindLabels: Record<OrgEventKind, string> = {
  founded: 'Thành lập',
  renamed: 'Đổi tên',
  reparented: 'Chuyển trực thuộc',
  merged: 'Sáp nhập',
  consolidated: 'Hợp nhất',
  split: 'Chia tách',
  dissolved: 'Giải thể',
};

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày phải có dạng yyyy-mm-dd')
  .refine(isValidIso, 'Ngày không có thật trên lịch');
export const isoDateSchema = isoDate;

/** Every workflow step cites a decision: number, date, issuer (GLOSSARY.md `decision`). */
export const decision = z.object({
  number: z.string().trim().min(1, 'Số quyết định là bắt buộc').max(60),
  date: isoDate,
  issuer: z.string().trim().min(1, 'Cơ quan ban hành là bắt buộc').max(200),
});
export type Decision = z.infer<typeof decision>;

export const org = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgKinds),
  unitType: z.enum(unitTypes).nullable(),
  parentId: z.number().int().nullable(),
  path: z.string(),
  depth: z.number().int(),
  foundedOn: day.nullable(),
  foundingDecision: decisionView.nullable(),
  dissolvedOn: day.nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type Org = z.infer<typeof org>;

/** `GET /orgs/{id}`: the organisation with its parent's name. */
export const orgDetail = org.extend({ parent: z.object({ id: z.number().int(), name: z.string() }).nullable() });
export type OrgDetail = z.infer<typeof orgDetail>;

/** A row of the organisation list or tree: the organisation with its active children and members below it. */
export const orgListItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgKinds),
  unitType: z.enum(unitTypes).nullable(),
  parentId: z.number().int().nullable(),
  path: z.string(),
  depth: z.number().int(),
  active: z.boolean(),
  dissolvedOn: day.nullable(),
  childCount: z.number().int(),
  memberCount: z.number().int(),
  /** Names of the ancestors inside the user's scope, nearest first (see `orgPathLabel`). */
  ancestorNames: z.array(z.string()),
});
export type OrgListItem = z.infer<typeof orgListItem>;

/** A row of the list "as of" a past day, read from the dated versions. */
export const orgAsOfItem = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(orgKinds),
  unitType: z.enum(unitTypes).nullable(),
  parentId: z.number().int().nullable(),
  asOf: day,
});
export type OrgAsOfItem = z.infer<typeof orgAsOfItem>;

/** `GET /orgs`: today's rows, or the rows as of `asOf` when it is given. */
export const orgList = z.union([z.object({ items: z.array(orgListItem) }), z.object({ items: z.array(orgAsOfItem) })]);

/** `Chi bộ Khoa Nhi — Đảng bộ Bệnh viện tỉnh`: a name with the ancestors that tell same-named organisations apart. */
export function orgPathLabel(name: string, ancestorNames: readonly string[] | undefined): string {
  return [name, ...(ancestorNames ?? [])].join(' — ');
}

export const orgCreate = z.object({
  code: z.string().trim().min(1, 'Mã tổ chức là bắt buộc').max(40),
  name: z.string().trim().min(2, 'Tên tổ chức phải có ít nhất 2 ký tự').max(300),
  kind: z.enum(orgKinds, { error: 'Loại tổ chức không hợp lệ' }),
  unitType: z.enum(unitTypes, { error: 'Loại hình cơ sở không hợp lệ' }).nullable().default(null),
  parentId: z.number().int().positive().nullable(),
  foundingDecision: decision,
});
export type OrgCreate = z.infer<typeof orgCreate>;

/** Editable fields that are not lifecycle events (renaming is an event: it needs a decision). */
export const orgUpdate = z.object({
  version: z.number().int(),
  unitType: z.enum(unitTypes, { error: 'Loại hình cơ sở không hợp lệ' }).nullable().optional(),
  code: z.string().trim().min(1).max(40).optional(),
  reason: z.string().trim().max(500).optional(),
});
export type OrgUpdate = z.infer<typeof orgUpdate>;

export const orgEventInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('renamed'), decision, occurredOn: isoDate, orgId: z.number().int().positive(), name: z.string().trim().min(2).max(300) }),
  z.object({ kind: z.literal('reparented'), decision, occurredOn: isoDate, orgId: z.number().int().positive(), parentId: z.number().int().positive() }),
  /** Sources are absorbed into `targetId`, which lives on. */
  z.object({
    kind: z.literal('merged'),
    decision,
    occurredOn: isoDate,
    sourceIds: z.array(z.number().int().positive()).min(1),
    targetId: z.number().int().positive(),
  }),
  /** Sources end and a new organisation is founded from them. */
  z.object({
    kind: z.literal('consolidated'),
    decision,
    occurredOn: isoDate,
    sourceIds: z.array(z.number().int().positive()).min(2),
    successor: orgCreate.omit({ foundingDecision: true }),
  }),
  /** One organisation ends; its members move to the successors as listed. */
  z.object({
    kind: z.literal('split'),
    decision,
    occurredOn: isoDate,
    sourceId: z.number().int().positive(),
    successors: z.array(z.object({ org: orgCreate.omit({ foundingDecision: true }), memberIds: z.array(z.number().int().positive()) })).min(2),
  }),
  z.object({
    kind: z.literal('dissolved'),
    decision,
    occurredOn: isoDate,
    orgId: z.number().int().positive(),
    membersTo: z.number().int().positive().nullable(),
  }),
]);
export type OrgEventInput = z.infer<typeof orgEventInput>;

export const orgEvent = z.object({
  id: z.number().int(),
  kind: z.enum(orgEventKinds),
  occurredOn: day,
  decision: decisionView.nullable(),
  predecessorIds: z.array(z.number().int()),
  successorIds: z.array(z.number().int()),
  details: z.record(z.string(), z.unknown()),
});
export type OrgEvent = z.infer<typeof orgEvent>;

/** The event and the organisation it leaves (renamed, re-parented, merged into, consolidated), or those it founds (split). */
export const orgEventRecorded = z.object({ eventId: z.number().int(), org: org.optional(), orgs: z.array(org).optional() });
export type OrgEventRecorded = z.infer<typeof orgEventRecorded>;
