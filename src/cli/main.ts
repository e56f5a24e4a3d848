import { Command, CommanderError } from 'commander';
import pino from 'pino';
import { ZodError } from 'zod';
import { ensureFirstAdmin, prepareDatabase, systemCtx } from '../server/bootstrap.js';
import { auditConfig, databaseConfig, loadConfig } from '../server/config.js';
import { openAuditKeyring, setAuditKeyring } from '../server/domains/audit/audit.anchor.js';
import { openDatabase, type Database } from '../server/db/client.js';
import { migrationVersion, runMigrations } from '../server/db/migrate.js';
import { AppError } from '../server/errors.js';
import { takeAuditCheckpoint, verifyAuditChain } from '../server/domains/audit/audit.service.js';
import { loadDemoIfEmpty } from '../server/domains/demo/demo.service.js';
import { getOrgByCode } from '../server/domains/orgs/orgs.service.js';
import { listRules } from '../server/domains/rulebook/rulebook.service.js';
import { listAttention } from '../server/domains/radar/radar.service.js';
import { listCandidates } from '../server/domains/admissions/candidates.service.js';
import { setImportsDir } from '../server/domains/imports/imports.service.js';
import { createUser, resetUserPassword } from '../server/domains/users/users.service.js';
import { startServer } from '../server/main.js';
import { addRecordCommands } from './records-commands.js';
import { userCreate, userRoles } from '../shared/auth.js';
import { attentionQuery, attentionSeverityLabels } from '../shared/radar.js';
import { candidateListQuery, candidateStateLabels } from '../shared/admissions.js';
import { todayIso } from '../shared/dates.js';
import { formatDate, formatNumber } from '../shared/vietnamese.js';

/** Quiet unless LOG_LEVEL (config.ts) asks for more; set once the command has read its configuration. */
const log = pino({ level: 'warn' });

/** Opens the configured database, runs `work`, and always closes it. */
async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  log.level = config.LOG_LEVEL ?? 'warn';
  setImportsDir(config.DANGVU_IMPORTS_DIR);
  setAuditKeyring(await openAuditKeyring(auditConfig(config), log));
  const database = await openDatabase(databaseConfig(config));
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}

export function buildCli(): Command {
  const program = new Command('dangvu').description('dangvu — quản lý tổ chức đảng và đảng viên').exitOverride();
  program.configureOutput({ writeErr: (text) => process.stderr.write(text) });

  program.command('serve').description('Chạy máy chủ web (cổng PORT, mặc định 3000)').action(startServer);

  program
    .command('migrate')
    .description('Áp dụng các bản cập nhật cấu trúc cơ sở dữ liệu')
    .action(() =>
      withDatabase(async (database) => {
        await runMigrations(database);
        console.log(`Đã cập nhật cơ sở dữ liệu (${database.kind}) tới phiên bản ${await migrationVersion(database)}.`);
      }),
    );

  program
    .command('init')
    .description('Khởi tạo cơ sở dữ liệu trống và tài khoản quản trị đầu tiên (không có dữ liệu mẫu)')
    .action(() =>
      withDatabase(async (database) => {
        await prepareDatabase(database, log);
        const admin = await ensureFirstAdmin(database, log, loadConfig().DANGVU_ADMIN_PASSWORD);
        if (!admin) console.log('Cơ sở dữ liệu đã có quản trị viên; không tạo thêm.');
        else console.log(`Tài khoản quản trị: ${admin.username}${admin.password ? ` — mật khẩu dùng một lần: ${admin.password}` : ''}`);
      }),
    );

  program
    .command('demo')
    .description('Nạp dữ liệu mẫu (một khối như bài báo gốc; --members để đổi quy mô)')
    .option('--members <n>', 'số đảng viên', (v) => Number.parseInt(v, 10), 4200)
    .option('--seed <n>', 'hạt giống ngẫu nhiên', (v) => Number.parseInt(v, 10), 20221122)
    .action((options: { members: number; seed: number }) =>
      withDatabase(async (database) => {
        if (!Number.isFinite(options.members) || options.members < 100)
          throw new AppError('INVALID_INPUT', 'Số đảng viên (--members) phải là số nguyên từ 100 trở lên.');
        await prepareDatabase(database, log);
        const started = Date.now();
        const result = await loadDemoIfEmpty(systemCtx(database, log, 'Nạp dữ liệu mẫu'), database, { members: options.members, seed: options.seed });
        if (!result) throw new AppError('CONFLICT', 'Cơ sở dữ liệu đã có tổ chức đảng; chỉ nạp dữ liệu mẫu vào cơ sở dữ liệu trống.');
        console.log(
          `Đã nạp ${formatNumber(result.orgs)} tổ chức, ${formatNumber(result.members)} đảng viên, ${formatNumber(result.events)} biến động trong ${formatNumber((Date.now() - started) / 1000)} giây.`,
        );
      }),
    );

  const user = program.command('user').description('Quản lý tài khoản');
  user
    .command('add <username>')
    .description('Tạo tài khoản; in mật khẩu dùng một lần')
    .requiredOption('--role <role>', `vai trò: ${userRoles.join(', ')}`)
    .requiredOption('--name <displayName>', 'họ tên hiển thị')
    .option('--org <code>', 'mã tổ chức đảng (phạm vi quản lý của cán bộ)')
    .option('--member-id <id>', 'mã hồ sơ đảng viên (vai trò member)', (v) => Number.parseInt(v, 10))
    .action((username: string, options: { role: string; name: string; org?: string; memberId?: number }) =>
      withDatabase(async (database) => {
        const ctx = systemCtx(database, log, 'Tạo tài khoản bằng dòng lệnh');
        const org = options.org ? await getOrgByCode(ctx, options.org) : null;
        const input = userCreate.parse({ username, displayName: options.name, role: options.role, orgId: org?.id ?? null, memberId: options.memberId ?? null });
        const result = await createUser(ctx, input);
        console.log(`Đã tạo tài khoản ${result.user.username} — mật khẩu dùng một lần: ${result.oneTimePassword}`);
      }),
    );
  user
    .command('reset-password <username>')
    .description('Đặt lại mật khẩu dùng một lần và đăng xuất mọi phiên')
    .action((username: string) =>
      withDatabase(async (database) => {
        const result = await resetUserPassword(systemCtx(database, log, 'Đặt lại mật khẩu bằng dòng lệnh'), username);
        console.log(`Mật khẩu dùng một lần mới của ${result.user.username}: ${result.oneTimePassword}`);
      }),
    );

  program
    .command('rules')
    .description('Sổ quy định')
    .command('list')
    .description('Liệt kê các quy định và giá trị đang áp dụng')
    .option('--date <yyyy-mm-dd>', 'ngày áp dụng (mặc định hôm nay)')
    .action((options: { date?: string }) =>
      withDatabase(async (database) => {
        const date = options.date ?? todayIso();
        const rules = await listRules(systemCtx(database, log), date);
        for (const rule of rules) {
          const current = rule.current
            ? `${JSON.stringify(rule.current.value)} từ ${formatDate(rule.current.effectiveFrom)} — ${rule.current.source}`
            : 'chưa có';
          console.log(`${rule.name}${rule.unconfirmed ? ' (?)' : ''}: ${current}`);
        }
      }),
    );

  program
    .command('radar')
    .description('Các việc có thời hạn đang mở, khẩn nhất trước (như mục "Cần chú ý" trên trang tổng quan)')
    .option('--org <code>', 'mã tổ chức đảng (mặc định: toàn hệ thống)')
    .option('--date <yyyy-mm-dd>', 'ngày xét (mặc định hôm nay)')
    .action((options: { org?: string; date?: string }) =>
      withDatabase(async (database) => {
        const ctx = systemCtx(database, log);
        const org = options.org ? await getOrgByCode(ctx, options.org) : null;
        const { items } = await listAttention(ctx, attentionQuery.parse({ orgId: org?.id, date: options.date }));
        if (items.length === 0) return console.log('Không có việc nào đến hạn hoặc quá hạn.');
        for (const item of items) console.log(`${attentionSeverityLabels[item.severity].padEnd(11)}  ${formatDate(item.dueOn)}  ${item.label}`);
      }),
    );

  program
    .command('candidates')
    .description('Người vào Đảng')
    .command('list')
    .description('Liệt kê hồ sơ người vào Đảng đang xét và bước tiếp theo')
    .option('--org <code>', 'mã tổ chức đảng (mặc định: toàn hệ thống)')
    .option('--all', 'gồm cả hồ sơ đã kết nạp hoặc đã dừng')
    .action((options: { org?: string; all?: boolean }) =>
      withDatabase(async (database) => {
        const ctx = systemCtx(database, log);
        const org = options.org ? await getOrgByCode(ctx, options.org) : null;
        let page = 1;
        for (;;) {
          const result = await listCandidates(ctx, candidateListQuery.parse({ orgId: org?.id, includeClosed: options.all, page, pageSize: 200 }));
          if (result.total === 0) return console.log('Không có hồ sơ người vào Đảng nào.');
          for (const c of result.items)
            console.log(`${c.fullName} (${formatDate(c.birthDate)}) — ${c.orgName} — ${candidateStateLabels[c.state]} — ${c.nextStep.label}`);
          if (page * result.pageSize >= result.total) return;
          page += 1;
        }
      }),
    );

  program
    .command('audit')
    .description('Nhật ký kiểm toán')
    .command('verify')
    .description('Kiểm tra chuỗi băm của nhật ký; báo dòng đầu tiên bị sửa hoặc bị xóa')
    .action(() =>
      withDatabase(async (database) => {
        const report = await verifyAuditChain(systemCtx(database, log));
        if (!report.ok) throw new AppError('CONFLICT', report.message);
        await takeAuditCheckpoint(systemCtx(database, log), 'verify');
        console.log(report.message);
      }),
    );
  addRecordCommands(program, withDatabase, log);
  return program;
}

/** One line on error, never a stack trace; a non-zero exit code. */
export async function runCli(argv: string[]): Promise<number> {
  try {
    await buildCli().parseAsync(argv, { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    const message =
      error instanceof ZodError
        ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
        : error instanceof Error
          ? error.message.split('\n')[0]
          : String(error);
    console.error(`Lỗi: ${message}`);
    return 1;
  }
}
