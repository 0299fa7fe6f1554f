import { applyDecorators, Type } from '@nestjs/common';
import { payloadSchemaOf } from '@app/runtime';
import { payloadFieldDocs, type FieldDocs } from '@app/workflows';
import { ApiBody, ApiExtension, ApiExtraModels, ApiOperation, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorBodyResponseDto } from './dto/error-body.response.dto';

/** What a successful answer carries: a response DTO, an array of them, an HTML page, a file, or nothing. */
export type ApiDocOk = Type<unknown> | [Type<unknown>] | 'html' | 'binary' | 'none';

export interface ApiDocOptions {
  /** zh-CN summary, e.g. 列出案件 */
  zh: string;
  /** English summary, e.g. List cases */
  en: string;
  descriptionZh?: string;
  descriptionEn?: string;
  /** the success body (default: none) */
  ok: ApiDocOk;
  /** other bodies the same status may carry (e.g. a query switches the answer): documented as oneOf with `ok` */
  okAlternatives?: Type<unknown>[];
  /** the same status may also answer an HTML page (e.g. `?format=html`) */
  alsoHtml?: boolean;
  /**
   * The request body's class-validator class, when its schema is to be generated from its
   * validation (the payload classes of the workflows, and request DTOs built on them) rather
   * than from @ApiProperty: the same generator as the workflows' payloadSchema.
   */
  body?: Type<object>;
  /** the success status (default 200; Nest answers 201 to a POST without @HttpCode) */
  status?: number;
  /** the route is @Public(): no 401/403 */
  public?: boolean;
  /** further error statuses this endpoint answers, beside 400 (and 401/403 unless public), e.g. [404, 409, 422] */
  errors?: number[];
}

/** zh-CN · English text of the error statuses the API answers; the body is always ErrorBodyResponseDto. */
export const ERROR_STATUS_TEXT: Record<number, string> = {
  400: '请求不符合要求（校验失败、JSON 无效）· Invalid request (validation, malformed JSON)',
  401: '未登录或登录已失效 · Not signed in, or the session expired',
  403: '角色或单位无权进行此操作 · The role or unit may not do this',
  404: '对象不存在 · Not found',
  409: '与当前状态冲突 · Conflicts with the current state',
  413: '请求内容过大 · Body too large',
  422: '业务规则拒绝（见 code、article）· Refused by a rule (see code, article)',
  423: '账号已锁定 · Account locked',
  429: '尝试次数过多 · Too many attempts',
  503: '服务不可用 · Service unavailable',
};

/** Refusals are JSON, also on the routes that answer an HTML page. */
const ERROR_CONTENT = { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyResponseDto) } } };

/**
 * Documents an endpoint in one place: the summary in zh-CN and English, the success body and
 * the error body of every 4xx. The summary reads `列出案件 · List cases` (what Swagger UI and
 * a generated client's doc comment show); `x-summary-zh` and `x-summary-en` carry each
 * language alone. The description is descriptionZh, a blank line, descriptionEn.
 */
export function ApiDoc(o: ApiDocOptions): MethodDecorator {
  const status = o.status ?? 200;
  const description = [o.descriptionZh, o.descriptionEn].filter(Boolean).join('\n\n') || undefined;
  const decorators: Array<MethodDecorator | ClassDecorator> = [
    ApiExtraModels(ErrorBodyResponseDto),
    ApiOperation({ summary: `${o.zh} · ${o.en}`, ...(description ? { description } : {}) }),
    ApiExtension('x-summary-zh', o.zh),
    ApiExtension('x-summary-en', o.en),
    okResponse(o, status),
  ];
  if (o.body) decorators.push(ApiBody({ schema: requestSchemaOf(o.body) }));
  const errors = new Set([400, ...(o.public ? [] : [401, 403]), ...(o.errors ?? [])]);
  for (const code of [...errors].sort((a, b) => a - b)) {
    decorators.push(ApiResponse({ status: code, description: ERROR_STATUS_TEXT[code] ?? '请求被拒绝 · Refused', content: ERROR_CONTENT }));
  }
  decorators.push(ApiResponse({ status: '4XX', description: '其他拒绝，答复体相同 · Any other refusal, same body', content: ERROR_CONTENT }));
  return applyDecorators(...decorators) as MethodDecorator;
}

/** Field docs of the request bodies documented by `body`: the workflows' payload docs and those the API adds. */
const requestFieldDocs = new Map<object, FieldDocs>(payloadFieldDocs);

/**
 * Titles, descriptions and examples of a request class's fields (beyond its payload parents'),
 * for `ApiDoc({ body })`. Call it where the class is declared, before a controller uses it.
 */
export function documentRequestFields(cls: Type<object>, docs: FieldDocs): void {
  requestFieldDocs.set(cls, { ...requestFieldDocs.get(cls), ...docs });
}

/** The OpenAPI schema of a request body, generated from its validation (see payloadSchemaOf). */
export function requestSchemaOf(cls: Type<object>): Record<string, unknown> {
  const { $schema: _draft, ...schema } = payloadSchemaOf(cls as new () => object, undefined, requestFieldDocs);
  return { ...schema, title: schema.title ?? cls.name };
}

function okResponse(o: ApiDocOptions, status: number): MethodDecorator {
  const ok = o.ok;
  const description = status === 201 ? '已创建 · Created' : status === 204 ? '无内容 · No content' : '成功 · OK';
  if (ok === 'none') return ApiResponse({ status, description });
  if (ok === 'html') {
    return ApiResponse({ status, description: `${description}（HTML 页面 · HTML page）`, content: { 'text/html': { schema: { type: 'string' } } } });
  }
  if (ok === 'binary') {
    return ApiResponse({ status, description, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } });
  }
  const models = [Array.isArray(ok) ? ok[0] : ok, ...(o.okAlternatives ?? [])];
  const one = Array.isArray(ok) ? { type: 'array', items: { $ref: getSchemaPath(ok[0]) } } : { $ref: getSchemaPath(ok) };
  const schema = o.okAlternatives?.length ? { oneOf: [one, ...o.okAlternatives.map((t) => ({ $ref: getSchemaPath(t) }))] } : one;
  const content: Record<string, { schema: object }> = { 'application/json': { schema } };
  if (o.alsoHtml) content['text/html'] = { schema: { type: 'string' } };
  return applyDecorators(ApiExtraModels(...models), ApiResponse({ status, description, content }));
}
