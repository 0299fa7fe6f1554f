import request from 'supertest';
import { solveChallenge } from '../../apps/api/src/participation/challenge';
import type { ApiClient } from '../setup/api-client';
import type { TestApp } from '../setup/test-app';
import { createNormativeDocument, normativeDocumentSteps } from './normative-document.factory';

/** A citizen's comment as the portal's form sends it (without the challenge). */
export const citizenComment = (over: Record<string, unknown> = {}) => ({
  submitterType: 'INDIVIDUAL',
  displayName: '张三',
  contact: '13800001234',
  clause: 3,
  text: '建议将临时摊点的经营时间延长至晚上十点。',
  ...over,
});

/** Fetches a challenge from the portal and solves it as the browser does. */
export async function solvedChallenge(t: TestApp): Promise<{ token: string; answer: string }> {
  const res = await request(t.app.getHttpServer()).get('/api/v1/public/challenge');
  if (res.status !== 200) throw new Error(`challenge failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, answer: solveChallenge(res.body.token, res.body.bits) };
}

/** Submits a comment on the public API with a freshly solved challenge (no status check). */
export async function submitComment(t: TestApp, caseId: string, body: Record<string, unknown> = citizenComment()) {
  const challenge = await solvedChallenge(t);
  return request(t.app.getHttpServer()).post(`/api/v1/public/consultations/${caseId}/comments`).send({ ...body, challenge });
}

/** A one-page PDF (enough for the content check: the %PDF- magic and a body). */
export const draftPdf = (label: string) => Buffer.from(`%PDF-1.4\n% ${label}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'utf8');

/** Uploads `body` as `username` (the raw body, as the console sends it); answers its SHA-256. */
export async function uploadFile(api: ApiClient, username: string, body: Buffer, name: string): Promise<string> {
  const res = await request(api.server)
    .post('/api/v1/attachments')
    .set('Authorization', `Bearer ${await api.token(username)}`)
    .set('Content-Type', 'application/octet-stream')
    .set('X-File-Name', encodeURIComponent(name))
    .send(body);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.sha256;
}

/**
 * A normative document whose draft is a real uploaded file, published for comment 2020-03-02 →
 * 2020-04-01 (the factory's notice), the period not closed.
 */
export async function publishedWithDraftFile(api: ApiClient, title = '掌起镇临时摊点管理办法'): Promise<{ id: string; draft: Buffer; hash: string }> {
  const steps = normativeDocumentSteps();
  const id = await createNormativeDocument(api, title);
  const draft = draftPdf(`${title}（征求意见稿）`);
  const hash = await uploadFile(api, 'dept-head', draft, `${title}（征求意见稿）.pdf`);
  for (const s of steps) {
    if (s.name === 'close') break;
    if (s.clock) await api.setClock(s.clock);
    await api.ok(s.user, id, s.type, s.name === 'draft' ? { ...s.payload, title, documentHash: hash } : s.payload);
  }
  return { id, draft, hash };
}
