import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { runMajorDecision } from '../factories/major-decision.factory';

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

  it('reports workingDaysLeft on open deadlines: left before the due date, negative when overdue', async () => {
    // the comment period of this case ends on Thursday 2020-09-03
    const { id } = await runMajorDecision(api, { before: 'close' });
    const clockOf = async () => {
      const rows = (await api.get('dept-head', `/cases/${id}`)).body.deadlines as Array<{ key: string; dueDate: string; workingDaysLeft: number | null }>;
      return rows.find((d) => d.key === 'commentPeriod')!;
    };
    await api.setClock('2020-09-01T02:00:00Z'); // Tuesday
    expect(await clockOf()).toMatchObject({ dueDate: '2020-09-03', workingDaysLeft: 2 });
    await api.setClock('2020-09-03T02:00:00Z');
    expect((await clockOf()).workingDaysLeft).toBe(0);
    await api.setClock('2020-09-07T02:00:00Z'); // Monday: Friday and Monday have passed
    expect((await clockOf()).workingDaysLeft).toBe(-2);
    const listed = (await api.get('dept-head', '/deadlines?status=open')).body.items.find((d: { caseId: string }) => d.caseId === id);
    expect(listed).toMatchObject({ key: 'commentPeriod', overdue: true, workingDaysLeft: -2 });
  });
});
