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
import { readTogether, type Ctx } from '../../context.js';
import type { Database } from '../../db/client.js';
import { withBulkWriter, type BulkWriter } from '../../db/bulk.js';
import { lockAuditChain } from '../audit/audit.queries.js';
import { ruleTimeline } from '../rulebook/rulebook.service.js';
import { todayIso } from '../../../shared/dates.js';
import type { ImportCounts, ImportProblem, ImportProgress, ImportRecordType, ImportSheetPlan } from '../../../shared/imports.js';
import { foldForSearch, normalizeSpaces } from '../../../shared/vietnamese.js';
import { plainCellValue, type SheetRow } from './cell-values.js';
import { columnLetter, convertLegacyHeaders, findHeaderRow, guessMapping, importFields, normalizeHeader, recordTypeForSheet } from './column-mapping.js';
import type { UploadKind } from './file-safety.js';
import { charterImportRules, legacyFontNames, makeProblem, parseDuesRow, parseMemberRow, parseOrgRow, type ImportRules } from './imports.rules.js';
import { DuesPlan } from './dues-plan.service.js';
import { lockImport } from './imports.queries.js';
import { detectLegacyEncodingOfColumn, type LegacyEncoding } from './legacy-encoding.js';
import { MemberPlan } from './member-plan.service.js';
import { OrgPlan } from './org-plan.service.js';
import type { ProblemLog } from './problem-log.js';
import { readRows } from './spreadsheet-reader.js';

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
    const run = new ImportRun({ ...ctx, db: writer.db }, input, 'commit', writer, input.confirmNameMatches);
    const result = await run.commit();
    await input.finish(writer, result);
    return result;
  });
}

/** What the organisation and member plans share with the run. */
export interface RunContext {
  ctx: Ctx;
  mode: 'check' | 'commit';
  log: ProblemLog;
  counts: ImportCounts;
  /** The commit's writer; absent in the dry run. */
  writer?: BulkWriter;
  importId: number;
  /** The reason every audit row of the commit carries. */
  reason: string;
  confirmNameMatches: boolean;
}

// ---- The run --------------------------------------------------------------------------------

interface SheetState {
  name: string;
  plan: ImportSheetPlan | null;
  buffer: SheetRow[];
}

const emptyCounts = (): ImportCounts => ({
  orgs: { created: 0, updated: 0, unchanged: 0 },
  members: { created: 0, updated: 0, unchanged: 0 },
  dues: { created: 0, updated: 0, unchanged: 0 },
  rows: 0,
  errors: 0,
  warnings: 0,
  converted: 0,
  nameMatches: 0,
});

class ImportRun {
  private readonly today: string;
  private readonly sheets = new Map<string, SheetState>();
  private readonly sheetOrder: string[] = [];
  private readonly counts = emptyCounts();
  private readonly orgs: OrgPlan;
  private readonly members: MemberPlan;
  private readonly dues: DuesPlan;
  private converted = 0;
  private rules: ImportRules = charterImportRules;
  private rowsDone = 0;
  private lastProgressAt = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly input: RunInput,
    private readonly mode: 'check' | 'commit',
    writer?: BulkWriter,
    confirmNameMatches = false,
  ) {
    this.today = todayIso(ctx.now());
    const base = `Nhập từ tệp "${input.fileName}" (lần nhập số ${input.importId})`;
    const reason = ctx.reason ? `${base}: ${ctx.reason}` : base;
    const run: RunContext = { ctx, mode, log: input.problems, counts: this.counts, writer, importId: input.importId, reason, confirmNameMatches };
    this.orgs = new OrgPlan(run);
    this.members = new MemberPlan(run, this.orgs);
    this.dues = new DuesPlan(run);
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
    const timeline = (name: string) => ruleTimeline<number>(this.ctx, name);
    const [minAge, probation, cellMin, committeeMin] = await readTogether(this.ctx.db, [
      () => timeline('admission_min_age_months'),
      () => timeline('probation_months'),
      () => timeline('cell_min_full_members'),
      () => timeline('cell_committee_min_full_members'),
    ]);
    this.rules = {
      minAdmissionAgeMonths: minAge,
      probationMonths: probation,
      cellMinFullMembers: cellMin,
      cellCommitteeMinFullMembers: committeeMin,
    };
  }

  async check(): Promise<RunResult> {
    await this.loadRules();
    for await (const row of readRows(this.input.path, this.input.kind)) {
      await this.acceptRow(row, 'all');
    }
    await this.endSheets();
    await this.processMembers();
    await this.orgs.plan(true);
    await this.members.settleDeferred();
    this.members.reportCells(this.today, this.rules);
    await this.processDues();
    this.noteEmptyFile();
    await this.log.flush();
    return this.result();
  }

  async commit(): Promise<RunResult> {
    // Held to the end anyway from the first audit row on; taken first so that no member is recorded
    // elsewhere while the import runs (see MemberPlan.firstCreatedId).
    await lockAuditChain(this.ctx.db);
    await this.loadRules();
    for (const plan of this.input.plans) {
      this.sheets.set(plan.sheet, { name: plan.sheet, plan: { ...plan, dataRows: 0 }, buffer: [] });
      this.sheetOrder.push(plan.sheet);
    }
    const orgSheets = this.input.plans.filter((p) => p.recordType === 'org').map((p) => p.sheet);
    const memberSheets = this.input.plans.filter((p) => p.recordType === 'member').map((p) => p.sheet);
    const duesSheets = this.input.plans.filter((p) => p.recordType === 'dues').map((p) => p.sheet);
    // Organisations first, so members can hang from the ones this file creates; the template puts them first, so this pass is short.
    if (orgSheets.length > 0) await this.readSheets(orgSheets, 'org');
    await this.orgs.plan(true);
    if (this.failed) throw new ImportAborted(await this.finishResult());
    await this.orgs.write();
    if (memberSheets.length > 0) await this.readSheets(memberSheets, 'member');
    await this.processMembers();
    this.members.reportCells(this.today, this.rules);
    if (this.failed) throw new ImportAborted(await this.finishResult());
    // Dues last: their members are recorded by then (a dues row never creates a member).
    if (duesSheets.length > 0) await this.readSheets(duesSheets, 'dues');
    await this.processDues();
    this.noteEmptyFile();
    if (this.failed) throw new ImportAborted(await this.finishResult());
    return this.finishResult();
  }

  /** The member plan's batch, then the problems to the report file and the progress to the screen. */
  private async processMembers(): Promise<void> {
    await this.members.process();
    await this.log.flush();
    this.progress(true);
  }

  private async processDues(): Promise<void> {
    await this.dues.process();
    await this.log.flush();
    this.progress(true);
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
    if (this.mode === 'check' && this.orgs.hasRows) await this.orgs.plan(false);
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
    for (const candidate of hinted ? [hinted] : (['member', 'org', 'dues'] as const)) {
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
      if (parsed.record) this.orgs.add(parsed.record);
    } else if (plan.recordType === 'dues') {
      const parsed = parseDuesRow(row, plan, this.today);
      this.take(parsed.problems, parsed.converted);
      if (parsed.record && this.dues.add(parsed.record)) await this.processDues();
    } else {
      const parsed = parseMemberRow(row, plan, this.today, this.rules);
      this.take(parsed.problems, parsed.converted);
      if (parsed.record) {
        if (this.members.add(parsed.record)) await this.processMembers();
      } else if (parsed.orgRef) this.members.addFailedRef({ sheet: row.sheet, row: row.rowNumber, column: plan.mapping.org ?? null, orgRef: parsed.orgRef });
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
