/**
 * Two API instances on one database (issue 14: no in-process assumption): each has its own
 * in-memory state, so what must happen once is a database guarantee. Here: a catalog item gets
 * exactly one major-decision case when both instances create it at the same moment.
 */
import { createApp } from '../../apps/api/src/app.factory';
import { ITEM_PROPOSAL, publishSeedCatalog } from '../factories/catalog.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

describe.each(DRIVERS)('two API instances on one %s database', (driver) => {
  let t: TestApp;
  let other: TestApp;
  let a: ApiClient;
  let b: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    const app = await createApp(t.config);
    await app.init();
    other = { ...t, app, close: () => app.close() };
    a = new ApiClient(t);
    b = new ApiClient(other);
  }, 60_000);
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  const cases = async (ref: string) =>
    Number((await t.sql(`SELECT COUNT(*) AS n FROM cases WHERE kind = 'major-decision' AND snapshot LIKE '%' || $1 || '%'`.replace('$1', driver === 'sqlite' ? '?' : '$1'), [ref]))[0].n);

  it('a catalog item gets one case when both instances create it at once; the other is refused and leaves nothing', async () => {
    await publishSeedCatalog(a);
    await a.setClock('2020-07-01T02:00:00Z');
    const catalog = (await a.get('secretary', '/catalogs/2020')).body;
    const ref = `${catalog.catalogCaseId}#1`;
    await Promise.all([a.token('dept-head'), b.token('dept-head')]);
    // the second instance reads the shared test clock from the database
    await new Promise((r) => setTimeout(r, 1200));

    const answers = await Promise.all([
      a.post('dept-head', '/catalogs/2020/items/1/case', { proposal: ITEM_PROPOSAL }),
      b.post('dept-head', '/catalogs/2020/items/1/case', { proposal: ITEM_PROPOSAL }),
    ]);
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    expect(refused.body.code).toBe('CATALOG_ITEM_ALREADY_LINKED');
    expect(refused.body.messageZh).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(await cases(ref)).toBe(1);

    const linked = (await b.get('secretary', '/catalogs/2020')).body.published.items[0];
    expect(linked.caseId).toBe(answers.find((r) => r.status === 201)!.body.case.id);
    expect((await a.get('auditor', `/cases/${catalog.catalogCaseId}/verify`)).body.intact).toBe(true);
  }, 120_000);
});
