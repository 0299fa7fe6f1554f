import { WorkflowRuntime } from '@app/runtime';
import { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../apps/api/src/app.factory';
import { SEED_ITEMS } from '../factories/catalog.factory';
import { ph } from '../factories/db-fingerprint';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * A workflow may declare a key no two of its cases share (the decision catalog: one per year).
 * The database's unique index decides, not the API process: creations racing each other — in one
 * process, or in two API instances on one PostgreSQL database — leave exactly one case.
 */
describe.each(DRIVERS)('cases with a unique key on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const catalogsOf = async (year: number) =>
    (await t.sql(`SELECT id, unique_key AS "uniqueKey" FROM cases WHERE kind = 'decision-catalog' AND unique_key = ${ph(t, 1)}`, [`decision-catalog:${year}`])) as Array<{
      id: string;
      uniqueKey: string;
    }>;

  it('five creations of the same year racing through the runtime: one case, four 409 CASE_ALREADY_EXISTS', async () => {
    await api.setClock('2031-02-20T02:00:00Z');
    const runtime = t.app.get(WorkflowRuntime);
    const actor = { userId: '00000000-0000-4000-8000-000000000001', role: 'secretary' as const, orgUnit: 'dzb' };
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((i) => runtime.createCase({ kind: 'decision-catalog', payload: { title: `2031年目录（${i}）`, year: 2031 }, actor })),
    );
    const created = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(created).toHaveLength(1);
    expect(refused.map((r) => [r.reason.status, r.reason.code, r.reason.details])).toEqual(
      Array(4).fill([409, 'CASE_ALREADY_EXISTS', { kind: 'decision-catalog', key: '2031' }]),
    );
    expect(refused[0].reason.zh).toContain('已存在');
    const rows = await catalogsOf(2031);
    expect(rows).toEqual([{ id: (created[0] as PromiseFulfilledResult<{ id: string }>).value.id, uniqueKey: 'decision-catalog:2031' }]);
    // nothing of the refused creations was written
    expect(Number((await t.sql(`SELECT count(*) AS n FROM cases WHERE kind = 'decision-catalog'`))[0].n)).toBe(1);
    // another year is another key; cases of kinds without a key have none
    await runtime.createCase({ kind: 'decision-catalog', payload: { title: '2032年目录', year: 2032 }, actor });
    expect(await catalogsOf(2032)).toHaveLength(1);
    const keys = await t.sql(`SELECT DISTINCT unique_key AS "k" FROM cases WHERE kind <> 'decision-catalog'`);
    expect(keys.map((r: { k: unknown }) => r.k)).toEqual(keys.length ? [null] : []);
  });

  it('the catalog API finds the year by its key and adds to it', async () => {
    const res = await api.post('secretary', '/catalogs/2031/items', { item: SEED_ITEMS()[0], reason: '列入目录' });
    expect(res.status).toBe(201);
    expect((await catalogsOf(2031)).map((r) => r.id)).toEqual([(await api.get('auditor', '/catalogs/2031/changes')).body.catalogCaseId]);
  });

  if (driver === 'postgres') {
    it('two API instances on one database, adding the first items of a year at once: one catalog', async () => {
      const second: NestExpressApplication = await createApp(t.config);
      await second.init();
      try {
        const api2 = new ApiClient({ ...t, app: second });
        await api.setClock('2033-02-20T02:00:00Z');
        await api2.setClock('2033-02-20T02:00:00Z');
        const [a, b] = SEED_ITEMS();
        const responses = await Promise.all([
          api.post('secretary', '/catalogs/2033/items', { item: a, reason: '列入目录' }),
          api2.post('secretary', '/catalogs/2033/items', { item: b, reason: '列入目录' }),
          api.post('town-head', '/catalogs/2033/items', { item: { ...a, name: `${a.name}（二）` }, reason: '列入目录' }),
          api2.post('town-head', '/catalogs/2033/items', { item: { ...b, name: `${b.name}（二）` }, reason: '列入目录' }),
        ]);
        // a lost compare-and-swap between the two instances is a clean 409 the clerk retries; nothing else fails
        for (const r of responses) expect([201, 409]).toContain(r.status);
        for (const r of responses.filter((r) => r.status === 409)) expect(r.body.code).toBe('REVISION_CONFLICT');
        expect(responses.some((r) => r.status === 201)).toBe(true);
        expect(await catalogsOf(2033)).toHaveLength(1);
        const items = (await api.get('secretary', '/catalogs/2033')).body.working.items as Array<{ name: string }>;
        expect(items).toHaveLength(responses.filter((r) => r.status === 201).length);
      } finally {
        await second.close();
      }
    });
  }
});
