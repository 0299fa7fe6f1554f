import { caseFingerprint } from '../factories/db-fingerprint';
import { NO_PROCEDURES, PROPOSAL } from '../factories/major-decision.factory';
import { ITEM_PROPOSAL, SEED_ITEMS } from '../factories/catalog.factory';
import { createUser } from '../factories/users.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 9 §7: DECIDE_TO_START {undertakingUnit: "经济发展办"} added the free-text name to the
 * case's units while access compares unit ids, so "assigned to its unit" only worked when the
 * town head typed the id. major-decision v2 resolves the unit against the org-units table (fact
 * kind `orgUnit`): by id or exact name; unknown → 422 UNKNOWN_ORG_UNIT listing the units. The case
 * stores the id (access) and keeps the name (display).
 */
describe.each(DRIVERS)('the undertaking unit is a unit record on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    await createUser(api, { username: 'dept-head-dzb', orgUnit: 'dzb', roles: ['department-head'], displayName: '党政办负责人' });
  });
  afterAll(async () => t?.close());

  /** A case 党政办 proposes: 经济发展办 sees it only once the start decision makes it the undertaking unit. */
  async function proposedByDzb(): Promise<string> {
    await api.setClock('2020-08-03T01:00:00Z');
    const created = await api.post('dept-head-dzb', '/cases', { kind: 'major-decision', title: '党政办提出的事项', proposal: PROPOSAL });
    expect(created.status).toBe(201);
    // the undertaking unit came with v2; new cases start on the newest version, which keeps it
    expect(created.body.workflowVersion).toBe(3);
    expect((await api.get('dept-head', `/cases/${created.body.id}`)).status).toBe(403);
    return created.body.id;
  }

  it.each([
    ['its exact name', '经济发展办'],
    ['its id', 'jjfzb'],
    ['its English name', 'Economic Development Office'],
  ])('named by %s, the unit becomes a unit of the case: its head sees, lists and acts on it', async (_how, given) => {
    const id = await proposedByDzb();
    const res = await api.event('town-head', id, 'DECIDE_TO_START', { undertakingUnit: given, procedures: NO_PROCEDURES });
    expect(res.status).toBe(200);
    // the id for access, the name for display
    expect(res.body.case.records.start).toMatchObject({ undertakingUnitId: 'jjfzb', undertakingUnit: '经济发展办' });
    const [row] = await t.sql(`SELECT org_units FROM cases WHERE id = '${id}'`);
    expect(row.org_units).toBe('|dzb|jjfzb|');

    expect((await api.get('dept-head', `/cases/${id}`)).status).toBe(200);
    const list = await api.get('dept-head', '/cases?limit=500');
    expect(list.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const tasks = (await api.get('dept-head', '/tasks')).body.items as Array<{ case: { id: string }; events: Array<{ type: string }> }>;
    expect(tasks.find((x) => x.case.id === id)?.events.map((e) => e.type)).toContain('SUBMIT_DRAFT');
    // the history keeps the unit as it was resolved
    const history = (await api.get('auditor', `/cases/${id}/history`)).body.records as Array<{ type: string; facts?: Record<string, unknown> }>;
    expect(history.find((r) => r.type === 'DECIDE_TO_START')?.facts?.undertakingUnit).toEqual({ id: 'jjfzb', nameZh: '经济发展办', nameEn: 'Economic Development Office' });
    expect((await api.get('auditor', `/cases/${id}/verify`)).body.intact).toBe(true);
  });

  it.each([
    ['a unit that is not registered', '城建办'],
    ['a name that differs by a character', '经济发展办公室'],
    ['the id in other letter case', 'JJFZB'],
  ])('%s is refused with 422 UNKNOWN_ORG_UNIT listing the units; the case is unchanged', async (_why, given) => {
    const id = await proposedByDzb();
    const before = await caseFingerprint(t, id);
    const res = await api.event('town-head', id, 'DECIDE_TO_START', { undertakingUnit: given, procedures: NO_PROCEDURES });
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 422, code: 'UNKNOWN_ORG_UNIT' });
    for (const name of ['党政办', '经济发展办', '司法所']) expect(res.body.messageZh).toContain(name);
    expect(res.body.message).toContain('Economic Development Office');
    expect(res.body.details).toMatchObject({ field: 'payload.undertakingUnit', given });
    expect(res.body.details.units.map((u: { id: string }) => u.id)).toEqual(['dzb', 'jjfzb', 'sfs']);
    expect(await caseFingerprint(t, id)).toBe(before);
  });

  it('a catalog item names its unit by name: that unit’s head proposes and the start decision assigns it (decision-catalog v2)', async () => {
    const year = 2021;
    await api.setClock(`${year}-02-20T02:00:00Z`);
    const item = { ...SEED_ITEMS()[0], undertakingUnit: '经济发展办' };
    const added = await api.post('secretary', `/catalogs/${year}/items`, { item, reason: '列入目录', catalogTitle: `掌起镇${year}年重大行政决策事项目录` });
    expect(added.status).toBe(201);
    const unknown = await api.post('secretary', `/catalogs/${year}/items`, { item: { ...item, name: '另一事项', undertakingUnit: '城建办' }, reason: '列入目录' });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 422, code: 'UNKNOWN_ORG_UNIT' });
    expect(unknown.body.messageZh).toContain('经济发展办（jjfzb）');
    expect((await api.post('secretary', `/catalogs/${year}/consent`, { contentVersion: 1, meeting: '镇党委会议', agreedOn: `${year}-02-20` })).status).toBe(200);
    expect((await api.post('secretary', `/catalogs/${year}/publish`, { publishedAt: `${year}-02-20`, channels: ['掌起镇人民政府网站'] })).status).toBe(200);
    const catalog = (await api.get('auditor', `/catalogs/${year}`)).body;
    expect(JSON.stringify(catalog)).toContain('"undertakingUnitId":"jjfzb"');

    // another unit's head may not propose it; 经济发展办's head may (v1 compared the typed name with the id and refused)
    expect((await api.post('dept-head-dzb', `/catalogs/${year}/items/1/case`, { proposal: ITEM_PROPOSAL })).body.code).toBe('CATALOG_NOT_YOUR_ITEM');
    const created = await api.post('dept-head', `/catalogs/${year}/items/1/case`, { proposal: ITEM_PROPOSAL });
    expect(created.status).toBe(201);
    expect(created.body.startDefaults.undertakingUnit).toBe('jjfzb');
    const started = await api.post('town-head', `/catalogs/${year}/items/1/start`, {});
    expect(started.status).toBe(200);
    const detail = (await api.get('dept-head', `/cases/${created.body.case.id}`)).body;
    expect(detail.records.start).toMatchObject({ undertakingUnitId: 'jjfzb', undertakingUnit: '经济发展办' });
  });

  it('v1 stays registered: GET /workflows lists every version of both kinds', async () => {
    const list = (await api.get('auditor', '/workflows')).body as Array<{ kind: string; version: number }>;
    const versions = (kind: string) => list.filter((w) => w.kind === kind).map((w) => w.version).sort();
    expect(versions('major-decision')).toEqual([1, 2, 3]);
    expect(versions('decision-catalog')).toEqual([1, 2]);
  });
});
