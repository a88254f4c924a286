/**
 * Configuration: one zod schema over the environment (and an optional `.env` file in the project
 * root; real environment variables win). Startup fails with every bad variable named and why.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { parseEnv } from 'node:util';
import { z } from 'zod';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rate-limit.ts';
import { PROJECT_ROOT } from './project-root.ts';

export { PROJECT_ROOT };

type Env = Record<string, string | undefined>;


const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`));

/** What Express's `trust proxy` takes: off, everything, a hop count, or the proxies' addresses. */
export type TrustProxy = boolean | number | string[];

const NAMED_SUBNETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An address, a subnet in CIDR form, or one of the names proxy-addr knows. */
function isProxyAddress(entry: string): boolean {
  if (NAMED_SUBNETS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

const trustProxy = z
  .string()
  .trim()
  .transform((value, ctx): TrustProxy => {
    const lower = value.toLowerCase();
    if (lower === 'false') return false;
    if (lower === 'true') return true;
    if (/^\d{1,2}$/.test(value)) return Number(value);
    const entries = value.split(',').map((e) => e.trim());
    const bad = entries.filter((e) => !isProxyAddress(e));
    if (bad.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `must be false, true, a number of proxy hops (e.g. 1), or a comma-separated list of proxy addresses or subnets (e.g. loopback, 10.0.0.0/8); not an address or subnet: ${bad.map((b) => JSON.stringify(b.slice(0, 60))).join(', ')}`,
    });
    return z.NEVER;
  });

const optionalSecret = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

const schema = z
  .object({
    PORT: int(0, 65535).default(3000),
    HOST: z.string().trim().min(1, 'must not be empty').default('127.0.0.1'),
    SPACETRACK_IDENTITY: optionalSecret,
    SPACETRACK_PASSWORD: optionalSecret,
    SPACETRACK_BASE_URL: z
      .url({ protocol: /^https?$/, error: 'must be an http(s) URL such as https://www.space-track.org' })
      .transform((u) => u.replace(/\/+$/, ''))
      .default('https://www.space-track.org'),
    DATA_DIR: z.string().trim().min(1, 'must not be empty').default('data'),
    BOXSCORE_MIN_REFRESH_SECONDS: int(10, 7 * 86400).default(3600),
    SPACETRACK_TIMEOUT_SECONDS: int(1, 300).default(30),
    // Space-Track allows fewer than 30 a minute and 300 an hour; stay well below by default.
    SPACETRACK_MAX_PER_MINUTE: int(1, 29).default(20),
    SPACETRACK_MAX_PER_HOUR: int(1, 299).default(200),
    // Optional shared secret for every /api request (see README, "Access token").
    DASHBOARD_TOKEN: optionalSecret.pipe(z.string().min(16, 'must be at least 16 characters (use a long random value)').optional()),
    // Per client (IP address), per minute; 0 switches the limit off (e.g. for the benchmark).
    API_RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(DEFAULT_RATE_LIMITS.apiPerMinute),
    REFRESH_RATE_LIMIT_PER_MINUTE: int(0, 1_000_000).default(DEFAULT_RATE_LIMITS.refreshPerMinute),
    // Behind a reverse proxy the client address is in X-Forwarded-For; only trusted when set.
    TRUST_PROXY: trustProxy.default(false),
    // Several instances share their state through this Redis (README, "Several instances").
    REDIS_URL: z
      .url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL such as redis://127.0.0.1:6380/0' })
      .optional(),
    // How long the fetch lock outlives its holder: the takeover delay when an instance dies mid-fetch.
    REDIS_LOCK_SECONDS: int(2, 600).default(30),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { error: 'must be one of fatal, error, warn, info, debug, trace, silent' })
      .default('info'),
  });

/** Every variable the configuration reads (README and .env.example document them). */
export const CONFIG_VARIABLES = Object.keys(schema.shape);

/** Live mode needs both credentials; checked apart from the schema so it is reported with the rest. */
function credentialProblems(env: Env): string[] {
  const set = (name: string) => (env[name] ?? '').trim() !== '';
  if (set('SPACETRACK_IDENTITY') && !set('SPACETRACK_PASSWORD')) {
    return ['- SPACETRACK_PASSWORD is missing: SPACETRACK_IDENTITY is set, so live mode needs the password too'];
  }
  if (set('SPACETRACK_PASSWORD') && !set('SPACETRACK_IDENTITY')) {
    return ['- SPACETRACK_IDENTITY is missing: SPACETRACK_PASSWORD is set, so live mode needs the identity too'];
  }
  return [];
}

export interface Config {
  port: number;
  host: string;
  /** Present only when both credentials are set: live mode. */
  spacetrack?: {
    identity: string;
    password: string;
    baseUrl: string;
    timeoutMs: number;
    maxPerMinute: number;
    maxPerHour: number;
  };
  dataDir: string;
  minRefreshSeconds: number;
  /** When set, every /api request must carry it as `Authorization: Bearer <token>`. */
  dashboardToken?: string;
  /** Requests per client per minute; 0 means no limit. */
  rateLimit: RateLimits;
  /** Which proxies' X-Forwarded-For to believe for the client address (rate limits, logs). */
  trustProxy: TrustProxy;
  /** Shared state for several instances; everything stays in this process when absent. */
  redisUrl?: string;
  /** Expiry of the cross-instance fetch lock, in ms (renewed while its holder is alive). */
  lockTtlMs: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Variables from `<root>/.env`, if present, under those of the real environment. */
export function readEnv(env: Env = process.env, root = PROJECT_ROOT): Env {
  const file = resolve(root, '.env');
  const fromFile = existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {};
  return { ...fromFile, ...env };
}

export function loadConfig(env: Env, root = PROJECT_ROOT): Config {
  // Empty strings count as unset, as in most tools that read .env files.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(present);
  const lines = [...(result.error?.issues.map((i) => `- ${i.path.join('.') || 'environment'} ${i.message}`) ?? []), ...credentialProblems(present)];
  if (!result.success || lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    spacetrack:
      e.SPACETRACK_IDENTITY && e.SPACETRACK_PASSWORD
        ? {
            identity: e.SPACETRACK_IDENTITY,
            password: e.SPACETRACK_PASSWORD,
            baseUrl: e.SPACETRACK_BASE_URL,
            timeoutMs: e.SPACETRACK_TIMEOUT_SECONDS * 1000,
            maxPerMinute: e.SPACETRACK_MAX_PER_MINUTE,
            maxPerHour: e.SPACETRACK_MAX_PER_HOUR,
          }
        : undefined,
    dataDir: isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(root, e.DATA_DIR),
    minRefreshSeconds: e.BOXSCORE_MIN_REFRESH_SECONDS,
    dashboardToken: e.DASHBOARD_TOKEN,
    rateLimit: { apiPerMinute: e.API_RATE_LIMIT_PER_MINUTE, refreshPerMinute: e.REFRESH_RATE_LIMIT_PER_MINUTE },
    trustProxy: e.TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    lockTtlMs: e.REDIS_LOCK_SECONDS * 1000,
    logLevel: e.LOG_LEVEL,
  };
}
