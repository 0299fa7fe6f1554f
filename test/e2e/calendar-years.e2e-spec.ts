import { BUSINESS_CALENDAR } from '@app/runtime';
import type { BusinessCalendar } from '@app/calendar';
import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import { createApp } from '../../apps/api/src/app.factory';
import { LOAD_2027 } from '../factories/calendar-years.factory';
import { NO_PROCEDURES, runMajorDecision } from '../factories/major-decision.factory';
import { inboxOf, kindsOf, yearNoticesOf } from '../factories/reminders.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/** A made-up, plausible 2027 arrangement (not the official notice). */
const YEAR_2027 = LOAD_2027;

/**
 * Issue 3 §8: a deadline touching a year without holiday data is kept as calendar-missing (never
 * a guess), the administrators are told, and a year loaded as data recomputes it.
 */
describe.each(DRIVERS)('calendar years loaded as data on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  it('from November on, the admins are told once that next year has no holiday data, with the call that loads it', async () => {
    const scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    // the machine date may already be in November or December: start from an empty inbox
    await t.sql(`DELETE FROM notifications WHERE kind = 'calendar-missing'`);
    await api.setClock('2026-10-31T15:59:00.000Z'); // 23:59 in Shanghai, still October
    await scheduler.reconcile();
    expect(await yearNoticesOf(api, 'admin')).toEqual([]);
    await api.setClock('2026-10-31T16:00:00.000Z'); // 1 November in Shanghai
    await scheduler.reconcile();
    const told = await yearNoticesOf(api, 'admin');
    expect(told.map((n) => n.title.zh)).toEqual(['【缺少节假日数据】请导入2027年节假日安排']);
    expect(told[0].body.zh).toContain('现有数据至2026年');
    // where to load it: the console's screen in zh-CN (no API call in the Chinese text), the call in English
    expect(told[0].body.zh).toContain('“管理 → 日历年度”');
    expect(told[0].body.zh).not.toMatch(/POST|api\/v1/);
    expect(told[0].body.en).toContain('POST /api/v1/admin/calendar-years {"year": 2027');
    // once per year: reconciliation again, and December, add nothing; only administrators are told
    await scheduler.reconcile();
    await api.setClock('2026-12-01T02:00:00.000Z');
    await scheduler.reconcile();
    expect(await yearNoticesOf(api, 'admin')).toHaveLength(1);
    for (const user of ['town-head', 'secretary', 'legal-reviewer']) expect(await yearNoticesOf(api, user)).toEqual([]);
  });

  it('a calendar-missing deadline: admins are told, the 2027 arrangement is loaded, the deadline is recomputed and reminds', async () => {
    const { id } = await runMajorDecision(api, { before: 'party', procedures: NO_PROCEDURES });
    await api.setClock('2026-12-10T02:00:00.000Z');
    await api.ok('secretary', id, 'RECORD_PARTY_COMMITTEE_REPORT', { reportedAt: '2026-12-10', outcome: 'AGREED' });
    const missing = (await api.get('auditor', `/deadlines?status=calendar-missing&caseId=${id}`)).body.items;
    expect(missing).toEqual([expect.objectContaining({ key: 'decisionPublication', dueDate: null })]);

    // the admins are told once for the year, with the call that loads it
    const told = await yearNoticesOf(api, 'admin');
    expect(told).toHaveLength(1);
    expect(told[0].title.zh).toBe('【缺少节假日数据】请导入2027年节假日安排');
    expect(told[0].body.zh).toContain('系统尚无2027年节假日安排数据');
    expect(told[0].body.zh).toContain('“管理 → 日历年度”');
    expect(told[0].body.en).toContain('no holiday arrangement for 2027');
    expect(told[0].body.en).toContain('POST /api/v1/admin/calendar-years {"year": 2027');
    // reconciliation, or another deadline waiting for the same year, tells them nothing new
    await t.app.get(EmbeddedDeadlineScheduler, { strict: false }).reconcile();
    const other = await runMajorDecision(api, { before: 'party', procedures: NO_PROCEDURES });
    await api.setClock('2026-12-10T03:00:00.000Z');
    await api.ok('secretary', other.id, 'RECORD_PARTY_COMMITTEE_REPORT', { reportedAt: '2026-12-10', outcome: 'AGREED' });
    expect(await yearNoticesOf(api, 'admin')).toHaveLength(1);
    expect(await inboxOf(api, 'admin', id)).toEqual([]);

    // meanwhile it reminds on a stated basis: due by an estimate in calendar days (12-10 + 20 days = 12-30), 3 days before
    await api.setClock('2026-12-27T01:00:00.000Z');
    await t.app.get(EmbeddedDeadlineScheduler, { strict: false }).tick(new Date('2026-12-27T01:00:00.000Z'));
    const early = await inboxOf(api, 'secretary', id);
    expect(early.map((n) => n.title.zh)).toEqual(['【期限提醒】公布决策：还有3日到期（自然日）']);
    expect(early[0].body.zh).toContain('按自然日估算于2026-12-30');
    expect(early[0].body.zh).toContain('因缺少2027年节假日安排数据，暂按自然日计算');

    const loaded = await api.post('admin', '/admin/calendar-years', YEAR_2027);
    expect(loaded.status).toBe(201);
    // 20 working days from Thu 2026-12-10: 12-11 … 12-31 are 15, then 01-04 … 01-08 (01-01 is a holiday)
    expect(loaded.body).toEqual({
      year: 2027,
      source: YEAR_2027.source,
      holidays: 29,
      workdays: 6,
      recomputed: expect.arrayContaining([
        expect.objectContaining({ caseId: id, key: 'decisionPublication', dueDate: '2027-01-08' }),
        expect.objectContaining({ caseId: other.id, key: 'decisionPublication', dueDate: '2027-01-08' }),
      ]),
      stillMissing: 0,
    });
    expect((await api.get('auditor', `/deadlines?status=calendar-missing&caseId=${id}`)).body.total).toBe(0);
    expect((await api.get('auditor', `/deadlines?status=open&caseId=${id}`)).body.items).toEqual([
      expect.objectContaining({ key: 'decisionPublication', status: 'open', dueDate: '2027-01-08' }),
    ]);

    // the reopened deadline reminds like any other: 3 working days before is Tue 2027-01-05
    await api.setClock('2027-01-05T01:00:00.000Z');
    await t.app.get(EmbeddedDeadlineScheduler, { strict: false }).tick(new Date('2027-01-05T01:00:00.000Z'));
    const reminded = await inboxOf(api, 'secretary', id);
    expect(kindsOf(reminded)).toEqual(['reminder', 'reminder']);
    expect(reminded[1].title.zh).toBe('【期限提醒】公布决策：还有3个工作日到期');
    expect(reminded[1].body.zh).toContain('2027-01-08');

    const listed = await api.get('admin', '/admin/calendar-years');
    expect(listed.body).toEqual({
      covered: { from: 2004, to: 2027 },
      loaded: [{ year: 2027, source: YEAR_2027.source, holidays: 29, workdays: 6, loadedAt: expect.any(String) }],
    });

    // another process on the same database (a restart) starts with 2027 loaded
    const again = await createApp(t.config);
    await again.init();
    try {
      const calendar = again.get<BusinessCalendar>(BUSINESS_CALENDAR);
      expect(calendar.coveredYears().at(-1)).toBe(2027);
      expect(calendar.sourceOf(2027)).toBe(YEAR_2027.source);
      expect(calendar.addWorkdays('2026-12-10', 20)).toBe('2027-01-08');
    } finally {
      await again.close();
    }
  });

  it.each([
    { user: 'town-head', body: YEAR_2027, status: 403, code: undefined },
    { user: 'admin', body: { ...YEAR_2027, year: 2028 }, status: 400, code: 'CALENDAR_DATA_INVALID' },
    // plausibility (issue 9 item 18): New Year's Day alone, a weekday make-up day, a date listed twice
    { user: 'admin', body: { ...YEAR_2027, year: 2028, holidays: ['2028-01-01'], workdays: [] }, status: 422, code: 'CALENDAR_DATA_IMPLAUSIBLE' },
    { user: 'admin', body: { ...YEAR_2027, workdays: ['2027-10-08'] }, status: 422, code: 'CALENDAR_DATA_IMPLAUSIBLE' },
    { user: 'admin', body: { ...YEAR_2027, holidays: [...YEAR_2027.holidays, '2027-05-03'] }, status: 422, code: 'CALENDAR_DATA_IMPLAUSIBLE' },
    { user: 'admin', body: { ...YEAR_2027, year: 2028, holidays: ['2028-01-01'], workdays: ['2028-01-01'] }, status: 400, code: 'CALENDAR_DATA_INVALID' },
    { user: 'admin', body: { ...YEAR_2027, year: 2028, holidays: ['2028-02-30'] }, status: 400, code: 'INVALID_DATE' },
    { user: 'admin', body: { ...YEAR_2027, year: 2028, holidays: ['2028-1-1'] }, status: 400, code: 'VALIDATION_FAILED' },
    { user: 'admin', body: { ...YEAR_2027, year: 2028, holidays: [] }, status: 400, code: 'VALIDATION_FAILED' },
    { user: 'admin', body: { ...YEAR_2027, year: 2028, holidays: ['2028-01-01'], source: 'State Council notice' }, status: 400, code: 'VALIDATION_FAILED' },
  ])('refuses $user loading $body.year ($code)', async ({ user, body, status, code }) => {
    const before = (await api.get('admin', '/admin/calendar-years')).body;
    const res = await api.post(user, '/admin/calendar-years', body);
    expect(res.status).toBe(status);
    if (code) expect(res.body.code).toBe(code);
    // nothing stored, nothing replaced
    expect((await api.get('admin', '/admin/calendar-years')).body).toEqual(before);
    expect(before.loaded.map((y: { year: number }) => y.year)).not.toContain(2028);
    if (code === 'CALENDAR_DATA_IMPLAUSIBLE') {
      expect(res.body.messageZh).toMatch(/^\d{4}年节假日安排数据不合理，未导入：.+请核对国务院办公厅通知后重新提交$/);
      expect(res.body.details.problems.length).toBeGreaterThan(0);
    }
  });

  it('a weekday make-up day is named in the refusal', async () => {
    const res = await api.post('admin', '/admin/calendar-years', { ...YEAR_2027, workdays: [...YEAR_2027.workdays.slice(0, 5), '2027-10-08'] });
    expect(res.status).toBe(422);
    expect(res.body.messageZh).toContain('调休上班日2027-10-08不是周六或周日');
  });
});
