import { z } from 'zod';

const env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DANGVU_DATA_DIR: z.string().default('./data'),
  DANGVU_ADMIN_PASSWORD: z.string().min(10).optional(),
  /** Load the demo bloc on a fresh database at start (default on, so `npm start` shows a working product). */
  DANGVU_DEMO: z.enum(['0', '1']).default('1'),
  DANGVU_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = z.infer<typeof env>;

/** Reads and checks the environment once at start; a bad value stops the start with one clear line. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = env.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ: ${problems}`);
  }
  return parsed.data;
}

export const databaseConfig = (config: Config) => ({ url: config.DATABASE_URL, dataDir: config.DATABASE_URL ? undefined : config.DANGVU_DATA_DIR });
