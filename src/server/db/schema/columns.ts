import { customType, integer, timestamp } from 'drizzle-orm/pg-core';

/** Plain dates travel as 'YYYY-MM-DD' strings: no time zone can shift a decision's date. */
export { date } from 'drizzle-orm/pg-core';

/** Text compared byte-wise: sort keys and tree paths must order the same on PGlite and PostgreSQL. */
export const byteText = customType<{ data: string }>({
  dataType() {
    return 'text COLLATE "C"';
  },
});

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
};

/** Optimistic locking: every edit names the version it was based on. */
export const version = () => integer('version').notNull().default(1);
