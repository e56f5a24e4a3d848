/**
 * The member rows of an import, in batches: duplicates inside the file, the cell each names (through the
 * organisation plan), the recorded member it matches (card number, citizen ID, or name and birth date),
 * what would change, and in the commit the new members with their membership history.
 */
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { updateMemberRow } from '../members/members.queries.js';
import { nameColumns } from '../members/members.rules.js';
import { isPathInScope } from '../../scope.js';
import type { ImportProblem } from '../../../shared/imports.js';
import { formatDate } from '../../../shared/vietnamese.js';
import { memberImportFields } from './column-mapping.js';
import type { RunContext } from './import-run.service.js';
import {
  cellWarnings,
  compareMember,
  ignoredDifferenceFix,
  isCellCommitteeSeat,
  makeProblem,
  nameBirthKey,
  type CellInFile,
  type ImportRules,
  type ParsedMember,
  type RecordedMember,
} from './imports.rules.js';
import { allocateIds, insertImportedMembers, membersByIdentifiers, membersByNameAndBirth, type ImportedMemberRows } from './imports.queries.js';
import { holdingProblem, pick, refKey, refProblem, type OrgPlan, type OrgTarget } from './org-plan.service.js';

interface MemberDecision {
  member: ParsedMember;
  action: 'create' | 'update' | 'unchanged';
  target: OrgTarget | null;
  recorded: RecordedMember | null;
  changes: Record<string, unknown>;
}

interface Deferred {
  sheet: string;
  column: number | null;
  /** `action` null: a row refused for other faults, whose cell is checked only to list every problem at once. */
  rows: { row: number; action: MemberDecision['action'] | null; member?: ParsedMember }[];
}

/** The cell named by a member row refused for other faults. */
export interface FailedRef {
  sheet: string;
  row: number;
  column: number | null;
  orgRef: string;
}

const memberLabel = (key: string) => memberImportFields.find((f) => f.key === key)!.label;

export class MemberPlan {
  private batch: ParsedMember[] = [];
  private failed: FailedRef[] = [];
  private readonly deferred = new Map<string, Deferred>();
  /** Members created in each cell, by the cell's code. */
  private readonly cells = new Map<string, Pick<CellInFile, 'fullMembers' | 'committeeRows'>>();
  private readonly seenCards = new Map<string, number>();
  private readonly seenNationalIds = new Map<string, number>();
  private readonly seenPeople = new Map<string, { row: number; card: string | null; nationalId: string | null }>();
  /**
   * The first id the commit took for a member. Ids come from the sequence in order, and from its first
   * audit row on the commit holds the audit chain's lock, which every other writer of members waits
   * for: every member below this id was recorded before the import, every one above is the import's own.
   */
  private firstCreatedId: number | null = null;

  constructor(
    private readonly run: RunContext,
    private readonly orgs: OrgPlan,
  ) {}

  /** Returns true when a batch is full and should be processed. */
  add(member: ParsedMember): boolean {
    this.batch.push(member);
    return this.batch.length >= batchSize;
  }

  /** A row refused for other faults still names a cell, checked with the batch so a row's problems come at once. */
  addFailedRef(ref: FailedRef): void {
    this.failed.push(ref);
  }

  /** Checks the rows added since the last call against the file and the records; the commit writes them. */
  async process(): Promise<void> {
    await this.checkFailedRefs();
    const batch = this.batch;
    this.batch = [];
    if (batch.length === 0) return;
    const live: ParsedMember[] = [];
    for (const m of batch) if (this.checkDuplicates(m)) live.push(m);
    await this.orgs.resolveRefs(live);
    const cards = live.flatMap((m) => (m.cardNumber ? [m.cardNumber] : []));
    const nationalIds = live.flatMap((m) => (m.nationalId ? [m.nationalId] : []));
    const byIdentifier = await membersByIdentifiers(this.run.ctx.db, cards, nationalIds);
    const byCard = new Map(byIdentifier.filter((r) => r.cardNumber).map((r) => [r.cardNumber!, r]));
    const byNationalId = new Map(byIdentifier.filter((r) => r.nationalId).map((r) => [r.nationalId!, r]));
    const unmatched = live.filter((m) => !(m.cardNumber && byCard.has(m.cardNumber)) && !(m.nationalId && byNationalId.has(m.nationalId)));
    const pairs = new Map(unmatched.map((m) => [`${namesOf(m).nameSortKey}|${m.birthDate}`, { sortKey: namesOf(m).nameSortKey, birthDate: m.birthDate }]));
    const candidates = await membersByNameAndBirth(this.run.ctx.db, [...pairs.values()], this.firstCreatedId);
    const byPerson = new Map<string, RecordedMember[]>();
    for (const c of candidates) {
      const key = nameBirthKey(c.fullName, c.birthDate);
      byPerson.set(key, [...(byPerson.get(key) ?? []), c]);
    }
    const decisions: MemberDecision[] = [];
    for (const m of live) {
      const decision = this.decideMember(m, byCard, byNationalId, byPerson);
      if (decision) decisions.push(decision);
    }
    if (this.run.mode === 'commit' && this.run.log.counts.error === 0) await this.write(decisions);
  }

  /** Card numbers and citizen IDs are unique; the same name and birth date twice is probably one person typed twice. */
  private checkDuplicates(m: ParsedMember): boolean {
    let ok = true;
    const at = (key: 'cardNumber' | 'nationalId' | 'fullName', value: unknown) => ({
      sheet: m.sheet,
      row: m.row,
      column: m.columns[key] ?? null,
      field: memberLabel(key),
      value,
    });
    if (m.cardNumber) {
      const first = this.seenCards.get(m.cardNumber);
      if (first !== undefined) {
        ok = false;
        this.run.log.add(
          makeProblem(
            'error',
            'DUPLICATE_CARD_NUMBER',
            at('cardNumber', m.cardNumber),
            `Số thẻ đảng viên trùng với dòng ${first}.`,
            'Mỗi đảng viên một số thẻ: hãy kiểm tra lại số thẻ của hai dòng, hoặc xóa dòng bị lặp.',
          ),
        );
      } else this.seenCards.set(m.cardNumber, m.row);
    }
    if (m.nationalId) {
      const first = this.seenNationalIds.get(m.nationalId);
      if (first !== undefined) {
        ok = false;
        this.run.log.add(
          makeProblem(
            'error',
            'DUPLICATE_NATIONAL_ID',
            at('nationalId', m.nationalId),
            `Số CCCD trùng với dòng ${first}.`,
            'Mỗi người một số CCCD: hãy kiểm tra lại số CCCD của hai dòng, hoặc xóa dòng bị lặp.',
          ),
        );
      } else this.seenNationalIds.set(m.nationalId, m.row);
    }
    const person = nameBirthKey(m.fullName, m.birthDate, true);
    const earlier = this.seenPeople.get(person);
    if (earlier) {
      const distinct =
        (earlier.card && m.cardNumber && earlier.card !== m.cardNumber) || (earlier.nationalId && m.nationalId && earlier.nationalId !== m.nationalId);
      if (!distinct && ok)
        this.run.log.add(
          makeProblem(
            'warning',
            'DUPLICATE_PERSON',
            at('fullName', m.fullName),
            `Trùng họ tên và ngày sinh với dòng ${earlier.row}.`,
            'Nếu là hai người khác nhau, hãy ghi số thẻ đảng viên hoặc số CCCD để phân biệt; nếu là một người, hãy xóa dòng bị lặp.',
          ),
        );
    } else this.seenPeople.set(person, { row: m.row, card: m.cardNumber, nationalId: m.nationalId });
    return ok;
  }

  /** The cells named by rows refused for other faults: an unknown cell is listed with the row's other problems, not after they are fixed. */
  private async checkFailedRefs(): Promise<void> {
    const refs = this.failed;
    this.failed = [];
    if (refs.length === 0) return;
    await this.orgs.resolveRefs(refs);
    for (const f of refs) {
      const at = { sheet: f.sheet, row: f.row, column: f.column, field: memberLabel('org'), value: f.orgRef };
      const resolution = this.orgs.resolution(f.orgRef);
      if ('problem' in resolution) {
        if (resolution.problem === 'unknown' && this.run.mode === 'check') {
          const key = refKey(f.orgRef);
          const entry = this.deferred.get(key) ?? { sheet: f.sheet, column: f.column, rows: [] };
          entry.rows.push({ row: f.row, action: null });
          this.deferred.set(key, entry);
        } else this.run.log.add(refProblem(resolution, at, 'chi bộ'));
        continue;
      }
      const problem = holdingProblem(resolution.target);
      if (problem)
        this.run.log.add(
          makeProblem('error', 'NOT_A_CELL', at, problem, 'Hãy ghi mã của chi bộ nơi đảng viên sinh hoạt (chi bộ cơ sở hoặc chi bộ trực thuộc).'),
        );
    }
  }

  private decideMember(
    m: ParsedMember,
    byCard: Map<string, RecordedMember>,
    byNationalId: Map<string, RecordedMember>,
    byPerson: Map<string, RecordedMember[]>,
  ): MemberDecision | null {
    const at = (key: string, value: unknown) => ({
      sheet: m.sheet,
      row: m.row,
      column: m.columns[key as keyof ParsedMember['columns']] ?? null,
      field: memberLabel(key),
      value,
    });
    const problems: ImportProblem[] = [];
    const fail = (problem: ImportProblem) => {
      this.run.log.add(problem);
      return null;
    };

    const resolution = this.orgs.resolution(m.orgRef);
    let target: OrgTarget | null = null;
    let deferred = false;
    if ('problem' in resolution) {
      if (resolution.problem === 'unknown' && this.run.mode === 'check') deferred = true;
      else return fail(refProblem(resolution, at('org', m.orgRef), 'chi bộ'));
    } else {
      target = resolution.target;
      const orgProblem = holdingProblem(target);
      if (orgProblem)
        return fail(
          makeProblem(
            'error',
            'NOT_A_CELL',
            at('org', m.orgRef),
            orgProblem,
            'Hãy ghi mã của chi bộ nơi đảng viên sinh hoạt (chi bộ cơ sở hoặc chi bộ trực thuộc).',
          ),
        );
    }

    const cardOwner = m.cardNumber ? byCard.get(m.cardNumber) : undefined;
    const idOwner = m.nationalId ? byNationalId.get(m.nationalId) : undefined;
    if (cardOwner && idOwner && cardOwner.id !== idOwner.id)
      return fail(
        makeProblem(
          'error',
          'IDENTIFIERS_OF_TWO_MEMBERS',
          at('nationalId', m.nationalId),
          `Số thẻ đảng viên là của ${cardOwner.fullName}, còn số CCCD là của ${idOwner.fullName}.`,
          'Hãy kiểm tra lại số thẻ và số CCCD của dòng này.',
        ),
      );
    let recorded = cardOwner ?? idOwner ?? null;
    if (recorded) {
      if (cardOwner && m.nationalId && recorded.nationalId && recorded.nationalId !== m.nationalId)
        return fail(
          makeProblem(
            'error',
            'NATIONAL_ID_DIFFERS',
            at('nationalId', m.nationalId),
            `Số thẻ đảng viên là của ${recorded.fullName}, người này có số CCCD khác (${recorded.nationalId}).`,
            'Hãy kiểm tra lại số thẻ và số CCCD của dòng này.',
          ),
        );
      if (!cardOwner && m.cardNumber && recorded.cardNumber && recorded.cardNumber !== m.cardNumber)
        return fail(
          makeProblem(
            'error',
            'CARD_NUMBER_DIFFERS',
            at('cardNumber', m.cardNumber),
            `Số CCCD là của ${recorded.fullName}, người này có số thẻ đảng viên khác (${recorded.cardNumber}).`,
            'Hãy kiểm tra lại số thẻ và số CCCD của dòng này.',
          ),
        );
    } else {
      const people = (byPerson.get(nameBirthKey(m.fullName, m.birthDate, true)) ?? []).filter(
        (c) => !(c.cardNumber && m.cardNumber && c.cardNumber !== m.cardNumber) && !(c.nationalId && m.nationalId && c.nationalId !== m.nationalId),
      );
      if (people.length > 1)
        return fail(
          makeProblem(
            'error',
            'AMBIGUOUS_PERSON',
            at('fullName', m.fullName),
            `Có ${people.length} đảng viên đã ghi cùng họ tên và ngày sinh này.`,
            'Hãy ghi số thẻ đảng viên hoặc số CCCD để biết dòng này là ai.',
          ),
        );
      if (people.length === 1) {
        recorded = people[0];
        this.run.counts.nameMatches += 1;
        problems.push(
          makeProblem(
            this.run.mode === 'commit' && !this.run.confirmNameMatches ? 'error' : 'warning',
            'NAME_MATCH',
            at('fullName', m.fullName),
            `Khớp với đảng viên đã ghi ${recorded.fullName}, sinh ${formatDate(recorded.birthDate)}, ${recorded.orgName} chỉ theo họ tên và ngày sinh.`,
            'Nếu đúng là cùng một người, hãy đánh dấu xác nhận khi ghi dữ liệu; nếu không, hãy ghi số thẻ đảng viên hoặc số CCCD để phân biệt.',
          ),
        );
      }
    }
    if (recorded && !isPathInScope(this.run.ctx.actor.scope, recorded.orgPath))
      return fail(
        makeProblem(
          'error',
          'MEMBER_OUT_OF_SCOPE',
          at(cardOwner ? 'cardNumber' : idOwner ? 'nationalId' : 'fullName', null),
          'Đảng viên này đã có hồ sơ ở một tổ chức ngoài phạm vi quản lý của bạn.',
          'Hãy bỏ dòng này, hoặc nhờ cấp quản lý tổ chức đó cập nhật.',
        ),
      );

    let action: MemberDecision['action'] = 'create';
    let changes: Record<string, unknown> = {};
    if (recorded) {
      const targetId = target ? (target.recorded?.id ?? target.planned?.id ?? null) : null;
      const difference = compareMember(recorded, m, target?.recorded ? targetId : target?.planned ? -1 : null);
      changes = difference.changes;
      for (const ignored of difference.ignored)
        problems.push(
          makeProblem(
            'warning',
            'RECORD_DIFFERS',
            at(ignored.key, ignored.file),
            `${memberLabel(ignored.key)} trong tệp (${ignored.file}) khác hồ sơ đang ghi (${ignored.recorded}); hồ sơ được giữ nguyên.`,
            ignoredDifferenceFix[ignored.key] ?? '',
          ),
        );
      action = Object.keys(changes).length > 0 ? 'update' : 'unchanged';
    }
    this.run.log.addAll(problems);
    if (deferred) {
      const key = refKey(m.orgRef);
      const entry = this.deferred.get(key) ?? { sheet: m.sheet, column: m.columns.org ?? null, rows: [] };
      entry.rows.push({ row: m.row, action, member: m });
      this.deferred.set(key, entry);
      return null;
    }
    this.run.counts.members[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged'] += 1;
    if (action === 'create' && target) this.tally(target.code, m);
    return { member: m, action, target, recorded, changes };
  }

  /** In the dry run, a member may name an organisation that a later sheet of the file defines. */
  async settleDeferred(): Promise<void> {
    for (const [ref, entry] of this.deferred) {
      const resolution = await this.orgs.resolveLate(ref);
      const problem = 'problem' in resolution ? null : holdingProblem(resolution.target);
      for (const { row, action, member } of entry.rows) {
        const at = { sheet: entry.sheet, row, column: entry.column, field: memberLabel('org'), value: ref };
        if ('problem' in resolution) this.run.log.add(refProblem(resolution, at, 'chi bộ'));
        else if (problem)
          this.run.log.add(
            makeProblem('error', 'NOT_A_CELL', at, problem, 'Hãy ghi mã của chi bộ nơi đảng viên sinh hoạt (chi bộ cơ sở hoặc chi bộ trực thuộc).'),
          );
        else if (action) {
          this.run.counts.members[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged'] += 1;
          if (action === 'create' && member) this.tally(resolution.target.code, member);
        }
      }
    }
    this.deferred.clear();
  }

  /** A member the file records in a cell: counted for the cell's size rules (cellWarnings). */
  private tally(code: string, m: ParsedMember): void {
    const cell = this.cells.get(code) ?? { fullMembers: 0, committeeRows: [] };
    if (m.status === 'full') cell.fullMembers += 1;
    if (m.position && isCellCommitteeSeat(m.position))
      cell.committeeRows.push({ sheet: m.sheet, row: m.row, column: m.columns.position ?? null, field: memberLabel('position'), value: m.position });
    this.cells.set(code, cell);
  }

  /** Once every member row is decided: warns on the cells the file creates that today's rules on a cell's size would refuse. */
  reportCells(today: string, rules: ImportRules): void {
    for (const cell of this.orgs.createdCells()) {
      const members = this.cells.get(cell.code) ?? { fullMembers: 0, committeeRows: [] };
      this.run.log.addAll(cellWarnings({ place: cell.place, name: cell.name, ...members }, today, rules));
    }
  }

  private async write(decisions: MemberDecision[]): Promise<void> {
    const writer = this.run.writer!;
    const { ctx, reason } = this.run;
    const creates = decisions.filter((d) => d.action === 'create');
    const confirmed = creates.filter((d) => d.member.confirmedOn && (d.member.status === 'full' || d.member.leftOn));
    const left = creates.filter((d) => d.member.leftOn);
    const memberIds = await allocateIds(writer.db, 'members', creates.length);
    const eventIds = await allocateIds(writer.db, 'membership_events', creates.length + confirmed.length + left.length);
    const periodIds = await allocateIds(writer.db, 'membership_periods', creates.length + confirmed.length + left.length);
    const rows: ImportedMemberRows = { members: [], events: [], periods: [] };
    const audit: AuditEntry[] = [];
    const details = { importId: this.run.importId };
    const createdBy = ctx.actor.userId;
    let e = 0;
    if (this.firstCreatedId === null && memberIds.length > 0) this.firstCreatedId = memberIds[0];
    creates.forEach((d, i) => {
      const m = d.member;
      const id = memberIds[i];
      const org = d.target!.recorded ?? { id: d.target!.planned!.id!, path: d.target!.planned!.path! };
      const status = m.status;
      const fullSince = status === 'full' || m.leftOn ? m.confirmedOn : null;
      const {
        placeOfOrigin,
        residence,
        ethnicity,
        religion,
        education,
        professionalQualification,
        theoryLevel,
        job,
        position,
        nationalId,
        cardNumber,
        profileNumber,
      } = m;
      rows.members.push({
        id,
        ...namesOf(m),
        gender: m.gender,
        birthDate: m.birthDate,
        placeOfOrigin,
        residence,
        ethnicity,
        religion,
        education,
        professionalQualification,
        theoryLevel,
        job,
        position,
        nationalId,
        cardNumber,
        profileNumber,
        admittedOn: m.admittedOn,
        confirmedOn: fullSince,
        orgId: org.id,
        orgPath: org.path,
        status,
      });
      // The history opens at admission as probationary; a confirmation date adds the confirmation, so "as of" reads stay right.
      const firstEvent = eventIds[e];
      const firstPeriod = periodIds[e];
      e += 1;
      const event = { memberId: id, decision: null, reason, details, createdBy };
      rows.events.push({
        ...event,
        id: firstEvent,
        kind: 'record_created',
        occurredOn: m.admittedOn,
        fromOrgId: null,
        toOrgId: org.id,
        statusAfter: 'probationary',
      });
      rows.periods.push({
        id: firstPeriod,
        memberId: id,
        orgId: org.id,
        status: 'probationary',
        validFrom: m.admittedOn,
        validTo: fullSince ?? m.leftOn,
        eventId: firstEvent,
      });
      if (fullSince) {
        rows.events.push({ ...event, id: eventIds[e], kind: 'confirmation', occurredOn: fullSince, fromOrgId: org.id, toOrgId: org.id, statusAfter: 'full' });
        rows.periods.push({ id: periodIds[e], memberId: id, orgId: org.id, status: 'full', validFrom: fullSince, validTo: m.leftOn, eventId: eventIds[e] });
        e += 1;
      }
      // A member who has left: the exit closes the history as the exits and transfers do (the period in the exit status stays open).
      if (m.leftOn) {
        rows.events.push({
          ...event,
          id: eventIds[e],
          kind: exitEventKinds[status as keyof typeof exitEventKinds],
          occurredOn: m.leftOn,
          fromOrgId: org.id,
          toOrgId: null,
          statusAfter: status,
        });
        rows.periods.push({ id: periodIds[e], memberId: id, orgId: org.id, status, validFrom: m.leftOn, validTo: null, eventId: eventIds[e] });
        e += 1;
      }
      audit.push({ entity: 'member', entityId: id, action: 'create', after: memberAudit(m, org.id), reason });
    });
    await insertImportedMembers(writer, ctx.dbKind, rows);
    for (const d of decisions) {
      if (d.action !== 'update') continue;
      const values: Record<string, unknown> = { ...d.changes, ...(typeof d.changes.fullName === 'string' ? nameColumns(d.changes.fullName) : {}) };
      const after = await updateMemberRow(writer.db, d.recorded!.id, d.recorded!.version, values);
      if (!after) throw new Error(`member ${d.recorded!.id} changed during the import`);
      audit.push({ entity: 'member', entityId: d.recorded!.id, action: 'update', before: pick(d.recorded!, Object.keys(d.changes)), after: d.changes, reason });
    }
    await recordAudit(ctx, audit);
  }
}

const batchSize = 2000;

/** The membership event that leaves a member in each exit status. */
const exitEventKinds = {
  struck_off: 'strike_off',
  expelled: 'expulsion',
  withdrawn: 'withdrawal',
  deceased: 'death',
  transferred_out: 'transfer_out',
} as const;

/** The name columns of a parsed member, computed once: the lookup needs the sort key and the insert all of them. */
const nameCache = new WeakMap<ParsedMember, ReturnType<typeof nameColumns>>();
function namesOf(m: ParsedMember): ReturnType<typeof nameColumns> {
  let names = nameCache.get(m);
  if (!names) nameCache.set(m, (names = nameColumns(m.fullName)));
  return names;
}

function memberAudit(m: ParsedMember, orgId: number) {
  const { sheet: _s, row, given: _g, columns: _c, orgRef: _o, ...values } = m;
  return { ...values, orgId, row };
}
