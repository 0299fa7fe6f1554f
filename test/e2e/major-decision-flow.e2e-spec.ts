import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { majorDecisionSteps, NO_PROCEDURES, runMajorDecision } from '../factories/major-decision.factory';

describe.each(DRIVERS)('a major decision end to end over HTTP on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  it('runs every Decree 713 stage with the demo users to archived, and the history verifies', async () => {
    const { id, last } = await runMajorDecision(api);
    expect(last.case.state.path).toBe('archived');
    expect(last.case.status).toBe('done');
    const steps = majorDecisionSteps();
    expect(last.case.revision).toBe(steps.length + 1);

    const history = await api.get('auditor', `/cases/${id}/history`);
    expect(history.body.records.map((r: { type: string }) => r.type)).toEqual(['CREATE_CASE', ...steps.map((s) => s.type)]);
    const meeting = history.body.records.find((r: { type: string }) => r.type === 'RECORD_MEETING');
    expect(meeting.payload.statements[1].text).toBe('资金压力较大，建议暂缓一年'); // dissent kept verbatim (Art. 30)
    expect(meeting.actor).toMatchObject({ role: 'secretary', orgUnit: 'dzb' });

    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: steps.length + 1, chain: { ok: true }, replay: { ok: true } });
  });

  it('skips the procedures the start decision did not require', async () => {
    const { last } = await runMajorDecision(api, { procedures: NO_PROCEDURES });
    expect(last.case.state.path).toBe('archived');
    expect(last.case.revision).toBe(majorDecisionSteps(NO_PROCEDURES).length + 1);
  });
});
