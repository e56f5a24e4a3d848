import pino from 'pino';
import { buildApp } from './app.js';
import { ensureFirstAdmin, prepareDatabase, systemCtx } from './bootstrap.js';
import { auditConfig, databaseConfig, filesConfig, listensOnLoopbackOnly, loadConfig, trustProxyOption } from './config.js';
import { openAuditKeyring, setAuditKeyring } from './domains/audit/audit.anchor.js';
import { startAuditCheckpoints, takeAuditCheckpoint } from './domains/audit/audit.service.js';
import { openDatabase } from './db/client.js';
import { loadDemoIfEmpty } from './domains/demo/demo.service.js';
import { markInterruptedImports, setImportsDir } from './domains/imports/imports.service.js';
import { setStoredFilesConfig } from './domains/files/files.service.js';

/** Composition root: environment → database → app → listen. */
export async function startServer(): Promise<void> {
  const config = loadConfig();
  const log = pino({ level: config.LOG_LEVEL ?? 'info' });
  setImportsDir(config.DANGVU_IMPORTS_DIR);
  setStoredFilesConfig(filesConfig(config));
  const audit = auditConfig(config);
  setAuditKeyring(await openAuditKeyring(audit, log));
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
  await takeAuditCheckpoint(systemCtx(database, log), 'start');
  const stopCheckpoints = startAuditCheckpoints(systemCtx(database, log), audit.checkpointSeconds);
  const app = await buildApp({ database, logger: log, trustProxy: trustProxyOption(config) });
  const close = async () => {
    stopCheckpoints();
    await app.close();
    await takeAuditCheckpoint(systemCtx(database, log), 'stop').catch(() => null);
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ port: config.PORT, host: config.HOST });
  if (!listensOnLoopbackOnly(config.HOST) && config.DANGVU_TRUST_PROXY === '0')
    log.warn(
      { host: config.HOST, port: config.PORT },
      'plain HTTP on a network address: passwords and session cookies cross the network unencrypted. Put an HTTPS proxy in front (and set DANGVU_TRUST_PROXY) or listen on 127.0.0.1',
    );
  console.log(
    `  dangvu đang chạy tại http://localhost:${config.PORT} (cơ sở dữ liệu: ${database.kind === 'pglite' ? `nhúng, thư mục ${config.DANGVU_DATA_DIR}` : 'PostgreSQL'})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer().catch((error: Error) => {
    console.error(`Không khởi động được: ${error.message}`);
    process.exit(1);
  });
}
