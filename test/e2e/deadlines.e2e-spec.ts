import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { majorDecisionSteps, NO_PROCEDURES, runMajorDecision, runStep } from '../factories/major-decision.factory';

type Deadline = { key: string; status: string; dueDate: string | null; overdue: boolean; caseId: string; article: string; label: { zh: string } };

describe.each(DRIVERS)('statutory deadlines as data on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const deadlinesOf = async (id: string, view = 'all'): Promise<Deadline[]> =>
    (await api.get('auditor', `/deadlines?status=${view}&caseId=${id}`)).body.items;

  it('opens the comment-period and review deadlines with the state change, and closes them when the state is left', async () => {
    const { id, rest } = await runMajorDecision(api, { before: 'close' });
    // the comment period is open: its end is the closesAt of the notice
    let rows = await deadlinesOf(id);
    expect(rows).toEqual([expect.objectContaining({ key: 'commentPeriod', status: 'open', dueDate: '2020-09-03', article: 'R713 Art. 15', articleZh: '《重大行政决策程序暂行条例》第十五条' })]);

    const steps = majorDecisionSteps();
    for (const s of rest.slice(0, rest.findIndex((x) => x.name === 'submitReview') + 1)) await runStep(api, id, s);
    rows = await deadlinesOf(id);
    expect(rows.find((d) => d.key === 'commentPeriod')).toMatchObject({ status: 'met' });
    const review = rows.find((d) => d.key === 'legalityReviewOpinion')!;
    expect(review).toMatchObject({ status: 'open', dueDate: '2020-10-16', label: { zh: '出具合法性审查意见' } });

    // the case shows its open deadlines
    const detail = await api.get('legal-reviewer', `/cases/${id}`);
    expect(detail.body.deadlines.map((d: Deadline) => d.key)).toEqual(['legalityReviewOpinion']);

    // due-soon three working days before, overdue the day after
    await api.setClock('2020-10-12T02:00:00Z');
    const soon = await api.get('legal-reviewer', '/deadlines?status=due-soon');
    expect(soon.body.items.map((d: Deadline) => d.caseId)).not.toContain(id);
    await api.setClock('2020-10-13T02:00:00Z');
    const soon2 = await api.get('legal-reviewer', '/deadlines?status=due-soon');
    expect(soon2.body.items.map((d: Deadline) => d.caseId)).toContain(id);
    await api.setClock('2020-10-19T02:00:00Z');
    const overdue = await api.get('town-head', '/deadlines?status=overdue');
    expect(overdue.body.items.find((d: Deadline) => d.caseId === id)).toMatchObject({ overdue: true });

    // issued on 10-19, after the requested 10-16: missed, with the time and the event that closed it
    await runStep(api, id, steps.find((s) => s.name === 'accept')!);
    await runStep(api, id, { ...steps.find((s) => s.name === 'opinion')!, clock: '2020-10-19T03:00:00Z' });
    rows = await deadlinesOf(id);
    expect(rows.find((d) => d.key === 'legalityReviewOpinion')).toMatchObject({ status: 'missed' });
    expect((await api.get('auditor', `/deadlines?status=missed&caseId=${id}`)).body.total).toBe(1);
  });

  it('restarts the review clock when materials are returned, and meets it when the opinion is on time', async () => {
    const { id } = await runMajorDecision(api, { before: 'accept', procedures: NO_PROCEDURES });
    const steps = majorDecisionSteps(NO_PROCEDURES);
    await api.ok('legal-reviewer', id, 'RETURN_INCOMPLETE', { missing: ['起草说明'] });
    let rows = await deadlinesOf(id);
    expect(rows.map((d) => [d.key, d.status])).toEqual([['legalityReviewOpinion', 'restarted']]);

    await api.setClock('2020-09-30T02:00:00Z');
    const submit = steps.find((s) => s.name === 'submitReview')!;
    await api.ok('dept-head', id, submit.type, { ...submit.payload, requestedCompletionDate: '2020-10-20' });
    rows = await deadlinesOf(id);
    expect(rows.map((d) => [d.key, d.status, d.dueDate])).toEqual([
      ['legalityReviewOpinion', 'restarted', '2020-10-16'],
      ['legalityReviewOpinion', 'open', '2020-10-20'],
    ]);
    await runStep(api, id, steps.find((s) => s.name === 'accept')!);
    await runStep(api, id, { ...steps.find((s) => s.name === 'opinion')!, clock: '2020-10-20T09:00:00Z' });
    rows = await deadlinesOf(id);
    expect(rows.map((d) => d.status)).toEqual(['restarted', 'met']);
  });

  it('keeps a deadline that needs a year without holiday data as calendar-missing, never a guess', async () => {
    const { id, rest } = await runMajorDecision(api, { before: 'publishDecision', procedures: NO_PROCEDURES });
    expect(rest[0].name).toBe('publishDecision');
    // the publication deadline opened when the party committee agreed (2020): 20 working days
    const rows = await deadlinesOf(id);
    const pub = rows.find((d) => d.key === 'decisionPublication')!;
    expect(pub.status).toBe('open');
    expect(pub.dueDate).toMatch(/^2020-11-/);

    // a case entering publication in December 2026 needs 2027's arrangement, which is not loaded
    const late = await runMajorDecision(api, { before: 'party', procedures: NO_PROCEDURES });
    await api.setClock('2026-12-10T02:00:00Z');
    await api.ok('secretary', late.id, 'RECORD_PARTY_COMMITTEE_REPORT', { reportedAt: '2026-12-10', outcome: 'AGREED' });
    const missing = await deadlinesOf(late.id, 'calendar-missing');
    expect(missing).toEqual([expect.objectContaining({ key: 'decisionPublication', status: 'calendar-missing', dueDate: null })]);
  });
});
