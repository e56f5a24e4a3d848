/**
 * The fields of `next` whose value differs from the record's: an edit sends only what the user changed (the server
 * changes exactly the fields given), so two people correcting different fields do not undo each other's work.
 */
export function changedFields<T extends Record<string, unknown>>(record: Record<string, unknown>, next: T): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T & string)[]) {
    if (JSON.stringify(next[key] ?? null) !== JSON.stringify(record[key] ?? null)) changes[key] = next[key];
  }
  return changes;
}
