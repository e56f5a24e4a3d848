import { z } from 'zod';

export const importRecordTypes = ['org', 'member', 'dues'] as const;
export type ImportRecordType = (typeof importRecordTypes)[number];
export const importRecordTypeLabels: Record<ImportRecordType, string> = { org: 'Tổ chức đảng', member: 'Đảng viên', dues: 'Đảng phí' };

export const importStatuses = ['checking', 'checked', 'committing', 'committed', 'failed', 'interrupted'] as const;
export type ImportStatus = (typeof importStatuses)[number];
export const importStatusLabels: Record<ImportStatus, string> = {
  checking: 'Đang kiểm tra',
  checked: 'Đã kiểm tra',
  committing: 'Đang ghi dữ liệu',
  committed: 'Đã nhập xong',
  failed: 'Không thành công',
  /** The process stopped mid-run (killed, restarted): nothing of the commit was kept, the file can be checked again. */
  interrupted: 'Bị gián đoạn',
};

/** `info` is what the import did on its own (a legacy-font conversion): shown, never blocking. */
export const problemSeverities = ['error', 'warning', 'info'] as const;
export type ProblemSeverity = (typeof problemSeverities)[number];
export const problemSeverityLabels: Record<ProblemSeverity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };

/** One problem of an uploaded file, placed the way an official finds it in Excel: sheet, row, column letter. */
export const importProblem = z.object({
  severity: z.enum(problemSeverities),
  code: z.string(),
  sheet: z.string(),
  /** Excel's row number; null for a problem of the whole sheet or file. */
  row: z.number().int().nullable(),
  /** Column letter (A, B, …, AB); null when no single column is at fault. */
  column: z.string().nullable(),
  /** The field's Vietnamese name. */
  field: z.string().nullable(),
  value: z.string().nullable(),
  /** What is wrong. */
  message: z.string(),
  /** How to fix it. */
  fix: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

export const importField = z.object({ key: z.string(), label: z.string(), required: z.boolean() });
export type ImportFieldInfo = z.infer<typeof importField>;

/** How one sheet is read: which record type, where the headers are, and which column holds which field. */
export const importSheetPlan = z.object({
  sheet: z.string(),
  recordType: z.enum(importRecordTypes).nullable(),
  /** Excel row number of the header row; null when none was recognised. */
  headerRow: z.number().int().positive().nullable(),
  headers: z.array(z.object({ index: z.number().int(), letter: z.string(), text: z.string() })),
  /** Field key → 0-based column index. */
  mapping: z.record(z.string(), z.number().int().min(0)),
  mappingSource: z.enum(['guessed', 'saved', 'confirmed']),
  /** Legacy font detected per 0-based column (only columns where one was found). */
  encodings: z.record(z.string(), z.enum(['tcvn3', 'vni'])),
  dataRows: z.number().int(),
});
export type ImportSheetPlan = z.infer<typeof importSheetPlan>;

const tally = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export const importCounts = z.object({
  orgs: tally,
  members: tally,
  /** Members' months of dues (a dues sheet); absent in imports made before dues could be imported. */
  dues: tally.optional(),
  /** Data rows read (header rows not counted). */
  rows: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  /** Cells converted from TCVN3 or VNI to Unicode. */
  converted: z.number().int(),
  /** Rows matched to a recorded member by name and date of birth only: they need the user's confirmation. */
  nameMatches: z.number().int(),
});
export type ImportCounts = z.infer<typeof importCounts>;

export const importProgress = z.object({
  phase: z.enum(['reading', 'writing']),
  rowsDone: z.number().int(),
  /** Known when committing (the dry run counted the rows); unknown while reading a new file. */
  rowsTotal: z.number().int().nullable(),
});
export type ImportProgress = z.infer<typeof importProgress>;

export const importJob = z.object({
  id: z.number().int(),
  fileName: z.string(),
  sha256: z.string(),
  sizeBytes: z.number().int(),
  status: z.enum(importStatuses),
  actorName: z.string(),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  sheets: z.array(importSheetPlan),
  counts: importCounts.nullable(),
  /** The first problems (errors first); the full list is the downloadable report. */
  problems: z.array(importProblem),
  message: z.string().nullable(),
  progress: importProgress.nullable(),
  /** Checked, no error left, and the file is still kept. */
  canCommit: z.boolean(),
  fields: z.object({ org: z.array(importField), member: z.array(importField), dues: z.array(importField) }),
});
export type ImportJob = z.infer<typeof importJob>;

export const importListItem = importJob.pick({
  id: true,
  fileName: true,
  status: true,
  actorName: true,
  createdAt: true,
  committedAt: true,
  counts: true,
  message: true,
});
export type ImportListItem = z.infer<typeof importListItem>;
export const importList = z.object({ items: z.array(importListItem) });

export const importUploadQuery = z.object({ filename: z.string().trim().min(1, 'Thiếu tên tệp').max(255, 'Tên tệp quá dài') });

/** The user's confirmed mapping; sheets left out keep theirs. Saved and offered for files with the same headers. */
export const importMappingInput = z.object({
  sheets: z
    .array(
      z.object({
        sheet: z.string().min(1),
        /** null: do not import this sheet. */
        recordType: z.enum(importRecordTypes).nullable(),
        headerRow: z.number().int().positive(),
        mapping: z.record(z.string(), z.number().int().min(0).max(16_383)),
      }),
    )
    .min(1),
});
export type ImportMappingInput = z.infer<typeof importMappingInput>;

export const importCommitInput = z.object({
  /** The user has read the warnings and accepts them. */
  acceptWarnings: z.boolean().default(false),
  /** Rows matched by name and date of birth only are the same people as the recorded members. */
  confirmNameMatches: z.boolean().default(false),
});
export type ImportCommitInput = z.infer<typeof importCommitInput>;
