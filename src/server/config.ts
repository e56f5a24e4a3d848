import { z } from 'zod';

/** Every variable the product reads; the README's configuration table lists exactly these (config.test.ts). */
const env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DANGVU_DATA_DIR: z.string().default('./data'),
  DANGVU_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Load the demo bloc on a fresh database at start (default on, so `npm start` shows a working product). */
  DANGVU_DEMO: z.enum(['0', '1']).default('1'),
  /**
   * Whose X-Forwarded-For/-Proto to believe: `0` nobody (default), `1` any proxy, or a comma-separated list of proxy
   * addresses/CIDRs. Behind an HTTPS proxy this makes the session cookie `Secure` and the client's address the real one.
   */
  DANGVU_TRUST_PROXY: z
    .string()
    .regex(/^(0|1|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, 'phải là 0, 1 hoặc danh sách địa chỉ proxy cách nhau bởi dấu phẩy')
    .default('0'),
  /** The audit trail's key (32+ characters); without it, `audit.key` in the audit folder (created on first start). */
  DANGVU_AUDIT_KEY: z.string().min(32, 'khóa nhật ký phải dài ít nhất 32 ký tự').optional(),
  /** The audit key and the signed checkpoints of the chain, outside the database (default: `<data dir>-audit`). */
  DANGVU_AUDIT_DIR: z.string().optional(),
  /** How often the running server signs the chain's head into the checkpoint file (0 = only at start, backup and verify). */
  DANGVU_AUDIT_CHECKPOINT_SECONDS: z.coerce.number().int().min(0).default(60),
  /** pino's level; unset: `info` for the server, `warn` for the command line. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /** Where uploaded import files wait between the dry run and the commit (default: `dangvu-imports` in the system temp folder). */
  DANGVU_IMPORTS_DIR: z.string().optional(),
  /** Where stored files (meeting minutes, party documents) are kept, named by their SHA-256 (default: `<data dir>-files`). */
  DANGVU_FILES_DIR: z.string().optional(),
  /** The largest stored file accepted, in MB (PDF or .docx). */
  DANGVU_FILE_MAX_MB: z.coerce.number().int().min(1).max(500).default(20),
});
export type Config = z.infer<typeof env>;
export const configVariables = Object.keys(env.shape);

/**
 * Reads and checks the environment once at start; a bad value stops the start with one clear line. The only reader of
 * `process.env` outside tests (config.test.ts): everything else gets its settings from here.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ: ${problems}`);
  }
  return parsed.data;
}

/** Fastify's `trustProxy` from DANGVU_TRUST_PROXY. */
export function trustProxyOption(config: Config): boolean | string {
  if (config.DANGVU_TRUST_PROXY === '0') return false;
  if (config.DANGVU_TRUST_PROXY === '1') return true;
  return config.DANGVU_TRUST_PROXY;
}

/** Loopback listen addresses: only this machine can connect, so plain HTTP sends nothing over a network. */
export function listensOnLoopbackOnly(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export const databaseConfig = (config: Config) => ({ url: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : config.DANGVU_DATA_DIR });

/** Where the audit key and checkpoints live: beside the data folder, never inside the database. */
export const auditConfig = (config: Config) => ({
  key: config.DANGVU_AUDIT_KEY,
  dir: config.DANGVU_AUDIT_DIR ?? `${config.DANGVU_DATA_DIR.replace(/[\\/]+$/, '')}-audit`,
  checkpointSeconds: config.DANGVU_AUDIT_CHECKPOINT_SECONDS,
});

/** Stored files: beside the data folder (never inside the database), and the size limit in bytes. */
export const filesConfig = (config: Config) => ({
  dir: config.DANGVU_FILES_DIR ?? `${config.DANGVU_DATA_DIR.replace(/[\\/]+$/, '')}-files`,
  maxBytes: config.DANGVU_FILE_MAX_MB * 1024 * 1024,
});

/**
 * Under the test runner every answer must match its response schema exactly (a field the schema would drop fails
 * the request), so a schema that falls behind its service fails its tests; in production a mismatch is only logged.
 */
export function strictResponsesByDefault(source: NodeJS.ProcessEnv = process.env): boolean {
  return source.NODE_ENV === 'test';
}
