import type { BrowserContext, Page } from 'playwright-core';
import * as path from 'path';
import { AddressInfo } from 'net';
import { consoleBuilt, CONSOLE_DIR } from '../../apps/api/src/console/console';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { axeProblems, launchChromium, signIn, signOut, SCREENSHOT_DIR } from '../setup/browser';
import { ApiClient, DEMO_PASSWORD } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';
import { SEED_ITEMS } from '../../workflows/decision-catalog/v1/testing/decision-catalog.fixtures';

interface Figure { key: string; value: number; label: { zh: string } }

/**
 * 年度报告, 决策目录 and the case page's workflow diagram in real Chromium against a real Docket
 * (embedded SQLite, the demo town and its sample year 2020, the console served by the API).
 */
describe('web console: annual report, decision catalog, workflow diagram (Chromium, embedded SQLite)', () => {
  let t: TestApp;
  let api: ApiClient;
  let base: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const cspViolations: string[] = [];

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });

  const login = (username: string) => signIn(page, base, username, DEMO_PASSWORD);
  const logout = () => signOut(page);

  beforeAll(async () => {
    if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web (npm test does it first).`);
    browser = await launchChromium();
    t = await startTestApp('sqlite');
    api = new ApiClient(t);
    await t.app.get(DemoSeedService).seedSampleCases();
    await api.setClock('2020-12-20T02:00:00Z');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('年度报告 2020: every figure on the cards and in the tables equals the API answer, with its label, and the charts draw on a canvas', async () => {
    const answer = (await api.get('town-head', '/reports/annual?year=2020')).body;
    expect(answer.cases.total.value).toBeGreaterThan(0);
    await login('town-head');
    await page.locator('[data-test=nav-report]').click();
    await page.waitForURL(`${base}/reports/annual`);
    await page.goto(`${base}/reports/annual?year=2020`);
    await page.locator('[data-test=report-cards] [data-figure]').first().waitFor();

    const cards: Figure[] = [answer.cases.total, answer.legalityReview.requiring, answer.legalityReview.reviewed, answer.legalityReview.underReview, answer.legalityReview.notYetSubmitted, answer.documents.inForce];
    for (const f of cards) {
      const card = page.locator(`[data-test=report-cards] [data-figure="${f.key}"]`);
      expect(await card.locator('[data-test=figure-value]').innerText()).toBe(String(f.value));
      expect(await card.innerText()).toContain(f.label.zh);
    }
    // the tables: each figure by the key the API gave it
    const tableFigures: Figure[] = [
      ...answer.cases.byType.flatMap((x: { handled: Figure; created: Figure; byOutcome: Figure[] }) => [x.handled, x.created]),
      ...answer.legalityReview.byType.flatMap((x: { requiring: Figure; reviewed: Figure }) => [x.requiring, x.reviewed]),
      ...answer.documents.byType.flatMap((x: Record<string, Figure>) => ['issuedInYear', 'inForce', 'expired', 'repealed', 'issuedNotADocument'].map((k) => x[k])),
    ];
    expect(tableFigures.some((f) => f.value > 0)).toBe(true);
    for (const f of tableFigures) expect(await page.locator(`[data-figure="${f.key}"]`).first().innerText()).toBe(String(f.value));
    for (const o of answer.cases.byType.flatMap((x: { byOutcome: Figure[] }) => x.byOutcome)) {
      expect(await page.locator(`[data-figure="${o.key}"]`).innerText()).toBe(`${o.label.zh} ${o.value}`);
    }
    for (const o of answer.legalityReview.opinionsIssued as Array<Figure & { opinions: number }>) {
      expect(await page.locator(`[data-test=report-opinions] [data-figure="${o.key}"]`).innerText()).toBe(String(o.opinions));
    }
    expect(answer.catalog.items.length).toBeGreaterThan(0);
    expect(await page.locator('[data-test=report-catalog] .el-table__body-wrapper .el-table__row').count()).toBe(answer.catalog.items.length);
    // the charts: ECharts on a canvas, drawn with pixels
    for (const chart of ['chart-cases', 'chart-opinions']) {
      const canvas = page.locator(`[data-test=${chart}] canvas`);
      await canvas.first().waitFor();
      const box = await canvas.first().boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.height).toBeGreaterThan(200);
    }
    await page.waitForTimeout(600);
    await shot('report-2020');

    // the printable page, fetched with the session
    const [tab] = await Promise.all([browser.context.waitForEvent('page'), page.locator('[data-test=report-print]').click()]);
    await tab.waitForURL(/^blob:/);
    await tab.locator('body').waitFor();
    expect(await tab.locator('body').innerText()).toContain('2020');
    await tab.screenshot({ path: path.join(SCREENSHOT_DIR, 'report-printable.png'), fullPage: true });
    await tab.close();

    expect(await axeProblems(page)).toEqual([]);
    await logout();
  });

  it('a department head has no report: the menu has no link, the URL shows 无权访问, and the API refuses', async () => {
    expect((await api.get('dept-head', '/reports/annual?year=2020')).status).toBe(403);
    await login('dept-head');
    expect(await page.locator('[data-test=nav-report]').count()).toBe(0);
    await page.goto(`${base}/reports/annual?year=2020`);
    await page.waitForURL(/\/forbidden/);
    await logout();
  });

  it('决策目录 2020 lists the API items with undertaking unit and linked case, the consent and the changes; actions only where the API allows them', async () => {
    const catalog = (await api.get('secretary', '/catalogs/2020')).body;
    const items = (catalog.working?.items ?? catalog.published.items) as Array<{ no: number; name: string; undertakingUnit: string; caseId: string | null }>;
    expect(items.length).toBeGreaterThan(0);
    await login('secretary');
    await page.locator('[data-test=nav-catalogs]').click();
    await page.waitForURL(`${base}/catalogs`);
    await page.goto(`${base}/catalogs/2020`);
    await page.locator('[data-test=catalog-items] [data-test=item-name]').first().waitFor();
    expect(await page.locator('[data-test=catalog-title]').innerText()).toBe(catalog.title);
    expect(await page.locator('[data-test=catalog-items] [data-test=item-name]').allInnerTexts()).toEqual(items.map((i) => i.name));
    expect(await page.locator('[data-test=catalog-items] [data-test=item-unit]').allInnerTexts()).toEqual(items.map((i) => i.undertakingUnit));
    expect(await page.locator('[data-test=catalog-items] [data-test=item-case]').count()).toBe(items.filter((i) => i.caseId).length);
    expect(await page.locator('[data-test=catalog-consent]').innerText()).toContain(catalog.published.consent.agreedOn);
    const trail = (await api.get('secretary', '/catalogs/2020/changes')).body;
    expect(await page.locator('[data-test=catalog-changes] .el-timeline-item').count()).toBe(trail.changes.length + trail.consents.length + trail.publications.length);
    // the change types in words, not codes
    expect(await page.locator('[data-test=catalog-changes]').innerText()).not.toMatch(/\b(ADD|ADJUST|REMOVE)\b/);
    // the catalog case allows the secretary to add an item: the form is the OpenAPI request body; the server's refusal shows there
    const allowed = ((await api.get('secretary', `/cases/${catalog.catalogCaseId}`)).body.allowedEvents as Array<{ type: string; roles: string[] }>).filter((e) => e.roles.length).map((e) => e.type);
    expect(await page.locator('[data-test=catalog-add]').count()).toBe(allowed.includes('ADD_ITEM') ? 1 : 0);
    expect(await page.locator('[data-test=catalog-publish]').count()).toBe(allowed.includes('PUBLISH_CATALOG') ? 1 : 0);
    await shot('catalog-2020');
    expect(await axeProblems(page)).toEqual([]);
    if (allowed.includes('REMOVE_ITEM')) {
      await page.locator(`[data-test=remove-${items[0].no}]`).click();
      const form = page.locator(`[data-test=catalog-form-remove-${items[0].no}]`);
      await form.locator('[data-test=schema-form]').waitFor();
      expect(await form.innerText()).toContain('删除理由');
      await form.locator('textarea, input').first().fill(' ');
      await form.locator('button[type=submit], [data-test=submit]').first().click();
      await form.locator('[data-test=refusal-code]').waitFor();
      expect(await form.locator('[data-test=refusal-code]').innerText()).toMatch(/^4\d\d [A-Z_]+$/);
      await shot('catalog-2020-refusal');
      // unchanged
      expect(((await api.get('secretary', '/catalogs/2020')).body.working?.items ?? []).length).toBe(items.length);
    }
    await logout();

    // a reader without the trail: the published items, no actions
    await login('dept-head');
    await page.goto(`${base}/catalogs/2020`);
    await page.locator('[data-test=catalog-items] [data-test=item-name]').first().waitFor();
    expect(await page.locator('[data-test=catalog-items] [data-test=item-name]').allInnerTexts()).toEqual(catalog.published.items.map((i: { name: string }) => i.name));
    expect(await page.locator('[data-test=catalog-actions]').count()).toBe(0);
    expect(await page.locator('[data-test=catalog-changes]').count()).toBe(0);
    await shot('catalog-2020-dept-head');
    await logout();
  });

  it('the case page draws the workflow graph with exactly the edges its history took lit, a return edge never taken dark', async () => {
    const catalog = (await api.get('town-head', '/catalogs/2020')).body;
    const caseId = catalog.published.items[0].caseId as string;
    const history = (await api.get('town-head', `/cases/${caseId}/history`)).body.records as Array<{ type: string }>;
    const types = history.map((r) => r.type);
    expect(types).toEqual(expect.arrayContaining(['DECIDE_TO_START', 'ISSUE_REVIEW_OPINION', 'RECORD_MEETING']));
    expect(types).not.toContain('RETURN_INCOMPLETE');
    const detail = (await api.get('town-head', `/cases/${caseId}`)).body;
    const graph = (await api.get('town-head', `/workflows/${detail.kind}/${detail.workflowVersion}`)).body.graph as { edges: Array<{ from: string; to: string; event: string }> };

    await login('town-head');
    await page.goto(`${base}/cases/${caseId}`);
    await page.locator('[data-test=diagram] [data-edge]').first().waitFor();
    const edge = (key: string) => page.locator(`[data-test=diagram] [data-edge="${key}"]`);
    expect(await page.locator('[data-test=diagram] [data-edge]').count()).toBe(graph.edges.length);
    // taken: the start, the opinion that sent it to the meeting, the meeting's approval
    expect(await edge('initiation->drafting:DECIDE_TO_START').getAttribute('data-taken')).toBe('true');
    expect(await edge('legalityReview.underReview->collectiveDecision:ISSUE_REVIEW_OPINION').getAttribute('data-taken')).toBe('true');
    expect(await edge('collectiveDecision.scheduled->partyCommitteeReport:RECORD_MEETING').getAttribute('data-taken')).toBe('true');
    // not taken: the returns, though their end states were visited, and the other ways out of the same states
    expect(await edge('legalityReview.underReview->legalityReview.awaitingSubmission:RETURN_INCOMPLETE').getAttribute('data-taken')).toBe('false');
    expect(await edge('legalityReview.underReview->drafting:ISSUE_REVIEW_OPINION').getAttribute('data-taken')).toBe('false');
    expect(await edge('collectiveDecision.scheduled->drafting:RECORD_MEETING').getAttribute('data-taken')).toBe('false');
    expect(await edge('initiation->withdrawn:WITHDRAW').getAttribute('data-taken')).toBe('false');
    // exactly: every lit edge carries an event of the history, and each distinct step of the history lit one edge
    const lit = await page.locator('[data-test=diagram] [data-edge][data-taken=true]').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge') ?? ''));
    for (const key of lit) expect(types).toContain(key.split(':')[1]);
    const steps = new Set<string>();
    const records = (await api.get('town-head', `/cases/${caseId}/history`)).body.records as Array<{ type: string; stateAfter: unknown }>;
    for (let i = 1; i < records.length; i++) steps.add(`${JSON.stringify(records[i - 1].stateAfter)}|${records[i].type}|${JSON.stringify(records[i].stateAfter)}`);
    expect(lit.length).toBe(steps.size);
    // the current state is marked
    expect(await page.locator(`[data-test=diagram] [data-state="${detail.state.path.split('.').slice(0, 2).join('.')}"]`).first().getAttribute('class')).toMatch(/current/);
    await page.locator('[data-test=diagram]').scrollIntoViewIfNeeded();
    await shot('diagram-major-decision');
    await page.locator('[data-test=diagram]').screenshot({ path: path.join(SCREENSHOT_DIR, 'diagram-major-decision-graph.png') });
    expect(await axeProblems(page)).toEqual([]);
    await logout();
  });

  it('a return the case did take lights up; the other return into the same state stays dark', async () => {
    const catalog = (await api.get('town-head', '/catalogs/2020')).body;
    const caseId = catalog.published.items[1].caseId as string;
    expect((await api.get('town-head', `/cases/${caseId}`)).body.state.path).toBe('legalityReview.submitted');
    const res = await api.post('legal-reviewer', `/cases/${caseId}/events`, { type: 'RETURN_INCOMPLETE', payload: { missing: ['合法性论证报告'] } });
    expect(res.status).toBe(200);
    await login('town-head');
    await page.goto(`${base}/cases/${caseId}`);
    await page.locator('[data-test=diagram] [data-edge]').first().waitFor();
    const taken = (key: string) => page.locator(`[data-test=diagram] [data-edge="${key}"]`).getAttribute('data-taken');
    expect(await taken('legalityReview.submitted->legalityReview.awaitingSubmission:RETURN_INCOMPLETE')).toBe('true');
    expect(await taken('legalityReview.underReview->legalityReview.awaitingSubmission:RETURN_INCOMPLETE')).toBe('false');
    expect(await taken('legalityReview.awaitingSubmission->legalityReview.submitted:SUBMIT_FOR_LEGALITY_REVIEW')).toBe('true');
    expect(await taken('legalityReview.submitted->legalityReview.underReview:ACCEPT_FOR_REVIEW')).toBe('false');
    // the steps beneath the graph, in order, the return last
    const steps = await page.locator('[data-test=diagram-steps] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-edge')));
    expect(steps[steps.length - 1]).toBe('legalityReview.submitted->legalityReview.awaitingSubmission:RETURN_INCOMPLETE');
    await page.locator('[data-test=diagram]').screenshot({ path: path.join(SCREENSHOT_DIR, 'diagram-returned.png') });
    await logout();
  });

  it('a department head proposes the decision of an item of the unit from the catalog, with the form of the OpenAPI request body', async () => {
    const item = { ...SEED_ITEMS()[1], name: '镇区污水管网改造' };
    const added = await api.post('secretary', '/catalogs/2020/items', { item, reason: '年中增补' });
    expect(added.status).toBe(201);
    const version = added.body.working.contentVersion as number;
    const consent = await api.post('secretary', '/catalogs/2020/consent', { contentVersion: version, meeting: '镇党委会议', agreedOn: '2020-12-20' });
    expect([consent.status, consent.body.code]).toEqual([200, undefined]);
    const publish = await api.post('secretary', '/catalogs/2020/publish', { publishedAt: '2020-12-20', channels: ['掌起镇人民政府网站'] });
    expect([publish.status, publish.body.code]).toEqual([200, undefined]);
    const published = (await api.get('dept-head', '/catalogs/2020')).body.published.items as Array<{ no: number; name: string; caseId: string | null }>;
    const mine = published.find((i) => i.name === item.name)!;
    expect(mine.caseId).toBeFalsy();

    await login('dept-head');
    await page.goto(`${base}/catalogs/2020`);
    await page.locator('[data-test=catalog-items] [data-test=item-name]').first().waitFor();
    // only the item without a case offers the proposal
    expect(await page.locator('[data-test^=case-]').count()).toBe(1);
    await page.locator(`[data-test=case-${mine.no}]`).click();
    const form = page.locator(`[data-test=catalog-form-case-${mine.no}]`);
    await form.locator('[data-test=schema-form]').waitFor();
    expect(await form.innerText()).toContain('决策事项建议');
    const fields = form.locator('textarea');
    const n = await fields.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) await fields.nth(i).fill('结合实际，改造镇区污水管网');
    await shot('catalog-2020-propose');
    await form.locator('button[type=submit]').first().click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    const caseId = page.url().split('/').pop()!;
    expect((await api.get('town-head', '/catalogs/2020')).body.working.items.find((i: { no: number }) => i.no === mine.no).caseId).toBe(caseId);
    await logout();
  });

  it('ran every screen above without a Content-Security-Policy violation (ECharts included)', () => {
    expect(cspViolations).toEqual([]);
  });
});
