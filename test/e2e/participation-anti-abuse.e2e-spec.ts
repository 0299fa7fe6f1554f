/**
 * The portal's anti-abuse without SMS (issue 13) on SQLite and PostgreSQL: a server-issued,
 * stateless proof-of-work challenge (signed, expiring, one comment per challenge), a per-address
 * limit on @nestjs/throttler with the address kept only as a keyed hash, and a small body limit.
 * A burst is answered 429 请稍后再试 — never 5xx, and no stored comment is lost.
 */
import request from 'supertest';
import { solveChallenge } from '../../apps/api/src/participation/challenge';
import { citizenComment, solvedChallenge } from '../factories/participation.factory';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const LIMIT = 5;

describe.each(DRIVERS)('the portal against abuse on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let id: string;
  const pub = () => request(t.app.getHttpServer());
  const post = (body: unknown) => pub().post(`/api/v1/public/consultations/${id}/comments`).send(body as object);

  beforeAll(async () => {
    t = await startTestApp(driver, { COMMENT_RATE_LIMIT: '1000', COMMENT_POW_BITS: '8' });
    api = new ApiClient(t);
    ({ id } = await runNormativeDocument(api, { before: 'close' }));
    await api.setClock('2020-03-10T02:00:00Z');
  });
  afterAll(async () => t?.close());

  it('asks for a solved challenge: missing, wrong, forged, reused and expired ones are refused', async () => {
    const missing = await post(citizenComment());
    expect([missing.status, missing.body.code]).toEqual([400, 'VALIDATION_FAILED']);

    const issued = await pub().get('/api/v1/public/challenge');
    expect(issued.body).toMatchObject({ algorithm: 'SHA-256', bits: 8 });
    // an answer that does not make the digest start with 8 zero bits
    let wrongAnswer = 0;
    while (solveChallenge(issued.body.token, 8) === String(wrongAnswer)) wrongAnswer++;
    const wrong = await post({ ...citizenComment(), challenge: { token: issued.body.token, answer: String(wrongAnswer) } });
    expect([wrong.status, wrong.body.code]).toEqual([422, 'CHALLENGE_INVALID']);
    expect(wrong.body.messageZh).toMatch(/验证未通过/);

    // a token whose difficulty was lowered is no longer signed
    const [body, sig] = issued.body.token.split('.');
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forgedToken = `${Buffer.from(JSON.stringify({ ...claims, b: 0 })).toString('base64url')}.${sig}`;
    const forged = await post({ ...citizenComment(), challenge: { token: forgedToken, answer: '0' } });
    expect([forged.status, forged.body.code]).toEqual([422, 'CHALLENGE_INVALID']);

    // one comment per solved challenge
    const challenge = { token: issued.body.token, answer: solveChallenge(issued.body.token, 8) };
    const first = await post({ ...citizenComment(), challenge });
    expect(first.status).toBe(201);
    const reused = await post({ ...citizenComment({ text: '同一验证再提交一次' }), challenge });
    expect([reused.status, reused.body.code]).toEqual([422, 'CHALLENGE_USED']);

    // a challenge answers for 10 minutes
    const old = await solvedChallenge(t);
    await api.setClock('2020-03-10T02:10:01Z');
    const expired = await post({ ...citizenComment(), challenge: old });
    expect([expired.status, expired.body.code]).toEqual([422, 'CHALLENGE_EXPIRED']);

    // the address is kept only as a keyed hash
    const rows = await t.sql(`SELECT address_hash FROM consultation_comments WHERE source = 'PORTAL'`);
    expect(rows.length).toBe(1);
    expect(rows[0].address_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toMatch(/127\.0\.0\.1|::1|ffff/);
  });

  it('limits the body: a comment of 2,000 characters fits, a body over 16 KB is 413', async () => {
    await api.setClock('2020-03-11T02:00:00Z');
    const full = await post({ ...citizenComment({ text: '意'.repeat(2000) }), challenge: await solvedChallenge(t) });
    expect(full.status).toBe(201);
    const big = await post({ ...citizenComment({ text: '意'.repeat(6000) }), challenge: await solvedChallenge(t) });
    expect([big.status, big.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    expect(big.body.messageZh).toBe('请求内容过大（上限 16 KB）');
  });

  it('answers a burst from one address 429 请稍后再试, never 5xx, and stores every comment it accepted', async () => {
    // an API of its own, limited to LIMIT per address and minute (the limit counts real minutes)
    const main = t;
    t = await startTestApp(driver, { COMMENT_RATE_LIMIT: String(LIMIT), COMMENT_POW_BITS: '8' });
    try {
      await burst();
    } finally {
      await t.close();
      t = main;
    }
  });

  async function burst() {
    const api = new ApiClient(t);
    const { id: caseId } = await runNormativeDocument(api, { before: 'close' });
    id = caseId;
    await api.setClock('2020-03-12T02:00:00Z');
    const before = Number((await t.sql(`SELECT COUNT(*) AS n FROM consultation_comments`))[0].n);
    const challenges: Array<{ token: string; answer: string }> = [];
    for (let i = 0; i < 12; i++) {
      const c = await pub().get('/api/v1/public/challenge');
      if (c.status !== 200) break;
      challenges.push({ token: c.body.token, answer: solveChallenge(c.body.token, c.body.bits) });
    }
    expect(challenges.length).toBe(LIMIT); // the challenge endpoint is limited too
    const extra = await pub().get('/api/v1/public/challenge');
    expect([extra.status, extra.body.code, extra.body.messageZh]).toEqual([429, 'TOO_MANY_REQUESTS', '提交过于频繁，请稍后再试']);

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => post({ ...citizenComment({ text: `第${i + 1}条意见` }), challenge: challenges[i % challenges.length] })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.every((s) => [201, 422, 429].includes(s))).toBe(true);
    const stored = results.filter((r) => r.status === 201);
    const limited = results.filter((r) => r.status === 429);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.length).toBeLessThanOrEqual(LIMIT);
    expect(limited.length).toBeGreaterThanOrEqual(20 - LIMIT);
    expect(limited[0].body.messageZh).toBe('提交过于频繁，请稍后再试');
    const after = Number((await t.sql(`SELECT COUNT(*) AS n FROM consultation_comments`))[0].n);
    expect(after - before).toBe(stored.length);
    // every receipt the burst gave out opens its comment
    for (const r of stored) {
      const found = await t.sql(`SELECT COUNT(*) AS n FROM consultation_comments WHERE tracking_number = '${r.body.trackingNumber}'`);
      expect(Number(found[0].n)).toBe(1);
    }
  }
});
