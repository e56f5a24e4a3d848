import pino from 'pino';
import { buildApp } from './app.js';
import { ensureFirstAdmin, prepareDatabase, systemCtx } from './bootstrap.js';
import { databaseConfig, loadConfig } from './config.js';
import { openDatabase } from './db/client.js';
import { loadDemoIfEmpty } from './domains/demo/demo.service.js';
import { markInterruptedImports } from './domains/imports/imports.service.js';

/** Composition root: environment → database → app → listen. */
export async function startServer(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL });
  const database = await openDatabase({ ...databaseConfig(config), onIdleError: (error) => log.warn({ err: error }, 'idle database connection ended') });
  await prepareDatabase(database, log);
  const interrupted = await markInterruptedImports(systemCtx(database, log, 'Khởi động máy chủ'));
  if (interrupted > 0) log.warn({ interrupted }, 'imports left running by a stopped server marked interrupted');
  if (config.DANGVU_DEMO === '1') {
    const loaded = await loadDemoIfEmpty(systemCtx(database, log, 'Nạp dữ liệu mẫu'), database, {});
    if (loaded) log.info(loaded, 'demo data loaded');
  }
  const admin = await ensureFirstAdmin(database, log, config.DANGVU_ADMIN_PASSWORD);
  if (admin) {
    const shown = admin.password ? `mật khẩu dùng một lần: ${admin.password} (phải đổi khi đăng nhập lần đầu)` : 'mật khẩu lấy từ DANGVU_ADMIN_PASSWORD';
    console.log(`\n  Tài khoản quản trị: ${admin.username} — ${shown}\n`);
  }
  const app = await buildApp({ database, logger: log, secureCookies: config.DANGVU_SECURE_COOKIES === '1' });
  const close = async () => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`  dangvu đang chạy tại http://localhost:${config.PORT} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `nhúng, thư mục ${config.DANGVU_DATA_DIR}` : 'PostgreSQL'})`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((error: Error) => {
    console.error(`Không khởi động được: ${error.message}`);
    process.exit(1);
  });
}
