import request from 'supertest';
import { solveChallenge } from '../../apps/api/src/participation/challenge';
import type { TestApp } from '../setup/test-app';

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
