import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/**
 * The environment Docket reads, validated once at boot. No other file reads `process.env`.
 */
export class EnvironmentVariables {
  @IsOptional() @IsInt() @Min(0) @Max(65535)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly PORT?: number;

  /** PostgreSQL connection string; unset = embedded SQLite under DATA_DIR */
  @IsOptional() @IsString() @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must start with postgres:// or postgresql://' })
  readonly DATABASE_URL?: string;

  /** PostgreSQL schema (default public) */
  @IsOptional() @IsString() @Matches(/^[a-z_][a-z0-9_]{0,62}$/)
  readonly DATABASE_SCHEMA?: string;

  @IsOptional() @IsString()
  readonly DATA_DIR?: string;

  /** SQLite file; default DATA_DIR/docket.sqlite */
  @IsOptional() @IsString()
  readonly SQLITE_PATH?: string;

  @IsOptional() @IsString() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  readonly JWT_SECRET?: string;

  @IsOptional() @IsString() @Matches(/^\d+[smhd]?$/)
  readonly JWT_TTL?: string;

  @IsOptional() @IsString() @MinLength(8)
  readonly DOCKET_DEMO_PASSWORD?: string;

  /** the largest attachment accepted, in bytes (default 20 MiB) */
  @IsOptional() @IsInt() @Min(1) @Max(1024 * 1024 * 1024)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly ATTACHMENT_MAX_BYTES?: number;

  @IsOptional() @IsIn(['0', '1', 'true', 'false'])
  readonly DOCKET_TEST_CLOCK?: string;

  /**
   * JSON object of rule parameters: numbers (e.g. {"decision.legalityReview.minWorkdays": 7}),
   * texts (e.g. {"normdoc.unifiedNumber.region": "ZJCX01"}) and lists of texts, kept as their values
   * joined by commas (e.g. {"enforcement.reviewerQualification.decisionTypes": ["PENALTY"]})
   */
  @IsOptional() @IsString()
  readonly DOCKET_RULES?: string;

  @IsOptional() @IsInt() @Min(1) @Max(10000)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly LOGIN_RATE_LIMIT?: number;

  /** comments (and receipt look-ups) one client address may send to the public portal per minute (default 5) */
  @IsOptional() @IsInt() @Min(1) @Max(100000)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly COMMENT_RATE_LIMIT?: number;

  /** leading zero bits the portal's proof-of-work challenge asks for (default 16; 0 turns it into a signed ticket) */
  @IsOptional() @IsInt() @Min(0) @Max(24)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly COMMENT_POW_BITS?: number;

  /** consecutive wrong passwords that lock an account, whatever the client address (default 5) */
  @IsOptional() @IsInt() @Min(1) @Max(100)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly LOGIN_LOCKOUT_THRESHOLD?: number;

  /** the fewest characters a password may have (default 10) */
  @IsOptional() @IsInt() @Min(6) @Max(128)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly PASSWORD_MIN_LENGTH?: number;

  /** how many of the four character classes (lower-case, upper-case, digits, other) a password needs (default 3) */
  @IsOptional() @IsInt() @Min(1) @Max(4)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly PASSWORD_MIN_CLASSES?: number;

  /**
   * demo mode: the demo users keep DOCKET_DEMO_PASSWORD; outside it they must change it at their
   * first login. Default: on with the embedded database (`npm start`), off with DATABASE_URL.
   */
  @IsOptional() @IsIn(['0', '1', 'true', 'false'])
  readonly DOCKET_DEMO_MODE?: string;

  /** how long a locked account stays locked, in minutes (default 15) */
  @IsOptional() @IsInt() @Min(1) @Max(10080)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly LOGIN_LOCKOUT_MINUTES?: number;

  /**
   * express's `trust proxy`: which proxies' X-Forwarded-For is believed. Unset/false = none (the
   * client address is the socket's); true; a hop count; or addresses/subnets/loopback, linklocal,
   * uniquelocal, comma-separated.
   */
  @IsOptional() @IsString() @Matches(/^(true|false|\d{1,2}|[0-9A-Za-z.:/]+(\s*,\s*[0-9A-Za-z.:/]+)*)$/, {
    message: 'TRUST_PROXY must be true, false, a hop count, or comma-separated addresses/subnets (loopback, linklocal, uniquelocal)',
  })
  readonly TRUST_PROXY?: string;

  @IsOptional() @IsString()
  readonly REDIS_URL?: string;

  /** key prefix of Docket's BullMQ queues in Redis (default docket) */
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  readonly QUEUE_PREFIX?: string;

  /** how long a job stays locked to its worker; a killed worker's job is retried after this (ms, default 30000) */
  @IsOptional() @IsInt() @Min(500) @Max(600000)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly QUEUE_LOCK_MS?: number;

  /** jobs one worker process runs at once per queue (deadline reminders, webhooks, e-mails; default 20) */
  @IsOptional() @IsInt() @Min(1) @Max(200)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly QUEUE_CONCURRENCY?: number;

  /** deadline reminders are also POSTed here as HMAC-signed JSON */
  @IsOptional() @IsString() @Matches(/^https?:\/\/\S+$/, { message: 'WEBHOOK_URL must be an http(s) URL' })
  readonly WEBHOOK_URL?: string;

  @IsOptional() @IsString() @MinLength(16, { message: 'WEBHOOK_SECRET must be at least 16 characters' })
  readonly WEBHOOK_SECRET?: string;

  /** deadline reminders are also e-mailed through this SMTP server: smtp://[user:pass@]host[:port] or smtps://… */
  @IsOptional() @IsString() @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  readonly SMTP_URL?: string;

  /** the sender of reminder e-mails, e.g. "掌起镇 Docket <docket@zhangqi.gov.cn>" */
  @IsOptional() @IsString() @Matches(/^[^\r\n]*[^\s@<>]+@[^\s@<>]+[^\r\n]*$/, { message: 'SMTP_FROM must name an e-mail address (one line)' })
  readonly SMTP_FROM?: string;

  /** Ed25519 private key signing checkpoints: PKCS#8 PEM or base64 DER (`npm run docket -- keygen`) */
  @IsOptional() @IsString()
  readonly DOCKET_SIGNING_KEY?: string;

  /** period of the in-process checkpoint when REDIS_URL is unset: 30m, 1h, 1d…; 0 = off (default 1h) */
  @IsOptional() @IsString() @Matches(/^\d+[smhd]?$/)
  readonly DOCKET_CHECKPOINT_INTERVAL?: string;

  /**
   * on SIGTERM, how long /health/ready answers 503 before the process stops accepting connections,
   * so that a load balancer takes it out first (ms; default 5000 with DATABASE_URL, 0 embedded)
   */
  @IsOptional() @IsInt() @Min(0) @Max(120000)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly SHUTDOWN_DRAIN_MS?: number;

  /** on SIGTERM, how long requests and jobs in flight may take to finish before they are cut (ms, default 15000) */
  @IsOptional() @IsInt() @Min(0) @Max(600000)
  @Transform(({ value }) => (value === undefined || value === '' ? undefined : Number(value)))
  readonly SHUTDOWN_TIMEOUT_MS?: number;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'log', 'debug', 'verbose', 'silent'])
  readonly LOG_LEVEL?: string;

  /** json: one JSON object a line; pretty: human-readable; unset: pretty on the embedded default when stdout is a terminal, json otherwise */
  @IsOptional() @IsIn(['json', 'pretty'])
  readonly LOG_FORMAT?: string;

  /** the bearer token a Prometheus scraper sends to /api/v1/metrics (and the worker's /metrics); unset = the endpoint answers 404 */
  @IsOptional() @Transform(({ value }) => (value === '' ? undefined : value))
  @IsString() @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' }) @Matches(/^[\x21-\x7e]+$/, { message: 'METRICS_TOKEN must be printable ASCII without spaces' })
  readonly METRICS_TOKEN?: string;

  @IsOptional() @IsBoolean()
  @Transform(({ value }) => value === '1' || value === 'true')
  readonly DB_LOGGING?: boolean;
}

export interface DocketConfig {
  port: number;
  database:
    | { type: 'sqlite'; path: string; embedded: true }
    | { type: 'postgres'; url: string; schema: string; embedded: false };
  dataDir: string;
  jwt: { secret?: string; ttl: string };
  demoPassword: string;
  /** the demo users keep the demo password (see DOCKET_DEMO_MODE) */
  demoMode: boolean;
  /** what a new password must satisfy (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES) */
  passwordPolicy: { minLength: number; minClasses: number };
  testClock: boolean;
  /** overrides of workflow rule parameters (keys as in the workflow metadata) */
  rules: Record<string, number>;
  /** overrides of workflow text parameters, e.g. a numbering pattern (the string values of DOCKET_RULES) */
  ruleTexts: Record<string, string>;
  loginRateLimit: number;
  /** the public portal: comments per client address per minute, and the proof-of-work difficulty */
  comments: { rateLimit: number; powBits: number };
  /** per-account lockout after consecutive wrong passwords (stored on the user row) */
  loginLockout: { threshold: number; minutes: number };
  /** express `trust proxy` (false: X-Forwarded-For is never believed) */
  trustProxy: boolean | number | string;
  redisUrl?: string;
  queue: { prefix: string; lockMs: number; concurrency: number };
  webhook?: { url: string; secret: string };
  /** SMTP_URL / SMTP_FROM: reminders are also e-mailed to users who have an address */
  smtp?: { url: string; from: string };
  logLevel: string;
  /** LOG_FORMAT: `auto` = pretty on the embedded default with a terminal on stdout, json otherwise */
  logFormat: 'json' | 'pretty' | 'auto';
  dbLogging: boolean;
  /** METRICS_TOKEN: the bearer token of the metrics endpoints (unset: they answer 404) */
  metricsToken?: string;
  /** checkpoint signing key text (PEM or base64 PKCS#8); unset = generated into DATA_DIR on the embedded default */
  signingKey?: string;
  /** ms between in-process checkpoints (0 = none) */
  checkpointIntervalMs: number;
  /** SIGTERM: readiness off for `drainMs`, then in-flight work gets `timeoutMs` to finish */
  shutdown: { drainMs: number; timeoutMs: number };
  /** uploaded documents: size limit; on the embedded default stored under DATA_DIR/attachments, on PostgreSQL in the database */
  attachments: { maxBytes: number };
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** '90' (seconds), '30m', '1h', '1d' → milliseconds. */
const durationMs = (text: string) => Number(text.replace(/[smhd]$/, '')) * UNIT_MS[/[smhd]$/.test(text) ? text.slice(-1) : 's'];

/** TRUST_PROXY as express takes it: off unless configured. */
function trustProxy(text: string | undefined): boolean | number | string {
  const t = text?.trim();
  if (!t || t === 'false' || t === '0') return false;
  if (t === 'true') return true;
  if (/^\d+$/.test(t)) return Number(t);
  return t;
}

/** Validates an environment and returns the typed configuration. Throws ConfigError listing every bad key. */
export function loadConfig(env: Record<string, string | undefined>): DocketConfig {
  const parsed = plainToInstance(EnvironmentVariables, env, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  if (errors.length) {
    const lines = errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const rules: Record<string, number> = {};
  const ruleTexts: Record<string, string> = {};
  if (parsed.DOCKET_RULES) {
    try {
      const obj = JSON.parse(parsed.DOCKET_RULES);
      if (!obj || typeof obj !== 'object' || Array.isArray(obj)) throw new Error('not an object');
      for (const [k, raw] of Object.entries(obj)) {
        // a list of texts (e.g. the decision types a rule covers) is the text of its values joined by commas
        if (Array.isArray(raw) && (raw.length === 0 || !raw.every((x) => typeof x === 'string' && x.trim() && !x.includes(',')))) {
          throw new Error(`${k} as a list must hold non-empty texts without commas`);
        }
        const v = Array.isArray(raw) ? raw.join(',') : raw;
        if (typeof v === 'string') {
          // texts end up in case records (e.g. a document number): printable, one line, bounded
          if (!v.trim() || v.length > 200 || /[\u0000-\u001f\u007f]/.test(v)) {
            throw new Error(`${k} must be a non-empty text of at most 200 characters without control characters`);
          }
          ruleTexts[k] = v;
        } else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
          throw new Error(`${k} must be a non-negative number or a text`);
        } else {
          rules[k] = v;
        }
      }
    } catch (e) {
      throw new ConfigError(`Invalid configuration:\n  DOCKET_RULES: ${(e as Error).message}`);
    }
  }
  const dataDir = parsed.DATA_DIR || './data';
  const database: DocketConfig['database'] = parsed.DATABASE_URL
    ? { type: 'postgres', url: parsed.DATABASE_URL, schema: parsed.DATABASE_SCHEMA || 'public', embedded: false }
    : { type: 'sqlite', path: parsed.SQLITE_PATH || `${dataDir.replace(/\/$/, '')}/docket.sqlite`, embedded: true };
  if (parsed.WEBHOOK_URL && !parsed.WEBHOOK_SECRET) {
    throw new ConfigError('Invalid configuration:\n  WEBHOOK_SECRET: required when WEBHOOK_URL is set (the receiver checks X-Docket-Signature with it)');
  }
  if (parsed.SMTP_URL && !parsed.SMTP_FROM) {
    throw new ConfigError('Invalid configuration:\n  SMTP_FROM: required when SMTP_URL is set (the sender address of reminder e-mails)');
  }
  if (database.type === 'postgres' && !parsed.JWT_SECRET) {
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when DATABASE_URL is set (only the embedded default generates one)');
  }
  return {
    port: parsed.PORT ?? 3000,
    database,
    dataDir,
    jwt: { secret: parsed.JWT_SECRET, ttl: parsed.JWT_TTL || '8h' },
    demoPassword: parsed.DOCKET_DEMO_PASSWORD || 'docket-demo',
    demoMode: parsed.DOCKET_DEMO_MODE === undefined ? database.embedded : parsed.DOCKET_DEMO_MODE === '1' || parsed.DOCKET_DEMO_MODE === 'true',
    passwordPolicy: { minLength: parsed.PASSWORD_MIN_LENGTH ?? 10, minClasses: parsed.PASSWORD_MIN_CLASSES ?? 3 },
    testClock: parsed.DOCKET_TEST_CLOCK === '1' || parsed.DOCKET_TEST_CLOCK === 'true',
    rules,
    ruleTexts,
    loginRateLimit: parsed.LOGIN_RATE_LIMIT ?? 10,
    comments: { rateLimit: parsed.COMMENT_RATE_LIMIT ?? 5, powBits: parsed.COMMENT_POW_BITS ?? 16 },
    loginLockout: { threshold: parsed.LOGIN_LOCKOUT_THRESHOLD ?? 5, minutes: parsed.LOGIN_LOCKOUT_MINUTES ?? 15 },
    trustProxy: trustProxy(parsed.TRUST_PROXY),
    redisUrl: parsed.REDIS_URL || undefined,
    queue: { prefix: parsed.QUEUE_PREFIX || 'docket', lockMs: parsed.QUEUE_LOCK_MS ?? 30000, concurrency: parsed.QUEUE_CONCURRENCY ?? 20 },
    webhook: parsed.WEBHOOK_URL ? { url: parsed.WEBHOOK_URL, secret: parsed.WEBHOOK_SECRET! } : undefined,
    smtp: parsed.SMTP_URL ? { url: parsed.SMTP_URL, from: parsed.SMTP_FROM! } : undefined,
    logLevel: parsed.LOG_LEVEL || 'log',
    logFormat: (parsed.LOG_FORMAT as 'json' | 'pretty' | undefined) ?? 'auto',
    dbLogging: parsed.DB_LOGGING ?? false,
    metricsToken: parsed.METRICS_TOKEN || undefined,
    signingKey: parsed.DOCKET_SIGNING_KEY || undefined,
    checkpointIntervalMs: durationMs(parsed.DOCKET_CHECKPOINT_INTERVAL ?? '1h'),
    shutdown: { drainMs: parsed.SHUTDOWN_DRAIN_MS ?? (database.embedded ? 0 : 5000), timeoutMs: parsed.SHUTDOWN_TIMEOUT_MS ?? 15000 },
    attachments: { maxBytes: parsed.ATTACHMENT_MAX_BYTES ?? 20 * 1024 * 1024 },
  };
}
