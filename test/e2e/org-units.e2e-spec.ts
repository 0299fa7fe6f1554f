import { NO_PROCEDURES, PROPOSAL } from '../factories/major-decision.factory';
import { createUser } from '../factories/users.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 11 "Administration a town needs": departments (org units) are created, renamed (the history
 * keeps the old name: a recorded case keeps the name it was recorded with, the unit keeps its former
 * names) and deactivated (no new users or events name it; its cases are unaffected; listed as 已停用).
 */
describe.each(DRIVERS)('departments on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  /** the case 城建办 undertook before its rename */
  let cjbCase: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    await api.setClock('2020-08-03T01:00:00Z');
  });
  afterAll(async () => t?.close());

  const unit = async (id: string) => ((await api.get('auditor', '/org-units')).body as Array<{ id: string }>).find((u) => u.id === id) as any;

  it('an administrator creates a unit; codes and names are never shared; only administrators', async () => {
    const res = await api.post('admin', '/org-units', { id: 'cjb', nameZh: '城建办', nameEn: 'Urban Construction Office' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: 'cjb',
      nameZh: '城建办',
      nameEn: 'Urban Construction Office',
      active: true,
      statusLabel: { zh: '在用', en: 'Active' },
      deactivatedAt: null,
      formerNames: [],
    });
    expect(await unit('cjb')).toEqual(res.body);

    const dupId = await api.post('admin', '/org-units', { id: 'cjb', nameZh: '另一个', nameEn: 'Another' });
    expect([dupId.status, dupId.body.code, dupId.body.messageZh]).toEqual([409, 'ORG_UNIT_EXISTS', '机构代码“cjb”已被使用']);
    const dupName = await api.post('admin', '/org-units', { id: 'cjb2', nameZh: '经济发展办', nameEn: 'Another' });
    expect([dupName.status, dupName.body.code, dupName.body.details.field]).toEqual([409, 'ORG_UNIT_NAME_TAKEN', 'nameZh']);
    const bad = await api.post('admin', '/org-units', { id: 'Not A Code', nameZh: '', nameEn: 'x' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await api.post('secretary', '/org-units', { id: 'xyz', nameZh: '某办', nameEn: 'Some Office' })).status).toBe(403);
  });

  it('a rename keeps the former name in the unit; a case already recorded keeps the name it was recorded with', async () => {
    await createUser(api, { username: 'cjb-head', orgUnit: 'cjb', roles: ['department-head'], displayName: '城建办负责人' });
    const created = await api.post('cjb-head', '/cases', { kind: 'major-decision', title: '城建办提出的事项', proposal: PROPOSAL });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await api.ok('town-head', id, 'DECIDE_TO_START', { undertakingUnit: '城建办', procedures: NO_PROCEDURES });

    await api.setClock('2020-09-01T02:00:00Z');
    const renamed = await api.put('admin', '/org-units/cjb/name', { nameZh: '村镇建设办', nameEn: 'Town and Village Construction Office' });
    expect(renamed.status).toBe(200);
    const adminId = (await api.get('admin', '/auth/me')).body.id;
    expect(renamed.body).toMatchObject({
      id: 'cjb',
      nameZh: '村镇建设办',
      formerNames: [{ nameZh: '城建办', nameEn: 'Urban Construction Office', until: expect.stringMatching(/^2020-09-01T02:00:0/), renamedBy: adminId }],
    });
    // the case was recorded with the name of its day
    const c = (await api.get('auditor', `/cases/${id}`)).body;
    expect(c.records.start).toMatchObject({ undertakingUnitId: 'cjb', undertakingUnit: '城建办' });
    const history = (await api.get('auditor', `/cases/${id}/history`)).body.records as Array<{ type: string; facts?: Record<string, unknown> }>;
    expect(history.find((r) => r.type === 'DECIDE_TO_START')?.facts?.undertakingUnit).toMatchObject({ id: 'cjb', nameZh: '城建办' });
    expect((await api.get('auditor', `/cases/${id}/verify`)).body.intact).toBe(true);
    // who acted is shown with the unit's name of the day (the current one beside it for what comes later)
    const shown = (await api.get('auditor', `/cases/${id}/history`)).body;
    expect(shown.actorUnitLabels['1']).toEqual({ zh: '城建办', en: 'Urban Construction Office' });
    expect(shown.orgUnitLabels.cjb).toEqual({ zh: '村镇建设办', en: 'Town and Village Construction Office' });
    const dossier = (await api.get('auditor', `/cases/${id}/dossier.html`)).text;
    expect(dossier).toMatch(/<tr data-seq="1">.*城建办/);
    expect(dossier).not.toMatch(/<tr data-seq="1">.*村镇建设办/);
    // the unit's head still sees it (access compares the code, which never changes)
    expect((await api.get('cjb-head', `/cases/${id}`)).status).toBe(200);
    // a new event names the unit by its new name; the old one is no longer a name of it
    const other = (await api.post('cjb-head', '/cases', { kind: 'major-decision', title: '更名后的事项', proposal: PROPOSAL })).body.id;
    expect((await api.event('town-head', other, 'DECIDE_TO_START', { undertakingUnit: '城建办', procedures: NO_PROCEDURES })).body.code).toBe('UNKNOWN_ORG_UNIT');
    const ok = await api.event('town-head', other, 'DECIDE_TO_START', { undertakingUnit: '村镇建设办', procedures: NO_PROCEDURES });
    expect(ok.status).toBe(200);
    expect(ok.body.case.records.start.undertakingUnit).toBe('村镇建设办');

    const same = await api.put('admin', '/org-units/cjb/name', { nameZh: '村镇建设办', nameEn: 'Town and Village Construction Office' });
    expect([same.status, same.body.code]).toEqual([422, 'ORG_UNIT_NAME_UNCHANGED']);
    const taken = await api.put('admin', '/org-units/cjb/name', { nameZh: '司法所', nameEn: 'x' });
    expect([taken.status, taken.body.code]).toEqual([409, 'ORG_UNIT_NAME_TAKEN']);
    const none = await api.put('admin', '/org-units/nowhere/name', { nameZh: '某办', nameEn: 'Some Office' });
    expect([none.status, none.body.code, none.body.messageZh]).toEqual([404, 'ORG_UNIT_NOT_FOUND', '没有代码为“nowhere”的机构']);
    cjbCase = id;
  });

  it('deactivating: refused while it has active users (named); then no new users or events name it; its cases stay; listed as 已停用', async () => {
    const id = cjbCase;
    const busy = await api.post('admin', '/org-units/cjb/deactivate');
    expect([busy.status, busy.body.code]).toEqual([409, 'ORG_UNIT_HAS_ACTIVE_USERS']);
    expect(busy.body.messageZh).toContain('城建办负责人');
    expect(busy.body.messageZh).not.toContain('cjb-head');
    expect(busy.body.details.users.map((u: { username: string }) => u.username)).toEqual(['cjb-head']);

    expect((await api.post('admin', '/admin/users/cjb-head/disable')).status).toBe(200);
    await api.setClock('2020-10-09T02:00:00Z');
    const off = await api.post('admin', '/org-units/cjb/deactivate');
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, statusLabel: { zh: '已停用', en: 'Deactivated' }, deactivatedAt: expect.stringMatching(/^2020-10-09T02:00:0/) });
    expect(await unit('cjb')).toMatchObject({ active: false, statusLabel: { zh: '已停用' } });
    const again = await api.post('admin', '/org-units/cjb/deactivate');
    expect([again.status, again.body.code]).toEqual([409, 'ORG_UNIT_ALREADY_INACTIVE']);

    const newUser = await api.post('admin', '/users', { username: 'cjb-clerk', displayName: '城建办办事员', password: 'Docket-test-pw1', orgUnit: 'cjb', roles: ['department-head'] });
    expect([newUser.status, newUser.body.code]).toEqual([422, 'ORG_UNIT_INACTIVE']);
    expect(newUser.body.messageZh).toContain('村镇建设办');

    const dzbCase = (await api.post('dept-head', '/cases', { kind: 'major-decision', title: '经济发展办的事项', proposal: PROPOSAL })).body.id;
    const named = await api.event('town-head', dzbCase, 'DECIDE_TO_START', { undertakingUnit: '村镇建设办', procedures: NO_PROCEDURES });
    expect([named.status, named.body.code, named.body.details.field]).toEqual([422, 'ORG_UNIT_INACTIVE', 'payload.undertakingUnit']);
    expect(named.body.messageZh).toContain('“村镇建设办”已停用');
    expect(named.body.details.units.map((u: { id: string }) => u.id)).not.toContain('cjb');
    const unknown = await api.event('town-head', dzbCase, 'DECIDE_TO_START', { undertakingUnit: '城建办', procedures: NO_PROCEDURES });
    expect(unknown.body.details.units.map((u: { id: string }) => u.id)).toEqual(['dzb', 'jjfzb', 'sfs']);

    // the case already recorded is unaffected: readable, verifiable, and the workflow goes on
    const c = await api.get('auditor', `/cases/${id}`);
    expect(c.status).toBe(200);
    expect(c.body.records.start.undertakingUnit).toBe('城建办');
    expect((await api.get('auditor', `/cases/${id}/verify`)).body.intact).toBe(true);
  });
});
