import type { DocketConfig } from '@app/config';
import type { LogLevel } from '@nestjs/common';
import { randomUUID } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import type { NextFunction, Request, Response } from 'express';
import { Logger as NestPinoLogger, PinoLogger } from 'nestjs-pino';
// the request-scoped store nestjs-pino's logger reads (not re-exported by its index)
import { storage, Store } from 'nestjs-pino/storage';
import pino, { DestinationStream, LevelWithSilent, Logger } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import pretty from 'pino-pretty';

/** LOG_LEVEL (Nest's names) as pino's. */
const PINO_LEVELS: Record<string, LevelWithSilent> = { fatal: 'fatal', error: 'error', warn: 'warn', log: 'info', debug: 'debug', verbose: 'trace', silent: 'silent' };

const NEST_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** LOG_LEVEL as the levels Nest's Logger lets through (none when silent); pino filters the same. */
export function nestLogLevels(config: DocketConfig): LogLevel[] {
  return config.logLevel === 'silent' ? [] : NEST_LEVELS.slice(0, NEST_LEVELS.indexOf(config.logLevel as LogLevel) + 1);
}

/** A request id a client or proxy may choose: short, printable, no spaces (anything else is replaced). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const SECRET_KEYS = ['authorization', 'cookie', 'password', 'currentPassword', 'newPassword', 'initialPassword', 'accessToken', 'token', 'secret'];
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`]),
];

/** Query parameters whose values are replaced in a logged URL. */
const SECRET_QUERY = /token|password|secret|signature|key/i;

/** The URL with the values of secret-looking query parameters replaced. */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url || !url.includes('?')) return url;
  const [path, query] = url.split('?', 2);
  const params = query.split('&').map((p) => {
    const [k] = p.split('=', 1);
    return SECRET_QUERY.test(decodeURIComponent(k)) && p.includes('=') ? `${k}=[Redacted]` : p;
  });
  return `${path}?${params.join('&')}`;
}

/** The request id: the caller's `X-Request-Id` when it is sane, else a new UUID; returned in the response header. */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SANE_REQUEST_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** Probes and scrapes answer many times a minute: not logged when they succeed. */
const PROBE = /^\/(api\/v1\/)?(health|metrics)(\/|\?|$)/;

/** pretty: on the embedded default when stdout is a terminal (LOG_FORMAT decides when set). */
export function logFormat(config: DocketConfig, isTTY = !!process.stdout.isTTY): 'json' | 'pretty' {
  if (config.logFormat !== 'auto') return config.logFormat;
  return config.database.embedded && isTTY ? 'pretty' : 'json';
}

/** A terminal line: `[Context] message`, a request as `GET /url 200 12 ms (id)`. */
function prettyLine(log: Record<string, unknown>, messageKey: string): string {
  const req = log.req as { id?: string; method?: string; url?: string } | undefined;
  const res = log.res as { statusCode?: number } | undefined;
  const msg = String(log[messageKey] ?? '');
  if (req && res) return `${req.method} ${req.url} ${res.statusCode} ${log.responseTime} ms (${req.id})`;
  const where = log.context ? `[${log.context}] ` : '';
  return req?.id ? `${where}${msg} (${req.id})` : `${where}${msg}`;
}

export interface DocketLogging {
  /** the process's pino logger (Nest's Logger writes through it) */
  logger: Logger;
  /** pino-http: the request id, one line per request, `req.log` carrying the id */
  http: HttpLogger<IncomingMessage, ServerResponse>;
  /** after `http`: what is logged while a request is handled is written through its `req.log` (with its id) */
  bind: (req: Request, res: Response, next: NextFunction) => void;
  /** Nest's LoggerService over pino (`app.useLogger`): every `new Logger(…)` of the code writes through it */
  nestLogger: NestPinoLogger;
}

/**
 * Structured logs (pino): JSON lines, or human-readable in a terminal; every line of a request
 * carries its id (`req.id`). Authorization, cookies, passwords and tokens are redacted, and a request
 * is logged by method, URL (secret query values replaced), address and status only, never its headers
 * or body. `destination` replaces stdout (tests).
 */
export function docketLogging(config: DocketConfig, destination?: DestinationStream): DocketLogging {
  const level = PINO_LEVELS[config.logLevel] ?? 'info';
  const out: DestinationStream | undefined =
    logFormat(config) === 'pretty'
      ? pretty({
          colorize: !destination,
          sync: true,
          translateTime: 'SYS:HH:MM:ss.l',
          ignore: 'pid,hostname,context,req,res,responseTime',
          messageFormat: prettyLine,
          destination: destination ?? 1,
        })
      : destination;
  const options = { level, redact: { paths: REDACTED_PATHS, censor: '[Redacted]' } };
  const logger = out ? pino(options, out) : pino(options);
  const http = pinoHttp({
    logger,
    genReqId: requestId,
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req) => PROBE.test(req.url ?? '') },
    wrapSerializers: true,
    serializers: {
      req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({ id: req.id, method: req.method, url: redactUrl(req.url), remoteAddress: req.remoteAddress }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  });
  const params = { pinoHttp: { logger } };
  return {
    logger,
    http,
    // mounted as plain express middleware, not LoggerModule's route middleware: a route of its own would stand for
    // every unmatched request in the metrics' route label
    bind: (req, _res, next) => storage.run(new Store(req.log), next),
    nestLogger: new NestPinoLogger(new PinoLogger(params), params),
  };
}
