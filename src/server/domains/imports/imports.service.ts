/**
 * The import as the user sees it: upload a file, look at the dry run (counts, problems, the column
 * mapping), confirm the mapping, and commit. Each step is recorded in `imports`; the uploaded file and
 * its full problem list are kept on disk until the import is committed.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Ctx } from '../../context.js';
import { assertCan } from '../../permissions.js';
import type { Database } from '../../db/client.js';
import { AppError, conflict, forbidden, notFound } from '../../errors.js';
import { isPathInScope } from '../../scope.js';
import { recordAudit } from '../audit/audit.service.js';
import type { ImportCommitInput, ImportJob, ImportMappingInput, ImportProblem, ImportProgress, ImportSheetPlan } from '../../../shared/imports.js';
import { duesImportFields, importFields, memberImportFields, orgImportFields } from './column-mapping.js';
import { defaultUploadLimits, ImportFileError, inspectUpload, type UploadKind } from './file-safety.js';
import { checkFile, commitFile, headerSignature, ImportAborted, type RunResult } from './import-run.service.js';
import { ProblemLog } from './problem-log.js';
import {
  findImport,
  findSavedMapping,
  importRowLockable,
  importsInProgress,
  insertImport,
  listImportRows,
  lockImport,
  saveMapping,
  updateImport,
  type ImportRow,
} from './imports.queries.js';

const defaultImportsDir = join(tmpdir(), 'dangvu-imports');
let uploadsDir = defaultImportsDir;

/** Where uploads wait between the dry run and the commit. Personal data: removed once committed, and after two days anyway. */
export function importsDir(): string {
  return uploadsDir;
}

/** Set at start from DANGVU_IMPORTS_DIR (config.ts); unset, the system temp folder. */
export function setImportsDir(dir: string = defaultImportsDir): void {
  uploadsDir = dir;
}

const keepUploadsMs = 2 * 24 * 3600 * 1000;

/** Runs in this process, with their progress; the database holds only the outcome. */
const running = new Map<number, ImportProgress>();

const IMPORT = 'lần nhập dữ liệu';

function scopePathOf(ctx: Ctx): string | null {
  return ctx.actor.scope.kind === 'subtree' ? ctx.actor.scope.path : null;
}

async function importInScope(ctx: Ctx, id: number): Promise<ImportRow> {
  assertCan(ctx, 'imports.run');
  const row = await findImport(ctx.db, id);
  const visible = row && (ctx.actor.scope.kind === 'all' || (row.scopePath !== null && isPathInScope(ctx.actor.scope, row.scopePath)));
  if (!row || !visible) throw notFound(IMPORT);
  return row;
}

function filesOf(row: Pick<ImportRow, 'id' | 'sha256' | 'createdAt' | 'fileKind'>) {
  const base = join(importsDir(), `${row.id}-${row.createdAt.getTime()}-${row.sha256.slice(0, 16)}`);
  return { upload: `${base}.${row.fileKind}`, problems: `${base}.problems.jsonl` };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

export function toAppError(error: ImportFileError): AppError {
  return new AppError('INVALID_INPUT', error.message, [{ field: 'file', message: error.message }]);
}

// ---- Upload ---------------------------------------------------------------------------------

export interface UploadInput {
  fileName: string;
  body: Readable;
  maxBytes?: number;
}

/**
 * Receives the file (counting and hashing as it arrives, refusing it past the size limit), checks it is a
 * spreadsheet that is safe to open, and records the import. The dry run is a separate step.
 */
export async function receiveUpload(ctx: Ctx, input: UploadInput): Promise<ImportRow> {
  assertCan(ctx, 'imports.run');
  if (ctx.actor.scope.kind === 'self') throw forbidden();
  if (typeof (input.body as Partial<Readable> | null)?.pipe !== 'function')
    throw new AppError('INVALID_INPUT', 'Hãy gửi chính nội dung tệp (Content-Type: application/octet-stream), kèm tên tệp ở tham số filename.', [
      { field: 'file', message: 'Thiếu nội dung tệp' },
    ]);
  const maxBytes = input.maxBytes ?? defaultUploadLimits.maxBytes;
  const dir = importsDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await sweepOldUploads(dir);
  const temporary = join(dir, `upload-${randomBytes(8).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let size = 0;
  try {
    await pipeline(
      input.body,
      new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          size += chunk.length;
          if (size > maxBytes) {
            callback(
              new ImportFileError(
                'FILE_TOO_LARGE',
                `Tệp quá lớn, vượt giới hạn ${Math.round(maxBytes / 1024 / 1024)} MB. Hãy chia dữ liệu thành nhiều tệp nhỏ hơn rồi tải lên từng tệp.`,
              ),
            );
            return;
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      }),
      createWriteStream(temporary, { mode: 0o600 }),
    );
    const { kind } = await inspectUpload(temporary, { fileName: input.fileName, maxBytes });
    const row = await insertImport(ctx.db, {
      fileName: input.fileName.slice(0, 255),
      sha256: hash.digest('hex'),
      sizeBytes: size,
      fileKind: kind,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.name,
      scopePath: scopePathOf(ctx),
      status: 'checking',
    });
    await rename(temporary, filesOf(row).upload);
    return row;
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof ImportFileError) throw toAppError(error);
    throw error;
  }
}

/** Upload and start the dry run: what the import screen does in one step. */
export async function startImport(ctx: Ctx, input: UploadInput): Promise<ImportJob> {
  const row = await receiveUpload(ctx, input);
  return startCheck(ctx, row.id);
}

async function sweepOldUploads(dir: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(dir)) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > keepUploadsMs) await rm(path, { force: true });
  }
}

// ---- Dry run --------------------------------------------------------------------------------

/** Runs the dry run to the end (CLI, tests); the HTTP layer starts it with startCheck and polls. */
export async function checkImport(ctx: Ctx, id: number, onProgress?: (progress: ImportProgress) => void): Promise<ImportJob> {
  const row = await assertCheckable(ctx, id);
  running.set(id, { phase: 'reading', rowsDone: 0, rowsTotal: null });
  await runCheck(ctx, row, onProgress);
  return getImport(ctx, id);
}

/** Starts the dry run and returns at once; its progress is read with getImport. */
export async function startCheck(ctx: Ctx, id: number): Promise<ImportJob> {
  const row = await assertCheckable(ctx, id);
  running.set(id, { phase: 'reading', rowsDone: 0, rowsTotal: null });
  setImmediate(() => void runCheck(ctx, row));
  return getImport(ctx, id);
}

async function assertCheckable(ctx: Ctx, id: number): Promise<ImportRow> {
  const row = await importInScope(ctx, id);
  if (running.has(id)) throw conflict('Tệp này đang được xử lý; hãy chờ xong.');
  if (row.status === 'committed' || row.status === 'committing') throw conflict('Tệp này đã được ghi vào cơ sở dữ liệu.');
  if (!(await exists(filesOf(row).upload))) throw uploadGone();
  return row;
}

/** Never throws: the outcome, failure included, is written to the import's row. */
async function runCheck(ctx: Ctx, row: ImportRow, onProgress?: (progress: ImportProgress) => void): Promise<void> {
  const id = row.id;
  const files = filesOf(row);
  try {
    await updateImport(ctx.db, id, { status: 'checking', message: null });
    await rm(files.problems, { force: true });
    const problems = new ProblemLog(files.problems);
    const result = await checkFile(ctx, {
      importId: id,
      fileName: row.fileName,
      path: files.upload,
      kind: row.fileKind as UploadKind,
      plans: row.sheets as ImportSheetPlan[],
      problems,
      onProgress: (progress) => {
        running.set(id, progress);
        onProgress?.(progress);
      },
      findSavedMapping: (recordType, signature) => findSavedMapping(ctx.db, recordType, signature),
    });
    await updateImport(ctx.db, id, { status: 'checked', sheets: result.sheets, counts: result.counts, problems: problems.sortedPreview() });
  } catch (error) {
    if (!(error instanceof ImportFileError)) ctx.log.error({ err: error, importId: id }, 'import check failed');
    await updateImport(ctx.db, id, { status: 'failed', message: failureMessage(error) }).catch(() => undefined);
  } finally {
    running.delete(id);
  }
}

function failureMessage(error: unknown): string {
  if (error instanceof ImportFileError) return error.message;
  if (error instanceof AppError) return error.message;
  return 'Đã có lỗi hệ thống khi đọc tệp; không có dữ liệu nào được ghi. Hãy thử lại hoặc báo quản trị viên.';
}

const uploadGone = () => conflict('Tệp tải lên không còn được lưu (đã quá hai ngày hoặc máy chủ đã dọn dẹp). Hãy tải tệp lên lại.');

// ---- Mapping --------------------------------------------------------------------------------

/** The user's mapping replaces the guess for those sheets, is remembered for files with the same headers, and the dry run runs again. */
export async function confirmMapping(ctx: Ctx, id: number, input: ImportMappingInput): Promise<ImportRow> {
  const row = await importInScope(ctx, id);
  if (running.has(id) || row.status === 'committing' || row.status === 'committed')
    throw conflict('Không đổi được cách ghép cột lúc này: tệp đang được xử lý hoặc đã được ghi.');
  const known = row.sheets as ImportSheetPlan[];
  const sheets: ImportSheetPlan[] = [...known];
  for (const confirmed of input.sheets) {
    const index = sheets.findIndex((s) => s.sheet === confirmed.sheet);
    if (index < 0)
      throw new AppError('INVALID_INPUT', `Tệp không có trang tính "${confirmed.sheet}".`, [{ field: 'sheets', message: 'Trang tính không có trong tệp' }]);
    const fields = confirmed.recordType ? importFields[confirmed.recordType] : [];
    const mapping = Object.fromEntries(Object.entries(confirmed.mapping).filter(([key]) => fields.some((f) => f.key === key)));
    const columns = Object.values(mapping);
    if (new Set(columns).size !== columns.length)
      throw new AppError('INVALID_INPUT', 'Một cột chỉ được ghép với một trường.', [{ field: 'sheets', message: 'Một cột được ghép hai lần' }]);
    const plan: ImportSheetPlan = { ...sheets[index], recordType: confirmed.recordType, headerRow: confirmed.headerRow, mapping, mappingSource: 'confirmed' };
    sheets[index] = plan;
    // Remembered only for the header row the headers were read from: that is what identifies the next file.
    if (confirmed.recordType && confirmed.headerRow === known[index].headerRow && plan.headers.length > 0) {
      await saveMapping(ctx.db, {
        recordType: confirmed.recordType,
        headerSignature: headerSignature(plan.headers.map((h) => h.text)),
        headers: plan.headers.map((h) => h.text),
        mapping,
        createdBy: ctx.actor.userId,
      });
    }
  }
  return (await updateImport(ctx.db, id, { sheets, status: 'checking' }))!;
}

/** Confirm the mapping and run the dry run again with it. */
export async function changeMapping(ctx: Ctx, id: number, input: ImportMappingInput): Promise<ImportJob> {
  await confirmMapping(ctx, id, input);
  return startCheck(ctx, id);
}

// ---- Commit ---------------------------------------------------------------------------------

/**
 * Writes the checked file in one transaction, re-checking every row as it goes: whatever changed in the
 * database since the dry run is caught, and any error leaves nothing written.
 */
export async function commitImport(
  ctx: Ctx,
  database: Database,
  id: number,
  input: ImportCommitInput,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportJob> {
  const row = await assertCommittable(ctx, id, input);
  running.set(id, { phase: 'writing', rowsDone: 0, rowsTotal: rowsOf(row) });
  await runCommit(ctx, database, row, input, onProgress);
  return getImport(ctx, id);
}

/** Starts the commit and returns at once (after the checks that can refuse it); progress through getImport. */
export async function startCommit(ctx: Ctx, database: Database, id: number, input: ImportCommitInput): Promise<ImportJob> {
  const row = await assertCommittable(ctx, id, input);
  running.set(id, { phase: 'writing', rowsDone: 0, rowsTotal: rowsOf(row) });
  setImmediate(() => void runCommit(ctx, database, row, input));
  return getImport(ctx, id);
}

const rowsOf = (row: ImportRow) => (row.counts as { rows?: number }).rows ?? null;

/** Never throws: the outcome, failure included, is written to the import's row. */
async function runCommit(
  ctx: Ctx,
  database: Database,
  row: ImportRow,
  input: ImportCommitInput,
  onProgress?: (progress: ImportProgress) => void,
): Promise<void> {
  const id = row.id;
  const files = filesOf(row);
  const problems = new ProblemLog(`${files.problems}.commit`);
  try {
    await updateImport(ctx.db, id, { status: 'committing', message: null });
    await commitFile(ctx, database, {
      importId: id,
      fileName: row.fileName,
      path: files.upload,
      kind: row.fileKind as UploadKind,
      plans: row.sheets as ImportSheetPlan[],
      problems,
      rowsTotal: rowsOf(row),
      confirmNameMatches: input.confirmNameMatches,
      onProgress: (progress) => {
        running.set(id, progress);
        onProgress?.(progress);
      },
      finish: async (writer, result) => {
        const locked = await lockImport(writer.db, id);
        if (locked?.status === 'committed') throw conflict('Tệp này đã được ghi vào cơ sở dữ liệu.');
        await recordAudit({ ...ctx, db: writer.db }, [
          { entity: 'import', entityId: id, action: 'commit', after: { fileName: row.fileName, sha256: row.sha256, counts: result.counts } },
        ]);
        await updateImport(writer.db, id, {
          status: 'committed',
          counts: result.counts,
          problems: problems.sortedPreview(),
          committedAt: ctx.now(),
          message: null,
        });
      },
    });
    await rm(files.upload, { force: true });
  } catch (error) {
    const current = await findImport(ctx.db, id).catch(() => undefined);
    if (current?.status === 'committed') return;
    if (error instanceof ImportAborted) {
      await rename(`${files.problems}.commit`, files.problems).catch(() => undefined);
      await updateImport(ctx.db, id, {
        status: 'failed',
        counts: error.result.counts,
        problems: problems.sortedPreview(),
        message:
          'Khi ghi, tệp có lỗi mà lần kiểm tra trước chưa có (dữ liệu đã thay đổi từ đó); không có dữ liệu nào được ghi. Hãy xem danh sách vấn đề, sửa tệp rồi tải lên lại.',
      });
    } else {
      if (!(error instanceof AppError)) ctx.log.error({ err: error, importId: id }, 'import commit failed');
      await updateImport(ctx.db, id, { status: 'failed', message: `${failureMessage(error)} Không có dữ liệu nào của lần nhập này được ghi.` }).catch(
        () => undefined,
      );
    }
  } finally {
    running.delete(id);
    await rm(`${files.problems}.commit`, { force: true });
  }
}

async function assertCommittable(ctx: Ctx, id: number, input: ImportCommitInput): Promise<ImportRow> {
  const row = await importInScope(ctx, id);
  if (running.has(id)) throw conflict('Tệp này đang được xử lý; hãy chờ xong.');
  if (row.status === 'committed') throw conflict('Tệp này đã được ghi vào cơ sở dữ liệu.');
  if (row.status !== 'checked') throw conflict('Tệp chưa được kiểm tra xong; hãy chạy kiểm tra trước khi ghi.');
  const counts = row.counts as { errors: number; warnings: number; nameMatches: number };
  if (counts.errors > 0) throw conflict(`Tệp còn ${counts.errors} lỗi; hãy sửa hết lỗi rồi tải lên lại. Không có dữ liệu nào được ghi.`);
  if (counts.nameMatches > 0 && !input.confirmNameMatches)
    throw conflict(
      `Có ${counts.nameMatches} dòng chỉ khớp với hồ sơ đã có theo họ tên và ngày sinh; hãy xác nhận đó là cùng người trước khi ghi.`,
      'confirmNameMatches',
    );
  if (counts.warnings > 0 && !input.acceptWarnings)
    throw conflict(`Tệp có ${counts.warnings} cảnh báo; hãy xem và chấp nhận các cảnh báo trước khi ghi.`, 'acceptWarnings');
  if (!(await exists(filesOf(row).upload))) throw uploadGone();
  return row;
}

// ---- Reading --------------------------------------------------------------------------------

export async function getImport(ctx: Ctx, id: number): Promise<ImportJob> {
  const row = await settleIfInterrupted(ctx, await importInScope(ctx, id));
  return present(row, running.get(id) ?? null, await exists(filesOf(row).upload));
}

const interruptedMessage = (row: ImportRow) =>
  row.status === 'committing'
    ? 'Việc ghi dữ liệu bị gián đoạn (máy chủ đã dừng giữa chừng). Không có dữ liệu nào của lần nhập này được ghi; hãy kiểm tra lại tệp rồi ghi lại.'
    : 'Việc kiểm tra tệp bị gián đoạn (máy chủ đã dừng giữa chừng). Không có dữ liệu nào được ghi; hãy kiểm tra lại tệp.';

/** A run left "checking" or "committing" by a process that is gone becomes "interrupted", so the history never shows it running forever. */
async function settleIfInterrupted(ctx: Ctx, row: ImportRow): Promise<ImportRow> {
  if (running.has(row.id) || (row.status !== 'checking' && row.status !== 'committing')) return row;
  if (!(await interrupted(ctx, row))) return row;
  return (await updateImport(ctx.db, row.id, { status: 'interrupted', message: interruptedMessage(row) })) ?? row;
}

/**
 * At start-up, before any request: every run left in progress whose process is gone (a commit's row lock
 * is free; a dry run stopped more than 30 seconds ago) is marked interrupted. Returns how many.
 */
export async function markInterruptedImports(ctx: Ctx): Promise<number> {
  let marked = 0;
  for (const row of await importsInProgress(ctx.db)) if ((await settleIfInterrupted(ctx, row)).status === 'interrupted') marked += 1;
  return marked;
}

/**
 * Not running here: a dry run elsewhere would have no effect worth keeping; a commit elsewhere holds the
 * import's row locked, so a row we can lock at once is one whose commit died with its process.
 */
async function interrupted(ctx: Ctx, row: ImportRow): Promise<boolean> {
  if (row.status === 'checking') return Date.now() - row.updatedAt.getTime() > 30_000;
  return importRowLockable(ctx.db, row.id);
}

export async function listImports(ctx: Ctx) {
  assertCan(ctx, 'imports.run');
  const rows = await Promise.all((await listImportRows(ctx.db, ctx.actor.scope, 100)).map((row) => settleIfInterrupted(ctx, row)));
  return { items: rows.map((row) => ({ ...pickList(present(row, running.get(row.id) ?? null, false)) })) };
}

function pickList(job: ImportJob) {
  const { id, fileName, status, actorName, createdAt, committedAt, counts, message } = job;
  return { id, fileName, status, actorName, createdAt, committedAt, counts, message };
}

const fieldInfo = (fields: readonly { key: string; label: string; required: boolean }[]) =>
  fields.map(({ key, label, required }) => ({ key, label, required }));

function present(row: ImportRow, progress: ImportProgress | null, fileKept: boolean): ImportJob {
  const counts = Object.keys(row.counts).length > 0 ? (row.counts as ImportJob['counts']) : null;
  return {
    id: row.id,
    fileName: row.fileName,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    status: progress ? (progress.phase === 'writing' ? 'committing' : 'checking') : row.status,
    actorName: row.actorName,
    createdAt: row.createdAt.toISOString(),
    committedAt: row.committedAt?.toISOString() ?? null,
    sheets: row.sheets as ImportSheetPlan[],
    counts,
    problems: row.problems as ImportProblem[],
    message: row.message,
    progress,
    canCommit: !progress && row.status === 'checked' && counts !== null && counts.errors === 0 && fileKept,
    fields: { org: fieldInfo(orgImportFields), member: fieldInfo(memberImportFields), dues: fieldInfo(duesImportFields) },
  };
}

/** Every problem of the last run, as the report lists them; streamed from the file the run wrote. */
export async function* importProblems(ctx: Ctx, id: number): AsyncGenerator<ImportProblem> {
  const row = await importInScope(ctx, id);
  const path = filesOf(row).problems;
  if (!(await exists(path))) {
    yield* row.problems as ImportProblem[];
    return;
  }
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) if (line.trim() !== '') yield JSON.parse(line) as ImportProblem;
}

export type { RunResult };
