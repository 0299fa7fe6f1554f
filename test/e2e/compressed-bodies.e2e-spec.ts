import { Logger } from '@nestjs/common';
import request from 'supertest';
import * as zlib from 'zlib';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 9 §2: a body that does not decompress is the client's fault. Before, `Content-Encoding:
 * gzip` (deflate, br, a truncated gzip) with an undecodable body answered 500 INTERNAL_ERROR and
 * logged a stack trace per request.
 */
describe.each(DRIVERS)('compressed request bodies on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let token: string;
  const proposal = {
    problem: '镇区生活垃圾分类设施不足',
    reasons: '群众反映强烈，现有设施老化',
    legalBasis: '《浙江省生活垃圾管理条例》',
    solution: '新建分类收集点并配备专职人员',
    necessity: '改善人居环境，回应群众诉求',
  };
  const json = Buffer.from(JSON.stringify({ kind: 'major-decision', title: '压缩请求测试', proposal }));
  const garbage = Buffer.from('this is not compressed at all, 这不是压缩数据');

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    token = await api.token('dept-head');
  });
  afterAll(async () => t?.close());
  afterEach(() => jest.restoreAllMocks());

  const post = (encoding: string | undefined, body: Buffer | string) => {
    const r = request(api.server).post('/api/v1/cases').set('Authorization', `Bearer ${token}`).set('Content-Type', 'application/json');
    // serialize as is: superagent would JSON-encode a Buffer sent as application/json
    return (encoding ? r.set('Content-Encoding', encoding) : r).serialize((x: unknown) => x as string).send(body as never);
  };

  it('still accepts a well-compressed body (gzip, deflate, br)', async () => {
    for (const [encoding, body] of [
      ['gzip', zlib.gzipSync(json)],
      ['deflate', zlib.deflateSync(json)],
      ['br', zlib.brotliCompressSync(json)],
    ] as const) {
      const res = await post(encoding, body);
      expect([encoding, res.status]).toEqual([encoding, 201]);
    }
  });

  it.each([
    ['gzip', garbage],
    ['deflate', garbage],
    ['br', garbage],
    ['gzip（截断）', zlib.gzipSync(json).subarray(0, 40)],
    ['deflate（截断）', zlib.deflateSync(json).subarray(0, 30)],
    ['gzip（解压后不是 JSON）', zlib.gzipSync(Buffer.from('not json'))],
  ])('answers 400 for an undecodable %s body, logged as a client error without a stack trace', async (label, body) => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const encoding = label.replace(/（.*$/, '');
    const res = await post(encoding, body as Buffer);
    expect(res.status).toBe(400);
    if (label.includes('不是 JSON')) {
      expect(res.body.code).toBe('MALFORMED_JSON');
    } else {
      expect(res.body.code).toBe('BODY_NOT_DECODABLE');
      expect(res.body.messageZh).toContain(encoding);
      expect(res.body.details).toEqual({ contentEncoding: encoding });
    }
    expect(res.body.message).toBeTruthy();
    expect(error).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain(res.body.code);
    expect(String(warn.mock.calls[0][0])).not.toMatch(/\n\s+at /);
  });

  it.each(['compress', 'x-custom', 'gzip, br', 'identity, gzip'])('answers 415 UNSUPPORTED_CONTENT_ENCODING for Content-Encoding %s', async (encoding) => {
    const res = await post(encoding, zlib.gzipSync(json));
    expect([res.status, res.body.code]).toEqual([415, 'UNSUPPORTED_CONTENT_ENCODING']);
    expect(res.body.messageZh).toContain('gzip');
  });

  it('keeps malformed JSON at 400 MALFORMED_JSON and an unknown charset at 415', async () => {
    const malformed = await post(undefined, '{"kind": "major-decision",');
    expect([malformed.status, malformed.body.code]).toEqual([400, 'MALFORMED_JSON']);
    const charset = await request(api.server)
      .post('/api/v1/cases')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'application/json; charset=x-unknown')
      .serialize((x: unknown) => x as string)
      .send(json as never);
    expect([charset.status, charset.body.code]).toEqual([415, 'UNSUPPORTED_ENCODING']);
  });

  it('no case was created by the refused requests', async () => {
    const rows = await t.sql(`SELECT count(*) AS n FROM cases WHERE title = '压缩请求测试'`);
    expect(Number(rows[0].n)).toBe(3);
  });
});
