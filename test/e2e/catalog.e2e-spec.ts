/**
 * The annual decision catalog (年度重大行政决策事项目录, SPEC §2.3) over HTTP on SQLite and
 * PostgreSQL: the change trail (who, when, why, before/after, in the hash chain), publication only
 * after the party committee's consent to the current version (R713 Art. 3 ¶3), republication after
 * an adjustment, and a major-decision case created from an item taking its procedures.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { ITEM_PROPOSAL, publishSeedCatalog, SEED_ITEMS } from '../factories/catalog.factory';

const CJK = /[\u4e00-\u9fff]/;

describe.each(DRIVERS)('the annual decision catalog on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const count = async (kind: string) => Number((await t.sql(`SELECT COUNT(*) AS n FROM cases WHERE kind = '${kind}'`))[0].n);

  it('refuses publication before the party committee consents, then publishes; everyone reads the published catalog', async () => {
    await api.setClock('2021-02-20T02:00:00Z');
    // only the general office and the town head maintain it
    const denied = await api.post('dept-head', '/catalogs/2021/items', { item: SEED_ITEMS()[0], reason: 'x' });
    expect([denied.status, denied.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    const added = await api.post('secretary', '/catalogs/2021/items', { item: SEED_ITEMS()[0], reason: '列入目录', catalogTitle: '掌起镇2021年重大行政决策事项目录' });
    expect(added.status).toBe(201);
    expect(added.body.working).toMatchObject({ contentVersion: 1, state: 'drafting', unpublishedChanges: true, consent: null });
    // not published: department heads see nothing yet
    expect((await api.get('dept-head', '/catalogs/2021')).status).toBe(404);

    const before = (await api.get('secretary', '/catalogs/2021')).body.working.revision;
    const refused = await api.post('town-head', '/catalogs/2021/publish', { publishedAt: '2021-02-20', channels: ['掌起镇人民政府网站'] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'PARTY_CONSENT_REQUIRED', article: 'R713 Art. 3 ¶3' });
    expect(refused.body.messageZh).toMatch(CJK);
    expect(refused.body.messageZh).toContain('党委同意');
    expect(refused.body.message).toContain('party committee');
    // nothing written by the refusal
    expect((await api.get('secretary', '/catalogs/2021')).body.working.revision).toBe(before);

    // consent to a version that is not the current one is refused
    const stale = await api.post('secretary', '/catalogs/2021/consent', { contentVersion: 5, meeting: '镇党委会议', agreedOn: '2021-02-20' });
    expect([stale.status, stale.body.code, stale.body.article]).toEqual([409, 'CONSENT_VERSION_MISMATCH', 'R713 Art. 3 ¶3']);
    const consent = await api.post('secretary', '/catalogs/2021/consent', { contentVersion: 1, meeting: '镇党委会议', agreedOn: '2021-02-20', reference: '掌党纪〔2021〕2号' });
    expect(consent.status).toBe(200);
    const published = await api.post('town-head', '/catalogs/2021/publish', { publishedAt: '2021-02-20', channels: ['掌起镇人民政府网站'], documentNumber: '掌政发〔2021〕3号' });
    expect(published.status).toBe(200);
    expect(published.body.working).toMatchObject({ state: 'published', unpublishedChanges: false });

    for (const user of ['dept-head', 'legal-reviewer', 'auditor']) {
      const read = await api.get(user, '/catalogs/2021');
      expect(read.status).toBe(200);
      expect(read.body.published.items.map((i: { name: string }) => i.name)).toEqual([SEED_ITEMS()[0].name]);
      expect(read.body.published.consent).toMatchObject({ meeting: '镇党委会议', agreedOn: '2021-02-20' });
    }
    expect((await api.get('dept-head', '/catalogs/2021')).body.working).toBeUndefined();
  });

  it('keeps a provable change trail: who, when, why, before and after; adjustments are republished after a new consent', async () => {
    await publishSeedCatalog(api, 2020);
    await api.setClock('2020-06-10T02:00:00Z');
    const adjust = await api.post('town-head', '/catalogs/2020/items/1/adjust', {
      changes: { milestones: { collectiveDecision: '2020-12' }, procedures: { ...SEED_ITEMS()[0].procedures, hearing: true } },
      reason: '群众关注度高，增加听证；集体讨论时间顺延',
    });
    expect(adjust.status).toBe(200);
    expect(adjust.body.working).toMatchObject({ state: 'adjusting', contentVersion: 3, unpublishedChanges: true, consent: null });
    // the published catalog is still the agreed one until the adjustment is agreed and republished
    const meanwhile = (await api.get('dept-head', '/catalogs/2020')).body.published;
    expect(meanwhile.contentVersion).toBe(2);
    expect(meanwhile.items[0].milestones.collectiveDecision).toBe('2020-10');
    const refused = await api.post('secretary', '/catalogs/2020/publish', { publishedAt: '2020-06-10', channels: ['掌起镇人民政府网站'] });
    expect([refused.status, refused.body.code]).toEqual([422, 'PARTY_CONSENT_REQUIRED']);

    const removed = await api.post('secretary', '/catalogs/2020/items/2/remove', { reason: '上级统一部署，改由市级实施' });
    expect(removed.status).toBe(200);
    await api.post('secretary', '/catalogs/2020/consent', { contentVersion: 4, meeting: '镇党委会议', agreedOn: '2020-06-10' });
    const republished = await api.post('secretary', '/catalogs/2020/publish', { publishedAt: '2020-06-10', channels: ['掌起镇人民政府网站'] });
    expect(republished.status).toBe(200);
    const now = (await api.get('legal-reviewer', '/catalogs/2020')).body.published;
    expect(now).toMatchObject({ publication: 2, contentVersion: 4 });
    expect(now.items.map((i: { no: number }) => i.no)).toEqual([1]);
    expect(now.items[0].procedures.hearing).toBe(true);

    const trail = await api.get('auditor', '/catalogs/2020/changes');
    expect(trail.status).toBe(200);
    expect(trail.body.intact).toBe(true);
    const changes = trail.body.changes;
    expect(changes.map((c: any) => [c.type, c.itemNo, c.contentVersion])).toEqual([
      ['ADD', 1, 1],
      ['ADD', 2, 2],
      ['ADJUST', 1, 3],
      ['REMOVE', 2, 4],
    ]);
    const adj = changes[2];
    expect(adj).toMatchObject({ by: { role: 'town-head', orgUnit: 'dzb' }, at: expect.stringMatching(/^2020-06-10T/), reason: expect.stringContaining('听证') });
    expect([adj.before.milestones.collectiveDecision, adj.after.milestones.collectiveDecision]).toEqual(['2020-10', '2020-12']);
    expect([adj.before.procedures.hearing, adj.after.procedures.hearing]).toEqual([false, true]);
    expect(changes[3].after).toBeNull();
    // every change sits in the hash chain: seq, hash and prevHash link up
    const seqs = changes.map((c: any) => c.record.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(trail.body.publications.map((p: any) => p.contentVersion)).toEqual([2, 4]);
    expect(trail.body.consents.map((c: any) => c.contentVersion)).toEqual([2, 4]);
    const verify = await api.get('auditor', `/cases/${trail.body.catalogCaseId}/verify`);
    expect(verify.body.intact).toBe(true);
    const history = (await api.get('auditor', `/cases/${trail.body.catalogCaseId}/history`)).body.records;
    expect(history.find((r: any) => r.seq === adj.record.seq)).toMatchObject({ type: 'ADJUST_ITEM', hash: adj.record.hash });

    // the trail is append-only: the database refuses to rewrite it
    await expect(t.sql(`UPDATE case_history SET payload = '{}' WHERE case_id = '${trail.body.catalogCaseId}'`)).rejects.toThrow();
    await expect(t.sql(`DELETE FROM case_history WHERE case_id = '${trail.body.catalogCaseId}'`)).rejects.toThrow();
    // other roles may not read the working trail
    expect((await api.get('dept-head', '/catalogs/2020/changes')).status).toBe(403);
  });

  it('creates the major-decision case of an item through the runtime, links it once, and defaults its procedures from the item', async () => {
    await api.setClock('2020-07-01T02:00:00Z');
    const cases = await count('major-decision');
    const created = await api.post('dept-head', '/catalogs/2020/items/1/case', { proposal: ITEM_PROPOSAL });
    expect(created.status).toBe(201);
    const caseId = created.body.case.id;
    expect(created.body.case).toMatchObject({ kind: 'major-decision', title: SEED_ITEMS()[0].name, state: { path: 'initiation' } });
    expect(await count('major-decision')).toBe(cases + 1);

    const detail = (await api.get('town-head', `/cases/${caseId}`)).body;
    const catalog = (await api.get('secretary', '/catalogs/2020')).body;
    expect(detail.records.proposal.catalogItem).toBe(`${catalog.catalogCaseId}#1`);
    expect(detail.records.proposal.legalBasis).toContain('美丽城镇');
    expect(catalog.published.items[0]).toMatchObject({ no: 1, caseId, case: { id: caseId, state: { path: 'initiation' } } });
    const hist = (await api.get('auditor', `/cases/${catalog.catalogCaseId}/history`)).body.records;
    expect(hist[hist.length - 1]).toMatchObject({ type: 'LINK_CASE', payload: { itemNo: 1, caseId }, actor: { role: 'department-head', orgUnit: 'jjfzb' } });

    // a second case for the same item, or one for a removed item, is refused and creates nothing
    const again = await api.post('dept-head', '/catalogs/2020/items/1/case', { proposal: ITEM_PROPOSAL });
    expect([again.status, again.body.code]).toEqual([409, 'CATALOG_ITEM_ALREADY_LINKED']);
    const removedItem = await api.post('dept-head', '/catalogs/2020/items/2/case', { proposal: ITEM_PROPOSAL });
    expect([removedItem.status, removedItem.body.code]).toEqual([422, 'CATALOG_ITEM_NOT_PUBLISHED']);
    expect(await count('major-decision')).toBe(cases + 1);

    // the town head starts it: undertaking unit and procedures come from the (adjusted) item
    const started = await api.post('town-head', '/catalogs/2020/items/1/start', {});
    expect(started.status).toBe(200);
    expect(started.body.proceduresFrom).toBe('catalog');
    const after = (await api.get('town-head', `/cases/${caseId}`)).body;
    expect(after.state.path).toBe('drafting');
    expect(after.records.procedures).toEqual({ ...SEED_ITEMS()[0].procedures, hearing: true });
    // major-decision v2: the unit's id (access) and its name (display)
    expect(after.records.start).toMatchObject({ undertakingUnitId: 'jjfzb', undertakingUnit: '经济发展办' });
    expect((await api.get('auditor', `/cases/${caseId}/verify`)).body.intact).toBe(true);
  });

  it('is a to-do only while its consent or publication is pending, not for its standing maintenance events', async () => {
    await api.setClock('2022-02-20T02:00:00Z');
    expect((await api.post('secretary', '/catalogs/2022/items', { item: SEED_ITEMS()[0], reason: '列入目录' })).status).toBe(201);
    const id = (await api.get('auditor', '/catalogs/2022/changes')).body.catalogCaseId as string;
    const todo = async (user: string) =>
      ((await api.get(user, '/tasks')).body.items as Array<{ case: { id: string }; events: Array<{ type: string }> }>).find((i) => i.case.id === id);
    // the consent is pending: the secretary records it; adding, adjusting, removing items are no to-do
    expect((await todo('secretary'))?.events.map((e) => e.type)).toEqual(['RECORD_PARTY_CONSENT']);
    // the town head may only maintain the catalog (and publish, which waits for the consent): nothing to do
    expect(await todo('town-head')).toBeUndefined();
    // ... though the maintenance events are still offered on the case itself
    const offered = (await api.get('town-head', `/cases/${id}`)).body.allowedEvents.map((e: { type: string }) => e.type);
    expect(offered).toEqual(expect.arrayContaining(['ADD_ITEM', 'ADJUST_ITEM', 'REMOVE_ITEM']));
    await api.post('secretary', '/catalogs/2022/consent', { contentVersion: 1, meeting: '镇党委会议', agreedOn: '2022-02-20' });
    expect((await todo('town-head'))?.events.map((e) => e.type)).toEqual(['PUBLISH_CATALOG']);
    await api.post('town-head', '/catalogs/2022/publish', { publishedAt: '2022-02-20', channels: ['掌起镇人民政府网站'] });
    expect(await todo('secretary')).toBeUndefined();
    expect(await todo('town-head')).toBeUndefined();
  });

  it('answers bad input with 4xx and a stable code, writing nothing', async () => {
    const before = (await api.get('secretary', '/catalogs/2020')).body.working.revision;
    const cases = Number((await t.sql('SELECT COUNT(*) AS n FROM cases'))[0].n);
    const rows: Array<[string, string, unknown, number, string]> = [
      ['secretary', '/catalogs/abc/items', { item: SEED_ITEMS()[0], reason: 'x' }, 400, 'INVALID_YEAR'],
      ['secretary', '/catalogs/2020/items', { item: { ...SEED_ITEMS()[0], name: '' }, reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['secretary', '/catalogs/2020/items', { item: SEED_ITEMS()[0] }, 400, 'VALIDATION_FAILED'],
      ['secretary', '/catalogs/2020/items', { item: { ...SEED_ITEMS()[0], milestones: { drafting: '2020-13' } }, reason: 'x' }, 400, 'VALIDATION_FAILED'],
      ['secretary', '/catalogs/2020/items', { item: { ...SEED_ITEMS()[0], procedures: { ...SEED_ITEMS()[0].procedures, publicParticipation: false, hearing: true } }, reason: 'x' }, 422, 'PROCEDURES_INCONSISTENT'],
      ['secretary', '/catalogs/2020/items/x/adjust', { changes: { name: 'y' }, reason: 'x' }, 400, 'INVALID_ITEM_NO'],
      ['secretary', '/catalogs/2020/items/9/adjust', { changes: { name: 'y' }, reason: 'x' }, 422, 'CATALOG_ITEM_NOT_FOUND'],
      ['secretary', '/catalogs/2020/items/1/adjust', { changes: {}, reason: 'x' }, 422, 'CATALOG_ADJUSTMENT_EMPTY'],
      ['secretary', '/catalogs/2020/items/1/remove', { reason: '已启动' }, 409, 'CATALOG_ITEM_HAS_CASE'],
      ['secretary', '/catalogs/2020/consent', { contentVersion: '4', meeting: '镇党委会议', agreedOn: '2020-07-01' }, 400, 'VALIDATION_FAILED'],
      ['secretary', '/catalogs/2020/consent', { contentVersion: 4, meeting: '镇党委会议', agreedOn: '2020-07-01' }, 409, 'EVENT_NOT_ALLOWED_IN_STATE'],
      ['secretary', '/catalogs/2020/publish', { publishedAt: '2020-07-01', channels: ['x'] }, 409, 'EVENT_NOT_ALLOWED_IN_STATE'],
      ['secretary', '/catalogs/1999/publish', { publishedAt: '1999-01-01', channels: ['x'] }, 400, 'INVALID_YEAR'],
      ['secretary', '/catalogs/2030/publish', { publishedAt: '2030-01-01', channels: ['x'] }, 404, 'CATALOG_NOT_FOUND'],
      ['dept-head', '/catalogs/2020/items/1/case', { proposal: { problem: 'x' } }, 400, 'VALIDATION_FAILED'],
      ['town-head', '/catalogs/2020/items/1/start', { procedures: { publicParticipation: 'yes' } }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [user, url, body, status, code] of rows) {
      const res = await api.post(user, url, body);
      expect({ url, status: res.status, code: res.body.code }).toEqual({ url, status, code });
      expect(res.body.messageZh).toBeTruthy();
    }
    // a link is made only by the catalog API after it created the case: not through /cases
    const catalogId = (await api.get('secretary', '/catalogs/2020')).body.catalogCaseId;
    const link = { itemNo: 1, caseId: '7b0c1e8e-8a44-4d5e-9a57-0c5f0e1e2a3b' };
    expect((await api.event('secretary', catalogId, 'LINK_CASE', link)).body.code).toBe('ROLE_NOT_ALLOWED');
    expect((await api.event('dept-head', catalogId, 'LINK_CASE', link)).body.code).toBe('NOT_YOUR_ORG_UNIT');
    expect((await api.get('secretary', '/catalogs/2020')).body.working.revision).toBe(before);
    expect(Number((await t.sql('SELECT COUNT(*) AS n FROM cases'))[0].n)).toBe(cases);
  });
});
