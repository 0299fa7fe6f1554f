/**
 * The demo town's sample year (npm start on an empty embedded database, npm run seed:demo): a
 * published 2020 catalog and cases of every matter type driven through the runtime, some finished
 * in the year and some in the justice office's legality-review queue; the 2020 report renders with
 * figures that match them. The test app's own seeding (DemoSeedService.seed) adds no cases.
 */
import { BusinessCalendar } from '@app/calendar';
import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { DEMO_CASES, DEMO_YEAR } from '../../apps/api/src/seed/demo-cases';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const KINDS = ['major-decision', 'normative-document', 'party-normative-document', 'administrative-contract', 'enforcement-decision'];

describe.each(DRIVERS)('the demo year on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let seeded: { year: number; created: string[] } | null;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    // the test app's seeding makes users only
    expect(Number((await t.sql('SELECT COUNT(*) AS n FROM cases'))[0].n)).toBe(0);
    seeded = await t.app.get(DemoSeedService).seedSampleCases();
  }, 120_000);
  afterAll(async () => t?.close());

  it('creates the catalog and every sample case through the runtime, once', async () => {
    expect(seeded).toMatchObject({ year: 2020 });
    expect(seeded!.created).toHaveLength(DEMO_CASES.length + 1);
    const kinds = (await t.sql('SELECT kind, COUNT(*) AS n FROM cases GROUP BY kind')).reduce(
      (o: Record<string, number>, r: { kind: string; n: unknown }) => ({ ...o, [r.kind]: Number(r.n) }),
      {},
    );
    for (const kind of KINDS) expect(kinds[kind]).toBe(DEMO_CASES.filter((c) => c.kind === kind).length);
    expect(kinds['decision-catalog']).toBe(1);
    // idempotent
    expect(await t.app.get(DemoSeedService).seedSampleCases()).toBeNull();
    expect(Number((await t.sql('SELECT COUNT(*) AS n FROM cases'))[0].n)).toBe(DEMO_CASES.length + 1);
    // dated in the demo year, hash chains intact
    for (const id of seeded!.created) {
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect({ id, intact: v.body.intact }).toEqual({ id, intact: true });
    }
    const hist = await t.sql(`SELECT MIN(at) AS lo, MAX(at) AS hi FROM case_history`);
    expect(String(hist[0].lo) >= '2020-01-01' && String(hist[0].hi) < '2021-01-01').toBe(true);
  });

  it('puts every matter type in the justice office queue', async () => {
    const res = await api.get('legal-reviewer', '/cases?state=legalityReview&limit=100');
    expect(res.status).toBe(200);
    const waiting = res.body.items.filter((c: any) => ['legalityReview.submitted', 'legalityReview.underReview'].includes(c.state.path));
    expect([...new Set(waiting.map((c: any) => c.kind))].sort()).toEqual([...KINDS].sort());
    for (const c of waiting) expect(c.title).toMatch(/[\u4e00-\u9fff]/);
    // the review desk's one queue across types shows the same cases, not yet answered
    const desk = await api.get('legal-reviewer', '/review-desk/queue?limit=500');
    expect(desk.status).toBe(200);
    const open = desk.body.items.filter((e: any) => waiting.some((c: any) => c.id === e.caseId) && !e.opinion);
    expect([...new Set(open.map((e: any) => e.kind))].sort()).toEqual([...KINDS].sort());
    // each form numbered by its own submission record, however the demo sent it
    for (const e of open) expect(e.liaisonForm?.number).toMatch(/^联系单〔2020〕第\d+号$/);
    expect(new Set(open.map((e: any) => e.liaisonForm.number)).size).toBe(open.length);
  });

  it('receives every form under its own number, and shows each deadline with the period its due date ends', async () => {
    const desk = await api.get('legal-reviewer', '/review-desk/queue?limit=500');
    const accepted = desk.body.items.filter((e: any) => e.accepted);
    expect(accepted.length).toBeGreaterThanOrEqual(KINDS.length);
    for (const e of accepted) expect({ form: e.liaisonForm?.number, receipt: e.accepted.receiptNumber }).toEqual({ form: e.liaisonForm?.number, receipt: e.liaisonForm?.number });
    const calendar = BusinessCalendar.fromChineseDays();
    const rows = await t.sql(`SELECT key, unit, length, starts_on, due_date FROM deadlines WHERE unit = 'workdays' AND due_date IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      if (r.due_date < r.starts_on) continue;
      expect({ key: r.key, length: Number(r.length) }).toEqual({ key: r.key, length: calendar.workdaysBetween(r.starts_on, r.due_date) });
    }
  });

  it('pages nobody about the past year: each overdue deadline tells the party who must act once, how late it is; no daily escalations', async () => {
    const scheduler = t.app.get(EmbeddedDeadlineScheduler, { strict: false });
    const calendar = BusinessCalendar.fromChineseDays();
    const overdue = (await t.sql(`SELECT id, case_id, due_date, responsible FROM deadlines WHERE status = 'open' AND type = 'due'`)).filter(
      (r: { due_date: string | null }) => !!r.due_date && r.due_date < '2026-12-03',
    );
    // the review queue left at the end of the demo year, at least
    expect(overdue.filter((r: { responsible: string }) => JSON.parse(r.responsible).includes('legal-reviewer')).length).toBeGreaterThanOrEqual(KINDS.length);
    for (const day of ['2026-12-03', '2026-12-04', '2026-12-07', '2026-12-08']) {
      const at = `${day}T01:30:00.000Z`;
      await api.setClock(at);
      await scheduler.reconcile(new Date(at));
      await scheduler.tick(new Date(at));
    }
    const sent = await t.sql(
      `SELECT n.deadline_id, n.kind, n.title_zh, n.body_zh, n.created_at, u.username FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.deadline_id IS NOT NULL`,
    );
    // nobody escalated to, day after day
    expect(sent.filter((n: { kind: string }) => n.kind === 'escalation')).toEqual([]);
    expect(sent.filter((n: { username: string }) => n.username === 'town-head')).toEqual([]);
    // a deadline nobody must act on (normative-document v2's validity end: Docket expires the
    // document itself, issue 9 §11) pages nobody and is closed by the system's EXPIRE
    const systemOnly = overdue.filter((r: { responsible: string }) => JSON.parse(r.responsible).length === 0);
    for (const row of systemOnly) {
      expect(sent.filter((n: { deadline_id: string }) => n.deadline_id === row.id)).toEqual([]);
      const [closed] = await t.sql(`SELECT key, status FROM deadlines WHERE id = '${row.id}'`);
      expect(closed).toEqual({ key: 'validityEnd', status: 'met' });
    }
    for (const row of overdue.filter((r: any) => !systemOnly.includes(r))) {
      const mine = sent.filter((n: { deadline_id: string }) => n.deadline_id === row.id);
      const late = calendar.workdaysBetween(row.due_date, '2026-12-03');
      // one overdue notice per holder of the responsible role, on the first day back, saying since when and how late
      expect({ id: row.id, n: mine.length > 0 }).toEqual({ id: row.id, n: true });
      for (const n of mine) {
        expect({ kind: n.kind, on: String(n.created_at).slice(0, 10) }).toEqual({ kind: 'overdue', on: '2026-12-03' });
        expect(n.title_zh).toContain(`已逾期${late}个工作日`);
        expect(n.body_zh).toContain(`期限已于${row.due_date}`);
        expect(n.body_zh).not.toContain('今日');
      }
      expect(new Set(mine.map((n: { username: string }) => n.username)).size).toBe(mine.length);
    }
    const reviewer = sent.filter((n: { username: string }) => n.username === 'legal-reviewer');
    expect(reviewer.length).toBe(overdue.filter((r: { responsible: string }) => JSON.parse(r.responsible).includes('legal-reviewer')).length);
  });

  it('publishes the catalog with its items linked to their cases', async () => {
    const res = await api.get('dept-head', `/catalogs/${DEMO_YEAR}`);
    expect(res.status).toBe(200);
    expect(res.body.title).toContain('掌起镇2020年');
    expect(res.body.published.consent).toMatchObject({ meeting: '镇党委会议' });
    expect(res.body.published.items.map((i: any) => i.case?.kind)).toEqual(['major-decision', 'major-decision']);
    const trail = await api.get('auditor', `/catalogs/${DEMO_YEAR}/changes`);
    expect(trail.body.intact).toBe(true);
    expect(trail.body.links).toHaveLength(2);
  });

  it('renders the demo year report with figures that match its cases', async () => {
    const r = (await api.get('town-head', `/reports/annual?year=${DEMO_YEAR}`)).body;
    expect(r.cases.total.value).toBe(DEMO_CASES.length);
    for (const type of r.cases.byType) expect({ kind: type.kind, n: type.handled.value }).toEqual({ kind: type.kind, n: DEMO_CASES.filter((c) => c.kind === type.kind).length });
    const inQueue = (await t.sql(`SELECT id FROM cases WHERE state_path IN ('legalityReview.submitted', 'legalityReview.underReview')`)).map((x: { id: string }) => x.id).sort();
    expect(r.legalityReview.underReview.caseIds).toEqual(inQueue);
    expect(r.catalog).toMatchObject({ itemCount: 2, notStarted: 0 });
    expect(r.catalog.completed.value).toBe(1);
    expect(r.legalityReview.coverage).toBeGreaterThan(0);
    // one filing of the demo year is late (the township presidium line of 掌起镇临时摊点管理办法)
    expect([r.filings.metCount, r.filings.missedCount]).toEqual([3, 1]);
    expect(r.catalog.adjustmentsInYear).toBe(0);
    // the review queue at year end is overdue, not on time: open past its due date on 2020-12-31
    const end = '2020-12-31T16:00:00.000Z';
    const overdueAtEnd = await t.sql(
      `SELECT case_id, responsible FROM deadlines WHERE type = 'due' AND due_date <= '2020-12-31' AND opened_at < '${end}' AND (closed_at IS NULL OR closed_at >= '${end}')`,
    );
    expect(overdueAtEnd.filter((x: { responsible: string }) => JSON.parse(x.responsible).includes('legal-reviewer')).length).toBeGreaterThanOrEqual(KINDS.length);
    expect(r.deadlines.reduce((sum: number, d: any) => sum + d.openOverdueCount, 0)).toBe(overdueAtEnd.length);
    expect([...new Set(r.deadlines.flatMap((d: any) => d.openOverdue.caseIds))].sort()).toEqual([...new Set(overdueAtEnd.map((x: { case_id: string }) => x.case_id))].sort());
    const html = await api.get('secretary', `/reports/annual.html?year=${DEMO_YEAR}`);
    expect(html.status).toBe(200);
    expect(html.text).toContain('掌起镇2020年法治政府建设工作情况');
    expect(html.text).toContain('省3A级景区创建');
    expect(html.text).not.toMatch(/undefined|NaN|\[object/);
  });
});
