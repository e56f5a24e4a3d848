/**
 * The organisation rows of an import: matched by code against recorded organisations, their parents
 * resolved (in the file first, then in the user's scope), new ones checked for nesting and unit type,
 * recorded ones compared (the file may fill in, never overwrite). The same plan resolves the cells that
 * member rows name, and writes the new organisations in the commit.
 */
import { isPathInScope } from '../../scope.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { memberHoldingKinds } from '../members/members.rules.js';
import { updateOrgRow, type OrgRow } from '../orgs/orgs.queries.js';
import { nestingProblem, resolveUnitType } from '../orgs/orgs.rules.js';
import type { ImportProblem } from '../../../shared/imports.js';
import { orgKindLabels, type Decision, type OrgKind, type UnitType } from '../../../shared/org.js';
import { foldForSearch, formatDate, normalizeSpaces } from '../../../shared/vietnamese.js';
import { orgImportFields } from './column-mapping.js';
import type { RunContext } from './import-run.service.js';
import { makeProblem, type ParsedOrg, type ProblemPlace } from './imports.rules.js';
import { allocateIds, insertImportedOrgs, orgsByCodeOrName, type ImportedOrgRows } from './imports.queries.js';

/** Where a row's organisation reference led. */
export interface OrgTarget {
  code: string;
  name: string;
  kind: OrgKind;
  unitType: UnitType | null;
  active: boolean;
  /** Recorded organisation, or the one this file creates (its id is known once written). */
  recorded: OrgRow | null;
  planned: PlannedOrg | null;
}

export type Resolution = { target: OrgTarget } | { problem: 'unknown' | 'ambiguous'; names?: string[] };

export interface PlannedOrg {
  parsed: ParsedOrg;
  existing: OrgRow | null;
  action: 'create' | 'update' | 'unchanged' | 'invalid';
  settled: boolean;
  parent: OrgTarget | null;
  unitType: UnitType | null;
  changes: Partial<Pick<OrgRow, 'unitType' | 'foundedOn' | 'foundingDecision'>>;
  id: number | null;
  path: string | null;
  depth: number;
}

const orgLabel = (key: string) => orgImportFields.find((f) => f.key === key)!.label;
/** How a reference to an organisation is compared: spaces tidied for codes and exact names, folded for names. */
export const refKey = (ref: string) => normalizeSpaces(ref);
const nameKey = (name: string) => foldForSearch(name);

export class OrgPlan {
  private readonly rows: ParsedOrg[] = [];
  private planned = new Map<string, PlannedOrg>();
  private resolutions = new Map<string, Resolution>();

  constructor(private readonly run: RunContext) {}

  add(org: ParsedOrg): void {
    this.rows.push(org);
  }

  get hasRows(): boolean {
    return this.rows.length > 0;
  }

  /**
   * Plans every organisation row read so far. The dry run plans again when more arrive and reports
   * problems only from the last plan, so each is reported once.
   */
  async plan(report: boolean): Promise<void> {
    this.planned = new Map();
    this.resolutions = new Map();
    const problems: ImportProblem[] = [];
    const unique: ParsedOrg[] = [];
    const firstRow = new Map<string, ParsedOrg>();
    for (const org of this.rows) {
      const first = firstRow.get(org.code);
      if (first) {
        problems.push(
          makeProblem(
            'error',
            'DUPLICATE_CODE',
            { sheet: org.sheet, row: org.row, column: org.columns.code ?? null, field: orgLabel('code'), value: org.code },
            `Mã tổ chức trùng với dòng ${first.row}${first.sheet !== org.sheet ? ` (trang "${first.sheet}")` : ''}.`,
            'Mỗi tổ chức một mã riêng: hãy sửa mã, hoặc xóa dòng bị lặp.',
          ),
        );
        continue;
      }
      firstRow.set(org.code, org);
      unique.push(org);
    }
    const refs = unique.flatMap((o) => (o.parentRef ? [o.parentRef] : []));
    const recorded = await orgsByCodeOrName(this.run.ctx.db, [...new Set([...unique.map((o) => o.code), ...refs])], [...new Set(refs.map(nameKey))]);
    const recordedByCode = new Map(recorded.map((o) => [o.code, o]));

    for (const org of unique) {
      const existing = recordedByCode.get(org.code) ?? null;
      const plannedOrg: PlannedOrg = {
        parsed: org,
        existing,
        action: existing ? 'unchanged' : 'create',
        settled: false,
        parent: null,
        unitType: existing?.unitType ?? null,
        changes: {},
        id: existing?.id ?? null,
        path: existing?.path ?? null,
        depth: existing?.depth ?? 0,
      };
      this.planned.set(org.code, plannedOrg);
      const at = { sheet: org.sheet, row: org.row, column: org.columns.code ?? null, field: orgLabel('code'), value: org.code };
      if (existing && !isPathInScope(this.run.ctx.actor.scope, existing.path)) {
        plannedOrg.action = 'invalid';
        problems.push(
          makeProblem(
            'error',
            'CODE_TAKEN',
            at,
            'Mã tổ chức này đã được dùng cho một tổ chức ngoài phạm vi quản lý của bạn.',
            'Hãy dùng mã khác, hoặc nhờ cấp quản lý tổ chức đó nhập dòng này.',
          ),
        );
      } else if (existing && !existing.active) {
        plannedOrg.action = 'invalid';
        problems.push(
          makeProblem(
            'error',
            'ORG_ENDED',
            at,
            `Tổ chức mã ${org.code} (${existing.name}) đã kết thúc hoạt động.`,
            'Hãy bỏ dòng này, hoặc dùng mã khác cho tổ chức mới.',
          ),
        );
      }
    }
    // Parents next; a parent created by this file is placed before its children.
    for (const plannedOrg of this.planned.values()) {
      if (plannedOrg.action === 'invalid') continue;
      const org = plannedOrg.parsed;
      if (!org.parentRef) continue;
      const resolution = this.resolveRef(org.parentRef, recorded);
      const at = { sheet: org.sheet, row: org.row, column: org.columns.parent ?? null, field: orgLabel('parent'), value: org.parentRef };
      if ('problem' in resolution) {
        if (plannedOrg.existing) continue;
        plannedOrg.action = 'invalid';
        problems.push(refProblem(resolution, at, 'tổ chức cấp trên'));
      } else if (resolution.target.planned === plannedOrg) {
        plannedOrg.action = 'invalid';
        problems.push(makeProblem('error', 'SELF_PARENT', at, 'Tổ chức không thể là cấp trên của chính nó.', 'Hãy ghi mã của tổ chức cấp trên trực tiếp.'));
      } else {
        plannedOrg.parent = resolution.target;
      }
    }
    for (const plannedOrg of this.planned.values()) this.settleOrg(plannedOrg, problems, new Set());
    if (report) this.run.log.addAll(problems);
    this.run.counts.orgs = { created: 0, updated: 0, unchanged: 0 };
    for (const p of this.planned.values())
      if (p.action !== 'invalid') this.run.counts.orgs[p.action === 'create' ? 'created' : p.action === 'update' ? 'updated' : 'unchanged'] += 1;
  }

  /** Decides one planned organisation, its parent (when the file creates it too) first. */
  private settleOrg(p: PlannedOrg, problems: ImportProblem[], visiting: Set<PlannedOrg>): void {
    if (p.settled) return;
    const org = p.parsed;
    const at = (key: string, value: unknown) => ({
      sheet: org.sheet,
      row: org.row,
      column: org.columns[key as keyof ParsedOrg['columns']] ?? null,
      field: orgLabel(key),
      value,
    });
    if (visiting.has(p)) {
      p.settled = true;
      p.action = 'invalid';
      problems.push(
        makeProblem(
          'error',
          'PARENT_CYCLE',
          at('parent', org.parentRef),
          'Các tổ chức trong tệp làm cấp trên của nhau thành vòng tròn.',
          'Hãy kiểm tra lại cột tổ chức cấp trên của các dòng này.',
        ),
      );
      return;
    }
    if (p.action === 'invalid') {
      p.settled = true;
      return;
    }
    if (p.existing) {
      p.settled = true;
      this.compareOrg(p, problems);
      return;
    }
    visiting.add(p);
    this.settleNewOrg(p, problems, visiting);
    p.settled = true;
  }

  private settleNewOrg(p: PlannedOrg, problems: ImportProblem[], visiting: Set<PlannedOrg>): void {
    const org = p.parsed;
    const at = (key: string, value: unknown) => ({
      sheet: org.sheet,
      row: org.row,
      column: org.columns[key as keyof ParsedOrg['columns']] ?? null,
      field: orgLabel(key),
      value,
    });
    const parent = p.parent;
    if (parent?.planned) {
      this.settleOrg(parent.planned, problems, visiting);
      if (parent.planned.action === 'invalid') {
        p.action = 'invalid';
        problems.push(
          makeProblem(
            'error',
            'PARENT_INVALID',
            at('parent', org.parentRef),
            `Tổ chức cấp trên (dòng ${parent.planned.parsed.row}) có lỗi nên chưa tạo được tổ chức này.`,
            `Hãy sửa lỗi ở dòng ${parent.planned.parsed.row} trước.`,
          ),
        );
        return;
      }
    }
    if (!parent && this.run.ctx.actor.scope.kind !== 'all') {
      p.action = 'invalid';
      problems.push(
        makeProblem(
          'error',
          'PARENT_REQUIRED',
          at('parent', null),
          'Chưa ghi tổ chức cấp trên.',
          'Hãy ghi mã tổ chức cấp trên (trong phạm vi quản lý của bạn).',
        ),
      );
      return;
    }
    if (parent && !parent.active) {
      p.action = 'invalid';
      problems.push(
        makeProblem(
          'error',
          'PARENT_ENDED',
          at('parent', org.parentRef),
          `Tổ chức cấp trên ${parent.name} đã kết thúc hoạt động.`,
          'Hãy ghi tổ chức cấp trên đang hoạt động.',
        ),
      );
      return;
    }
    const nesting = nestingProblem(parent?.kind ?? null, org.kind);
    if (nesting) {
      p.action = 'invalid';
      problems.push(makeProblem('error', 'BAD_NESTING', at('kind', orgKindLabels[org.kind]), nesting, 'Hãy kiểm tra lại loại tổ chức và tổ chức cấp trên.'));
      return;
    }
    // A parent this file creates was only just settled: its target, made while resolving, predates its unit type.
    const unit = resolveUnitType(org.kind, org.unitType, parent?.planned ? parent.planned.unitType : (parent?.unitType ?? null));
    if ('problem' in unit) {
      // Lists of police and army party committees have no unit type that fits; the record can be completed later.
      problems.push(
        makeProblem(
          'warning',
          'UNIT_TYPE_MISSING',
          at('unitType', null),
          `${unit.problem} Tổ chức này sẽ được ghi với loại hình để trống.`,
          'Hãy chọn loại hình cơ sở trong danh sách nếu có; nếu không, bổ sung sau ở trang của tổ chức.',
        ),
      );
    }
    p.unitType = 'problem' in unit ? null : unit.unitType;
  }

  /** A recorded organisation: what the file may fill in, and what it can only point out. */
  private compareOrg(p: PlannedOrg, problems: ImportProblem[]): void {
    const org = p.parsed;
    const existing = p.existing!;
    const at = (key: string, value: unknown) => ({
      sheet: org.sheet,
      row: org.row,
      column: org.columns[key as keyof ParsedOrg['columns']] ?? null,
      field: orgLabel(key),
      value,
    });
    if (normalizeSpaces(existing.name) !== org.name)
      problems.push(
        makeProblem(
          'warning',
          'ORG_NAME_DIFFERS',
          at('name', org.name),
          `Tên trong tệp khác tên đang ghi "${existing.name}"; tên đang ghi được giữ nguyên.`,
          'Nếu tổ chức đã đổi tên, hãy ghi biến động Đổi tên (kèm quyết định) ở trang của tổ chức.',
        ),
      );
    if (existing.kind !== org.kind)
      problems.push(
        makeProblem(
          'warning',
          'ORG_KIND_DIFFERS',
          at('kind', orgKindLabels[org.kind]),
          `Loại tổ chức trong tệp khác loại đang ghi (${orgKindLabels[existing.kind]}); loại đang ghi được giữ nguyên.`,
          'Hãy kiểm tra lại loại tổ chức trong tệp.',
        ),
      );
    if (p.parent && (p.parent.recorded?.id ?? -1) !== existing.parentId)
      problems.push(
        makeProblem(
          'warning',
          'ORG_PARENT_DIFFERS',
          at('parent', org.parentRef),
          'Tổ chức cấp trên trong tệp khác cấp trên đang ghi; cấp trên đang ghi được giữ nguyên.',
          'Nếu tổ chức đã chuyển trực thuộc, hãy ghi biến động Chuyển trực thuộc ở trang của tổ chức.',
        ),
      );
    const grassroots = existing.kind === 'grassroots_committee' || existing.kind === 'grassroots_cell';
    if (grassroots && org.unitType && org.unitType !== existing.unitType) p.changes.unitType = org.unitType;
    if (org.foundedOn && org.foundedOn !== existing.foundedOn) {
      if (existing.foundedOn === null) p.changes.foundedOn = org.foundedOn;
      else
        problems.push(
          makeProblem(
            'warning',
            'ORG_FOUNDED_DIFFERS',
            at('foundedOn', org.foundedOn),
            `Ngày thành lập trong tệp khác ngày đang ghi (${formatDate(existing.foundedOn)}); ngày đang ghi được giữ nguyên.`,
            'Hãy kiểm tra lại ngày thành lập trong tệp.',
          ),
        );
    }
    const decision = foundingDecision(org, existing.foundedOn);
    if (
      decision &&
      JSON.stringify(decision) !==
        JSON.stringify(
          existing.foundingDecision && {
            number: existing.foundingDecision.number,
            date: existing.foundingDecision.date,
            issuer: existing.foundingDecision.issuer,
          },
        )
    ) {
      if (existing.foundingDecision === null) p.changes.foundingDecision = decision;
      else
        problems.push(
          makeProblem(
            'warning',
            'ORG_DECISION_DIFFERS',
            at('foundingDecisionNumber', org.decisionNumber),
            `Quyết định thành lập trong tệp khác quyết định đang ghi (${existing.foundingDecision.number}); quyết định đang ghi được giữ nguyên.`,
            'Hãy kiểm tra lại số và cơ quan ra quyết định thành lập.',
          ),
        );
    }
    p.action = Object.keys(p.changes).length > 0 ? 'update' : 'unchanged';
  }

  /** By code, then by exact name, then accent-insensitively by name; in the file first, then among recorded organisations. */
  resolveRef(ref: string, recorded: OrgRow[]): Resolution {
    const key = refKey(ref);
    const fromFile = this.planned.get(key);
    if (fromFile) return { target: plannedTarget(fromFile) };
    const inScope = recorded.filter((o) => isPathInScope(this.run.ctx.actor.scope, o.path));
    const byCode = inScope.find((o) => o.code === key);
    if (byCode) return { target: recordedTarget(byCode) };
    const plannedList = [...this.planned.values()];
    for (const same of [(name: string) => normalizeSpaces(name) === key, (name: string) => nameKey(name) === nameKey(key)]) {
      const files = plannedList.filter((p) => same(p.parsed.name));
      const db = inScope.filter((o) => o.active && same(o.name) && !this.planned.has(o.code));
      const all = [...files.map(plannedTarget), ...db.map(recordedTarget)];
      if (all.length === 1) return { target: all[0] };
      if (all.length > 1) return { problem: 'ambiguous', names: all.map((t) => `${t.name} (mã ${t.code})`) };
    }
    return { problem: 'unknown' };
  }

  /** The cells this file creates (their members are all in the file), placed at their rows. */
  createdCells(): { code: string; name: string; place: ProblemPlace }[] {
    return [...this.planned.values()]
      .filter((p) => p.action === 'create' && (memberHoldingKinds as readonly string[]).includes(p.parsed.kind))
      .map(({ parsed: org }) => ({
        code: org.code,
        name: org.name,
        place: { sheet: org.sheet, row: org.row, column: org.columns.code ?? null, field: orgLabel('code'), value: org.code },
      }));
  }

  /** Resolves the organisations that member rows name, once each: in the file, then among recorded organisations. */
  async resolveRefs(members: readonly { orgRef: string }[]): Promise<void> {
    const missing = [...new Set(members.map((m) => refKey(m.orgRef)).filter((ref) => !this.resolutions.has(ref) && !this.planned.has(ref)))];
    const recorded = missing.length > 0 ? await orgsByCodeOrName(this.run.ctx.db, missing, [...new Set(missing.map(nameKey))]) : [];
    for (const ref of missing)
      this.resolutions.set(
        ref,
        this.resolveRef(
          ref,
          recorded.filter((o) => o.code === ref || nameKey(o.name) === nameKey(ref)),
        ),
      );
  }

  /** Where a reference resolveRefs has seen led. */
  resolution(ref: string): Resolution {
    const key = refKey(ref);
    const planned = this.planned.get(key);
    return planned ? { target: plannedTarget(planned) } : this.resolutions.get(key)!;
  }

  /** A reference looked up again once the whole file is read (the dry run's members that name an organisation of a later sheet). */
  async resolveLate(ref: string): Promise<Resolution> {
    return this.resolveRef(
      ref,
      (await orgsByCodeOrName(this.run.ctx.db, [ref], [nameKey(ref)])).filter((o) => o.code === ref || nameKey(o.name) === nameKey(ref)),
    );
  }

  /** The commit: creates the planned organisations, parents before children, and fills in what recorded ones lacked. */
  async write(): Promise<void> {
    const writer = this.run.writer!;
    const order: PlannedOrg[] = [];
    const placed = new Set<PlannedOrg>();
    const place = (p: PlannedOrg) => {
      if (placed.has(p) || p.action !== 'create') return;
      if (p.parent?.planned) place(p.parent.planned);
      placed.add(p);
      order.push(p);
    };
    for (const p of this.planned.values()) place(p);
    const withEvent = order.filter((p) => p.parsed.foundedOn);
    // One after another: on PostgreSQL the writer is a single connection.
    const ids = await allocateIds(writer.db, 'orgs', order.length);
    const versionIds = await allocateIds(writer.db, 'org_versions', order.length);
    const eventIds = await allocateIds(writer.db, 'org_events', withEvent.length);
    const rows: ImportedOrgRows = { orgs: [], versions: [], events: [], links: [] };
    const audit: AuditEntry[] = [];
    const { reason, ctx } = this.run;
    order.forEach((p, i) => {
      const parent = p.parent
        ? {
            id: p.parent.recorded?.id ?? p.parent.planned!.id!,
            path: p.parent.recorded?.path ?? p.parent.planned!.path!,
            depth: p.parent.recorded?.depth ?? p.parent.planned!.depth,
          }
        : null;
      p.id = ids[i];
      p.path = `${parent?.path ?? '/'}${p.id}/`;
      p.depth = parent ? parent.depth + 1 : 0;
      const org = p.parsed;
      const decision = foundingDecision(org, null);
      const eventId = org.foundedOn ? eventIds[withEvent.indexOf(p)] : null;
      const parentId = parent?.id ?? null;
      rows.orgs.push({
        id: p.id,
        code: org.code,
        name: org.name,
        kind: org.kind,
        unitType: p.unitType,
        parentId,
        path: p.path,
        depth: p.depth,
        foundedOn: org.foundedOn,
        foundingDecision: decision,
      });
      rows.versions.push({
        id: versionIds[i],
        orgId: p.id,
        name: org.name,
        kind: org.kind,
        unitType: p.unitType,
        parentId,
        validFrom: org.foundedOn ?? '1930-02-03',
        eventId,
      });
      if (eventId !== null) {
        rows.events.push({
          id: eventId,
          kind: 'founded',
          occurredOn: org.foundedOn!,
          decision,
          details: { importId: this.run.importId },
          createdBy: ctx.actor.userId,
        });
        rows.links.push({ eventId, orgId: p.id, role: 'successor' });
      }
      audit.push({
        entity: 'org',
        entityId: p.id,
        action: 'create',
        after: { code: org.code, name: org.name, kind: org.kind, unitType: p.unitType, parentId, foundedOn: org.foundedOn, foundingDecision: decision },
        reason,
      });
    });
    await insertImportedOrgs(writer, ctx.dbKind, rows);
    for (const p of this.planned.values()) {
      if (p.action !== 'update') continue;
      const after = await updateOrgRow(writer.db, p.existing!.id, p.existing!.version, p.changes);
      if (!after) throw new Error(`organisation ${p.existing!.id} changed during the import`);
      audit.push({ entity: 'org', entityId: p.existing!.id, action: 'update', before: pick(p.existing!, Object.keys(p.changes)), after: p.changes, reason });
    }
    await recordAudit(ctx, audit);
  }
}

/** Why a member cannot be recorded at this organisation, or null: members belong to an active cell. */
export function holdingProblem(target: OrgTarget): string | null {
  if (!(memberHoldingKinds as readonly string[]).includes(target.kind))
    return `${target.name} là ${orgKindLabels[target.kind].toLowerCase()}, không phải chi bộ: đảng viên sinh hoạt ở chi bộ.`;
  if (!target.active) return `${target.name} đã kết thúc hoạt động.`;
  return null;
}

function plannedTarget(p: PlannedOrg): OrgTarget {
  return {
    code: p.parsed.code,
    name: p.existing?.name ?? p.parsed.name,
    kind: p.existing?.kind ?? p.parsed.kind,
    unitType: p.existing?.unitType ?? p.unitType,
    active: p.existing?.active ?? true,
    recorded: p.existing,
    planned: p.existing ? null : p,
  };
}

function recordedTarget(o: OrgRow): OrgTarget {
  return { code: o.code, name: o.name, kind: o.kind, unitType: o.unitType, active: o.active, recorded: o, planned: null };
}

export function refProblem(
  resolution: { problem: 'unknown' | 'ambiguous'; names?: string[] },
  at: Parameters<typeof makeProblem>[2],
  what: string,
): ImportProblem {
  if (resolution.problem === 'ambiguous')
    return makeProblem('error', 'AMBIGUOUS_ORG', at, `Có nhiều tổ chức cùng tên này: ${resolution.names!.join('; ')}.`, 'Hãy ghi mã tổ chức thay cho tên.');
  return makeProblem(
    'error',
    'UNKNOWN_ORG',
    at,
    `Không tìm thấy ${what} có mã hoặc tên này trong tệp hay trong phạm vi quản lý của bạn.`,
    `Hãy ghi đúng mã tổ chức (xem trang Tổ chức), hoặc thêm ${what} đó vào trang "Tổ chức" của tệp.`,
  );
}

function foundingDecision(org: ParsedOrg, recordedFoundedOn: string | null): Decision | null {
  const date = org.foundedOn ?? recordedFoundedOn;
  if (!org.decisionNumber || !org.decisionIssuer || !date) return null;
  return { number: org.decisionNumber, date, issuer: org.decisionIssuer };
}

export function pick(source: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (source as Record<string, unknown>)[k]]));
}
