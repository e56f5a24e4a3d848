import type { Logger } from 'pino';
import { systemActor, type Ctx } from './context.js';
import type { Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { seedHolidays } from './domains/calendar/calendar.service.js';
import { seedRulebook } from './domains/rulebook/rulebook.service.js';
import { createUser, hasActiveAdmin } from './domains/users/users.service.js';

export function systemCtx(database: Database, log: Logger, reason?: string): Ctx {
  return { db: database.db, dbKind: database.kind, actor: systemActor, now: () => new Date(), log, reason };
}

/** Migrations plus the reference data every deployment needs: the rulebook and the holiday table. */
export async function prepareDatabase(database: Database, log: Logger): Promise<void> {
  await runMigrations(database);
  const ctx = systemCtx(database, log, 'Khởi tạo cơ sở dữ liệu');
  await seedRulebook(ctx);
  await seedHolidays(ctx);
}

/** The first admin; returns the one-time password to show once, or null when an admin exists already. */
export async function ensureFirstAdmin(database: Database, log: Logger, password?: string): Promise<{ username: string; password: string | null } | null> {
  const ctx = systemCtx(database, log, 'Tạo quản trị viên đầu tiên');
  if (await hasActiveAdmin(ctx)) return null;
  const result = await createUser(ctx, { username: 'admin', displayName: 'Quản trị hệ thống', role: 'admin', orgId: null, memberId: null, password });
  return { username: 'admin', password: result.oneTimePassword };
}
