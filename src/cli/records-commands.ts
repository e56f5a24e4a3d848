/**
 * `dangvu import`, `export`, `backup` and `restore`: the same service functions the web app calls,
 * with a progress bar on the terminal.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import type { Logger } from 'pino';
import { prepareDatabase, systemCtx } from '../server/bootstrap.js';
import type { Database } from '../server/db/client.js';
import { AppError } from '../server/errors.js';
import { backupRotate, backupToFile, restoreFromFile } from '../server/domains/backup/backup.service.js';
import { exportLeftOut, exportRecords, problemsReport } from '../server/domains/imports/imports.export.js';
import { checkImport, commitImport, receiveUpload } from '../server/domains/imports/imports.service.js';
import type { ImportJob, ImportProgress } from '../shared/imports.js';
import { problemSeverityLabels } from '../shared/imports.js';
import { formatNumber } from '../shared/vietnamese.js';

type WithDatabase = <T>(work: (database: Database) => Promise<T>) => Promise<T>;

/** A one-line bar on a terminal; nothing when the output is a file or a pipe. */
function progressBar(label: string): { update: (progress: ImportProgress) => void; done: () => void } {
  const tty = process.stderr.isTTY;
  let shown = false;
  return {
    update(progress) {
      if (!tty) return;
      shown = true;
      const rows = `${formatNumber(progress.rowsDone)}${progress.rowsTotal ? `/${formatNumber(progress.rowsTotal)}` : ''} dòng`;
      if (!progress.rowsTotal) return void process.stderr.write(`\r${label}: ${rows}   `);
      const share = Math.min(1, progress.rowsDone / progress.rowsTotal);
      const width = 30;
      const filled = Math.round(share * width);
      process.stderr.write(`\r${label}: [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${Math.round(share * 100)}% ${rows}   `);
    },
    done() {
      if (shown) process.stderr.write('\n');
    },
  };
}

function printSummary(job: ImportJob): void {
  const c = job.counts;
  if (!c) return;
  console.log(`Đã đọc ${formatNumber(c.rows)} dòng dữ liệu.`);
  console.log(
    `  Tổ chức đảng: ${formatNumber(c.orgs.created)} thêm mới, ${formatNumber(c.orgs.updated)} cập nhật, ${formatNumber(c.orgs.unchanged)} không đổi.`,
  );
  console.log(
    `  Đảng viên:    ${formatNumber(c.members.created)} thêm mới, ${formatNumber(c.members.updated)} cập nhật, ${formatNumber(c.members.unchanged)} không đổi.`,
  );
  console.log(`  ${formatNumber(c.errors)} lỗi, ${formatNumber(c.warnings)} cảnh báo, ${formatNumber(c.converted)} ô chuyển từ phông cũ sang Unicode.`);
  const shown = job.problems.filter((p) => p.severity !== 'info').slice(0, 20);
  for (const p of shown) {
    const where = [p.sheet, p.row !== null ? `dòng ${p.row}` : null, p.column ? `cột ${p.column}` : null].filter(Boolean).join(', ');
    console.log(
      `  ${problemSeverityLabels[p.severity]} (${where}${p.field ? `, ${p.field}` : ''}${p.value !== null ? `: "${p.value}"` : ''}): ${p.message} ${p.fix}`,
    );
  }
  const total = c.errors + c.warnings;
  if (total > shown.length) console.log(`  … và ${formatNumber(total - shown.length)} vấn đề khác (ghi đủ vào tệp với --report).`);
}

async function writeStream(stream: Readable, path: string): Promise<void> {
  await pipeline(stream, createWriteStream(path));
}

export function addRecordCommands(program: Command, withDatabase: WithDatabase, log: Logger): void {
  program
    .command('import <file>')
    .description('Nhập tổ chức và đảng viên từ tệp .xlsx hoặc .csv: kiểm tra trước, chỉ ghi khi có --commit và không còn lỗi')
    .option('--commit', 'ghi vào cơ sở dữ liệu sau khi kiểm tra (cả tệp hoặc không gì cả)')
    .option('--accept-warnings', 'chấp nhận các cảnh báo')
    .option('--confirm-name-matches', 'xác nhận các dòng khớp với hồ sơ đã có chỉ theo họ tên và ngày sinh là cùng người')
    .option('--report <file.xlsx>', 'ghi danh sách mọi vấn đề ra tệp Excel')
    .action((file: string, options: { commit?: boolean; acceptWarnings?: boolean; confirmNameMatches?: boolean; report?: string }) =>
      withDatabase(async (database) => {
        await prepareDatabase(database, log);
        const ctx = systemCtx(database, log, 'Nhập dữ liệu bằng dòng lệnh');
        const upload = await receiveUpload(ctx, { fileName: basename(file), body: createReadStream(file) });
        const reading = progressBar('Đang kiểm tra');
        const checked = await checkImport(ctx, upload.id, reading.update);
        reading.done();
        if (checked.status === 'failed') throw new AppError('INVALID_INPUT', checked.message ?? 'Không đọc được tệp.');
        printSummary(checked);
        if (options.report) {
          await writeStream(await problemsReport(ctx, checked.id), options.report);
          console.log(`Đã ghi danh sách vấn đề vào ${options.report}.`);
        }
        if (checked.counts!.errors > 0)
          throw new AppError('INVALID_INPUT', `Tệp còn ${formatNumber(checked.counts!.errors)} lỗi; chưa ghi gì vào cơ sở dữ liệu. Hãy sửa tệp rồi chạy lại.`);
        if (!options.commit) return console.log('Chưa ghi gì (kiểm tra thử). Chạy lại với --commit để ghi vào cơ sở dữ liệu.');
        const writing = progressBar('Đang ghi');
        const started = Date.now();
        const job = await commitImport(
          ctx,
          database,
          checked.id,
          { acceptWarnings: options.acceptWarnings ?? false, confirmNameMatches: options.confirmNameMatches ?? false },
          writing.update,
        );
        writing.done();
        if (job.status !== 'committed') throw new AppError('CONFLICT', job.message ?? 'Không ghi được dữ liệu; không có gì được ghi.');
        const c = job.counts!;
        console.log(
          `Đã ghi trong ${formatNumber((Date.now() - started) / 1000, 1)} giây: ${formatNumber(c.orgs.created)} tổ chức và ${formatNumber(c.members.created)} đảng viên thêm mới, ${formatNumber(c.orgs.updated + c.members.updated)} hồ sơ cập nhật.`,
        );
      }),
    );

  program
    .command('export <file>')
    .description('Xuất toàn bộ tổ chức và đảng viên ra tệp .xlsx theo mẫu nhập (nhập lại được)')
    .action((file: string) =>
      withDatabase(async (database) => {
        const ctx = systemCtx(database, log, 'Xuất dữ liệu bằng dòng lệnh');
        await writeStream(await exportRecords(ctx), file);
        console.log(
          `Đã xuất dữ liệu ra ${file} (mọi tổ chức đang hoạt động và mọi đảng viên của các tổ chức đó, kể cả người đã từ trần, bị xóa tên, ra khỏi Đảng hay chuyển đi, kèm tình trạng và ngày ra khỏi danh sách).`,
        );
        const { membersOfEndedOrgs } = await exportLeftOut(ctx);
        if (membersOfEndedOrgs > 0)
          console.log(
            `Không xuất ${formatNumber(membersOfEndedOrgs)} đảng viên ghi ở tổ chức đã kết thúc hoạt động (giải thể, sáp nhập…), vì tệp mẫu chỉ có các tổ chức đang hoạt động; hồ sơ của họ vẫn còn trong cơ sở dữ liệu và trong bản sao lưu (dangvu backup).`,
          );
      }),
    );

  program
    .command('backup [file]')
    .description('Sao lưu toàn bộ cơ sở dữ liệu (một thời điểm nhất quán) ra tệp .jsonl.gz có mã kiểm tra')
    .option('--dir <dir>', 'ghi vào thư mục, tên tệp theo ngày giờ (dùng cho sao lưu định kỳ)')
    .option('--keep <n>', 'cùng --dir: chỉ giữ n bản mới nhất', (v) => Number.parseInt(v, 10))
    .action((file: string | undefined, options: { dir?: string; keep?: number }) =>
      withDatabase(async (database) => {
        if (!file && !options.dir) throw new AppError('INVALID_INPUT', 'Hãy ghi tên tệp sao lưu, hoặc --dir THƯ_MỤC --keep N.');
        if (file && options.dir) throw new AppError('INVALID_INPUT', 'Chỉ ghi tên tệp, hoặc --dir, không dùng cả hai.');
        if (options.dir) {
          const result = await backupRotate(database, options.dir, options.keep ?? 14);
          console.log(
            `Đã sao lưu vào ${result.path} (SHA-256 ${result.summary.sha256}).${result.removed.length ? ` Đã xóa ${result.removed.length} bản cũ.` : ''}`,
          );
          return;
        }
        const summary = await backupToFile(database, file!);
        const rows = Object.values(summary.tables).reduce((a, b) => a + b, 0);
        console.log(`Đã sao lưu ${formatNumber(rows)} dòng của ${Object.keys(summary.tables).length} bảng vào ${file} (SHA-256 ${summary.sha256}).`);
      }),
    );

  program
    .command('restore <file>')
    .description('Khôi phục từ tệp sao lưu vào cơ sở dữ liệu trống (từ chối nếu đã có dữ liệu)')
    .action((file: string) =>
      withDatabase(async (database) => {
        const result = await restoreFromFile(database, file);
        const rows = Object.values(result.tables).reduce((a, b) => a + b, 0);
        console.log(`Đã khôi phục ${formatNumber(rows)} dòng của ${Object.keys(result.tables).length} bảng từ ${file}.`);
      }),
    );
}
