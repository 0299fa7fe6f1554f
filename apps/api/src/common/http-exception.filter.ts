import { USER_REPOSITORY, UserRepository } from '@app/persistence';
import { DocketError } from '@app/runtime';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { docketErrorBody, ErrorBody } from './error-body';
import { CONTENT_ENCODINGS } from './json-body.middleware';
import { unavailableBody } from './unavailable';

export type { ErrorBody } from './error-body';

/** Refusals of a request body that could not be read (decoded, parsed, sized). */
const BODY_CODES = new Set(['MALFORMED_JSON', 'PAYLOAD_TOO_LARGE', 'BODY_NOT_DECODABLE', 'UNSUPPORTED_CONTENT_ENCODING', 'UNSUPPORTED_ENCODING', 'BAD_REQUEST_BODY']);

/** Statuses that mean somebody tried something they may not do: written to the security log. */
const SECURITY_STATUSES = new Set([401, 403, 422, 423, 429]);

/** zh-CN for the statuses Nest answers by itself (its English text stays in `message`). */
const STATUS_ZH: Record<number, string> = {
  401: '未登录或登录已失效，请重新登录',
  403: '无权进行此操作',
  405: '不支持该请求方法',
  406: '无法按所请求的格式答复',
  409: '请求与当前状态冲突，请刷新后重试',
  415: '不支持的内容类型，请以 JSON 提交',
  422: '请求无法处理',
};

export function fromHttpException(e: HttpException): ErrorBody {
  const status = e.getStatus();
  const res = e.getResponse() as string | { message?: string | string[]; error?: string; type?: string };
  const raw = typeof res === 'string' ? res : Array.isArray(res.message) ? res.message.join('; ') : res.message ?? e.message;
  const type = typeof res === 'object' ? (res as { type?: string }).type : undefined;
  if (e instanceof ThrottlerException || status === 429) {
    return { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: 'Too many attempts; wait a minute and try again', messageZh: '尝试次数过多，请稍候一分钟再试' };
  }
  if (status === 400 && (type === 'entity.parse.failed' || /JSON/i.test(String(raw)))) {
    return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', messageZh: '请求内容不是有效的 JSON' };
  }
  if (status === 413) {
    return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'The request body is too large (limit 2 MB)', messageZh: '请求内容过大（上限 2 MB）' };
  }
  if (status === 404) {
    return { statusCode: 404, code: 'NOT_FOUND', message: String(raw), messageZh: '请求的地址不存在' };
  }
  if (status === 400) {
    return { statusCode: 400, code: 'VALIDATION_FAILED', message: String(raw), messageZh: '提交的内容不符合要求' };
  }
  return { statusCode: status, code: (typeof res === 'object' && res.error ? res.error : 'HTTP_ERROR').toUpperCase().replace(/\s+/g, '_'), message: String(raw), messageZh: STATUS_ZH[status] ?? '请求无法处理' };
}

/** A body-size limit as a person reads it: 2 MB, 16 KB (2 MB when the parser did not say). */
function sizeText(bytes: number | undefined): string {
  if (!bytes) return '2 MB';
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** Errors thrown by express's body parser before Nest sees the request (they carry `type` and a 4xx `status`). */
function isBodyParserError(e: unknown): e is { type: string; status: number; message: string } {
  const x = e as { type?: unknown; status?: unknown };
  return typeof x?.type === 'string' && typeof x.status === 'number' && x.status >= 400 && x.status < 500;
}

function fromBodyParserError(e: { type: string; status: number; message: string; encoding?: string }): ErrorBody {
  switch (e.type) {
    case 'encoding.undecodable':
      return {
        statusCode: 400,
        code: 'BODY_NOT_DECODABLE',
        message: `The request body cannot be decoded as Content-Encoding ${e.encoding} (corrupt or incomplete data)`,
        messageZh: `请求内容无法按 Content-Encoding: ${e.encoding} 解压（数据损坏或不完整）`,
        details: { contentEncoding: e.encoding },
      };
    case 'encoding.unsupported':
      return {
        statusCode: 415,
        code: 'UNSUPPORTED_CONTENT_ENCODING',
        message: `Content-Encoding ${e.encoding} is not accepted; send the body uncompressed or as one of ${CONTENT_ENCODINGS.join(', ')}`,
        messageZh: `不支持的内容编码（Content-Encoding: ${e.encoding}）；请不压缩提交，或使用 ${CONTENT_ENCODINGS.join('、')} 之一`,
        details: { contentEncoding: e.encoding, accepted: CONTENT_ENCODINGS },
      };
    case 'entity.parse.failed':
      return { statusCode: 400, code: 'MALFORMED_JSON', message: 'The request body is not valid JSON', messageZh: '请求内容不是有效的 JSON' };
    case 'entity.too.large': {
      const limit = sizeText((e as { limit?: number }).limit);
      return { statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: `The request body is too large (limit ${limit})`, messageZh: `请求内容过大（上限 ${limit}）` };
    }
    case 'charset.unsupported':
      return { statusCode: 415, code: 'UNSUPPORTED_ENCODING', message: 'Send the body as UTF-8 JSON', messageZh: '请以 UTF-8 编码的 JSON 提交' };
    default:
      return { statusCode: e.status, code: 'BAD_REQUEST_BODY', message: e.message, messageZh: '请求内容无法读取' };
  }
}

/**
 * Every error leaves as `{ statusCode, code, article?, articleZh?, message, messageZh, details? }`;
 * `messageZh` cites the article as 《…》第N条, `article` keeps the short reference.
 * Unexpected errors answer 500 with no internals and are logged; refused attempts are kept in
 * the security log.
 */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  constructor(@Inject(USER_REPOSITORY) private readonly users: UserRepository) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<Request & { user?: { id: string; username: string } }>();
    const res = ctx.getResponse<Response>();
    let body: ErrorBody;
    let unavailable: ErrorBody | undefined;
    if (exception instanceof DocketError) {
      body = docketErrorBody(exception);
    } else if (exception instanceof HttpException) {
      body = fromHttpException(exception);
    } else if (isBodyParserError(exception)) {
      body = fromBodyParserError(exception);
    } else if ((unavailable = unavailableBody(exception))) {
      body = unavailable;
      this.logger.warn(`${req.method} ${req.url}: 503 ${body.code} (${(exception as Error)?.message ?? ''})`);
    } else {
      this.logger.error(`${req.method} ${req.url}: ${(exception as Error)?.stack ?? String(exception)}`);
      body = { statusCode: 500, code: 'INTERNAL_ERROR', message: 'Internal error; the request was not applied', messageZh: '系统内部错误，本次操作未生效' };
    }
    if (BODY_CODES.has(body.code)) {
      // a body Docket could not read is the client's fault: one line, no stack trace
      this.logger.warn(`${req.method} ${req.url}: ${body.statusCode} ${body.code} (${(exception as Error)?.message ?? ''})`);
    }
    if (SECURITY_STATUSES.has(body.statusCode)) {
      const caseId = /\/cases\/([0-9a-f-]{36})/i.exec(req.url)?.[1] ?? null;
      const username = req.user?.username ?? (typeof req.body?.username === 'string' ? req.body.username.slice(0, 64) : null);
      await this.users
        .logSecurity({
          at: new Date().toISOString(),
          userId: req.user?.id ?? null,
          username,
          ip: req.ip ?? null,
          method: req.method,
          path: req.originalUrl.slice(0, 500),
          status: body.statusCode,
          code: body.code,
          caseId,
          // the request id (X-Request-Id) finds the request's log lines
          detail: JSON.stringify({ message: body.message, type: req.body?.type, requestId: typeof req.id === 'string' ? req.id : undefined }).slice(0, 2000),
        })
        .catch((e) => this.logger.error(`security log write failed: ${(e as Error).message}`));
    }
    res.status(body.statusCode).json(body);
  }
}
