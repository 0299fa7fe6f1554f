import type { ErrorBody } from './error-body';

/** Connection-level failures of the database (node-postgres / PostgreSQL SQLSTATE class 08, 57P0x). */
const PG_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03']);
const PG_CONNECTION_TEXT = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|Connection is not established|terminating connection due to administrator command/i;
/** ioredis without an offline queue, or a closed connection. */
const REDIS_TEXT = /Stream isn't writeable and enableOfflineQueue|Connection is closed\.|Reached the max retries per request limit/;

function codeOf(e: unknown): string | undefined {
  const x = e as { code?: unknown; driverError?: { code?: unknown }; cause?: { code?: unknown } };
  const c = x?.driverError?.code ?? x?.code ?? x?.cause?.code;
  return typeof c === 'string' ? c : undefined;
}

/**
 * A request that failed because the database or Redis is away answers 503 (nothing was applied:
 * an event is one transaction, and a reminder not enqueued is re-created by reconciliation), so a
 * clerk retries instead of reporting a fault. Anything else is not classified here.
 */
export function unavailableBody(e: unknown): ErrorBody | undefined {
  const message = (e as Error)?.message ?? '';
  if (REDIS_TEXT.test(message) || (e as Error)?.name === 'MaxRetriesPerRequestError') {
    return {
      statusCode: 503,
      code: 'QUEUE_UNAVAILABLE',
      message: 'The reminder queue (Redis) cannot be reached; the request was not applied. Try again shortly.',
      messageZh: '提醒队列暂时无法连接，本次操作未生效，请稍后重试',
    };
  }
  const code = codeOf(e);
  if ((code && PG_CONNECTION_CODES.has(code)) || PG_CONNECTION_TEXT.test(message)) {
    return {
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database cannot be reached; the request was not applied. Try again shortly.',
      messageZh: '数据库暂时无法连接，本次操作未生效，请稍后重试',
    };
  }
  return undefined;
}
