import { z } from 'zod';
import { addressList } from './addresses.ts';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  /** Public address of the app, used in mailed links and as the allowed Origin. */
  PUBLIC_URL: z.string().url().optional(),
  /** postgresql://... for a PostgreSQL server; unset for the embedded database in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  DATA_DIR: z.string().default('./data'),
  /** Keys of open voting rounds, kept outside the database and the data folder (default `<DATA_DIR>-keys`). */
  KEYS_DIR: z.string().optional(),
  /** redis://...: several processes share live documents through it; unset for one process and no Redis. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must start with redis://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().default('Plenum <no-reply@plenum.localhost>'),
  /** On an empty database: 1 seeds the full demo, base only its drafting program and accounts (tests), 0 nothing. */
  PLENUM_DEMO: z.enum(['0', '1', 'base']).default('1'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** How long a page the public sees is served again before being rendered anew (ms); 0: never cached. */
  PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** 1: count the SQL statements of each request and send the count as X-Plenum-Queries (tests, diagnosis). */
  PLENUM_COUNT_QUERIES: z.enum(['0', '1']).default('0'),
  /**
   * 1: a member's page rendered once for all members alike (ADR 0047) is rendered again for each reader all the
   * same, and the answer says whether both were alike (X-Page-Cache: hit) or not (mismatch). For tests.
   */
  PLENUM_VERIFY_SHARED_PAGES: z.enum(['0', '1']).default('0'),
  /** Reads kept across requests are read again when used and compared; a difference fails the request (ADR 0048). */
  PLENUM_VERIFY_KEPT_READS: z.enum(['0', '1']).default('0'),
  /** Number of proxies in front of the app whose X-Forwarded-For to trust (express "trust proxy"). */
  TRUST_PROXY: z.coerce.number().int().min(0).default(0),
  /** Who may read /metrics (Prometheus): addresses or CIDR ranges, comma-separated; '' for nobody. */
  METRICS_ALLOW: z
    .string()
    .default('127.0.0.1,::1')
    .superRefine((value, ctx) => {
      try {
        addressList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  /** How often voting rounds whose time has come are opened or closed, and adopted amendments applied (ms). */
  ROUNDS_SWEEP_MS: z.coerce.number().int().min(100).default(15_000),
  /** How often amendments whose support deadline passed short of the threshold are expired (ms). */
  AMENDMENTS_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often due email digests go out and expired sessions and sign-in links are purged (ms). */
  DIGESTS_SWEEP_MS: z.coerce
    .number()
    .int()
    .min(100)
    .default(10 * 60_000),
  /** How often scheduled phase moves are announced, made or postponed (ms; ADR 0037). */
  PHASES_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
  /** How long before a scheduled phase move members are told of it (hours). */
  PHASE_NOTICE_HOURS: z.coerce
    .number()
    .min(0)
    .max(24 * 90)
    .default(48),
  /** How often the mail queue (calls to vote, reminders) is drained, and due reminders queued (ms). */
  MAIL_SWEEP_MS: z.coerce.number().int().min(100).default(5000),
  /** Mails claimed and sent together by the queue. */
  MAIL_BATCH_SIZE: z.coerce.number().int().min(1).max(1000).default(50),
  /** At most this many mails a second to the SMTP server (per process): lower it to your provider's limit. */
  MAIL_RATE_PER_SECOND: z.coerce.number().min(0.1).max(10_000).default(200),
  /** The first retry's delay after a failed mail (ms); each next one doubles, up to an hour. */
  MAIL_RETRY_BASE_MS: z.coerce.number().int().min(100).default(30_000),
  /** Attempts before a mail is given up as failed. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  /** How long a claimed batch may take; a mail still being sent after it was interrupted, and is not sent again. */
  MAIL_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(10 * 60_000),
  /** How often an open page of a voting round, or of an amendment collecting supports, asks for fresh figures (ms). */
  PAGE_REFRESH_MS: z.coerce.number().int().min(100).default(15_000),
  /**
   * At a stop (SIGTERM), how long the process still answers, each answer closing its connection, before it stops
   * listening (ms): longer than nginx's upstream keepalive_timeout (4 s, deploy/nginx/plenum.conf), so that nginx
   * has let go of every kept-alive connection first and never sends a form on one the process is closing.
   */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
});

export type Env = z.infer<typeof schema>;

/** Parses process.env once; a wrong value stops the start with a message naming the variable. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

/** The public origin of the app (scheme://host:port), from PUBLIC_URL or the port. */
export function publicOrigin(env: Env): string {
  return env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://localhost:${env.PORT}`;
}
