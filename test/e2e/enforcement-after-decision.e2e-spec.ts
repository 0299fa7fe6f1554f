/**
 * Enforcement after the legal review (issue 16), over HTTP on SQLite and PostgreSQL: a major
 * penalty on enforcement-decision v3 runs from the legal review through the decision, its service
 * (送达, APL Art. 61), publication (公示, APL Art. 48), execution by application to the court after
 * the statutory period (ACL Art. 53) and archiving (APL Art. 47); every rule of these steps refuses
 * once (code, article, zh-CN message citing it, nothing written), the deadlines open and close, the
 * payload schemas describe the new events, and the history verifies.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { createEnforcementCase, enforcementSteps, runStep, sha } from '../factories/enforcement-decision.factory';

const CJK = /[\u4e00-\u9fff]/;

describe.each(DRIVERS)('enforcement after the decision over HTTP on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  async function refused(user: string, id: string, type: string, payload: unknown, code: string, article: string, cites: string) {
    const before = (await api.get('auditor', `/cases/${id}`)).body;
    const res = await api.event(user, id, type, payload);
    expect({ type, status: res.status, code: res.body.code, article: res.body.article }).toEqual({ type, status: 422, code, article });
    expect(res.body.messageZh).toMatch(CJK);
    expect(res.body.messageZh).toContain(cites);
    expect(res.body.messageZh).not.toMatch(/APL|CPL|ACL|ALA|Art\./);
    const after = (await api.get('auditor', `/cases/${id}`)).body;
    expect([after.revision, after.headHash]).toEqual([before.revision, before.headHash]);
  }
  const deadline = async (id: string, key: string) =>
    ((await api.get('auditor', `/deadlines?status=all&caseId=${id}`)).body.items as Array<{ key: string; status: string; dueDate: string }>).find((d) => d.key === key);

  it('GET /workflows/enforcement-decision/3 describes the new events’ payloads, with the methods of service as labelled choices', async () => {
    const res = await api.get('auditor', '/workflows/enforcement-decision/3');
    expect(res.status).toBe(200);
    const byType = Object.fromEntries(res.body.events.map((e: { type: string }) => [e.type, e]));
    const serve = byType.SERVE_DECISION.payloadSchema;
    expect(serve.required).toEqual(expect.arrayContaining(['servedOn', 'method', 'recipient', 'publicationRequired']));
    expect(serve.properties.method.enum).toEqual(['DIRECT', 'LEFT_AT_RESIDENCE', 'MAIL', 'ENTRUSTED', 'PUBLIC_NOTICE', 'ELECTRONIC']);
    expect(Object.values(serve.properties.method['x-enum-labels']).map((l: any) => l.zh)).toEqual(['直接送达', '留置送达', '邮寄送达', '委托送达', '公告送达', '电子送达']);
    expect(serve.properties.servedOn).toMatchObject({ type: 'string', format: 'date', title: '送达日期' });
    expect(byType.RECORD_EXECUTION.payloadSchema.properties.mode['x-enum-labels'].COURT_APPLICATION).toEqual({ zh: '申请人民法院强制执行', en: 'Application to the court for enforcement' });
    expect(byType.ARCHIVE_CASE.payloadSchema.properties.archiveNumber).toMatchObject({ title: '档案号' });
    expect(byType.PUBLISH_DECISION_NOTICE.payloadSchema.required).toEqual(expect.arrayContaining(['publishedOn', 'channel']));
    expect(res.body.stages.map((s: { label: { zh: string } }) => s.label.zh)).toEqual(['调查取证和拟定决定', '法制审核', '作出决定', '送达', '公示', '执行', '归档', '终结']);
  });

  it('legal review → decision → service → publication → court application after the period → archive, one refusal per rule', async () => {
    const id = await createEnforcementCase(api, '某建材公司违法占用耕地案（执行）');
    expect((await api.get('auditor', `/cases/${id}`)).body).toMatchObject({ kind: 'enforcement-decision', workflowVersion: 3 });
    for (const s of enforcementSteps()) await runStep(api, id, s);
    let c = (await api.get('auditor', `/cases/${id}`)).body;
    expect([c.state.path, c.status]).toEqual(['decided', 'active']);
    expect(await deadline(id, 'decisionService')).toMatchObject({ status: 'open' });

    // 送达 (decision of 2020-08-10)
    await api.setClock('2020-08-12T02:00:00Z');
    const serve = { servedOn: '2020-08-12', method: 'DIRECT', recipient: '慈溪市某建材有限公司', receiptHash: sha('送达回证'), publicationRequired: true };
    await refused('dept-head', id, 'SERVE_DECISION', { ...serve, servedOn: '2020-08-07' }, 'SERVICE_DATE_INVALID', 'APL Art. 61', '第六十一条');
    await refused('dept-head', id, 'SERVE_DECISION', { ...serve, method: 'ELECTRONIC' }, 'ELECTRONIC_SERVICE_CONSENT_REQUIRED', 'APL Art. 61 ¶2', '第六十一条第二款');
    await refused('dept-head', id, 'SERVE_DECISION', { ...serve, method: 'PUBLIC_NOTICE' }, 'PUBLIC_NOTICE_GROUNDS_REQUIRED', 'CPL Art. 95', '《中华人民共和国民事诉讼法》第九十五条');
    const badMethod = await api.event('dept-head', id, 'SERVE_DECISION', { ...serve, method: 'CARRIER_PIGEON' });
    expect([badMethod.status, badMethod.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    c = (await api.ok('dept-head', id, 'SERVE_DECISION', serve)).case;
    expect(c.state.path).toBe('publication');
    expect(await deadline(id, 'decisionService')).toMatchObject({ status: 'met' });
    expect(await deadline(id, 'decisionPublicNotice')).toMatchObject({ status: 'open', dueDate: '2020-08-21' });

    // 公示
    await api.setClock('2020-08-14T02:00:00Z');
    const publish = { publishedOn: '2020-08-14', channel: '镇政府网站行政执法公示专栏' };
    await refused('secretary', id, 'PUBLISH_DECISION_NOTICE', { ...publish, publishedOn: '2020-08-07' }, 'PUBLICATION_DATE_INVALID', 'APL Art. 48 ¶1', '第四十八条第一款');
    c = (await api.ok('secretary', id, 'PUBLISH_DECISION_NOTICE', publish)).case;
    expect(c.state.path).toBe('execution');
    expect(await deadline(id, 'decisionPublicNotice')).toMatchObject({ status: 'met' });

    // 执行: the party neither sued nor paid; the court application comes after the six months from service
    await api.setClock('2020-09-01T02:00:00Z');
    const apply = { mode: 'COURT_APPLICATION', executedOn: '2020-09-01', court: '慈溪市人民法院' };
    await refused('dept-head', id, 'RECORD_EXECUTION', { ...apply, executedOn: '2020-08-11' }, 'EXECUTION_DATE_INVALID', 'APL Art. 66', '第六十六条');
    await refused('dept-head', id, 'RECORD_EXECUTION', apply, 'COURT_APPLICATION_PREMATURE', 'APL Art. 72 ¶1 (4); ACL Art. 53; ALA Art. 46', '《中华人民共和国行政强制法》第五十三条');
    await api.setClock('2021-02-22T02:00:00Z');
    c = (await api.ok('dept-head', id, 'RECORD_EXECUTION', { ...apply, executedOn: '2021-02-22', note: '当事人逾期未缴纳罚款，已申请人民法院强制执行' })).case;
    expect([c.state.path, c.records.execution.mode, c.records.execution.court]).toEqual(['executed', 'COURT_APPLICATION', '慈溪市人民法院']);

    // 归档
    await api.setClock('2021-02-26T02:00:00Z');
    const archive = { archiveNumber: '掌综执档〔2021〕2号', archivedOn: '2021-02-26' };
    await refused('secretary', id, 'ARCHIVE_CASE', { ...archive, archivedOn: '2021-02-20' }, 'ARCHIVE_DATE_INVALID', 'APL Art. 47', '第四十七条');
    const last = await api.ok('secretary', id, 'ARCHIVE_CASE', archive);
    expect([last.case.state.path, last.case.status]).toEqual(['archived', 'done']);
    expect(last.case.records).toMatchObject({
      service: { servedOn: '2020-08-12', method: 'DIRECT', publicationRequired: true },
      publication: { publishedOn: '2020-08-14' },
      archive: { archiveNumber: '掌综执档〔2021〕2号' },
    });
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, chain: { ok: true }, replay: { ok: true } });

    // the dossier files the new records by stage, in pipeline order
    const dossier = (await api.get('auditor', `/cases/${id}/dossier`)).body;
    expect(dossier).toMatchObject({ case: { id, statePath: 'archived' } });
    // not yet anchored in a checkpoint: WARN, never FAIL
    expect(dossier.verdict.status).not.toBe('FAIL');
    const stages = dossier.stages.map((x: { stage: string; records: Array<{ key: string }> }) => [x.stage, x.records.map((r) => r.key)]);
    expect(stages.slice(3, 7)).toEqual([
      ['service', ['service']],
      ['publication', ['publication']],
      ['execution', ['execution']],
      ['archive', ['archive']],
    ]);
    const html = await api.get('auditor', `/cases/${id}/dossier.html`);
    expect(html.status).toBe(200);
    for (const text of ['决定书送达（送达回证）', '执法决定公示', '执行情况', '案卷归档']) expect(html.text).toContain(text);
  });

  it('a decision not to be published goes from service straight to execution', async () => {
    const id = await createEnforcementCase(api, '某五金厂违法占地案（执行）');
    for (const s of enforcementSteps()) await runStep(api, id, s);
    await api.setClock('2020-08-11T02:00:00Z');
    const served = await api.ok('dept-head', id, 'SERVE_DECISION', {
      servedOn: '2020-08-11',
      method: 'ELECTRONIC',
      electronicConsent: true,
      recipient: '慈溪市某五金厂',
      publicationRequired: false,
    });
    expect(served.case.state.path).toBe('execution');
    expect(await deadline(id, 'decisionPublicNotice')).toBeUndefined();
    await api.setClock('2020-08-20T02:00:00Z');
    const done = await api.ok('dept-head', id, 'RECORD_EXECUTION', { mode: 'VOLUNTARY', executedOn: '2020-08-20' });
    expect(done.case.state.path).toBe('executed');
  });
});
