/**
 * The comment docket of a consultation (issue 13) over HTTP on SQLite and PostgreSQL: the period is
 * the case's recorded notice (no second copy), a citizen comments on the public API and gets a
 * receipt (only the 查询码's hash is stored), staff enter letters and calls tagged by source, late
 * input is kept and tagged 逾期, contacts are masked in the staff list, and after the last day
 * 24:00 Beijing time every public write is refused with COMMENT_PERIOD_CLOSED.
 */
import request from 'supertest';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { runMajorDecision, runStep as runMajorStep } from '../factories/major-decision.factory';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { citizenComment as comment, draftPdf, publishedWithDraftFile, submitComment, uploadFile } from '../factories/participation.factory';
import { createHash } from 'crypto';

const CJK = /[\u4e00-\u9fff]/;

describe.each(DRIVERS)('the comment docket on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  const pub = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await startTestApp(driver, { COMMENT_RATE_LIMIT: '1000', COMMENT_POW_BITS: '4' });
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  it('a normative document: comment with a receipt, staff input, the period from the history, closed at 24:00', async () => {
    // the draft is published for comment 2020-03-02 → 2020-04-01 (the factory's notice)
    const { id } = await runNormativeDocument(api, { before: 'close' });
    await api.setClock('2020-03-10T02:00:00Z');

    const list = await pub().get('/api/v1/public/consultations');
    expect(list.status).toBe(200);
    const item = list.body.items.find((i: { caseId: string }) => i.caseId === id);
    expect(item).toMatchObject({ opensAt: '2020-03-02', closesAt: '2020-04-01', phase: 'OPEN', daysLeft: 23, title: '掌起镇临时摊点管理办法' });

    // a citizen comments (no login) and gets a receipt
    const res = await submitComment(t, id, comment());
    expect(res.status).toBe(201);
    expect(res.body.trackingNumber).toMatch(/^YJ20200310-[A-Z2-9]{6}$/);
    expect(res.body.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    const { trackingNumber, queryCode } = res.body;

    // only the hash of the 查询码 is stored
    const [stored] = await t.sql(`SELECT * FROM consultation_comments WHERE tracking_number = '${trackingNumber}'`);
    expect(stored.query_code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(queryCode);

    // the receipt opens the status; a wrong code is refused like an unknown number
    const seen = await pub().post('/api/v1/public/comments/lookup').send({ trackingNumber, queryCode });
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ trackingNumber, caseId: id, status: 'RECEIVED', text: comment().text, clause: 3 });
    expect(seen.body.statusLabel.zh).toMatch(CJK);
    const wrong = await pub().post('/api/v1/public/comments/lookup').send({ trackingNumber, queryCode: 'AAAAAAAA' });
    expect([wrong.status, wrong.body.code]).toEqual([404, 'COMMENT_NOT_FOUND']);

    // bad input is 400 with a stable code, never stored
    const long = await submitComment(t, id, comment({ text: '长'.repeat(2001) }));
    expect([long.status, long.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const kind = await submitComment(t, id, comment({ submitterType: 'ROBOT' }));
    expect(kind.status).toBe(400);

    // staff enter a letter; the public may not
    const letter = await api.post('dept-head', `/cases/${id}/comments`, {
      ...comment({ displayName: '李四', contact: 'lisi@example.cn', text: '建议明确摊点的卫生责任。' }),
      source: 'LETTER',
      receivedOn: '2020-03-09',
    });
    expect(letter.status).toBe(201);
    expect(letter.body).toMatchObject({ source: 'LETTER', late: false, receivedOn: '2020-03-09', contact: 'l***@example.cn' });
    expect(letter.body.sourceLabel.zh).toBe('信函');
    const anon = await pub().post(`/api/v1/cases/${id}/comments`).send({ ...comment(), source: 'LETTER' });
    expect(anon.status).toBe(401);
    const reviewer = await api.post('legal-reviewer', `/cases/${id}/comments`, { ...comment(), source: 'PHONE' });
    expect(reviewer.status).toBe(403);
    const future = await api.post('dept-head', `/cases/${id}/comments`, { ...comment(), source: 'PHONE', receivedOn: '2020-03-11' });
    expect([future.status, future.body.code]).toEqual([422, 'RECEIVED_IN_FUTURE']);

    // the last day runs to 24:00 Beijing time (16:00 UTC)
    await api.setClock('2020-04-01T15:59:59Z');
    const lastMinute = await submitComment(t, id, comment({ displayName: undefined, contact: undefined }));
    expect(lastMinute.status).toBe(201);
    await api.setClock('2020-04-01T16:00:00Z');
    const tooLate = await submitComment(t, id, comment());
    expect([tooLate.status, tooLate.body.code, tooLate.body.article]).toEqual([422, 'COMMENT_PERIOD_CLOSED', 'OBE Art. 62']);
    expect(tooLate.body.messageZh).toMatch(/^征求意见已于2020-04-01截止/);
    expect(tooLate.body.messageZh).not.toMatch(/OBE|Art\./);
    // closed consultations leave the public list
    const after = await pub().get('/api/v1/public/consultations');
    expect(after.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(id);

    // a phone call taken after the period is kept, tagged 逾期
    const call = await api.post('dept-head', `/cases/${id}/comments`, { ...comment({ contact: '0574-63201234' }), source: 'PHONE' });
    expect(call.status).toBe(201);
    expect(call.body).toMatchObject({ source: 'PHONE', late: true, receivedOn: '2020-04-02', lateLabel: { zh: '逾期', en: 'Late' } });

    // the staff list: every comment of the round, contacts masked
    const docket = await api.get('auditor', `/cases/${id}/comments`);
    expect(docket.status).toBe(200);
    expect(docket.body).toMatchObject({ total: 4, late: 1, period: { opensAt: '2020-03-02', closesAt: '2020-04-01', phase: 'CLOSED' } });
    expect(docket.body.items.map((c: { contact: string | null }) => c.contact)).toEqual(['138****1234', 'l***@example.cn', null, '057****1234']);
    expect(JSON.stringify(docket.body)).not.toMatch(/13800001234|lisi@example|63201234/);
    expect(JSON.stringify(docket.body)).not.toMatch(/query_?code/i);
  });

  it('a major decision: the period follows an extension recorded in the history; a recorded close closes every public write', async () => {
    const { id, rest } = await runMajorDecision(api, { before: 'hearing' });
    await api.setClock('2020-09-02T02:00:00Z');
    await api.ok('dept-head', id, 'EXTEND_COMMENT_PERIOD', { closesAt: '2020-09-10', reason: '意见较多，需延长征求意见期限。' });
    await api.setClock('2020-09-05T02:00:00Z');
    const view = await pub().get(`/api/v1/public/consultations/${id}`);
    // the draft's hash is recorded, but no file was uploaded under it: nothing to download
    expect(view.body.draftFile).toBeNull();
    expect(view.body).toMatchObject({
      opensAt: '2020-08-04',
      closesAt: '2020-09-10',
      originalClosesAt: '2020-09-03',
      extensions: [{ previousClosesAt: '2020-09-03', closesAt: '2020-09-10' }],
      phase: 'OPEN',
      daysLeft: 6,
    });
    const ok = await submitComment(t, id, comment({ submitterType: 'ENTERPRISE', displayName: '宁波某电器有限公司' }));
    expect(ok.status).toBe(201);

    await api.setClock('2020-09-11T02:00:00Z');
    for (const s of rest.filter((s) => s.name === 'hearing')) await runMajorStep(api, id, { ...s, clock: undefined });
    await api.ok('dept-head', id, 'CLOSE_COMMENT_PERIOD', {});
    const refused = await submitComment(t, id, comment());
    expect([refused.status, refused.body.code, refused.body.article]).toEqual([422, 'COMMENT_PERIOD_CLOSED', 'R713 Art. 15']);
    // a resubmission of the same body is refused the same way
    const again = await submitComment(t, id, comment());
    expect([again.status, again.body.code]).toEqual([422, 'COMMENT_PERIOD_CLOSED']);

    // a case never published for comment has no consultation
    const none = await submitComment(t, '00000000-0000-4000-8000-000000000000', comment());
    expect([none.status, none.body.code]).toEqual([404, 'CONSULTATION_NOT_FOUND']);
  });
  it('moderation hides (never deletes), duplicates are grouped and answered once, every comment is answered; each action is recorded with its actor', async () => {
    const { id } = await runNormativeDocument(api, { before: 'close' });
    await api.setClock('2020-03-12T02:00:00Z');
    const ids: string[] = [];
    for (const text of ['经营时间应延长至晚上十点。', '建议延长经营时间。', '夜间经营时间太短。', '欢迎选购本店商品，电话 138…', '摊点区域应避开学校门口。']) {
      const r = await submitComment(t, id, comment({ text }));
      expect(r.status).toBe(201);
      ids.push((await t.sql(`SELECT id FROM consultation_comments WHERE tracking_number = '${r.body.trackingNumber}'`))[0].id);
    }
    const url = `/cases/${id}`;
    // an advertisement is hidden with its reason, never deleted
    const hidden = await api.post('dept-head', `${url}/comments/${ids[3]}/hide`, { reason: 'ADVERTISING', note: '商品推销' });
    expect(hidden.status).toBe(200);
    expect(hidden.body).toMatchObject({ hiddenReason: 'ADVERTISING', hiddenReasonLabel: { zh: '广告' }, undisposed: false });
    expect((await api.post('dept-head', `${url}/comments/${ids[3]}/hide`, { reason: 'ABUSE' })).body.code).toBe('COMMENT_ALREADY_HIDDEN');
    expect((await api.post('dept-head', `${url}/comments/${ids[3]}/hide`, { reason: 'SPAM' })).status).toBe(400);
    expect((await api.post('legal-reviewer', `${url}/comments/${ids[2]}/hide`, { reason: 'ABUSE' })).status).toBe(403);

    // the public page shows the counts by reason, not the hidden text
    const page = (await pub().get(`/api/v1/public/consultations/${id}`)).body;
    expect(page).toMatchObject({ received: 5, hiddenByReason: [{ key: 'ADVERTISING', count: 1, label: { zh: '广告', en: 'Advertising' } }] });
    expect(JSON.stringify(page)).not.toContain('欢迎选购');

    // three duplicates grouped and answered once
    const group = await api.post('dept-head', `${url}/comment-groups`, { title: '关于经营时间的意见', commentIds: ids.slice(0, 3) });
    expect(group.status).toBe(201);
    expect(group.body.count).toBe(3);
    const single = await api.post('dept-head', `${url}/comments/${ids[0]}/disposition`, { disposition: 'ADOPTED', clauseChanged: '第三条' });
    expect([single.status, single.body.code]).toEqual([422, 'COMMENT_IN_GROUP']);
    const regroup = await api.post('dept-head', `${url}/comment-groups`, { title: '再次归组', commentIds: [ids[0], ids[4]] });
    expect([regroup.status, regroup.body.code]).toEqual([422, 'COMMENT_IN_GROUP']);
    // not adopted needs a reason; adopted needs the changed clause (R713 Art. 17)
    const noReason = await api.post('dept-head', `${url}/comment-groups/${group.body.id}/disposition`, { disposition: 'NOT_ADOPTED' });
    expect([noReason.status, noReason.body.code, noReason.body.article]).toEqual([422, 'DISPOSITION_REASON_REQUIRED', 'R713 Art. 17']);
    expect(noReason.body.messageZh).toMatch(/《重大行政决策程序暂行条例》第十七条/);
    const noClause = await api.post('dept-head', `${url}/comments/${ids[4]}/disposition`, { disposition: 'ADOPTED' });
    expect([noClause.status, noClause.body.code]).toEqual([422, 'DISPOSITION_CLAUSE_REQUIRED']);
    const g = await api.post('dept-head', `${url}/comment-groups/${group.body.id}/disposition`, {
      disposition: 'PARTIALLY_ADOPTED',
      reason: '延长至晚上九点，兼顾周边居民休息。',
      clauseChanged: '第三条',
    });
    expect(g.status).toBe(200);

    let docket = (await api.get('auditor', `${url}/comments`)).body;
    expect(docket).toMatchObject({ total: 5, hidden: 1, undisposed: 1 });
    expect(docket.groups).toEqual([expect.objectContaining({ id: group.body.id, count: 3, disposition: 'PARTIALLY_ADOPTED', dispositionLabel: { zh: '部分采纳', en: 'Partly adopted' } })]);
    expect(docket.items.filter((c: any) => c.groupId).map((c: any) => c.disposition)).toEqual(['PARTIALLY_ADOPTED', 'PARTIALLY_ADOPTED', 'PARTIALLY_ADOPTED']);

    const before = (await api.get('auditor', `${url}/participation-summary`)).body;
    expect(before).toMatchObject({ received: 5, hidden: 1, groups: 1, undisposed: 1, complete: false });

    const last = await api.post('dept-head', `${url}/comments/${ids[4]}/disposition`, { disposition: 'ADOPTED', clauseChanged: '第二条' });
    expect(last.body).toMatchObject({ disposition: 'ADOPTED', dispositionLabel: { zh: '采纳' }, undisposed: false });
    docket = (await api.get('auditor', `${url}/comments`)).body;
    expect(docket.undisposed).toBe(0);
    // the summary is computed from the records
    const summary = (await api.get('auditor', `${url}/participation-summary`)).body;
    expect(summary).toMatchObject({ received: 5, late: 0, hidden: 1, groups: 1, undisposed: 0, complete: true });
    expect(summary.bySource).toEqual([{ key: 'PORTAL', count: 5, label: { zh: '网上征求意见', en: 'Online portal' } }]);
    expect(summary.hiddenByReason).toEqual([{ key: 'ADVERTISING', count: 1, label: { zh: '广告', en: 'Advertising' } }]);
    expect(summary.byDisposition.map((d: any) => [d.key, d.count, d.label.zh])).toEqual([
      ['ADOPTED', 1, '采纳'],
      ['PARTIALLY_ADOPTED', 3, '部分采纳'],
    ]);
    // nothing was deleted
    expect(Number((await t.sql(`SELECT COUNT(*) AS n FROM consultation_comments WHERE case_id = '${id}'`))[0].n)).toBe(5);

    // every staff action, attributable: who, under which role, when
    const log = (await api.get('auditor', `${url}/comment-actions`)).body;
    expect(log.items.map((a: any) => a.action)).toEqual(['HIDE', 'GROUP', 'DISPOSE', 'DISPOSE']);
    const deptHead = (await api.get('dept-head', '/auth/me')).body;
    expect(log.items.map((a: any) => [a.actorId, a.actorRole, a.at.slice(0, 16)])).toEqual(log.items.map(() => [deptHead.id, 'department-head', '2020-03-12T02:00']));
    expect(log.items.every((a: any) => a.actorId === deptHead.id && a.actorRole === 'department-head' && a.at.startsWith('2020-03-12T02:00'))).toBe(true);
    expect(log.people[deptHead.id].displayName).toMatch(CJK);
    expect(log.items[0].label.zh).toBe('屏蔽');
  });

  it('the public downloads the published draft by its SHA-256 (and nothing else); a receipt shows the answer once one is recorded', async () => {
    const { id, draft, hash } = await publishedWithDraftFile(api, '掌起镇夜间经营管理办法');
    const other = await uploadFile(api, 'dept-head', draftPdf('内部材料'), '内部材料.pdf');
    await api.setClock('2020-03-12T02:00:00Z');

    const view = await pub().get(`/api/v1/public/consultations/${id}`);
    expect(view.body.draft).toMatchObject({ title: '掌起镇夜间经营管理办法', documentHash: hash, explanation: expect.stringMatching(CJK) });
    expect(view.body.draftFile).toEqual({ sha256: hash, size: draft.length, mediaType: 'application/pdf' });
    const file = await pub().get(`/api/v1/public/consultations/${id}/attachments/${hash}`).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['x-content-sha256']).toBe(hash);
    expect(Buffer.compare(file.body as Buffer, draft)).toBe(0);
    expect(createHash('sha256').update(file.body as Buffer).digest('hex')).toBe(hash);
    expect(decodeURIComponent(String(file.headers['content-disposition']).split("''")[1])).toBe('掌起镇夜间经营管理办法.pdf');
    // a file the consultation did not publish, though stored, answers like a missing one; so does a case with no consultation
    for (const url of [`/api/v1/public/consultations/${id}/attachments/${other}`, `/api/v1/public/consultations/${id}/attachments/not-a-hash`]) {
      const res = await pub().get(url);
      expect([res.status, res.body.code]).toEqual([404, 'ATTACHMENT_NOT_FOUND']);
    }
    const none = await pub().get(`/api/v1/public/consultations/00000000-0000-4000-8000-000000000000/attachments/${hash}`);
    expect([none.status, none.body.code]).toEqual([404, 'CONSULTATION_NOT_FOUND']);

    // three receipts: answered on its own, answered through its group, hidden by moderation
    const receipts: Array<{ trackingNumber: string; queryCode: string }> = [];
    for (const text of ['建议夜间经营延长至十一点。', '夜间经营时间应更长。', '本店出售夜宵，欢迎光临。']) {
      const r = await submitComment(t, id, comment({ text }));
      expect(r.status).toBe(201);
      receipts.push(r.body as { trackingNumber: string; queryCode: string });
    }
    const look = async (i: number) => (await pub().post('/api/v1/public/comments/lookup').send({ trackingNumber: receipts[i].trackingNumber, queryCode: receipts[i].queryCode })).body;
    expect(await look(0)).toMatchObject({ status: 'RECEIVED', statusLabel: { zh: '已收到，正在研究' }, disposition: null, dispositionReason: null });
    const idOf = async (text: string): Promise<string> =>
      (await api.get('dept-head', `/cases/${id}/comments`)).body.items.find((c: { text: string }) => c.text === text).id;
    const ids = [await idOf('建议夜间经营延长至十一点。'), await idOf('夜间经营时间应更长。'), await idOf('本店出售夜宵，欢迎光临。')];
    expect((await api.post('dept-head', `/cases/${id}/comments/${ids[0]}/disposition`, { disposition: 'NOT_ADOPTED', reason: '夜间经营影响周边居民休息。' })).status).toBe(200);
    const group = (await api.post('dept-head', `/cases/${id}/comment-groups`, { title: '关于经营时间', commentIds: [ids[1], ids[0]] })).body;
    expect(group.code).toBe('COMMENT_ALREADY_DISPOSED');
    expect((await api.post('dept-head', `/cases/${id}/comments/${ids[2]}/hide`, { reason: 'ADVERTISING' })).status).toBe(200);
    expect(await look(0)).toMatchObject({
      status: 'ANSWERED',
      statusLabel: { zh: '已答复' },
      disposition: 'NOT_ADOPTED',
      dispositionLabel: { zh: '未采纳', en: 'Not adopted' },
      dispositionReason: '夜间经营影响周边居民休息。',
      clauseChanged: null,
      hiddenReasonLabel: null,
    });
    expect(await look(1)).toMatchObject({ status: 'RECEIVED', disposition: null });
    expect(await look(2)).toMatchObject({ status: 'HIDDEN', statusLabel: { zh: '未予公开' }, hiddenReasonLabel: { zh: '广告' }, disposition: null });
    // a grouped comment shows its group's answer
    const ids2: string[] = [];
    for (const text of ['建议延长至十点。', '建议延长至十点半。']) {
      receipts.push((await submitComment(t, id, comment({ text }))).body);
      ids2.push(await idOf(text));
    }
    const g = (await api.post('dept-head', `/cases/${id}/comment-groups`, { title: '关于经营时间', commentIds: ids2 })).body;
    const answer = { disposition: 'PARTIALLY_ADOPTED', reason: '延长至晚上十点，兼顾周边居民休息。', clauseChanged: '第三条' };
    expect((await api.post('dept-head', `/cases/${id}/comment-groups/${g.id}/disposition`, answer)).status).toBe(200);
    for (const i of [3, 4]) {
      expect(await look(i)).toMatchObject({ status: 'ANSWERED', disposition: 'PARTIALLY_ADOPTED', dispositionLabel: { zh: '部分采纳' }, dispositionReason: answer.reason, clauseChanged: '第三条' });
    }
  });
});
