import { bigint, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { byteText } from './columns.js';

export type ImportStatus = 'checking' | 'checked' | 'committing' | 'committed' | 'failed' | 'interrupted';

/**
 * One uploaded file and what became of it: the dry runs, the commit, and the counts they found. The file
 * itself lives on disk until it is committed; this row is the history the import screen lists.
 */
export const imports = pgTable(
  'imports',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    fileName: text('file_name').notNull(),
    /** Of the uploaded bytes: the same file uploaded twice is recognisable in the history. */
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    fileKind: text('file_kind').$type<'xlsx' | 'csv'>().notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name').notNull(),
    /** The uploader's scope when uploading: the commit writes only inside it, and only officials of that subtree see the import. */
    scopePath: byteText('scope_path'),
    status: text('status').$type<ImportStatus>().notNull(),
    /** Per sheet: record type, header row and the confirmed column mapping. */
    sheets: jsonb('sheets').$type<unknown[]>().notNull().default([]),
    counts: jsonb('counts').$type<Record<string, unknown>>().notNull().default({}),
    /** The first problems, for the screen; the full list is downloadable while the file is kept. */
    problems: jsonb('problems').$type<unknown[]>().notNull().default([]),
    message: text('message'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    committedAt: timestamp('committed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('imports_actor_idx').on(t.actorId, t.createdAt), index('imports_sha256_idx').on(t.sha256)],
);

/** A column mapping the user confirmed, offered again when a file with the same headers arrives. */
export const importMappings = pgTable(
  'import_mappings',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    recordType: text('record_type').$type<'org' | 'member' | 'dues'>().notNull(), // dues: a dues sheet's mapping
    /** SHA-256 of the normalised headers in order. */
    headerSignature: text('header_signature').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    /** Field → 0-based column index. */
    mapping: jsonb('mapping').$type<Record<string, number>>().notNull(),
    createdBy: integer('created_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('import_mappings_signature_key').on(t.recordType, t.headerSignature)],
);
