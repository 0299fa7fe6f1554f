import { loadConfig } from '@app/config';
import { ArgumentMetadata, HttpException, RequestMethod, Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createApp, openApiDocument } from './app.factory';
import { docketValidationPipe } from './common/validation.pipe';

type Schema = Record<string, any>;
interface Operation {
  operationId: string;
  summary?: string;
  'x-summary-zh'?: string;
  'x-summary-en'?: string;
  requestBody?: { content: Record<string, { schema: Schema }> };
  parameters?: Array<{ name: string; in: string; required?: boolean; example?: unknown; schema?: Schema }>;
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
}

const ERROR_REF = '#/components/schemas/ErrorBodyResponseDto';
const CJK = /[\u4e00-\u9fff]/;

/**
 * The OpenAPI document describes every operation: a summary in zh-CN and English, the success
 * body (or an explicit page, file or no content), the error body on every 4xx, request bodies
 * with properties, and request examples the server's own validation accepts.
 */
describe('the OpenAPI document', () => {
  let app: NestExpressApplication;
  let dir: string;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  let ops: Array<{ method: string; path: string; op: Operation }>;
  /** operationId (Controller_method) → the controller class */
  const controllers = new Map<string, Type<unknown>>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-openapi-spec-'));
    // with the test clock, so that its endpoints are documented too
    const config = loadConfig({ DATA_DIR: dir, JWT_SECRET: randomBytes(32).toString('hex'), LOG_LEVEL: 'silent', DOCKET_TEST_CLOCK: '1' });
    app = await createApp(config);
    doc = JSON.parse(JSON.stringify(openApiDocument(app)));
    ops = Object.entries(doc.paths).flatMap(([p, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ method, path: p, op })));
    for (const mod of app.get(ModulesContainer).values()) {
      for (const wrapper of mod.controllers.values()) controllers.set(wrapper.metatype!.name, wrapper.metatype as Type<unknown>);
    }
  });
  afterAll(async () => {
    await app?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const resolve = (s: Schema | undefined): Schema => {
    let out = s ?? {};
    while (out.$ref) out = doc.components.schemas[String(out.$ref).replace('#/components/schemas/', '')] ?? {};
    if (out.allOf?.length === 1 && !out.properties) return { ...resolve(out.allOf[0]), ...(out.nullable ? { nullable: true } : {}) };
    return out;
  };
  /** the controller method behind an operation */
  const handlerOf = (op: Operation) => {
    const [cls, method] = op.operationId.split('_');
    const controller = controllers.get(cls);
    if (!controller) throw new Error(`no controller ${cls}`);
    return { controller, method, fn: (controller.prototype as Record<string, unknown>)[method] as object };
  };

  it('documents the API (every controller route, the test clock included)', () => {
    expect(ops.length).toBeGreaterThanOrEqual(64);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(expect.arrayContaining(['get /api/v1/cases', 'put /api/v1/test/clock']));
  });

  it('gives every operation a summary in zh-CN and in English', () => {
    const bad = ops.filter(({ op }) => {
      const zh = op['x-summary-zh'] ?? '';
      const en = op['x-summary-en'] ?? '';
      return !CJK.test(zh) || !/^[A-Z]/.test(en) || CJK.test(en) || op.summary !== `${zh} · ${en}`;
    });
    expect(bad.map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  it('documents one success status per operation, the one the route answers, with its body', () => {
    const bad: string[] = [];
    for (const { method, path: p, op } of ops) {
      const ok = Object.keys(op.responses).filter((s) => /^2/.test(s));
      const { fn } = handlerOf(op);
      const verb = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod;
      const status = (Reflect.getMetadata(HTTP_CODE_METADATA, fn) as number | undefined) ?? (verb === RequestMethod.POST ? 201 : 200);
      if (ok.length !== 1 || ok[0] !== String(status)) {
        bad.push(`${method} ${p}: documents ${ok.join(',') || 'none'}, answers ${status}`);
        continue;
      }
      if (status === 204) {
        if (op.responses['204'].content) bad.push(`${method} ${p}: 204 with a body`);
        continue;
      }
      const content = op.responses[ok[0]].content ?? {};
      const json = content['application/json']?.schema;
      const page = content['text/html']?.schema ?? content['application/octet-stream']?.schema;
      if (json) {
        const alternatives: Schema[] = json.oneOf ?? [json];
        for (const alt of alternatives) {
          const body = alt.type === 'array' ? resolve(alt.items) : resolve(alt);
          if (!body.properties || !Object.keys(body.properties).length) bad.push(`${method} ${p}: ${ok[0]} body has no properties`);
        }
      } else if (!page || page.type !== 'string') {
        bad.push(`${method} ${p}: ${ok[0]} has no body schema`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('refers every 4xx to the error body (code, message, messageZh, article, articleZh, details)', () => {
    const error = doc.components.schemas.ErrorBodyResponseDto;
    expect(Object.keys(error.properties).sort()).toEqual(['article', 'articleZh', 'code', 'details', 'message', 'messageZh', 'statusCode']);
    expect(error.required.sort()).toEqual(['code', 'message', 'messageZh', 'statusCode']);
    const bad: string[] = [];
    for (const { method, path: p, op } of ops) {
      const errors = Object.entries(op.responses).filter(([s]) => /^4/.test(s));
      if (!errors.some(([s]) => s === '400') || !errors.some(([s]) => s === '4XX')) bad.push(`${method} ${p}: no 400 / 4XX`);
      for (const [s, r] of errors) if (r.content?.['application/json']?.schema?.$ref !== ERROR_REF) bad.push(`${method} ${p}: ${s}`);
    }
    expect(bad).toEqual([]);
  });

  /** object schemas that say nothing of their fields: no properties, no additionalProperties, no alternatives */
  const emptyObjects = (s: Schema, at: string, seen = new Set<Schema>()): string[] => {
    const r = resolve(s);
    if (seen.has(r)) return [];
    seen.add(r);
    const out: string[] = [];
    const isObject = r.type === 'object' || (!r.type && !r.oneOf && !r.anyOf && !r.enum);
    if (isObject && !Object.keys(r.properties ?? {}).length && r.additionalProperties === undefined && !r.oneOf && !r.anyOf) out.push(at);
    for (const [k, v] of Object.entries<Schema>(r.properties ?? {})) out.push(...emptyObjects(v, `${at}.${k}`, seen));
    if (r.type === 'array' && r.items) out.push(...emptyObjects(r.items, `${at}[]`, seen));
    return out;
  };

  /** A request body is JSON, or a file sent as the raw body (an upload), declared as binary. */
  const jsonBody = (op: Operation) => op.requestBody?.content['application/json'];
  const fileBody = (op: Operation) => op.requestBody?.content['application/octet-stream'];

  it('describes every request body with its properties (no empty object schemas), or as a binary file', () => {
    const bad = ops
      .filter(({ op }) => op.requestBody)
      .flatMap(({ method, path: p, op }) => {
        if (jsonBody(op)) return emptyObjects(jsonBody(op)!.schema, `${method} ${p}`);
        return resolve(fileBody(op)?.schema ?? {}).format === 'binary' ? [] : [`${method} ${p}: neither JSON nor a binary file`];
      });
    expect(bad).toEqual([]);
  });

  /** The class of the route's @Body() (or @Query()) argument. */
  const bodyClassOf = (op: Operation, kind: RouteParamtypes = RouteParamtypes.BODY): Type<object> | undefined => {
    const { controller, method } = handlerOf(op);
    const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number }>;
    const body = Object.entries(args).find(([key]) => key.split(':')[0] === String(kind));
    if (!body) return undefined;
    return (Reflect.getMetadata('design:paramtypes', controller.prototype, method) as Array<Type<object>>)[body[1].index];
  };

  /** The example of a body schema: its own, else one built from its fields' examples (nested objects in turn). */
  const exampleOf = (s: Schema): unknown => {
    const r = resolve(s);
    if (r.example !== undefined) return r.example;
    if (r.type === 'array' && r.items) {
      const item = exampleOf(r.items);
      return item === undefined ? undefined : [item];
    }
    if (!r.properties) return undefined;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries<Schema>(r.properties)) {
      const ex = exampleOf(v);
      if (ex !== undefined) out[k] = ex;
    }
    return out;
  };

  it('gives every request body an example that the route validation accepts (the pipe the app runs)', async () => {
    const pipe = docketValidationPipe();
    const refused: string[] = [];
    let checked = 0;
    for (const { method, path: p, op } of ops) {
      if (!op.requestBody || !jsonBody(op)) continue;
      const cls = bodyClassOf(op);
      expect([`${method} ${p}`, cls && typeof cls]).toEqual([`${method} ${p}`, 'function']);
      const example = exampleOf(op.requestBody.content['application/json'].schema);
      const meta: ArgumentMetadata = { type: 'body', metatype: cls, data: undefined };
      try {
        await pipe.transform(example, meta);
        checked++;
      } catch (e) {
        const body = e instanceof HttpException ? e.getResponse() : e;
        refused.push(`${method} ${p}: ${JSON.stringify(example)} → ${JSON.stringify(body).slice(0, 600)}`);
      }
    }
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it('gives query parameters examples that the route validation accepts (as the strings a URL carries)', async () => {
    const pipe = docketValidationPipe();
    const refused: string[] = [];
    let checked = 0;
    for (const { method, path: p, op } of ops) {
      const query = (op.parameters ?? []).filter((x) => x.in === 'query');
      const example = Object.fromEntries(
        query.map((x) => [x.name, x.example ?? x.schema?.example]).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]),
      );
      if (!Object.keys(example).length) continue;
      const cls = bodyClassOf(op, RouteParamtypes.QUERY);
      try {
        await pipe.transform(example, { type: 'query', metatype: cls, data: undefined });
        checked++;
      } catch (e) {
        refused.push(`${method} ${p}: ${JSON.stringify(example)} → ${JSON.stringify(e instanceof HttpException ? e.getResponse() : e).slice(0, 400)}`);
      }
    }
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('a refused example would be reported (the check can fail)', async () => {
    const pipe = docketValidationPipe();
    const op = ops.find((o) => o.path === '/api/v1/cases' && o.method === 'post')!.op;
    await expect(pipe.transform({ title: '' }, { type: 'body', metatype: bodyClassOf(op), data: undefined })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
  });
});
