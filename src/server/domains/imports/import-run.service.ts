/**
 * Reads an uploaded file row by row and either plans it (the dry run: counts and problems, nothing
 * written) or writes it (the commit: one transaction, all or nothing). Both go through the same
 * row-by-row decisions, so the commit does exactly what the dry run reported.
 *
 * Rows are streamed and handled in batches; what stays in memory for the whole file is the
 * organisations (few) and the card numbers, citizen IDs and name + birth date keys already seen (to
 * find duplicates inside the file).
 */
import { createHash } from 'node:crypto';
import { appendFile } from 'node:fs/promises';
import type { Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { withBulkWriter, type BulkWriter } from '../../db/bulk.js';
import { isPathInScope } from '../../scope.js';
import { lockAuditChain } from '../audit/audit.queries.js';
import { ruleTimeline } from '../rulebook/rulebook.service.js';
import { recordAudit, type AuditEntry } from '../audit/audit.service.js';
import { updateMemberRow } from '../members/members.queries.js';
import { memberHoldingKinds, nameColumns } from '../members/members.rules.js';
import { updateOrgRow, type OrgRow } from '../orgs/orgs.queries.js';
import { nestingProblem, resolveUnitType } from '../orgs/orgs.rules.js';
import { todayIso } from '../../../shared/dates.js';
import type { ImportCounts, ImportProblem, ImportProgress, ImportRecordType, ImportSheetPlan } from '../../../shared/imports.js';
import { orgKindLabels, type Decision, type OrgKind, type UnitType } from '../../../shared/org.js';
import { foldForSearch, formatDate, normalizeSpaces } from '../../../shared/vietnamese.js';
import {
  columnLetter,
  convertLegacyHeaders,
  findHeaderRow,
  guessMapping,
  importFields,
  memberImportFields,
  normalizeHeader,
  orgImportFields,
  recordTypeForSheet,
} from './column-mapping.js';
import type { UploadKind } from './file-safety.js';
import {
  charterImportRules,
  compareMember,
  legacyFontNames,
  ignoredDifferenceFix,
  makeProblem,
  nameBirthKey,
  parseMemberRow,
  parseOrgRow,
  type ParsedMember,
  type ImportRules,
  type ParsedOrg,
  type RecordedMember,
} from './imports.rules.js';
import { allocateIds, insertAsJson, lockImport, membersByIdentifiers, membersByNameAndBirth, orgsByCodeOrName } from './imports.queries.js';
import { detectLegacyEncodingOfColumn, type LegacyEncoding } from './legacy-encoding.js';
import { plainCellValue } from './cell-values.js';
import { readRows, type SheetRow } from './spreadsheet-reader.js';

// ---- Problems -------------------------------------------------------------------------------

const previewLimits = { error: 150, warning: 100, info: 50 } as const;
/** Past this, problems are counted but no longer listed: a file wrong in every row says so in its first rows. */
const maxListedProblems = 200_000;

/** Counts every problem, keeps the first of each kind for the screen, and writes all of them (JSON lines) for the report. */
export class ProblemLog {
  readonly counts = { error: 0, warning: 0, info: 0 };
  readonly preview: ImportProblem[] = [];
  private pending: string[] = [];
  private listed = 0;

  constructor(private readonly path: string | null) {}

  add(problem: ImportProblem): void {
    this.counts[problem.severity] += 1;
    if (this.counts[problem.severity] <= previewLimits[problem.severity]) this.preview.push(problem);
    if (this.path && this.listed < maxListedProblems) {
      this.listed += 1;
      this.pending.push(JSON.stringify(problem));
    }
  }

  addAll(problems: ImportProblem[]): void {
    for (const problem of problems) this.add(problem);
  }

  async flush(): Promise<void> {
    if (!this.path || this.pending.length === 0) return;
    const text = `${this.pending.join('\n')}\n`;
    this.pending = [];
    await appendFile(this.path, text);
  }

  /** Errors first, then warnings, then what the import did on its own. */
  sortedPreview(): ImportProblem[] {
    const order = { error: 0, warning: 1, info: 2 };
    return [...this.preview].sort((a, b) => order[a.severity] - order[b.severity]);
  }
}

// ---- Inputs and outputs -----------------------------------------------------------------------

export interface RunInput {
  importId: number;
  fileName: string;
  path: string;
  kind: UploadKind;
  /** Plans of an earlier run or the user's confirmation; other sheets are recognised from their headers. */
  plans: ImportSheetPlan[];
  problems: ProblemLog;
  onProgress?: (progress: ImportProgress) => void;
  /** Data rows of the file, when an earlier run counted them. */
  rowsTotal?: number | null;
  findSavedMapping?: (recordType: ImportRecordType, signature: string) => Promise<Record<string, number> | undefined>;
}

export interface CommitInput extends RunInput {
  confirmNameMatches: boolean;
  /** Written in the same transaction as the records, so the import's status and its records commit together. */
  finish: (writer: BulkWriter, result: RunResult) => Promise<void>;
}

export interface RunResult {
  sheets: ImportSheetPlan[];
  counts: ImportCounts;
}

/** Thrown inside the commit's transaction to roll it back when a row turns out wrong; the problems say why. */
export class ImportAborted extends Error {
  constructor(readonly result: RunResult) {
    super('Import aborted: the file has errors');
  }
}

const BATCH = 2000;
/** Rows of a sheet held back to find its header row and the legacy font of each column before reading on. */
const LOOKAHEAD = 200;
const HEADER_SEARCH = 10;
const instructionsSheet = 'huong dan';

export function headerSignature(headers: readonly unknown[]): string {
  const normalized = headers.map(normalizeHeader);
  while (normalized.length > 0 && normalized[normalized.length - 1] === '') normalized.pop();
  return createHash('sha256').update(JSON.stringify(normalized)).digest('hex');
}

/** The dry run: reads the whole file once and reports what a commit would do. Writes nothing. */
export async function checkFile(ctx: Ctx, input: RunInput): Promise<RunResult> {
  const run = new ImportRun(ctx, input, 'check');
  return run.check();
}

/** The commit: one transaction through the bulk writer; any error rolls everything back. */
export async function commitFile(ctx: Ctx, database: Database, input: CommitInput): Promise<RunResult> {
  return withBulkWriter(database, async (writer) => {
    // Held to the end: another process sees a commit in progress by this lock, and a lock it can take as a commit that died.
    await lockImport(writer.db, input.importId);
    const run = new ImportRun({ ...ctx, db: writer.db }, input, 'commit', writer);
    const result = await run.commit(input.confirmNameMatches);
    await input.finish(writer, result);
    return result;
  });
}

// ---- The run --------------------------------------------------------------------------------

interface SheetState {
  name: string;
  plan: ImportSheetPlan | null;
  buffer: SheetRow[];
}

/** Where a row's organisation reference led. */
interface OrgTarget {
  code: string;
  name: string;
  kind: OrgKind;
  unitType: UnitType | null;
  active: boolean;
  /** Recorded organisation, or the one this file creates (its id is known once written). */
  recorded: OrgRow | null;
  planned: PlannedOrg | null;
}

type Resolution = { target: OrgTarget } | { problem: 'unknown' | 'ambiguous'; names?: string[] };

interface PlannedOrg {
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
  rows: { row: number; action: MemberDecision['action'] | null }[];
}

/** The cell named by a member row refused for other faults. */
interface FailedRef {
  sheet: string;
  row: number;
  column: number | null;
  orgRef: string;
}

const emptyCounts = (): ImportCounts => ({
  orgs: { created: 0, updated: 0, unchanged: 0 },
  members: { created: 0, updated: 0, unchanged: 0 },
  rows: 0,
  errors: 0,
  warnings: 0,
  converted: 0,
  nameMatches: 0,
});

const orgLabel = (key: string) => orgImportFields.find((f) => f.key === key)!.label;
const memberLabel = (key: string) => memberImportFields.find((f) => f.key === key)!.label;
const refKey = (ref: string) => normalizeSpaces(ref);
const nameKey = (name: string) => foldForSearch(name);

class ImportRun {
  private readonly today: string;
  private readonly sheets = new Map<string, SheetState>();
  private readonly sheetOrder: string[] = [];
  private readonly counts = emptyCounts();
  private converted = 0;
  private orgRows: ParsedOrg[] = [];
  private planned = new Map<string, PlannedOrg>();
  private resolutions = new Map<string, Resolution>();
  private readonly deferred = new Map<string, Deferred>();
  private memberBatch: ParsedMember[] = [];
  private failedRefs: FailedRef[] = [];
  private rules: ImportRules = charterImportRules;
  private readonly seenCards = new Map<string, number>();
  private readonly seenNationalIds = new Map<string, number>();
  private readonly seenPeople = new Map<string, { row: number; card: string | null; nationalId: string | null }>();
  /**
   * The first id the commit took for a member. Ids come from the sequence in order, and from its first
   * audit row on the commit holds the audit chain's lock, which every other writer of members waits
   * for: every member below this id was recorded before the import, every one above is the import's own.
   */
  private firstCreatedId: number | null = null;
  private rowsDone = 0;
  private lastProgressAt = 0;
  private confirmNameMatches = false;

  constructor(
    private readonly ctx: Ctx,
    private readonly input: RunInput,
    private readonly mode: 'check' | 'commit',
    private readonly writer?: BulkWriter,
  ) {
    this.today = todayIso(ctx.now());
  }

  private get log(): ProblemLog {
    return this.input.problems;
  }

  private get failed(): boolean {
    return this.log.counts.error > 0;
  }

  // -- the two modes --

  /** The rulebook's parameters for every date a row may bring, read once. */
  private async loadRules(): Promise<void> {
    const [minAge, probation] = await Promise.all([ruleTimeline<number>(this.ctx, 'admission_min_age_months'), ruleTimeline<number>(this.ctx, 'probation_months')]);
    this.rules = { minAdmissionAgeMonths: minAge, probationMonths: probation };
  }

  async check(): Promise<RunResult> {
    await this.loadRules();
    for await (const row of readRows(this.input.path, this.input.kind)) {
      await this.acceptRow(row, 'all');
    }
    await this.endSheets();
    await this.processMembers();
    await this.planOrgs(true);
    await this.settleDeferred();
    this.noteEmptyFile();
    await this.log.flush();
    return this.result();
  }

  async commit(confirmNameMatches: boolean): Promise<RunResult> {
    this.confirmNameMatches = confirmNameMatches;
    // Held to the end anyway from the first audit row on; taken first so that no member is recorded
    // elsewhere while the import runs (see firstCreatedId).
    await lockAuditChain(this.ctx.db);
    await this.loadRules();
    for (const plan of this.input.plans) {
      this.sheets.set(plan.sheet, { name: plan.sheet, plan: { ...plan, dataRows: 0 }, buffer: [] });
      this.sheetOrder.push(plan.sheet);
    }
    const orgSheets = this.input.plans.filter((p) => p.recordType === 'org').map((p) => p.sheet);
    const memberSheets = this.input.plans.filter((p) => p.recordType === 'member').map((p) => p.sheet);
    // Organisations first, so members can hang from the ones this file creates; the template puts them first, so this pass is short.
    if (orgSheets.length > 0) await this.readSheets(orgSheets, 'org');
    await this.planOrgs(true);
    if (this.failed) throw new ImportAborted(await this.finishResult());
    await this.writeOrgs();
    if (memberSheets.length > 0) await this.readSheets(memberSheets, 'member');
    await this.processMembers();
    this.noteEmptyFile();
    if (this.failed) throw new ImportAborted(await this.finishResult());
    return this.finishResult();
  }

  private async finishResult(): Promise<RunResult> {
    await this.log.flush();
    return this.result();
  }

  /** Reads the file, handling only rows of `wanted` sheets, and stops after the last of them. */
  private async readSheets(wanted: string[], recordType: ImportRecordType): Promise<void> {
    const last = Math.max(...wanted.map((s) => this.sheetOrder.indexOf(s)));
    for await (const row of readRows(this.input.path, this.input.kind)) {
      const index = this.sheetOrder.indexOf(row.sheet);
      if (index > last) break;
      if (!wanted.includes(row.sheet)) continue;
      await this.acceptRow(row, recordType);
    }
  }

  private result(): RunResult {
    this.counts.errors = this.log.counts.error;
    this.counts.warnings = this.log.counts.warning;
    this.counts.converted = this.converted;
    return { sheets: this.sheetOrder.map((name) => this.sheets.get(name)!.plan!).filter(Boolean), counts: this.counts };
  }

  private noteEmptyFile(): void {
    if (this.counts.rows > 0 || this.failed) return;
    const sheet = this.sheetOrder[0] ?? '';
    this.log.add(
      makeProblem(
        'error',
        'NO_DATA',
        { sheet, row: null, column: null, field: null },
        'Tệp không có dòng dữ liệu nào để nhập.',
        'Hãy điền dữ liệu vào trang "Tổ chức" và trang "Đảng viên" của tệp mẫu (giữ dòng tiêu đề ở dòng 1), rồi tải lên lại.',
      ),
    );
  }

  private progress(force = false): void {
    const now = Date.now();
    if (!this.input.onProgress || (!force && now - this.lastProgressAt < 250)) return;
    this.lastProgressAt = now;
    this.input.onProgress({ phase: this.mode === 'check' ? 'reading' : 'writing', rowsDone: this.rowsDone, rowsTotal: this.input.rowsTotal ?? null });
  }

  // -- sheets and header rows --

  private async acceptRow(row: SheetRow, only: ImportRecordType | 'all'): Promise<void> {
    let state = this.sheets.get(row.sheet);
    if (!state) {
      await this.endSheets();
      state = { name: row.sheet, plan: null, buffer: [] };
      this.sheets.set(row.sheet, state);
      this.sheetOrder.push(row.sheet);
    }
    if (!state.plan) {
      state.buffer.push(row);
      if (state.buffer.length >= LOOKAHEAD) await this.decideSheet(state);
      return;
    }
    await this.dataRow(state, row, only);
  }

  /** A sheet ends when the next begins or the file ends: decide any sheet still holding rows back. */
  private async endSheets(): Promise<void> {
    for (const state of this.sheets.values()) if (!state.plan) await this.decideSheet(state);
    // The dry run reads once: members after an organisation sheet are matched against it straight away.
    if (this.mode === 'check' && this.orgRows.length > 0) await this.planOrgs(false);
  }

  private async decideSheet(state: SheetState): Promise<void> {
    const rows = state.buffer;
    state.buffer = [];
    const confirmed = this.input.plans.find((p) => p.sheet === state.name && p.mappingSource === 'confirmed');
    state.plan = confirmed ? this.confirmedPlan(state.name, confirmed, rows) : await this.recognisePlan(state.name, rows);
    const plan = state.plan;
    if (plan.recordType && plan.headerRow !== null) {
      const dataRows = rows.filter((r) => r.rowNumber > plan.headerRow!);
      plan.encodings = detectEncodings(plan, dataRows);
    }
    for (const row of rows) await this.dataRow(state, row, 'all');
  }

  private confirmedPlan(sheet: string, confirmed: ImportSheetPlan, rows: SheetRow[]): ImportSheetPlan {
    const header = rows.find((r) => r.rowNumber === confirmed.headerRow);
    const plan: ImportSheetPlan = { ...confirmed, headers: header ? headersOf(header) : confirmed.headers, encodings: {}, dataRows: 0 };
    if (plan.recordType) this.reportMapping(sheet, plan);
    return plan;
  }

  private async recognisePlan(sheet: string, rows: SheetRow[]): Promise<ImportSheetPlan> {
    const head = rows.slice(0, HEADER_SEARCH);
    const cells = head.map((r) => r.cells);
    const hinted = recordTypeForSheet(sheet);
    let recordType: ImportRecordType | null = null;
    let headerIndex: number | null = null;
    for (const candidate of hinted ? [hinted] : (['member', 'org'] as const)) {
      const index = findHeaderRow(cells, candidate);
      if (index === null) continue;
      const mapped = Object.keys(guessMapping(cells[index], candidate).mapping).length;
      const best = headerIndex === null ? -1 : Object.keys(guessMapping(cells[headerIndex], recordType!).mapping).length;
      if (mapped > best) {
        recordType = candidate;
        headerIndex = index;
      }
    }
    if (headerIndex === null && hinted && head.length > 0) {
      // The sheet's name says what it holds, so headers we cannot read are wrong headers, not another kind of sheet.
      recordType = hinted;
      headerIndex = 0;
    }
    const plan: ImportSheetPlan = {
      sheet,
      recordType,
      headerRow: headerIndex === null ? null : head[headerIndex].rowNumber,
      headers: headerIndex === null ? [] : headersOf(head[headerIndex]),
      mapping: {},
      mappingSource: 'guessed',
      encodings: {},
      dataRows: 0,
    };
    if (!recordType || headerIndex === null) {
      if (foldForSearch(sheet) !== instructionsSheet && rows.length > 0) {
        this.log.add(
          makeProblem(
            'info',
            'SHEET_SKIPPED',
            { sheet, row: null, column: null, field: null },
            'Trang tính không có dòng tiêu đề của tổ chức hay đảng viên nên được bỏ qua.',
            'Nếu trang này có dữ liệu cần nhập, hãy đặt dòng tiêu đề (Họ và tên, Ngày sinh, Chi bộ… hoặc Mã tổ chức, Tên tổ chức…) ở đầu trang.',
          ),
        );
      }
      return plan;
    }
    const raw = head[headerIndex].cells;
    const guess = guessMapping(raw, recordType);
    // A header row in a legacy font is read, shown and remembered as converted, like its cells.
    const headers = guess.legacyEncoding ? convertLegacyHeaders(raw).texts : raw;
    if (guess.legacyEncoding) this.reportLegacyHeaders(sheet, plan, headers, guess.legacyEncoding);
    const saved = await this.input.findSavedMapping?.(recordType, headerSignature(headers));
    if (saved && Object.values(saved).every((index) => index < headers.length)) {
      plan.mapping = saved;
      plan.mappingSource = 'saved';
    } else {
      plan.mapping = guess.mapping as Record<string, number>;
    }
    this.reportMapping(sheet, plan);
    return plan;
  }

  private reportLegacyHeaders(sheet: string, plan: ImportSheetPlan, headers: readonly unknown[], encoding: LegacyEncoding): void {
    const before = plan.headers;
    plan.headers = before.map((h) => ({ ...h, text: normalizeSpaces(String(headers[h.index] ?? '')) }));
    const changed = plan.headers.filter((h, i) => h.text !== before[i].text);
    this.converted += changed.length;
    this.log.add(
      makeProblem(
        'info',
        'LEGACY_FONT_HEADERS',
        { sheet, row: plan.headerRow, column: null, field: null },
        `Dòng tiêu đề gõ bằng phông ${legacyFontNames[encoding]} đã được chuyển sang Unicode để ghép cột: ${changed.map((h) => `"${h.text}" (cột ${h.letter})`).join(', ')}.`,
        'Không cần làm gì nếu tên cột sau khi chuyển là đúng; nếu chưa đúng, hãy chọn lại cột ở bước ghép cột.',
      ),
    );
  }

  /** Missing required columns are errors at the header row; unrecognised columns are only mentioned. */
  private reportMapping(sheet: string, plan: ImportSheetPlan): void {
    const fields = importFields[plan.recordType!];
    const missing = fields.filter((f) => f.required && plan.mapping[f.key] === undefined);
    if (missing.length > 0) {
      this.log.add(
        makeProblem(
          'error',
          'MISSING_COLUMNS',
          { sheet, row: plan.headerRow, column: null, field: null },
          `Không tìm thấy cột bắt buộc: ${missing.map((f) => `"${f.label}"`).join(', ')}.`,
          'Hãy đặt đúng tên cột như tệp mẫu (dòng tiêu đề), hoặc chọn cột tương ứng ở bước ghép cột.',
        ),
      );
    }
    const used = new Set(Object.values(plan.mapping));
    const skipped = plan.headers.filter((h) => h.text !== '' && !used.has(h.index) && !['stt', 'tt', 'so tt', 'so thu tu'].includes(normalizeHeader(h.text)));
    if (skipped.length > 0) {
      this.log.add(
        makeProblem(
          'info',
          'COLUMNS_SKIPPED',
          { sheet, row: plan.headerRow, column: null, field: null },
          `Các cột không thuộc mẫu nhập sẽ được bỏ qua: ${skipped.map((h) => `"${h.text}" (cột ${h.letter})`).join(', ')}.`,
          'Nếu một cột trong số đó chứa dữ liệu cần nhập, hãy chọn trường tương ứng cho cột đó ở bước ghép cột.',
        ),
      );
    }
  }

  // -- data rows --

  private async dataRow(state: SheetState, row: SheetRow, only: ImportRecordType | 'all'): Promise<void> {
    const plan = state.plan!;
    if (!plan.recordType || plan.headerRow === null || row.rowNumber <= plan.headerRow) return;
    if (only !== 'all' && plan.recordType !== only) return;
    plan.dataRows += 1;
    this.counts.rows += 1;
    this.rowsDone += 1;
    if (this.hasMissingColumns(plan)) return;
    if (plan.recordType === 'org') {
      const parsed = parseOrgRow(row, plan, this.today);
      this.take(parsed.problems, parsed.converted);
      if (parsed.record) this.orgRows.push(parsed.record);
    } else {
      const parsed = parseMemberRow(row, plan, this.today, this.rules);
      this.take(parsed.problems, parsed.converted);
      if (parsed.record) this.memberBatch.push(parsed.record);
      else if (parsed.orgRef) this.failedRefs.push({ sheet: row.sheet, row: row.rowNumber, column: plan.mapping.org ?? null, orgRef: parsed.orgRef });
      if (this.memberBatch.length >= BATCH) await this.processMembers();
    }
    this.progress();
  }

  private hasMissingColumns(plan: ImportSheetPlan): boolean {
    return importFields[plan.recordType!].some((f) => f.required && plan.mapping[f.key] === undefined);
  }

  private take(problems: ImportProblem[], converted: number): void {
    this.log.addAll(problems);
    this.converted += converted;
  }

  // -- organisations --

  /**
   * Plans every organisation row read so far. The dry run plans again when more arrive and reports
   * problems only from the last plan, so each is reported once.
   */
  private async planOrgs(report: boolean): Promise<void> {
    this.planned = new Map();
    this.resolutions = new Map();
    const problems: ImportProblem[] = [];
    const unique: ParsedOrg[] = [];
    const firstRow = new Map<string, ParsedOrg>();
    for (const org of this.orgRows) {
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
    const recorded = await orgsByCodeOrName(this.ctx.db, [...new Set([...unique.map((o) => o.code), ...refs])], [...new Set(refs.map(nameKey))]);
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
      if (existing && !isPathInScope(this.ctx.actor.scope, existing.path)) {
        plannedOrg.action = 'invalid';
        problems.push(makeProblem('error', 'CODE_TAKEN', at, 'Mã tổ chức này đã được dùng cho một tổ chức ngoài phạm vi quản lý của bạn.', 'Hãy dùng mã khác, hoặc nhờ cấp quản lý tổ chức đó nhập dòng này.'));
      } else if (existing && !existing.active) {
        plannedOrg.action = 'invalid';
        problems.push(makeProblem('error', 'ORG_ENDED', at, `Tổ chức mã ${org.code} (${existing.name}) đã kết thúc hoạt động.`, 'Hãy bỏ dòng này, hoặc dùng mã khác cho tổ chức mới.'));
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
    if (report) this.log.addAll(problems);
    this.counts.orgs = { created: 0, updated: 0, unchanged: 0 };
    for (const p of this.planned.values()) if (p.action !== 'invalid') this.counts.orgs[p.action === 'create' ? 'created' : p.action === 'update' ? 'updated' : 'unchanged'] += 1;
  }

  /** Decides one planned organisation, its parent (when the file creates it too) first. */
  private settleOrg(p: PlannedOrg, problems: ImportProblem[], visiting: Set<PlannedOrg>): void {
    if (p.settled) return;
    const org = p.parsed;
    const at = (key: string, value: unknown) => ({ sheet: org.sheet, row: org.row, column: org.columns[key as keyof ParsedOrg['columns']] ?? null, field: orgLabel(key), value });
    if (visiting.has(p)) {
      p.settled = true;
      p.action = 'invalid';
      problems.push(makeProblem('error', 'PARENT_CYCLE', at('parent', org.parentRef), 'Các tổ chức trong tệp làm cấp trên của nhau thành vòng tròn.', 'Hãy kiểm tra lại cột tổ chức cấp trên của các dòng này.'));
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
    const at = (key: string, value: unknown) => ({ sheet: org.sheet, row: org.row, column: org.columns[key as keyof ParsedOrg['columns']] ?? null, field: orgLabel(key), value });
    const parent = p.parent;
    if (parent?.planned) {
      this.settleOrg(parent.planned, problems, visiting);
      if (parent.planned.action === 'invalid') {
        p.action = 'invalid';
        problems.push(
          makeProblem('error', 'PARENT_INVALID', at('parent', org.parentRef), `Tổ chức cấp trên (dòng ${parent.planned.parsed.row}) có lỗi nên chưa tạo được tổ chức này.`, `Hãy sửa lỗi ở dòng ${parent.planned.parsed.row} trước.`),
        );
        return;
      }
    }
    if (!parent && this.ctx.actor.scope.kind !== 'all') {
      p.action = 'invalid';
      problems.push(makeProblem('error', 'PARENT_REQUIRED', at('parent', null), 'Chưa ghi tổ chức cấp trên.', 'Hãy ghi mã tổ chức cấp trên (trong phạm vi quản lý của bạn).'));
      return;
    }
    if (parent && !parent.active) {
      p.action = 'invalid';
      problems.push(makeProblem('error', 'PARENT_ENDED', at('parent', org.parentRef), `Tổ chức cấp trên ${parent.name} đã kết thúc hoạt động.`, 'Hãy ghi tổ chức cấp trên đang hoạt động.'));
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
      problems.push(makeProblem('warning', 'UNIT_TYPE_MISSING', at('unitType', null), `${unit.problem} Tổ chức này sẽ được ghi với loại hình để trống.`, 'Hãy chọn loại hình cơ sở trong danh sách nếu có; nếu không, bổ sung sau ở trang của tổ chức.'));
    }
    p.unitType = 'problem' in unit ? null : unit.unitType;
  }

  /** A recorded organisation: what the file may fill in, and what it can only point out. */
  private compareOrg(p: PlannedOrg, problems: ImportProblem[]): void {
    const org = p.parsed;
    const existing = p.existing!;
    const at = (key: string, value: unknown) => ({ sheet: org.sheet, row: org.row, column: org.columns[key as keyof ParsedOrg['columns']] ?? null, field: orgLabel(key), value });
    if (normalizeSpaces(existing.name) !== org.name)
      problems.push(
        makeProblem('warning', 'ORG_NAME_DIFFERS', at('name', org.name), `Tên trong tệp khác tên đang ghi "${existing.name}"; tên đang ghi được giữ nguyên.`, 'Nếu tổ chức đã đổi tên, hãy ghi biến động Đổi tên (kèm quyết định) ở trang của tổ chức.'),
      );
    if (existing.kind !== org.kind)
      problems.push(
        makeProblem('warning', 'ORG_KIND_DIFFERS', at('kind', orgKindLabels[org.kind]), `Loại tổ chức trong tệp khác loại đang ghi (${orgKindLabels[existing.kind]}); loại đang ghi được giữ nguyên.`, 'Hãy kiểm tra lại loại tổ chức trong tệp.'),
      );
    if (p.parent && (p.parent.recorded?.id ?? -1) !== existing.parentId)
      problems.push(
        makeProblem('warning', 'ORG_PARENT_DIFFERS', at('parent', org.parentRef), 'Tổ chức cấp trên trong tệp khác cấp trên đang ghi; cấp trên đang ghi được giữ nguyên.', 'Nếu tổ chức đã chuyển trực thuộc, hãy ghi biến động Chuyển trực thuộc ở trang của tổ chức.'),
      );
    const grassroots = existing.kind === 'grassroots_committee' || existing.kind === 'grassroots_cell';
    if (grassroots && org.unitType && org.unitType !== existing.unitType) p.changes.unitType = org.unitType;
    if (org.foundedOn && org.foundedOn !== existing.foundedOn) {
      if (existing.foundedOn === null) p.changes.foundedOn = org.foundedOn;
      else
        problems.push(
          makeProblem('warning', 'ORG_FOUNDED_DIFFERS', at('foundedOn', org.foundedOn), `Ngày thành lập trong tệp khác ngày đang ghi (${formatDate(existing.foundedOn)}); ngày đang ghi được giữ nguyên.`, 'Hãy kiểm tra lại ngày thành lập trong tệp.'),
        );
    }
    const decision = foundingDecision(org, existing.foundedOn);
    if (decision && JSON.stringify(decision) !== JSON.stringify(existing.foundingDecision && { number: existing.foundingDecision.number, date: existing.foundingDecision.date, issuer: existing.foundingDecision.issuer })) {
      if (existing.foundingDecision === null) p.changes.foundingDecision = decision;
      else
        problems.push(
          makeProblem('warning', 'ORG_DECISION_DIFFERS', at('foundingDecisionNumber', org.decisionNumber), `Quyết định thành lập trong tệp khác quyết định đang ghi (${existing.foundingDecision.number}); quyết định đang ghi được giữ nguyên.`, 'Hãy kiểm tra lại số và cơ quan ra quyết định thành lập.'),
        );
    }
    p.action = Object.keys(p.changes).length > 0 ? 'update' : 'unchanged';
  }

  /** By code, then by exact name, then accent-insensitively by name; in the file first, then among recorded organisations. */
  private resolveRef(ref: string, recorded: OrgRow[]): Resolution {
    const key = refKey(ref);
    const fromFile = this.planned.get(key);
    if (fromFile) return { target: plannedTarget(fromFile) };
    const inScope = recorded.filter((o) => isPathInScope(this.ctx.actor.scope, o.path));
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

  /**
   * COPY on PostgreSQL. On the embedded engine the rows travel as one JSON parameter that the database
   * spreads into columns itself: building thousands of separate parameters cost more than the insert.
   */
  private async insert(table: string, columns: string[], rows: unknown[][]): Promise<void> {
    if (rows.length === 0) return;
    if (this.ctx.dbKind === 'postgres') return this.writer!.insert(table, columns, rows as never);
    await insertAsJson(this.writer!.db, table, columns, rows);
  }

  private async writeOrgs(): Promise<void> {
    const writer = this.writer!;
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
    const orgRows: unknown[][] = [];
    const versionRows: unknown[][] = [];
    const eventRows: unknown[][] = [];
    const linkRows: unknown[][] = [];
    const audit: AuditEntry[] = [];
    const reason = this.reason();
    order.forEach((p, i) => {
      const parent = p.parent ? { id: p.parent.recorded?.id ?? p.parent.planned!.id!, path: p.parent.recorded?.path ?? p.parent.planned!.path!, depth: p.parent.recorded?.depth ?? p.parent.planned!.depth } : null;
      p.id = ids[i];
      p.path = `${parent?.path ?? '/'}${p.id}/`;
      p.depth = parent ? parent.depth + 1 : 0;
      const org = p.parsed;
      const decision = foundingDecision(org, null);
      const eventId = org.foundedOn ? eventIds[withEvent.indexOf(p)] : null;
      orgRows.push([p.id, org.code, org.name, org.kind, p.unitType, parent?.id ?? null, p.path, p.depth, org.foundedOn, decision]);
      versionRows.push([versionIds[i], p.id, org.name, org.kind, p.unitType, parent?.id ?? null, org.foundedOn ?? '1930-02-03', eventId]);
      if (eventId !== null) {
        eventRows.push([eventId, 'founded', org.foundedOn, decision, { importId: this.input.importId }, this.ctx.actor.userId]);
        linkRows.push([eventId, p.id, 'successor']);
      }
      audit.push({ entity: 'org', entityId: p.id, action: 'create', after: { code: org.code, name: org.name, kind: org.kind, unitType: p.unitType, parentId: parent?.id ?? null, foundedOn: org.foundedOn, foundingDecision: decision }, reason });
    });
    await this.insert('orgs', ['id', 'code', 'name', 'kind', 'unit_type', 'parent_id', 'path', 'depth', 'founded_on', 'founding_decision'], orgRows as never);
    await this.insert('org_versions', ['id', 'org_id', 'name', 'kind', 'unit_type', 'parent_id', 'valid_from', 'event_id'], versionRows as never);
    await this.insert('org_events', ['id', 'kind', 'occurred_on', 'decision', 'details', 'created_by'], eventRows as never);
    await this.insert('org_event_links', ['event_id', 'org_id', 'role'], linkRows as never);
    for (const p of this.planned.values()) {
      if (p.action !== 'update') continue;
      const after = await updateOrgRow(writer.db, p.existing!.id, p.existing!.version, p.changes);
      if (!after) throw new Error(`organisation ${p.existing!.id} changed during the import`);
      audit.push({ entity: 'org', entityId: p.existing!.id, action: 'update', before: pick(p.existing!, Object.keys(p.changes)), after: p.changes, reason });
    }
    await recordAudit(this.ctx, audit);
  }

  // -- members --

  private async processMembers(): Promise<void> {
    await this.checkFailedRefs();
    const batch = this.memberBatch;
    this.memberBatch = [];
    if (batch.length === 0) return;
    const live: ParsedMember[] = [];
    for (const m of batch) if (this.checkDuplicates(m)) live.push(m);
    await this.resolveOrgRefs(live);
    const cards = live.flatMap((m) => (m.cardNumber ? [m.cardNumber] : []));
    const nationalIds = live.flatMap((m) => (m.nationalId ? [m.nationalId] : []));
    const byIdentifier = await membersByIdentifiers(this.ctx.db, cards, nationalIds);
    const byCard = new Map(byIdentifier.filter((r) => r.cardNumber).map((r) => [r.cardNumber!, r]));
    const byNationalId = new Map(byIdentifier.filter((r) => r.nationalId).map((r) => [r.nationalId!, r]));
    const unmatched = live.filter((m) => !(m.cardNumber && byCard.has(m.cardNumber)) && !(m.nationalId && byNationalId.has(m.nationalId)));
    const pairs = new Map(unmatched.map((m) => [`${namesOf(m).nameSortKey}|${m.birthDate}`, { sortKey: namesOf(m).nameSortKey, birthDate: m.birthDate }]));
    const candidates = await membersByNameAndBirth(this.ctx.db, [...pairs.values()], this.firstCreatedId);
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
    if (this.mode === 'commit' && !this.failed) await this.writeMembers(decisions);
    await this.log.flush();
    this.progress(true);
  }

  /** Card numbers and citizen IDs are unique; the same name and birth date twice is probably one person typed twice. */
  private checkDuplicates(m: ParsedMember): boolean {
    let ok = true;
    const at = (key: 'cardNumber' | 'nationalId' | 'fullName', value: unknown) => ({ sheet: m.sheet, row: m.row, column: m.columns[key] ?? null, field: memberLabel(key), value });
    if (m.cardNumber) {
      const first = this.seenCards.get(m.cardNumber);
      if (first !== undefined) {
        ok = false;
        this.log.add(makeProblem('error', 'DUPLICATE_CARD_NUMBER', at('cardNumber', m.cardNumber), `Số thẻ đảng viên trùng với dòng ${first}.`, 'Mỗi đảng viên một số thẻ: hãy kiểm tra lại số thẻ của hai dòng, hoặc xóa dòng bị lặp.'));
      } else this.seenCards.set(m.cardNumber, m.row);
    }
    if (m.nationalId) {
      const first = this.seenNationalIds.get(m.nationalId);
      if (first !== undefined) {
        ok = false;
        this.log.add(makeProblem('error', 'DUPLICATE_NATIONAL_ID', at('nationalId', m.nationalId), `Số CCCD trùng với dòng ${first}.`, 'Mỗi người một số CCCD: hãy kiểm tra lại số CCCD của hai dòng, hoặc xóa dòng bị lặp.'));
      } else this.seenNationalIds.set(m.nationalId, m.row);
    }
    const person = nameBirthKey(m.fullName, m.birthDate, true);
    const earlier = this.seenPeople.get(person);
    if (earlier) {
      const distinct = (earlier.card && m.cardNumber && earlier.card !== m.cardNumber) || (earlier.nationalId && m.nationalId && earlier.nationalId !== m.nationalId);
      if (!distinct && ok)
        this.log.add(
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
    const refs = this.failedRefs;
    this.failedRefs = [];
    if (refs.length === 0) return;
    await this.resolveOrgRefs(refs);
    for (const f of refs) {
      const at = { sheet: f.sheet, row: f.row, column: f.column, field: memberLabel('org'), value: f.orgRef };
      const resolution = this.resolution(f.orgRef);
      if ('problem' in resolution) {
        if (resolution.problem === 'unknown' && this.mode === 'check') {
          const key = refKey(f.orgRef);
          const entry = this.deferred.get(key) ?? { sheet: f.sheet, column: f.column, rows: [] };
          entry.rows.push({ row: f.row, action: null });
          this.deferred.set(key, entry);
        } else this.log.add(refProblem(resolution, at, 'chi bộ'));
        continue;
      }
      const problem = this.holdingProblem(resolution.target);
      if (problem) this.log.add(makeProblem('error', 'NOT_A_CELL', at, problem, 'Hãy ghi mã của chi bộ nơi đảng viên sinh hoạt (chi bộ cơ sở hoặc chi bộ trực thuộc).'));
    }
  }

  private async resolveOrgRefs(members: readonly { orgRef: string }[]): Promise<void> {
    const missing = [...new Set(members.map((m) => refKey(m.orgRef)).filter((ref) => !this.resolutions.has(ref) && !this.planned.has(ref)))];
    const recorded = missing.length > 0 ? await orgsByCodeOrName(this.ctx.db, missing, [...new Set(missing.map(nameKey))]) : [];
    for (const ref of missing) this.resolutions.set(ref, this.resolveRef(ref, recorded.filter((o) => o.code === ref || nameKey(o.name) === nameKey(ref))));
  }

  private resolution(ref: string): Resolution {
    const key = refKey(ref);
    const planned = this.planned.get(key);
    return planned ? { target: plannedTarget(planned) } : this.resolutions.get(key)!;
  }

  private decideMember(m: ParsedMember, byCard: Map<string, RecordedMember>, byNationalId: Map<string, RecordedMember>, byPerson: Map<string, RecordedMember[]>): MemberDecision | null {
    const at = (key: string, value: unknown) => ({ sheet: m.sheet, row: m.row, column: m.columns[key as keyof ParsedMember['columns']] ?? null, field: memberLabel(key), value });
    const problems: ImportProblem[] = [];
    const fail = (problem: ImportProblem) => {
      this.log.add(problem);
      return null;
    };

    const resolution = this.resolution(m.orgRef);
    let target: OrgTarget | null = null;
    let deferred = false;
    if ('problem' in resolution) {
      if (resolution.problem === 'unknown' && this.mode === 'check') deferred = true;
      else return fail(refProblem(resolution, at('org', m.orgRef), 'chi bộ'));
    } else {
      target = resolution.target;
      const orgProblem = this.holdingProblem(target);
      if (orgProblem) return fail(makeProblem('error', 'NOT_A_CELL', at('org', m.orgRef), orgProblem, 'Hãy ghi mã của chi bộ nơi đảng viên sinh hoạt (chi bộ cơ sở hoặc chi bộ trực thuộc).'));
    }

    const cardOwner = m.cardNumber ? byCard.get(m.cardNumber) : undefined;
    const idOwner = m.nationalId ? byNationalId.get(m.nationalId) : undefined;
    if (cardOwner && idOwner && cardOwner.id !== idOwner.id)
      return fail(makeProblem('error', 'IDENTIFIERS_OF_TWO_MEMBERS', at('nationalId', m.nationalId), `Số thẻ đảng viên là của ${cardOwner.fullName}, còn số CCCD là của ${idOwner.fullName}.`, 'Hãy kiểm tra lại số thẻ và số CCCD của dòng này.'));
    let recorded = cardOwner ?? idOwner ?? null;
    if (recorded) {
      if (cardOwner && m.nationalId && recorded.nationalId && recorded.nationalId !== m.nationalId)
        return fail(makeProblem('error', 'NATIONAL_ID_DIFFERS', at('nationalId', m.nationalId), `Số thẻ đảng viên là của ${recorded.fullName}, người này có số CCCD khác (${recorded.nationalId}).`, 'Hãy kiểm tra lại số thẻ và số CCCD của dòng này.'));
      if (!cardOwner && m.cardNumber && recorded.cardNumber && recorded.cardNumber !== m.cardNumber)
        return fail(makeProblem('error', 'CARD_NUMBER_DIFFERS', at('cardNumber', m.cardNumber), `Số CCCD là của ${recorded.fullName}, người này có số thẻ đảng viên khác (${recorded.cardNumber}).`, 'Hãy kiểm tra lại số thẻ và số CCCD của dòng này.'));
    } else {
      const people = (byPerson.get(nameBirthKey(m.fullName, m.birthDate, true)) ?? []).filter(
        (c) => !(c.cardNumber && m.cardNumber && c.cardNumber !== m.cardNumber) && !(c.nationalId && m.nationalId && c.nationalId !== m.nationalId),
      );
      if (people.length > 1)
        return fail(makeProblem('error', 'AMBIGUOUS_PERSON', at('fullName', m.fullName), `Có ${people.length} đảng viên đã ghi cùng họ tên và ngày sinh này.`, 'Hãy ghi số thẻ đảng viên hoặc số CCCD để biết dòng này là ai.'));
      if (people.length === 1) {
        recorded = people[0];
        this.counts.nameMatches += 1;
        problems.push(
          makeProblem(
            this.mode === 'commit' && !this.confirmNameMatches ? 'error' : 'warning',
            'NAME_MATCH',
            at('fullName', m.fullName),
            `Khớp với đảng viên đã ghi ${recorded.fullName}, sinh ${formatDate(recorded.birthDate)}, ${recorded.orgName} chỉ theo họ tên và ngày sinh.`,
            'Nếu đúng là cùng một người, hãy đánh dấu xác nhận khi ghi dữ liệu; nếu không, hãy ghi số thẻ đảng viên hoặc số CCCD để phân biệt.',
          ),
        );
      }
    }
    if (recorded && !isPathInScope(this.ctx.actor.scope, recorded.orgPath))
      return fail(makeProblem('error', 'MEMBER_OUT_OF_SCOPE', at(cardOwner ? 'cardNumber' : idOwner ? 'nationalId' : 'fullName', null), 'Đảng viên này đã có hồ sơ ở một tổ chức ngoài phạm vi quản lý của bạn.', 'Hãy bỏ dòng này, hoặc nhờ cấp quản lý tổ chức đó cập nhật.'));

    let action: MemberDecision['action'] = 'create';
    let changes: Record<string, unknown> = {};
    if (recorded) {
      const targetId = target ? (target.recorded?.id ?? target.planned?.id ?? null) : null;
      const difference = compareMember(recorded, m, target?.recorded ? targetId : target?.planned ? -1 : null);
      changes = difference.changes;
      for (const ignored of difference.ignored)
        problems.push(
          makeProblem('warning', 'RECORD_DIFFERS', at(ignored.key, ignored.file), `${memberLabel(ignored.key)} trong tệp (${ignored.file}) khác hồ sơ đang ghi (${ignored.recorded}); hồ sơ được giữ nguyên.`, ignoredDifferenceFix[ignored.key] ?? ''),
        );
      action = Object.keys(changes).length > 0 ? 'update' : 'unchanged';
    }
    this.log.addAll(problems);
    if (deferred) {
      const key = refKey(m.orgRef);
      const entry = this.deferred.get(key) ?? { sheet: m.sheet, column: m.columns.org ?? null, rows: [] };
      entry.rows.push({ row: m.row, action });
      this.deferred.set(key, entry);
      return null;
    }
    this.counts.members[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged'] += 1;
    return { member: m, action, target, recorded, changes };
  }

  private holdingProblem(target: OrgTarget): string | null {
    if (!(memberHoldingKinds as readonly string[]).includes(target.kind)) return `${target.name} là ${orgKindLabels[target.kind].toLowerCase()}, không phải chi bộ: đảng viên sinh hoạt ở chi bộ.`;
    if (!target.active) return `${target.name} đã kết thúc hoạt động.`;
    return null;
  }

  /** In the dry run, a member may name an organisation that a later sheet of the file defines. */
  private async settleDeferred(): Promise<void> {
    for (const [ref, entry] of this.deferred) {
      const resolution = this.resolveRef(ref, (await orgsByCodeOrName(this.ctx.db, [ref], [nameKey(ref)])).filter((o) => o.code === ref || nameKey(o.name) === nameKey(ref)));
      const problem = 'problem' in resolution ? null : this.holdingProblem(resolution.target);
      for (const { row, action } of entry.rows) {
        const at = { sheet: entry.sheet, row, column: entry.column, field: memberLabel('org'), value: ref };
        if ('problem' in resolution) this.log.add(refProblem(resolution, at, 'chi bộ'));
        else if (problem) this.log.add(makeProblem('error', 'NOT_A_CELL', at, problem, 'Hãy ghi mã của chi bộ nơi đảng viên sinh hoạt (chi bộ cơ sở hoặc chi bộ trực thuộc).'));
        else if (action) this.counts.members[action === 'create' ? 'created' : action === 'update' ? 'updated' : 'unchanged'] += 1;
      }
    }
    this.deferred.clear();
  }

  private reason(): string {
    const base = `Nhập từ tệp "${this.input.fileName}" (lần nhập số ${this.input.importId})`;
    return this.ctx.reason ? `${base}: ${this.ctx.reason}` : base;
  }

  private async writeMembers(decisions: MemberDecision[]): Promise<void> {
    const writer = this.writer!;
    const creates = decisions.filter((d) => d.action === 'create');
    const confirmed = creates.filter((d) => d.member.confirmedOn && (d.member.status === 'full' || d.member.leftOn));
    const left = creates.filter((d) => d.member.leftOn);
    const memberIds = await allocateIds(writer.db, 'members', creates.length);
    const eventIds = await allocateIds(writer.db, 'membership_events', creates.length + confirmed.length + left.length);
    const periodIds = await allocateIds(writer.db, 'membership_periods', creates.length + confirmed.length + left.length);
    const memberRows: unknown[][] = [];
    const eventRows: unknown[][] = [];
    const periodRows: unknown[][] = [];
    const audit: AuditEntry[] = [];
    const reason = this.reason();
    const details = { importId: this.input.importId };
    let e = 0;
    if (this.firstCreatedId === null && memberIds.length > 0) this.firstCreatedId = memberIds[0];
    creates.forEach((d, i) => {
      const m = d.member;
      const id = memberIds[i];
      const org = d.target!.recorded ?? { id: d.target!.planned!.id!, path: d.target!.planned!.path! };
      const names = namesOf(m);
      const status = m.status;
      memberRows.push([
        id, names.fullName, names.familyName, names.middleName, names.givenName, names.nameSortKey, m.gender, m.birthDate, m.placeOfOrigin, m.residence,
        m.ethnicity, m.religion, m.education, m.professionalQualification, m.theoryLevel, m.job, m.position, m.nationalId, m.cardNumber,
        m.profileNumber, m.admittedOn, status === 'full' || m.leftOn ? m.confirmedOn : null, org.id, org.path, status,
      ]);
      // The history opens at admission as probationary; a confirmation date adds the confirmation, so "as of" reads stay right.
      const firstEvent = eventIds[e];
      const firstPeriod = periodIds[e];
      e += 1;
      const fullSince = status === 'full' || m.leftOn ? m.confirmedOn : null;
      eventRows.push([firstEvent, id, 'record_created', m.admittedOn, null, null, org.id, 'probationary', reason, details, this.ctx.actor.userId]);
      periodRows.push([firstPeriod, id, org.id, 'probationary', m.admittedOn, fullSince ?? m.leftOn, firstEvent]);
      if (fullSince) {
        eventRows.push([eventIds[e], id, 'confirmation', fullSince, null, org.id, org.id, 'full', reason, details, this.ctx.actor.userId]);
        periodRows.push([periodIds[e], id, org.id, 'full', fullSince, m.leftOn, eventIds[e]]);
        e += 1;
      }
      // A member who has left: the exit closes the history as the exits and transfers do (the period in the exit status stays open).
      if (m.leftOn) {
        eventRows.push([eventIds[e], id, exitEventKinds[status as keyof typeof exitEventKinds], m.leftOn, null, org.id, null, status, reason, details, this.ctx.actor.userId]);
        periodRows.push([periodIds[e], id, org.id, status, m.leftOn, null, eventIds[e]]);
        e += 1;
      }
      audit.push({ entity: 'member', entityId: id, action: 'create', after: memberAudit(m, org.id), reason });
    });
    await this.insert('members', memberColumns, memberRows as never);
    await this.insert('membership_events', eventColumns, eventRows as never);
    await this.insert('membership_periods', periodColumns, periodRows as never);
    for (const d of decisions) {
      if (d.action !== 'update') continue;
      const values: Record<string, unknown> = { ...d.changes, ...(typeof d.changes.fullName === 'string' ? nameColumns(d.changes.fullName) : {}) };
      const after = await updateMemberRow(writer.db, d.recorded!.id, d.recorded!.version, values);
      if (!after) throw new Error(`member ${d.recorded!.id} changed during the import`);
      audit.push({ entity: 'member', entityId: d.recorded!.id, action: 'update', before: pick(d.recorded!, Object.keys(d.changes)), after: d.changes, reason });
    }
    await recordAudit(this.ctx, audit);
  }
}

/** The membership event that leaves a member in each exit status. */
const exitEventKinds = { struck_off: 'strike_off', expelled: 'expulsion', withdrawn: 'withdrawal', deceased: 'death', transferred_out: 'transfer_out' } as const;

const memberColumns = [
  'id', 'full_name', 'family_name', 'middle_name', 'given_name', 'name_sort_key', 'gender', 'birth_date', 'place_of_origin', 'residence',
  'ethnicity', 'religion', 'education', 'professional_qualification', 'theory_level', 'job', 'position', 'national_id', 'card_number',
  'profile_number', 'admitted_on', 'confirmed_on', 'org_id', 'org_path', 'status',
];
const eventColumns = ['id', 'member_id', 'kind', 'occurred_on', 'decision', 'from_org_id', 'to_org_id', 'status_after', 'reason', 'details', 'created_by'];
const periodColumns = ['id', 'member_id', 'org_id', 'status', 'valid_from', 'valid_to', 'event_id'];

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

function pick(source: object, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (source as Record<string, unknown>)[k]]));
}

function plannedTarget(p: PlannedOrg): OrgTarget {
  return { code: p.parsed.code, name: p.existing?.name ?? p.parsed.name, kind: p.existing?.kind ?? p.parsed.kind, unitType: p.existing?.unitType ?? p.unitType, active: p.existing?.active ?? true, recorded: p.existing, planned: p.existing ? null : p };
}

function recordedTarget(o: OrgRow): OrgTarget {
  return { code: o.code, name: o.name, kind: o.kind, unitType: o.unitType, active: o.active, recorded: o, planned: null };
}

function refProblem(resolution: { problem: 'unknown' | 'ambiguous'; names?: string[] }, at: Parameters<typeof makeProblem>[2], what: string): ImportProblem {
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

function headersOf(row: SheetRow): ImportSheetPlan['headers'] {
  return row.cells.map((cell, index) => ({ index, letter: columnLetter(index), text: normalizeSpaces(String(plainCellValue(cell) ?? '')) }));
}

/** The legacy font of each text column, decided from the sheet's first rows together. */
function detectEncodings(plan: ImportSheetPlan, rows: SheetRow[]): ImportSheetPlan['encodings'] {
  const encodings: ImportSheetPlan['encodings'] = {};
  for (const field of importFields[plan.recordType!]) {
    if (field.kind !== 'name' && field.kind !== 'text' && field.kind !== 'org_ref') continue;
    const index = plan.mapping[field.key];
    if (index === undefined) continue;
    const cells = rows.map((r) => plainCellValue(r.cells[index])).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    const encoding = detectLegacyEncodingOfColumn(cells);
    if (encoding) encodings[String(index)] = encoding;
  }
  return encodings;
}
