import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** An address, a CIDR range, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
function isProxyEntry(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  if (rest.length || !address) return false;
  const family = isIP(address);
  if (!family) return false;
  if (bits === undefined) return true;
  const n = Number(bits);
  return /^\d+$/.test(bits) && n >= 0 && n <= (family === 4 ? 32 : 128);
}

/** Every setting comes from the environment and is validated here, once, at start-up. */
const ConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  PUBLIC_URL: z.url().optional().describe('External URL, used in e-mails and calendar invitations'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** When unset, steerco starts its own embedded PostgreSQL with data in DATA_DIR/pg. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection string')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  DATA_DIR: z.string().min(1).optional().describe('Defaults to <repository>/data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(12),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(120),
  COOKIE_SECURE: bool.optional().describe('Defaults to true when PUBLIC_URL is https'),
  TRUST_PROXY: z
    .string()
    .transform((v, ctx) => {
      if (v === 'false') return false as const;
      const entries = v
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      const bad = entries.filter((e) => !isProxyEntry(e));
      if (bad.length || !entries.length) {
        ctx.addIssue({
          code: 'custom',
          message: `must be false or a comma-separated list of proxy addresses or CIDRs (e.g. 10.0.0.5,10.1.0.0/16, loopback); not: ${bad.join(', ')}`,
        });
        return z.NEVER;
      }
      return entries;
    })
    .default(false)
    .describe(
      'The reverse proxies whose X-Forwarded-For is believed (client IP for the login limit and the audit log); off by default',
    ),
  LOGIN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(10),
  LOGIN_LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCKOUT_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  FILE_MAX_MB: z.coerce.number().positive().max(500).default(20).describe('Largest upload accepted, in MiB'),
  FILE_STORE: z
    .enum(['local', 's3'])
    .default('local')
    .describe(
      'Where uploaded files go: local = <DATA_DIR>/files; s3 = an S3-compatible store (MinIO, Viettel, AWS…)',
    ),
  S3_ENDPOINT: z.url().optional().describe('S3 endpoint, e.g. http://minio:9000; AWS when unset'),
  S3_REGION: z.string().default('us-east-1'),
  S3_BUCKET: z.string().optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true).describe('http://host/bucket/key addressing, as MinIO expects'),
  SEED_DEMO: bool.default(true).describe('Seed the Phúc La demo data into an empty database'),
  WEB_DIST_DIR: z.string().optional(),
  SMTP_URL: z.string().optional().describe('smtp://user:pass@host:port; e-mail is disabled when unset'),
  SMTP_FROM: z.string().default('steerco <no-reply@steerco.local>'),
  JOBS_ENABLED: bool
    .default(true)
    .describe('Run the background job queue (pg-boss) in this process: e-mail delivery, sweeps'),
  MAIL_SWEEP_CRON: z
    .string()
    .regex(/^\S+(\s+\S+){4}$/, 'must be a 5-field cron expression')
    .default('* * * * *')
    .describe('When to look for e-mails a crash left undelivered'),
  MAIL_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(5),
  MAIL_CONCURRENCY: z.coerce
    .number()
    .int()
    .min(1)
    .max(20)
    .default(4)
    .describe(
      'E-mails delivered at once per instance (each holds one database connection while SMTP answers)',
    ),
  MAIL_RETRY_DELAY_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(60)
    .describe('First retry delay of a failed e-mail; doubles on each further retry'),
  MEETING_REMINDER_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(24)
    .describe(
      'How many hours before the attendance confirmation deadline non-responders are reminded (R10); 0 = off',
    ),
  MEETING_REMINDER_CRON: z
    .string()
    .regex(/^\S+(\s+\S+){4}$/, 'must be a 5-field cron expression')
    .default('*/5 * * * *')
    .describe('How often to look for meetings whose automatic reminder is due'),
  TASK_REMINDER_CRON: z
    .string()
    .regex(/^\S+(\s+\S+){4}$/, 'must be a 5-field cron expression')
    .default('0 8 * * *')
    .describe('When task reminders and escalations go out (Viet Nam time; the job skips days off)'),
  TASK_DIGEST_CRON: z
    .string()
    .regex(/^\S+(\s+\S+){4}$/, 'must be a 5-field cron expression')
    .default('30 7 * * *')
    .describe('When the daily task digest e-mail goes out (Viet Nam time; the job skips days off)'),
  INDICATOR_REFRESH_CRON: z
    .string()
    .regex(/^\S+(\s+\S+){4}$/, 'must be a 5-field cron expression')
    .default('0 6 * * *')
    .describe(
      'When the indicators computed from the records (tasks, meetings, reports) are recomputed (Viet Nam time)',
    ),
  TEST_CLOCK: bool
    .default(false)
    .describe('Tests only (NODE_ENV=test): mount /api/test/clock, which moves the server clock'),
  STEERCO_TEST_NOW: z.iso
    .datetime({ offset: true })
    .optional()
    .describe('Tests only (with TEST_CLOCK): the instant the server clock starts from'),
});

export type Config = z.infer<typeof ConfigSchema> & {
  dataDir: string;
  webDistDir: string;
  cookieSecure: boolean;
};

/** The address people reach the app at, for links in e-mails and calendar invitations (no trailing slash). */
export function publicUrlOf(config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>) {
  return (
    config.PUBLIC_URL ?? `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`
  ).replace(/\/$/, '');
}

/** The repository root, so default paths do not depend on the directory npm runs a script from. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export class ConfigError extends Error {}

/** Parses the environment; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = ConfigSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.FILE_STORE === 's3') {
    const missing = (['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const).filter((k) => !c[k]);
    if (missing.length) {
      throw new ConfigError(
        `Invalid configuration:\n${missing.map((k) => `  ${k}: required when FILE_STORE=s3`).join('\n')}`,
      );
    }
  }
  // A clock that can be moved from outside must never reach production.
  if ((c.TEST_CLOCK || c.STEERCO_TEST_NOW) && c.NODE_ENV !== 'test') {
    throw new ConfigError(
      'Invalid configuration:\n  TEST_CLOCK: the test clock is only available with NODE_ENV=test',
    );
  }
  return {
    ...c,
    dataDir: c.DATA_DIR ? path.resolve(c.DATA_DIR) : path.join(REPO_ROOT, 'data'),
    webDistDir: c.WEB_DIST_DIR ? path.resolve(c.WEB_DIST_DIR) : path.join(REPO_ROOT, 'apps/web/dist'),
    cookieSecure: c.COOKIE_SECURE ?? c.PUBLIC_URL?.startsWith('https://') ?? false,
  };
}
