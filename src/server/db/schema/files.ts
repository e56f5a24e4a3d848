import { bigint, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { StoredFileMediaType } from '../../../shared/files.js';

/**
 * An uploaded file (a meeting's minutes, a party document): what it is and who brought it. The bytes live on disk,
 * named by their SHA-256 under DANGVU_FILES_DIR (files.service.ts), never in the database; a row is never changed.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    mediaType: text('media_type').$type<StoredFileMediaType>().notNull(),
    originalName: text('original_name').notNull(),
    /** Which record the file belongs to (`meeting_minutes`, `party_document`, …): the owning domain checks access. */
    purpose: text('purpose').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedByName: text('uploaded_by_name').notNull(),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('stored_files_sha256_idx').on(t.sha256)],
);
