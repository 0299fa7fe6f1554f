import ExcelJS from 'exceljs';
import request from 'supertest';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { createMajorDecision, PROPOSAL, runMajorDecision } from '../factories/major-decision.factory';

/** The 案件列表 screen's filters (matter type, stage, state, department, year, overdue) and its CSV / XLSX export. */
describe.each(DRIVERS)('case list filters and export on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let inReview: string;
  let fresh: string;
  let nextYear: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    // submitted for legality review: the opinion is due on Friday 2020-10-16
    inReview = (await runMajorDecision(api, { before: 'accept' })).id;
    fresh = await createMajorDecision(api, '掌起镇“老旧小区改造”实施方案, 第二批');
    // 2020-12-31 17:00 UTC is 2021-01-01 01:00 in Beijing: a case of 2021
    await api.setClock('2020-12-31T17:00:00Z');
    const res = await api.post('dept-head', '/cases', { kind: 'major-decision', title: '新年第一件事项', proposal: PROPOSAL });
    expect(res.status).toBe(201);
    nextYear = res.body.id;
    await api.setClock('2020-10-20T02:00:00Z'); // two working days past the review's due date
  });
  afterAll(async () => t?.close());

  const ids = async (q: string, user = 'dept-head') => {
    const res = await api.get(user, `/cases?${q}`);
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ id: string }>).map((c) => c.id).sort();
  };

  it('filters by stage, department, Beijing-time year and overdue, each combinable with the others', async () => {
    expect(await ids('stage=legalityReview')).toEqual([inReview]);
    expect(await ids('stage=initiation')).toEqual([fresh, nextYear].sort());
    expect(await ids('kind=major-decision&stage=legalityReview')).toEqual([inReview]);
    expect(await ids('kind=normative-document&stage=legalityReview')).toEqual([]);
    expect(await ids('orgUnit=jjfzb')).toEqual([inReview, fresh, nextYear].sort());
    expect(await ids('orgUnit=dzb', 'town-head')).toEqual([]);
    expect(await ids('year=2020')).toEqual([inReview, fresh].sort());
    expect(await ids('year=2021')).toEqual([nextYear]);
    expect(await ids('overdue=true')).toEqual([inReview]);
    expect(await ids('overdue=false')).toEqual([fresh, nextYear].sort());
    expect(await ids('overdue=true&year=2021')).toEqual([]);
    const page = await api.get('dept-head', '/cases?limit=2&offset=2');
    expect(page.body.total).toBe(3);
    expect(page.body.items).toHaveLength(1);
  });

  it('gives each listed case its nearest open time limit, with the working-day clock', async () => {
    const items = (await api.get('dept-head', '/cases?stage=legalityReview')).body.items;
    expect(items[0].nearestDeadline).toMatchObject({ dueDate: '2020-10-16', overdue: true, workingDaysLeft: -2 });
  });

  it('refuses a malformed filter with 400 VALIDATION_FAILED naming the field in zh-CN', async () => {
    for (const [q, field] of [
      ['stage=nowhere', 'stage'],
      ['stage=a;drop', 'stage'],
      ['year=1999', 'year'],
      ['year=twenty', 'year'],
      ['overdue=yes', 'overdue'],
      ['orgUnit=%25', 'orgUnit'],
    ]) {
      const res = await api.get('dept-head', `/cases?${q}`);
      expect([q, res.status, res.body.code]).toEqual([q, 400, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.body.details)).toContain(field);
      expect(res.body.messageZh).toMatch(/[\u4e00-\u9fa5]/);
    }
    const bad = await api.get('dept-head', '/cases/export?format=pdf');
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('offers the filters with labels: matter types, stages, states, departments and years', async () => {
    const f = (await api.get('dept-head', '/cases/filters')).body;
    expect(f.kinds).toContainEqual({ id: 'major-decision', label: { zh: '重大行政决策', en: expect.any(String) } });
    expect(f.stages).toContainEqual({ id: 'legalityReview', label: { zh: '合法性审查', en: 'Legality review' } });
    expect(f.states.some((s: { kind: string; stage: string }) => s.kind === 'major-decision' && s.stage === 'legalityReview')).toBe(true);
    expect(f.orgUnits).toContainEqual({ id: 'jjfzb', label: { zh: '经济发展办', en: 'Economic Development Office' } });
    expect(f.years[0]).toBe(2020);
  });

  it('exports every matching case as CSV with a BOM and the zh-CN header, labels and Beijing times, no ids', async () => {
    const res = await request(api.server)
      .get('/api/v1/cases/export?format=csv&year=2020')
      .set('Authorization', `Bearer ${await api.token('dept-head')}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('案件列表.csv'));
    const buf = res.body as Buffer;
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = buf.toString('utf8').slice(1);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe('事项名称,类型,承办单位,当前状态,法定期限,剩余/超期,发起时间');
    expect(lines).toHaveLength(3);
    const review = lines.find((l) => l.includes('2020-10-16'))!;
    expect(review).toContain(',重大行政决策,经济发展办,');
    expect(review).toContain(',2020-10-16,超期 2 个工作日,2020-08-03 09:00');
    // a title holding a comma and quotes is one quoted cell
    expect(text).toContain('"掌起镇“老旧小区改造”实施方案, 第二批"');
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(text).not.toContain('jjfzb');
  });

  it('exports the same list as an XLSX workbook', async () => {
    const res = await request(api.server)
      .get('/api/v1/cases/export?format=xlsx&overdue=true')
      .set('Authorization', `Bearer ${await api.token('dept-head')}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(ws.name).toBe('案件列表');
    expect(ws.getRow(1).values).toEqual([undefined, '事项名称', '类型', '承办单位', '当前状态', '法定期限', '剩余/超期', '发起时间']);
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(6).value).toBe('超期 2 个工作日');
  });
});
