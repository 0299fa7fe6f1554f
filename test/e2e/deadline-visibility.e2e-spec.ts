import { majorDecisionSteps, NO_PROCEDURES, PROPOSAL, runMajorDecision, runStep } from '../factories/major-decision.factory';
import { createUser, DEMO_USER_ROLES } from '../factories/users.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 9 §6: /deadlines showed every non-department role all deadlines, so a legal reviewer saw
 * the ids and labels of cases never sent to review. One visibility rule (the engine's
 * case-visibility) now decides /cases, /deadlines, the review desk and the reminder recipients.
 */

type Deadline = { caseId: string; key: string; label: { zh: string; en: string } };

describe.each(DRIVERS)('deadlines show exactly the cases /cases shows, on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  /** jjfzb's case in its comment period: a deadline, never sent to review */
  let notSent: string;
  /** jjfzb's case sent to legality review */
  let sent: string;
  /** dzb's case in its comment period */
  let otherUnit: string;

  const deadlines = async (user: string, query = ''): Promise<{ total: number; items: Deadline[] }> => {
    const res = await api.get(user, `/deadlines?status=all&limit=1000${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const caseIds = async (user: string): Promise<Set<string>> => {
    const res = await api.get(user, '/cases?limit=500');
    expect(res.status).toBe(200);
    return new Set(res.body.items.map((c: { id: string }) => c.id));
  };

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    await createUser(api, { username: 'dept-head-dzb', orgUnit: 'dzb', roles: ['department-head'], displayName: '党政办负责人' });

    notSent = (await runMajorDecision(api, { before: 'close' })).id;

    const review = await runMajorDecision(api, { before: 'accept', procedures: NO_PROCEDURES });
    sent = review.id;

    // the same steps for a case of 党政办 (its own head drafts and publishes)
    await api.setClock('2020-08-03T01:00:00Z');
    const created = await api.post('dept-head-dzb', '/cases', { kind: 'major-decision', title: '党政办提出的事项', proposal: PROPOSAL });
    expect(created.status).toBe(201);
    otherUnit = created.body.id;
    for (const s of majorDecisionSteps()) {
      if (s.name === 'close') break;
      if (s.name === 'start') await runStep(api, otherUnit, { ...s, payload: { ...(s.payload as object), undertakingUnit: 'dzb' } });
      else await runStep(api, otherUnit, { ...s, user: s.user === 'dept-head' ? 'dept-head-dzb' : s.user });
    }
  });
  afterAll(async () => t?.close());

  it('each case of the scenario has a deadline (the premise)', async () => {
    const all = await deadlines('auditor');
    for (const id of [notSent, sent, otherUnit]) expect(all.items.map((d) => d.caseId)).toContain(id);
  });

  it('the legal reviewer sees neither the id nor the label of a deadline of a case never sent to review', async () => {
    expect((await api.get('legal-reviewer', `/cases/${notSent}`)).status).toBe(403);
    const mine = await deadlines('legal-reviewer');
    expect(mine.items.map((d) => d.caseId)).not.toContain(notSent);
    expect(mine.items.map((d) => d.caseId)).not.toContain(otherUnit);
    expect(mine.items.map((d) => d.label.zh)).not.toContain('公开征求意见期限届满');
    expect(JSON.stringify(mine)).not.toContain(notSent);
    // asking for the case by id answers nothing either (no 403 that would confirm it exists)
    expect(await deadlines('legal-reviewer', `&caseId=${notSent}`)).toMatchObject({ total: 0, items: [] });
    // the case sent to review: its review deadline is theirs
    expect(mine.items).toContainEqual(expect.objectContaining({ caseId: sent, key: 'legalityReviewOpinion' }));
  });

  it("a department head sees only its own unit's deadlines", async () => {
    const jjfzb = (await deadlines('dept-head')).items.map((d) => d.caseId);
    expect(jjfzb).toEqual(expect.arrayContaining([notSent, sent]));
    expect(jjfzb).not.toContain(otherUnit);
    const dzb = (await deadlines('dept-head-dzb')).items.map((d) => d.caseId);
    expect(dzb).toContain(otherUnit);
    expect(dzb).not.toContain(notSent);
    expect(dzb).not.toContain(sent);
  });

  it('for every user, the cases behind /deadlines are exactly the cases of /cases that have deadlines', async () => {
    const withDeadlines = new Set((await deadlines('auditor')).items.map((d) => d.caseId));
    for (const user of [...Object.keys(DEMO_USER_ROLES).filter((u) => u !== 'admin'), 'dept-head-dzb']) {
      const visible = await caseIds(user);
      const expected = [...withDeadlines].filter((id) => visible.has(id)).sort();
      const got = [...new Set((await deadlines(user)).items.map((d) => d.caseId))].sort();
      expect({ user, got }).toEqual({ user, got: expected });
    }
  });

  it('the town head, the general office and auditors see every deadline; the administrator, who sees no case, is refused the list', async () => {
    for (const user of ['town-head', 'secretary', 'auditor']) {
      expect((await deadlines(user)).items.map((d) => d.caseId)).toEqual(expect.arrayContaining([notSent, sent, otherUnit]));
    }
    expect((await caseIds('admin')).size).toBe(0);
    const admin = await api.get('admin', '/deadlines?status=all');
    expect({ status: admin.status, code: admin.body.code }).toEqual({ status: 403, code: 'ROLE_NOT_ALLOWED' });
  });
});
