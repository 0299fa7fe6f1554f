/**
 * Issue 9 §9 (and issue 10's urgentReason): back-dated and contradictory legal dates. A date may
 * not precede the facts it follows, a date reporting something done may not lie in the future, and
 * a past date (recording a past act from paper, 补录) is accepted only with a stated reason, within
 * `records.backfill.maxDays`, and is shown as 补录 in the history and the dossier.
 */
import { articleZh, shortArticleRefsIn } from '@app/engine';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { LOAD_2027 } from '../factories/calendar-years.factory';
import { NORMATIVE_DOCUMENT_PROPOSAL, NORMATIVE_DRAFT_HASH, normativeDocumentSteps, type Step } from '../factories/normative-document.factory';

const CJK = /[\u4e00-\u9fff]/;
/** 2020-03-02 + 313 weeks = 2026-03-02: same weekdays, and 清明 falls alike (Sat 4 – Mon 6 April) */
const SHIFT_DAYS = 313 * 7;
const shiftDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + SHIFT_DAYS * 86_400_000).toISOString().slice(0, 10);
const shift = <T>(v: T): T => JSON.parse(JSON.stringify(v).replace(/\d{4}-\d{2}-\d{2}/g, (d) => shiftDay(d)));

describe.each(DRIVERS)('legal dates and 补录 on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  async function draftOn(clock: string, title: string, marketRelated = false) {
    await api.setClock(clock);
    const res = await api.post('dept-head', '/cases', { kind: 'normative-document', title, proposal: NORMATIVE_DOCUMENT_PROPOSAL });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    await api.ok('dept-head', id, 'SUBMIT_DRAFT', { title, documentHash: NORMATIVE_DRAFT_HASH, marketRelated, explanation: '起草说明' });
    return id;
  }

  async function refused(user: string, id: string, type: string, body: Record<string, unknown>, code: string) {
    const before = (await api.get('auditor', `/cases/${id}`)).body;
    const res = await api.post(user, `/cases/${id}/events`, { type, ...body });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code });
    expect(res.body.messageZh).toMatch(CJK);
    expect(res.body.article).toBeTruthy();
    // the zh-CN message cites the article as a clerk reads it, never by its short reference
    expect(res.body.articleZh).toBe(articleZh(res.body.article));
    expect(shortArticleRefsIn(res.body.messageZh)).toEqual([]);
    const after = (await api.get('auditor', `/cases/${id}`)).body;
    expect(after.revision).toBe(before.revision);
    return res.body;
  }

  const PERIOD = { opensAt: '2026-11-02', closesAt: '2026-12-02', channels: ['掌起镇人民政府网站'] };

  it('on 2026-12-03 a comment period that opened and closed in the past is refused without 补录, accepted with a reason and shown as 补录', async () => {
    const id = await draftOn('2026-10-20T02:00:00Z', '掌起镇农村生活垃圾分类管理办法');
    await api.setClock('2026-12-03T02:00:00Z');
    const r = await refused('dept-head', id, 'PUBLISH_FOR_COMMENT', { payload: PERIOD }, 'BACKFILL_REASON_REQUIRED');
    expect(r.messageZh).toContain('补录');
    // an empty reason is no reason
    const empty = await api.post('dept-head', `/cases/${id}/events`, { type: 'PUBLISH_FOR_COMMENT', payload: PERIOD, backfill: { reason: '' } });
    expect(empty.status).toBe(400);

    const reason = '征求意见已于11月在镇政府网站纸质公告，系统上线后补录';
    const ok = await api.post('dept-head', `/cases/${id}/events`, { type: 'PUBLISH_FOR_COMMENT', payload: PERIOD, backfill: { reason } });
    expect(ok.status).toBe(200);
    expect(ok.body.event.facts.backfill).toEqual({
      reason,
      recordedOn: '2026-12-03',
      dates: [
        { field: 'opensAt', label: '征求意见开始日', date: '2026-11-02', daysBefore: 31 },
        { field: 'closesAt', label: '征求意见截止日', date: '2026-12-02', daysBefore: 1 },
      ],
    });
    // the period recorded has passed: closing it right after is lawful
    await api.ok('dept-head', id, 'CLOSE_COMMENT_PERIOD', {});

    const history = (await api.get('auditor', `/cases/${id}/history`)).body;
    expect(history.backfills).toEqual([expect.objectContaining({ seq: ok.body.event.seq, type: 'PUBLISH_FOR_COMMENT', reason, recordedOn: '2026-12-03' })]);
    const html = await api.get('auditor', `/cases/${id}/dossier.html`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('补录记录');
    expect(html.text).toContain(reason);
    expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
  });

  it('refuses a comment period opening before the draft was submitted, even as 补录', async () => {
    const id = await draftOn('2026-12-03T02:00:00Z', '掌起镇村级集体经济项目管理办法');
    const r = await refused('dept-head', id, 'PUBLISH_FOR_COMMENT', { payload: PERIOD, backfill: { reason: '补录' } }, 'LEGAL_DATE_BEFORE_PRIOR_FACT');
    expect(r.messageZh).toContain('文件草案提交日');
  });

  it('refuses a 补录 beyond the window, and a 补录 where no date is past', async () => {
    const old = await draftOn('2025-10-20T02:00:00Z', '掌起镇河道管理办法');
    await api.setClock('2026-12-03T02:00:00Z');
    const body = { payload: { opensAt: '2025-11-03', closesAt: '2025-12-03', channels: ['掌起镇人民政府网站'] }, backfill: { reason: '纸质档案补录' } };
    const r = await refused('dept-head', old, 'PUBLISH_FOR_COMMENT', body, 'BACKFILL_WINDOW_EXCEEDED');
    expect(r.details).toMatchObject({ maxDays: 365 });

    const now = await draftOn('2026-12-03T02:00:00Z', '掌起镇道路交通安全管理办法');
    const today = { opensAt: '2026-12-03', closesAt: '2026-12-14', channels: ['掌起镇人民政府网站'] };
    await refused('dept-head', now, 'PUBLISH_FOR_COMMENT', { payload: today, backfill: { reason: '无' } }, 'BACKFILL_NOT_APPLICABLE');
    expect((await api.post('dept-head', `/cases/${now}/events`, { type: 'PUBLISH_FOR_COMMENT', payload: today })).status).toBe(200);
  });

  /** The market-related document of the factory, moved to 2026 (same weekdays), up to (not including) `before`. */
  async function shiftedDocument(before: string, title: string) {
    await api.setClock(shiftDay('2020-03-02') + 'T01:00:00Z');
    const res = await api.post('dept-head', '/cases', { kind: 'normative-document', title, proposal: NORMATIVE_DOCUMENT_PROPOSAL });
    const id = res.body.id as string;
    const steps = shift(normativeDocumentSteps()) as Step[];
    for (const s of steps) {
      if (s.name === before) return { id, step: s };
      if (s.clock) await api.setClock(s.clock);
      await api.ok(s.user, id, s.type, s.payload);
    }
    throw new Error(`no step ${before}`);
  }

  it('refuses a publication before the registration (registered 2026-12-03, published 2026-11-10)', async () => {
    const { id, step } = await shiftedDocument('register', '掌起镇临时摊点管理办法（2026）');
    await api.setClock('2026-12-03T02:00:00Z');
    await api.ok(step.user, id, step.type, step.payload);
    const publish = {
      publishedAt: '2026-11-10',
      channels: ['掌起镇人民政府网站'],
      effectiveFrom: '2026-12-10',
      validUntil: '2031-12-09',
    };
    const r = await refused('secretary', id, 'PUBLISH_DOCUMENT', { payload: publish, backfill: { reason: '补录' } }, 'LEGAL_DATE_BEFORE_PRIOR_FACT');
    expect(r.messageZh).toContain('统一登记编号日');
    // a publication in the future is not something done (its filing periods run into 2027: load the year)
    expect((await api.post('admin', '/admin/calendar-years', LOAD_2027)).status).toBeLessThan(300);
    await refused('secretary', id, 'PUBLISH_DOCUMENT', { payload: { ...publish, publishedAt: '2026-12-04' } }, 'LEGAL_DATE_IN_FUTURE');
    await api.ok('secretary', id, 'PUBLISH_DOCUMENT', { ...publish, publishedAt: '2026-12-03' });
  });

  it('issue 10: an urgent submission may not request a completion date in the past', async () => {
    const { id, step } = await shiftedDocument('submitReview', '掌起镇临时摊点管理办法（急件）');
    await api.setClock(step.clock!);
    const urgent = { ...step.payload, requestedCompletionDate: shiftDay('2020-04-06'), urgentReason: '防汛工作急需' };
    const r = await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { payload: urgent }, 'BACKFILL_REASON_REQUIRED');
    expect(r.details.dates).toEqual([expect.objectContaining({ field: 'requestedCompletionDate', date: shiftDay('2020-04-06') })]);
    // an urgent date in the future (sooner than the usual minimum) is still accepted
    await api.ok('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...urgent, requestedCompletionDate: shiftDay('2020-04-08') });
  });
});
