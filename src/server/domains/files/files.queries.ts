import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { storedFiles } from '../../db/schema.js';

export type StoredFileRow = typeof storedFiles.$inferSelect;

export async function insertStoredFile(db: DbOrTx, row: typeof storedFiles.$inferInsert): Promise<StoredFileRow> {
  const [inserted] = await db.insert(storedFiles).values(row).returning();
  return inserted!;
}

export async function findStoredFile(db: DbOrTx, id: number): Promise<StoredFileRow | null> {
  const [row] = await db.select().from(storedFiles).where(eq(storedFiles.id, id));
  return row ?? null;
}
