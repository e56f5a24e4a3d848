/**
 * Run as a child process by imports.kill.test.ts: opens the database (a PGlite data folder or a
 * PostgreSQL URL), checks and commits the file, and prints a line after every batch it has written
 * (inside the still-open transaction) so the test knows when to kill it.
 *
 *   node --import tsx kill-import.test-helper.ts <data-dir-or-url> <file.xlsx>
 */
import { createReadStream } from 'node:fs';
import pino from 'pino';
import { prepareDatabase, systemCtx } from '../../bootstrap.js';
import { openDatabase } from '../../db/client.js';
import { loadConfig } from '../../config.js';
import { checkImport, commitImport, receiveUpload, setImportsDir } from './imports.service.js';

const [target, file] = process.argv.slice(2);
const log = pino({ level: 'silent' });
setImportsDir(loadConfig().DANGVU_IMPORTS_DIR);
const database = await openDatabase(target.startsWith('postgres') ? { url: target } : { dataDir: target });
await prepareDatabase(database, log);
const ctx = systemCtx(database, log, 'Thử ngắt giữa chừng');
const upload = await receiveUpload(ctx, { fileName: 'lon.xlsx', body: createReadStream(file) });
const checked = await checkImport(ctx, upload.id);
if (!checked.canCommit) throw new Error(`not committable: ${JSON.stringify(checked.problems.slice(0, 3))}`);
console.log(`CHECKED ${upload.id}`);
await commitImport(ctx, database, upload.id, { acceptWarnings: true, confirmNameMatches: false }, (progress) => {
  // Batches of 2,000 are written as they fill: past 4,100 rows read, at least one batch is in the open transaction.
  if (progress.rowsDone > 4100) console.log(`WRITTEN ${progress.rowsDone}`);
});
console.log('COMMITTED');
await database.close();
