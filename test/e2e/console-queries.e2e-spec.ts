import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { PROPOSAL, runMajorDecision } from '../factories/major-decision.factory';

/** What the console's home page asks: 我发起的 / 已办 filters and each deadline's clock in working days. */
describe.each(DRIVERS)('case list filters and working-day clocks for the console on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  it('mine=created lists the cases the caller created, mine=acted the cases it recorded an event on', async () => {
    const { id } = await runMajorDecision(api, { before: 'close' });
    const ids = async (user: string, q: string) => ((await api.get(user, `/cases?${q}`)).body.items as Array<{ id: string }>).map((c) => c.id);

    expect(await ids('dept-head', 'mine=created')).toEqual([id]);
    // the town head sees every case, decided to start this one, but created none
    expect(await ids('town-head', 'mine=created')).toEqual([]);
    expect(await ids('town-head', 'mine=acted')).toEqual([id]);
    expect(await ids('town-head', '')).toEqual([id]);
    // the secretary sees every case but has not acted on this one
    expect(await ids('secretary', 'mine=acted')).toEqual([]);
    expect((await api.get('secretary', '/cases?mine=acted')).body.total).toBe(0);

    const bad = await api.get('dept-head', '/cases?mine=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('names the people, units and roles of the history, so a reader never sees an id', async () => {
    const { id } = await runMajorDecision(api, { before: 'close' });
    const h = (await api.get('dept-head', `/cases/${id}/history`)).body;
    const names = h.records.map((r: { actor: { userId: string } }) => h.people[r.actor.userId]?.displayName);
    expect(names.slice(0, 3)).toEqual(['经济发展办负责人', '镇长', '经济发展办负责人']);
    expect(h.orgUnitLabels.jjfzb).toEqual({ zh: '经济发展办', en: 'Economic Development Office' });
    expect(h.roleLabels['town-head'].zh).toBeTruthy();
    expect(Object.values(h.people).every((p) => !('passwordHash' in (p as object)))).toBe(true);
  });

  it('reports workingDaysLeft on open due deadlines: left before the due date, negative when overdue', async () => {
    // submitted for review: the opinion is due on Friday 2020-10-16
    const { id } = await runMajorDecision(api, { before: 'accept' });
    const clockOf = async () => {
      const rows = (await api.get('dept-head', `/cases/${id}`)).body.deadlines as Array<{ key: string; dueDate: string; workingDaysLeft: number | null }>;
      return rows.find((d) => d.key === 'legalityReviewOpinion')!;
    };
    await api.setClock('2020-10-13T02:00:00Z'); // Tuesday: Wednesday, Thursday and Friday are left
    expect(await clockOf()).toMatchObject({ dueDate: '2020-10-16', workingDaysLeft: 3 });
    await api.setClock('2020-10-16T02:00:00Z');
    expect((await clockOf()).workingDaysLeft).toBe(0);
    await api.setClock('2020-10-20T02:00:00Z'); // Tuesday after: Monday and Tuesday have passed
    expect((await clockOf()).workingDaysLeft).toBe(-2);
    const listed = (await api.get('dept-head', '/deadlines?status=open')).body.items.find((d: { caseId: string }) => d.caseId === id);
    expect(listed).toMatchObject({ key: 'legalityReviewOpinion', overdue: true, workingDaysLeft: -2 });
  });

  it('gives a minimum period no clock: its end is not a time limit', async () => {
    const { id } = await runMajorDecision(api, { before: 'close' });
    await api.setClock('2020-09-07T02:00:00Z'); // after the comment period's end (2020-09-03), still open
    const rows = (await api.get('dept-head', `/cases/${id}`)).body.deadlines as Array<{ key: string; type: string; workingDaysLeft: number | null }>;
    expect(rows.find((d) => d.key === 'commentPeriod')).toMatchObject({ type: 'minimum', workingDaysLeft: null });
  });

  it('GET /tasks pages with limit/offset, counts every task past the first 500 active cases, and carries each case’s clock', async () => {
    // a review waiting for the reviewer: its opinion is due on Friday 2020-10-16
    const { id } = await runMajorDecision(api, { before: 'accept' });
    const reviewer = (await api.get('legal-reviewer', '/tasks')).body;
    const mine = reviewer.items.find((i: { case: { id: string } }) => i.case.id === id);
    expect(mine.nearestDeadline).toMatchObject({ caseId: id, dueDate: '2020-10-16' });

    // more active cases than one scan page: each new proposal waits for the town head
    const created: string[] = [];
    for (let i = 0; i < 505; i++) {
      const res = await api.post('dept-head', '/cases', { kind: 'major-decision', title: `议题第${i + 1}号`, proposal: PROPOSAL });
      expect(res.status).toBe(201);
      created.push(res.body.id);
    }
    const all = (await api.get('town-head', '/tasks')).body;
    const allIds = all.items.map((i: { case: { id: string } }) => i.case.id);
    expect(all.total).toBe(allIds.length);
    expect(created.every((c) => allIds.includes(c))).toBe(true);
    // pages: the same total, disjoint rows, in the unpaged list's order
    const p1 = (await api.get('town-head', '/tasks?limit=20')).body;
    const p2 = (await api.get('town-head', '/tasks?limit=20&offset=20')).body;
    expect(p1.total).toBe(all.total);
    expect(p2.total).toBe(all.total);
    expect([...p1.items, ...p2.items].map((i: { case: { id: string } }) => i.case.id)).toEqual(allIds.slice(0, 40));
    expect(p1.items[0]).toHaveProperty('nearestDeadline');
    const last = (await api.get('town-head', `/tasks?limit=20&offset=${all.total - 1}`)).body;
    expect(last.items).toHaveLength(1);

    for (const q of ['limit=0', 'limit=501', 'offset=-1', 'limit=abc']) {
      const bad = await api.get('town-head', `/tasks?${q}`);
      expect(bad.status).toBe(400);
      expect(bad.body.code).toBe('VALIDATION_FAILED');
    }
  }, 120_000);
});
