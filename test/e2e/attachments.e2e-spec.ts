import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import request from 'supertest';
import { majorDecisionSteps, runMajorDecision } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
const MAX = 4096;

/**
 * Attachments (issue 12 §5): an upload is checked by size and by its content's type, stored once
 * under its SHA-256 (DATA_DIR on the embedded default, the database on PostgreSQL), and downloaded
 * by its uploader or by whoever may see a case whose history records the hash.
 */
describe.each(DRIVERS)('attachments on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver, { ATTACHMENT_MAX_BYTES: String(MAX) });
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const upload = async (username: string, body: Buffer, name = encodeURIComponent('决策草案（第一稿）.pdf'), type = 'application/octet-stream') =>
    request(api.server)
      .post('/api/v1/attachments')
      .set('Authorization', `Bearer ${await api.token(username)}`)
      .set('Content-Type', type)
      .set('X-File-Name', name)
      .send(body);

  it('stores a PDF once under its SHA-256 and gives it back to its uploader', async () => {
    const body = pdf('draft one');
    const res = await upload('dept-head', body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ sha256: sha(body), size: body.length, mediaType: 'application/pdf', fileName: '决策草案（第一稿）.pdf' });
    // the same content again: the same digest, one stored copy
    expect((await upload('dept-head', body, 'again.pdf')).body.sha256).toBe(sha(body));
    const rows = await t.sql(`SELECT sha256, size, content FROM attachments`);
    expect(rows).toHaveLength(1);
    if (driver === 'sqlite') {
      expect(rows[0].content).toBeNull();
      const file = path.join(t.config.dataDir, 'attachments', sha(body).slice(0, 2), sha(body));
      expect(fs.readFileSync(file)).toEqual(body);
    } else {
      expect(Buffer.from(rows[0].content)).toEqual(body);
    }

    const down = await request(api.server)
      .get(`/api/v1/attachments/${sha(body)}`)
      .set('Authorization', `Bearer ${await api.token('dept-head')}`)
      .buffer(true)
      .parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(down.status).toBe(200);
    expect(down.headers['content-type']).toBe('application/pdf');
    expect(down.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('决策草案（第一稿）.pdf')}`);
    expect(Buffer.compare(down.body as Buffer, body)).toBe(0);
  });

  it('tells PNG, JPEG and DOCX by their content, whatever the name says', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('png body')]);
    expect((await upload('dept-head', png, 'photo.pdf')).body.mediaType).toBe('image/png');
    const jpg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('jpeg body')]);
    expect((await upload('dept-head', jpg, 'scan.jpg')).body.mediaType).toBe('image/jpeg');
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....[Content_Types].xml....word/document.xml')]);
    expect((await upload('dept-head', docx, 'draft.docx')).body.mediaType).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });

  it('refuses a file of another type with 415 and a zh-CN message', async () => {
    const res = await upload('dept-head', Buffer.from('#!/bin/sh\necho not a document\n'), 'draft.pdf', 'application/pdf');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(res.body.messageZh).toMatch(/不支持的附件类型.*PDF/);
    // a ZIP that is no office document is refused too
    const zip = await upload('dept-head', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('just-a-zip/readme.txt')]));
    expect(zip.status).toBe(415);
  });

  it('refuses an oversized file with 413 and a zh-CN message, storing nothing', async () => {
    const before = (await t.sql(`SELECT COUNT(*) AS n FROM attachments`))[0].n;
    const res = await upload('dept-head', pdf('x'.repeat(MAX)));
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('ATTACHMENT_TOO_LARGE');
    expect(res.body.messageZh).toMatch(/^附件过大.*不得超过/);
    expect(res.body.details.maxBytes).toBe(MAX);
    expect((await t.sql(`SELECT COUNT(*) AS n FROM attachments`))[0].n).toBe(before);
    const empty = await upload('dept-head', Buffer.alloc(0));
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('ATTACHMENT_EMPTY');
  });

  it('is visible to whoever may see a case whose history records its hash, and to nobody else', async () => {
    const body = pdf('the draft of the case');
    const hash = (await upload('dept-head', body)).body.sha256;
    // no case records it yet: only its uploader may fetch it
    const before = await api.get('town-head', `/attachments/${hash}`);
    expect(before.status).toBe(404);
    expect(before.body).toMatchObject({ code: 'ATTACHMENT_NOT_FOUND', messageZh: '附件不存在或无权查看' });

    const { id } = await runMajorDecision(api, { before: 'draft' });
    const draft = majorDecisionSteps().find((s) => s.name === 'draft')!;
    await api.ok('dept-head', id, 'SUBMIT_DRAFT', { ...draft.payload, documentHash: hash });
    expect((await api.get('town-head', `/attachments/${hash}`)).status).toBe(200);
    // the administrator sees no case: the file stays out of its reach
    expect((await api.get('admin', `/attachments/${hash}`)).status).toBe(404);
  });

  it('answers 400 for a malformed digest and 401 without a session', async () => {
    const bad = await api.get('dept-head', '/attachments/not-a-hash');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('INVALID_SHA256');
    expect(bad.body.messageZh).toMatch(/SHA-256/);
    expect((await request(api.server).post('/api/v1/attachments').set('Content-Type', 'application/pdf').send(pdf('anonymous'))).status).toBe(401);
  });
});
