/**
 * Issue 9 item 18: a fact is computed only when a rule that applies needs it. The bundled holiday
 * data ends with 2026; in December 2026 a document that is not market-related is published for
 * comment (its 7-working-day minimum stays in 2026) although the 30-day market-related minimum
 * would need 2027. A market-related one is refused CALENDAR_YEAR_MISSING, naming the fact.
 */
import { NORMATIVE_DOCUMENT_PROPOSAL, NORMATIVE_DRAFT_HASH } from '../factories/normative-document.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

describe.each(DRIVERS)('facts needing a year without holiday data on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    await api.setClock('2026-12-03T02:00:00.000Z');
  });
  afterAll(async () => t?.close());

  async function draft(title: string, marketRelated: boolean): Promise<string> {
    const res = await api.post('dept-head', '/cases', { kind: 'normative-document', title, proposal: NORMATIVE_DOCUMENT_PROPOSAL });
    expect(res.status).toBe(201);
    await api.ok('dept-head', res.body.id, 'SUBMIT_DRAFT', { title, documentHash: NORMATIVE_DRAFT_HASH, marketRelated, explanation: '起草说明：结合镇区实际' });
    return res.body.id;
  }

  it('a document that is not market-related is published for comment in December; the history keeps the facts it used and replays', async () => {
    const id = await draft('掌起镇农村公共厕所管护办法', false);
    const res = await api.event('dept-head', id, 'PUBLISH_FOR_COMMENT', { opensAt: '2026-12-03', closesAt: '2026-12-14', channels: ['掌起镇人民政府网站'] });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 200, code: undefined });
    const history = (await api.get('auditor', `/cases/${id}/history`)).body;
    const published = history.records.find((e: { type: string }) => e.type === 'PUBLISH_FOR_COMMENT');
    // 7 working days after Thu 2026-12-03 is Mon 12-14; the market-related minimum was not computable and not needed
    // (normative-document v2 also computes the shortest market-related period with a stated reason,
    // normdoc.marketRelated.shortenedMinDays = 0 days: it needs no holiday data, issue 9 §14a)
    expect(published.facts).toEqual({ minClosesAt: '2026-12-14', minShortenedMarketClosesAt: '2026-12-03' });
    // the 7-working-day minimum still applies
    const short = await api.event('dept-head', await draft('掌起镇村级公益设施管护办法', false), 'PUBLISH_FOR_COMMENT', {
      opensAt: '2026-12-03',
      closesAt: '2026-12-11',
      channels: ['掌起镇人民政府网站'],
    });
    expect([short.status, short.body.code]).toEqual([422, 'CONSULTATION_PERIOD_TOO_SHORT']);
    expect((await api.get('auditor', `/cases/${id}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
  });

  it('a market-related document needs the 30-day minimum: refused CALENDAR_YEAR_MISSING for that fact, the case unchanged', async () => {
    const id = await draft('掌起镇临时摊点管理办法', true);
    const before = (await api.get('auditor', `/cases/${id}`)).body;
    const res = await api.event('dept-head', id, 'PUBLISH_FOR_COMMENT', { opensAt: '2026-12-03', closesAt: '2027-01-05', channels: ['掌起镇人民政府网站'] });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'CALENDAR_YEAR_MISSING', details: { year: 2027, fact: 'minMarketClosesAt', rule: 'marketConsultationLongEnough' } });
    expect(res.body.messageZh).toContain('缺少2027年节假日安排数据');
    // the article is cited as a clerk reads it; the short reference stays in `article`
    expect(res.body).toMatchObject({ article: 'SPEC §8', articleZh: '国务院办公厅逐年公布的部分节假日安排通知' });
    expect(res.body.messageZh).toMatch(/（依据：国务院办公厅逐年公布的部分节假日安排通知）$/);
    const after = (await api.get('auditor', `/cases/${id}`)).body;
    expect([after.revision, after.headHash]).toEqual([before.revision, before.headHash]);
  });
});
