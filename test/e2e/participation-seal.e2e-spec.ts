/**
 * The comment docket in the case's history (issue 13) over HTTP on SQLite and PostgreSQL: the close
 * seals every comment received (count and RFC 6962 root, hidden ones included) in the hash-chained
 * history; a citizen's receipt gives the inclusion proof of their comment; the participation
 * summary is computed from the docket and refused while a comment is unanswered; `/verify`
 * recomputes the seal from the stored comments and reports a comment edited in the database.
 */
import { createHash } from 'crypto';
import request from 'supertest';
import { articleZh } from '@app/engine';
import { verifyCommentInclusion, verifyDossierBundle } from '@app/audit';
import { WorkflowDefinition, WorkflowRegistry } from '@app/engine';
import { WORKFLOW_REGISTRY } from '@app/runtime';
import { allWorkflows } from '@app/workflows';
import { run } from '../../apps/cli/src/main';
import { ApiClient } from '../setup/api-client';
import { TEST_DATABASE_URL } from '../setup/test-env';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { runMajorDecision } from '../factories/major-decision.factory';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { citizenComment as comment, submitComment } from '../factories/participation.factory';

const leafHashOf = (leaf: string) => createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(leaf, 'utf8')])).digest('hex');

describe.each(DRIVERS)('the comment seal and the computed summary on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  const pub = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp(driver, { COMMENT_RATE_LIMIT: '1000', COMMENT_POW_BITS: '4' });
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const idOf = async (trackingNumber: string): Promise<string> => (await t.sql(`SELECT id FROM consultation_comments WHERE tracking_number = '${trackingNumber}'`))[0].id;

  it('a normative document: sealed at close (hidden included), proofs on the receipt, summary refused until every comment is answered, an edited row breaks the seal', async () => {
    const { id } = await runNormativeDocument(api, { before: 'close' });
    expect((await api.get('auditor', `/cases/${id}`)).body.workflowVersion).toBe(3);
    await api.setClock('2020-03-10T02:00:00Z');
    const receipts: Array<{ trackingNumber: string; queryCode: string }> = [];
    for (const text of ['建议延长经营时间。', '摊点应避开学校门口。', '欢迎选购本店商品。']) {
      const r = await submitComment(t, id, comment({ text }));
      expect(r.status).toBe(201);
      receipts.push({ trackingNumber: r.body.trackingNumber, queryCode: r.body.queryCode });
    }
    const ids = await Promise.all(receipts.map((r) => idOf(r.trackingNumber)));
    const letter = await api.post('dept-head', `/cases/${id}/comments`, { ...comment({ text: '建议明确卫生责任。' }), source: 'LETTER', receivedOn: '2020-03-09' });
    expect(letter.status).toBe(201);
    expect((await api.post('dept-head', `/cases/${id}/comments/${ids[2]}/hide`, { reason: 'ADVERTISING' })).status).toBe(200);

    // before the close there is nothing to prove against
    const early = await pub().post('/api/v1/public/comments/lookup').send(receipts[0]);
    expect([early.status, early.body.seal]).toEqual([200, null]);

    // the close records the count and the root in the hash-chained history (hidden comment included)
    await api.setClock('2020-04-02T02:00:00Z');
    const closed = await api.ok('dept-head', id, 'CLOSE_COMMENT_PERIOD', {});
    const seal = closed.event.facts.commentSeal;
    expect(seal).toMatchObject({ round: 1, count: 4, scheme: 'RFC6962-SHA256/docket-comment-v1' });
    expect(seal.root).toMatch(/^[0-9a-f]{64}$/);
    const history = (await api.get('auditor', `/cases/${id}/history`)).body.records;
    const closeRecord = history.find((r: any) => r.type === 'CLOSE_COMMENT_PERIOD');
    expect(closeRecord.facts.commentSeal).toEqual(seal);
    expect((await api.get('auditor', `/cases/${id}`)).body.records.consultations[0].closed.seal).toEqual(seal);

    // late input after the close is kept (逾期), outside the seal
    const call = await api.post('dept-head', `/cases/${id}/comments`, { ...comment({ text: '电话意见：希望增加摊位。' }), source: 'PHONE' });
    expect(call.body).toMatchObject({ late: true });

    // every receipt proves its comment against the sealed root — the hidden one too
    for (const r of receipts) {
      const seen = await pub().post('/api/v1/public/comments/lookup').send(r);
      expect(seen.status).toBe(200);
      const p = seen.body.seal;
      expect(p).toMatchObject({ round: 1, count: 4, root: seal.root, treeSize: 4, verified: true });
      expect(JSON.parse(p.leaf)).toMatchObject({ trackingNumber: r.trackingNumber, v: 1 });
      expect(p.leafHash).toBe(leafHashOf(p.leaf));
      expect(verifyCommentInclusion({ index: p.index, treeSize: p.treeSize, leafHash: p.leafHash, proof: p.proof }, seal.root)).toBe(true);
    }

    let verify = (await api.get('auditor', `/cases/${id}/verify`)).body;
    expect(verify.comments).toEqual({ status: 'PASS', seals: [expect.objectContaining({ seq: closeRecord.seq, round: 1, sealedCount: 4, count: 4, sealedRoot: seal.root, root: seal.root, ok: true })] });
    expect(verify.intact).toBe(true);

    // the dossier carries the sealed comment set (hidden one included); the offline verifier recomputes the root
    const dossier = (await api.get('auditor', `/cases/${id}/dossier`)).body;
    expect(dossier.comments.scheme).toBe('RFC6962-SHA256/docket-comment-v1');
    expect(dossier.comments.items.map((c: any) => c.id).sort()).toEqual([...ids, letter.body.id, call.body.id].sort());
    expect(dossier.comments.items.find((c: any) => c.id === ids[2])).not.toHaveProperty('hiddenReason');
    expect(dossier.comments.seals).toEqual([expect.objectContaining({ seq: closeRecord.seq, sealedRoot: seal.root, root: seal.root, count: 4, ok: true })]);
    const page = await api.get('auditor', `/cases/${id}/dossier.html`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('征求意见封存');
    expect(page.text).toContain(seal.root);
    expect(page.text).toContain('欢迎选购本店商品。');
    // contacts and names stay in the JSON bundle, off the printable page
    expect(page.text).not.toContain('13800001234');
    const registry = new WorkflowRegistry(allWorkflows);
    expect(verifyDossierBundle(registry, dossier).findings.filter((f) => f.check === 'comments')).toEqual([]);
    const forged = JSON.parse(JSON.stringify(dossier));
    forged.comments.items.find((c: any) => c.id === ids[0]).text = '另一条意见';
    expect(verifyDossierBundle(registry, forged).findings).toContainEqual(expect.objectContaining({ check: 'comments', reason: 'comments-changed', seq: closeRecord.seq }));
    const dropped = JSON.parse(JSON.stringify(dossier));
    dropped.comments.items = dropped.comments.items.filter((c: any) => c.id !== ids[2]);
    expect(verifyDossierBundle(registry, dropped).status).toBe('FAIL');

    // the summary: typed-in counts are gone, and it is refused while a comment is unanswered (OBE Art. 62)
    await api.setClock('2020-04-03T02:00:00Z');
    const text = {
      summary: '主要意见已研究答复，采纳情况已公开反馈',
      marketEntitiesHeard: ['掌起镇个体劳动者协会'],
      adoptionFeedback: { publishedAt: '2020-04-03', channel: '掌起镇人民政府网站', summary: '已公开反馈意见采纳情况' },
    };
    const typed = await api.event('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', { ...text, received: 5, adopted: 2 });
    expect([typed.status, typed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const refused = await api.event('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', text);
    expect([refused.status, refused.body.code, refused.body.article]).toEqual([422, 'COMMENTS_UNDISPOSED', 'OBE Art. 62']);
    expect(refused.body.messageZh).toContain(articleZh('OBE Art. 62'));
    expect(refused.body.messageZh).not.toMatch(/OBE|Art\./);
    expect(refused.body.message).toMatch(/Art\. 62/);

    const callId = call.body.id;
    for (const c of [ids[0], ids[1], callId]) {
      const d = await api.post('dept-head', `/cases/${id}/comments/${c}/disposition`, { disposition: 'NOT_ADOPTED', reason: '与上位法规定不符。' });
      expect(d.status).toBe(200);
    }
    // one left: the letter
    expect((await api.event('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', text)).body.code).toBe('COMMENTS_UNDISPOSED');
    expect((await api.post('dept-head', `/cases/${id}/comments/${letter.body.id}/disposition`, { disposition: 'ADOPTED', clauseChanged: '第五条' })).status).toBe(200);
    const done = await api.ok('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', text);
    expect(done.event.facts.participationSummary).toMatchObject({ round: 1, received: 5, late: 1, hidden: 1, undisposed: 0, byDisposition: { ADOPTED: 1, NOT_ADOPTED: 3 }, bySource: { PORTAL: 3, LETTER: 1, PHONE: 1 } });
    expect(done.case.records.consultations[0].summary).toMatchObject({ received: 5, adopted: 1, notAdopted: 3, hidden: 1, late: 1, computed: true, summary: text.summary });

    // a comment edited directly in the database: the seal breaks, /verify says so, the proof no longer verifies
    await t.sql(`UPDATE consultation_comments SET text = '（已被改写）' WHERE id = '${ids[1]}'`);
    verify = (await api.get('auditor', `/cases/${id}/verify`)).body;
    expect(verify.intact).toBe(false);
    expect(verify.comments.status).toBe('FAIL');
    expect(verify.comments.seals[0]).toMatchObject({ sealedCount: 4, count: 4, sealedRoot: seal.root, ok: false });
    expect(verify.comments.seals[0].root).not.toBe(seal.root);
    expect(verify.verdict.status).toBe('FAIL');
    expect(verify.verdict.findings).toContainEqual(expect.objectContaining({ severity: 'FAIL', check: 'comments', seq: closeRecord.seq, reason: 'comments-changed' }));
    // the hash chain itself is intact: only the comments changed
    expect(verify.chain.ok).toBe(true);
    const after = (await pub().post('/api/v1/public/comments/lookup').send(receipts[1])).body.seal;
    expect(after.verified).toBe(false);
    const tampered = (await api.get('auditor', `/cases/${id}/dossier`)).body;
    expect(tampered.comments.seals[0].ok).toBe(false);
    expect(tampered.verdict.findings).toContainEqual(expect.objectContaining({ check: 'comments', reason: 'comments-changed' }));
    // and the offline verifier over the whole database finds it too
    const env =
      t.driver === 'postgres'
        ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: (t.config.database as { schema: string }).schema }
        : { SQLITE_PATH: (t.config.database as { path: string }).path };
    const out: string[] = [];
    expect(await run(['verify', '--all', '--json'], env, { write: (x) => out.push(x), progress: () => undefined })).toBe(1);
    expect(JSON.parse(out.join('\n')).problems).toContainEqual(expect.objectContaining({ caseId: id, status: 'FAIL', seq: closeRecord.seq, reason: 'comments-changed' }));
    expect(verifyCommentInclusion({ index: after.index, treeSize: after.treeSize, leafHash: after.leafHash, proof: after.proof }, seal.root)).toBe(false);

    // a deleted comment breaks it too (the count no longer matches)
    await t.sql(`UPDATE consultation_comments SET text = '摊点应避开学校门口。' WHERE id = '${ids[1]}'`);
    expect((await api.get('auditor', `/cases/${id}/verify`)).body.comments.status).toBe('PASS');
    await t.sql(`DELETE FROM consultation_comments WHERE id = '${ids[2]}'`);
    const deleted = (await api.get('auditor', `/cases/${id}/verify`)).body;
    expect(deleted.comments.seals[0]).toMatchObject({ sealedCount: 4, count: 3, ok: false });
  });

  it('a major decision: the summary is refused while a comment is unanswered (COMMENTS_UNDISPOSED, R713 Art. 17)', async () => {
    const { id } = await runMajorDecision(api, { before: 'close' });
    await api.setClock('2020-08-20T02:00:00Z');
    const r = await submitComment(t, id, comment({ text: '建议增加分类收集点。' }));
    expect(r.status).toBe(201);
    await api.setClock('2020-09-04T02:00:00Z');
    const closed = await api.ok('dept-head', id, 'CLOSE_COMMENT_PERIOD', {});
    expect(closed.event.facts.commentSeal).toMatchObject({ round: 1, count: 1 });
    const text = { summary: '主要意见已逐条研究答复' };
    const refused = await api.event('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', text);
    expect([refused.status, refused.body.code, refused.body.article, refused.body.articleZh]).toEqual([422, 'COMMENTS_UNDISPOSED', 'R713 Art. 17', articleZh('R713 Art. 17')]);
    expect(refused.body.messageZh).toContain('《重大行政决策程序暂行条例》第十七条');
    const c = await idOf(r.body.trackingNumber);
    expect((await api.post('dept-head', `/cases/${id}/comments/${c}/disposition`, { disposition: 'PARTIALLY_ADOPTED', reason: '部分收集点已规划。', clauseChanged: '第三条' })).status).toBe(200);
    const done = await api.ok('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', text);
    expect(done.case.records.participation[0].summary).toMatchObject({ received: 1, adopted: 0, partiallyAdopted: 1, computed: true });
    expect((await pub().post('/api/v1/public/comments/lookup').send({ trackingNumber: r.body.trackingNumber, queryCode: r.body.queryCode })).body.seal).toMatchObject({ count: 1, treeSize: 1, index: 0, proof: [], verified: true });
    expect((await api.get('auditor', `/cases/${id}/verify`)).body.comments.status).toBe('PASS');
  });

  it('a running v2 case moves to v3 by an administrator\'s migration; migrated while open, it is sealed at its close and its summary is computed', async () => {
    const registry: WorkflowRegistry = t.app.get(WORKFLOW_REGISTRY);
    const latest = registry.latest.bind(registry);
    const v2 = registry.get('normative-document', 2);
    // a case started before v3 was released
    const spy = jest.spyOn(registry, 'latest').mockImplementation((kind: string): WorkflowDefinition => (kind === 'normative-document' ? v2 : latest(kind)));
    let id: string;
    try {
      ({ id } = await runNormativeDocument(api, { before: 'close' }));
    } finally {
      spy.mockRestore();
    }
    expect((await api.get('auditor', `/cases/${id}`)).body.workflowVersion).toBe(2);
    await api.setClock('2020-03-10T02:00:00Z');
    const r = await submitComment(t, id, comment({ text: '建议增设早市。' }));
    expect(r.status).toBe(201);

    // the administrator moves it to v3 (same state, recorded as MIGRATE_WORKFLOW)
    const moved = await api.post('admin', `/admin/cases/${id}/migrate`, { toVersion: 3 });
    expect(moved.status).toBe(200);
    expect(moved.body.case).toMatchObject({ workflowVersion: 3 });
    expect(moved.body.event).toMatchObject({ type: 'MIGRATE_WORKFLOW' });

    await api.setClock('2020-04-02T02:00:00Z');
    const closed = await api.ok('dept-head', id, 'CLOSE_COMMENT_PERIOD', {});
    expect(closed.event.facts.commentSeal).toMatchObject({ round: 1, count: 1 });
    await api.setClock('2020-04-03T02:00:00Z');
    const text = {
      summary: '主要意见已研究答复',
      marketEntitiesHeard: ['掌起镇个体劳动者协会'],
      adoptionFeedback: { publishedAt: '2020-04-03', channel: '掌起镇人民政府网站', summary: '已公开反馈意见采纳情况' },
    };
    expect((await api.event('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', text)).body.code).toBe('COMMENTS_UNDISPOSED');
    const c = await idOf(r.body.trackingNumber);
    expect((await api.post('dept-head', `/cases/${id}/comments/${c}/disposition`, { disposition: 'OUT_OF_SCOPE', reason: '不属于本文件规定事项。' })).status).toBe(200);
    expect((await api.ok('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', text)).case.records.consultations[0].summary).toMatchObject({ received: 1, outOfScope: 1, computed: true });
    // the history replays through v2 up to the migration and v3 after it; the seal verifies
    const verify = (await api.get('auditor', `/cases/${id}/verify`)).body;
    expect([verify.ok, verify.comments.status]).toEqual([true, 'PASS']);
  });
});
