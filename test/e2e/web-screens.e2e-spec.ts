import type { BrowserContext, Page } from 'playwright-core';
import * as fs from 'fs';
import * as path from 'path';
import { AddressInfo } from 'net';
import request from 'supertest';
import { EmbeddedDeadlineScheduler } from '@app/deadlines';
import { consoleBuilt, CONSOLE_DIR } from '../../apps/api/src/console/console';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { axeProblems, launchChromium, signIn, signOut, SCREENSHOT_DIR } from '../setup/browser';
import { ApiClient, DEMO_PASSWORD } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';
import { PROPOSAL } from '../factories/major-decision.factory';
import { bypassingTriggers } from '../factories/history-forgery';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The 案件列表, notification inbox and audit screens in real Chromium against a real Docket
 * (embedded SQLite, the demo town and its sample cases, the console served by the API).
 */
describe('web console screens: case list, notifications, audit (Chromium, embedded SQLite)', () => {
  let t: TestApp;
  let api: ApiClient;
  let base: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const cspViolations: string[] = [];

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `screens-${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector: string) => page.locator(selector).first().innerText();
  /** Waits until the first element matching `selector` reads as `ok` wants (the test's own TypeScript has no DOM). */
  async function until(selector: string, ok: (text: string) => boolean): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await page.locator(selector).first().innerText().catch(() => '');
      if (ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`${selector} still reads "${v}"`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const rows = () => page.locator('[data-test=cases-table] .el-table__body-wrapper .el-table__row');

  const login = (username: string) => signIn(page, base, username, DEMO_PASSWORD);

  const logout = () => signOut(page);

  beforeAll(async () => {
    if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web (npm test does it first).`);
    browser = await launchChromium();
    t = await startTestApp('sqlite');
    api = new ApiClient(t);
    await t.app.get(DemoSeedService).seedSampleCases();
    // enough proposals for a second page of the list (20 a page)
    await api.setClock('2020-09-01T02:00:00Z');
    for (let i = 1; i <= 21; i++) {
      const res = await api.post('dept-head', '/cases', { kind: 'major-decision', title: `村级事务议题（第${i}号）`, proposal: PROPOSAL });
      expect(res.status).toBe(201);
    }
    // the demo year: reviews due and overdue, so reminders and escalations reach the reviewer
    await api.setClock('2020-10-13T02:00:00Z');
    await t.app.get(EmbeddedDeadlineScheduler, { strict: false }).tick(new Date('2020-10-13T02:00:00Z'));
    // a signed checkpoint holding every case, for the audit view's inclusion proof
    expect((await api.post('admin', '/checkpoints')).status).toBe(201);
    // and a later one, after one more case: the two are shown with their consistency proof
    expect((await api.post('dept-head', '/cases', { kind: 'major-decision', title: '检查点之后的事项', proposal: PROPOSAL })).status).toBe(201);
    expect((await api.post('admin', '/checkpoints')).status).toBe(201);
    expect((await api.get('legal-reviewer', '/notifications?unread=true')).body.unread).toBeGreaterThan(0);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the case list: a filter chosen on screen goes into the URL, survives a reload, and back returns to the unfiltered list', async () => {
    await login('town-head');
    await page.locator('[data-test=nav-cases]').click();
    await page.waitForURL(`${base}/cases`);
    await rows().first().waitFor();
    const all = Number((await text('[data-test=cases-total]')).match(/\d+/)![0]);
    expect(all).toBeGreaterThan(21);
    expect(await rows().count()).toBe(20);
    await shot('01-cases');

    await page.locator('[data-test=filter-stage]').click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: /^合法性审查$/ }).click();
    await page.waitForURL(/[?&]stage=legalityReview/);
    await until('[data-test=cases-total]', (v) => v !== `共 ${all} 件`);
    const filtered = Number((await text('[data-test=cases-total]')).match(/\d+/)![0]);
    expect(filtered).toBeGreaterThan(0);
    expect(filtered).toBeLessThan(all);
    const states = await page.locator('[data-test=row-state]').allInnerTexts();
    expect(states.length).toBe(filtered);
    await shot('02-cases-filtered');

    await page.reload();
    await rows().first().waitFor();
    expect(page.url()).toContain('stage=legalityReview');
    expect(await text('[data-test=cases-total]')).toBe(`共 ${filtered} 件`);
    expect(await text('[data-test=filters]')).toContain('合法性审查');
    expect(await page.locator('[data-test=row-state]').allInnerTexts()).toEqual(states);

    // a shared link: the overdue ones of that stage
    await page.goto(`${base}/cases?stage=legalityReview&overdue=true`);
    await rows().first().waitFor();
    expect(await text('[data-test=filters]')).toContain('已超期');
    for (const c of await page.locator('[data-test=clock]').allInnerTexts()) expect(c).toMatch(/^超期 \d+ 个工作日$/);

    await page.goBack();
    await page.waitForURL(/stage=legalityReview$/);
    // as a person does: the page is back (it may have been loaded anew) before the next back
    await until('[data-test=cases-total]', (v) => v === `共 ${filtered} 件`);
    await page.goBack();
    await page.waitForURL(`${base}/cases`);
    await until('[data-test=cases-total]', (v) => v === `共 ${all} 件`);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
  });

  it('pages on the server: page 2 in the URL, the rest of the rows', async () => {
    const firstPage = await page.locator('[data-test=case-link]').allInnerTexts();
    await page.locator('[data-test=pager] .number', { hasText: /^2$/ }).click();
    await page.waitForURL(/[?&]page=2/);
    await until('[data-test=case-link]', (v) => v !== firstPage[0]);
    const all = Number((await text('[data-test=cases-total]')).match(/\d+/)![0]);
    const second = await page.locator('[data-test=case-link]').allInnerTexts();
    expect(second.length).toBe(Math.min(20, all - 20));
    expect(second.some((x) => firstPage.includes(x))).toBe(false);
    await page.reload();
    await rows().first().waitFor();
    expect(await page.locator('[data-test=case-link]').allInnerTexts()).toEqual(second);
    await shot('03-cases-page-2');
  });

  it('the home page pages its tabs on the server: the town head’s 待办 count is the API’s, page 2 in the URL, the rest of the tasks', async () => {
    const tasks = (await api.get('town-head', '/tasks')).body as { total: number; items: Array<{ case: { title: string } }> };
    expect(tasks.total).toBeGreaterThan(20);
    // still signed in as the town head
    await page.goto(`${base}/`);
    const homeRows = () => page.locator('[data-test=case-table] .el-table__body-wrapper .el-table__row .case-link');
    await homeRows().first().waitFor();
    expect(Number(await text('[data-test=count-todo]'))).toBe(tasks.total);
    expect(await homeRows().allInnerTexts()).toEqual(tasks.items.slice(0, 20).map((i) => i.case.title));
    await page.locator('[data-test=home-pager] .number', { hasText: /^2$/ }).click();
    await page.waitForURL(/[?&]page=2/);
    await until('[data-test=case-table] .el-table__body-wrapper .el-table__row .case-link', (v) => v === tasks.items[20].case.title);
    expect(await homeRows().allInnerTexts()).toEqual(tasks.items.slice(20, 40).map((i) => i.case.title));
    await page.reload();
    await until('[data-test=case-table] .el-table__body-wrapper .el-table__row .case-link', (v) => v === tasks.items[20].case.title);
    await shot('02b-home-page-2');
  });

  it('exports the filtered list, every page, as CSV whose Chinese header Excel reads', async () => {
    await page.goto(`${base}/cases?kind=major-decision`);
    await rows().first().waitFor();
    const total = Number((await text('[data-test=cases-total]')).match(/\d+/)![0]);
    expect(total).toBeGreaterThan(20);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-csv]').click()]);
    expect(download.suggestedFilename()).toBe('案件列表.csv');
    const file = path.join(SCREENSHOT_DIR, 'screens-cases.csv');
    await download.saveAs(file);
    const buf = fs.readFileSync(file);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('事项名称,类型,承办单位,当前状态,法定期限,剩余/超期,发起时间');
    // all pages, not the 20 rows on screen
    expect(lines.length - 1).toBe(total);
    expect(lines.slice(1).every((l) => l.includes(',重大行政决策,'))).toBe(true);
    // 剩余/超期 as the screen's clock reads, in working days
    const clocks = lines.slice(1).map((l) => l.split(',')[5]);
    expect(clocks.every((c) => /^(剩余|超期) \d+ 个工作日$|^今日到期$|^$/.test(c))).toBe(true);
    expect(clocks.some((c) => c !== '')).toBe(true);
    expect(buf.toString('utf8')).not.toMatch(UUID);

    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=export-xlsx]').click()]);
    expect(xlsx.suggestedFilename()).toBe('案件列表.xlsx');
    await shot('04-cases-exported');
    await logout();
  });

  it('notifications: the unread count in the header, the inbox, a working link to the case, marking read', async () => {
    await login('legal-reviewer');
    await until('[data-test=unread]', (v) => /[1-9]/.test(v));
    const unread = Number((await text('[data-test=unread]')).match(/\d+/)![0]);
    expect(unread).toBeGreaterThan(0);
    await page.locator('[data-test=unread]').click();
    await page.waitForURL(`${base}/notifications`);
    await page.locator('[data-test=inbox] .el-table__row').first().waitFor();
    expect(await text('[data-test=notice-title]')).toMatch(/^【[\u4e00-\u9fa5]+】/);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await shot('05-notifications');

    await page.locator('[data-test=mark-read]').first().click();
    await until('[data-test=unread]', (v) => /\d+/.exec(v)?.[0] === String(unread - 1));

    const titleOfCase = await page.locator('[data-test=inbox] .el-table__row').nth(1).locator('.text').innerText();
    await page.locator('[data-test=inbox] .el-table__row').nth(1).locator('[data-test=notice-case]').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await page.locator('[data-test=case-title]').waitFor();
    expect(titleOfCase).toContain(await text('[data-test=case-title]'));
    await shot('06-notification-case');
    await logout();
  });

  it('a department head gets 无权访问 on the audit pages, and the API refuses the audit data anyway', async () => {
    await login('dept-head');
    expect(await page.locator('[data-test=nav-audit]').count()).toBe(0);
    await page.goto(`${base}/audit`);
    await page.locator('[data-test=forbidden]').waitFor();
    expect(await text('[data-test=forbidden]')).toContain('无权访问');
    await shot('07-audit-forbidden');
    const someCase = (await api.get('dept-head', '/cases?limit=1')).body.items[0].id;
    await page.goto(`${base}/audit/cases/${someCase}`);
    await page.locator('[data-test=forbidden]').waitFor();
    expect((await api.get('dept-head', `/cases/${someCase}/audit/history`)).status).toBe(403);
    await logout();
  });

  it('the auditor: every event ✓, field changes, the slider moves the state back in time, proofs, dossier; no action button', async () => {
    await login('auditor');
    await page.locator('[data-test=nav-audit]').click();
    await page.waitForURL(`${base}/audit`);
    await page.locator('[data-test=audit-link]').first().waitFor();
    await shot('08-audit-list');
    // the sample case with the longest history
    const longest = ((await api.get('auditor', '/cases?limit=100')).body.items as Array<{ id: string; revision: number; title: string }>).sort((a, b) => b.revision - a.revision)[0];
    expect(longest.revision).toBeGreaterThan(3);
    await page.goto(`${base}/audit/cases/${longest.id}`);
    await page.locator('[data-test=audit-event]').first().waitFor();
    expect(await text('[data-test=audit-title]')).toBe(longest.title);

    const badges = await page.locator('[data-test=verify-badge]').allInnerTexts();
    expect(badges).toHaveLength(longest.revision);
    expect(badges.every((b) => b === '✓')).toBe(true);
    expect(await text('[data-test=verify-summary]')).toContain(`全部 ${longest.revision} 条记录校验通过`);
    expect(await page.locator('[data-test=diff]').count()).toBeGreaterThan(0);
    expect(await text('[data-test=diff]')).toMatch(/[\u4e00-\u9fa5]/);
    // people, units and roles by name: no id in sight
    expect(await page.locator('body').innerText()).not.toMatch(UUID);

    // the slider starts at the last event; two steps back is an earlier record and an earlier state
    await page.locator('[data-test=moment-asof]').waitFor();
    expect(await text('[data-test=moment-asof]')).toContain(`截至第 ${longest.revision} 条记录`);
    const stateNow = await text('[data-test=moment-state]');
    await page.locator('[data-test=time-slider] [role=slider]').focus();
    await page.keyboard.press('Home');
    await until('[data-test=moment-asof]', (v) => v.includes('截至第 1 条记录'));
    expect(await text('[data-test=moment-state]')).not.toBe(stateNow);
    await page.keyboard.press('ArrowRight');
    await until('[data-test=moment-asof]', (v) => v.includes('截至第 2 条记录'));
    await shot('09-audit-case');
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'screens-09a-audit-case-top.png'), animations: 'disabled' });
    await page.locator('[data-test=audit-event][data-seq="2"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'screens-09b-audit-case-history.png'), animations: 'disabled' });
    await page.locator('[data-test=inclusion]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'screens-09c-audit-case-proofs.png'), animations: 'disabled' });

    expect(await text('[data-test=inclusion]')).toContain('包含证明验证通过');
    expect(await text('[data-test=inclusion]')).toMatch(/本案件截至第 \d+ 条记录的状态包含于检查点 \d+/);
    expect(await page.locator('[data-test=checkpoints] .el-table__row').count()).toBe(2);
    expect(await text('[data-test=consistency]')).toContain('检查点 1 至 2 的一致性证明');

    const [html] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=dossier-html]').click()]);
    expect(html.suggestedFilename()).toMatch(/决策档案\.html$/);
    const htmlFile = path.join(SCREENSHOT_DIR, 'screens-dossier.html');
    await html.saveAs(htmlFile);
    expect(fs.readFileSync(htmlFile, 'utf8')).toContain(longest.title);
    const [json] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=dossier-json]').click()]);
    const jsonFile = path.join(SCREENSHOT_DIR, 'screens-dossier.json');
    await json.saveAs(jsonFile);
    expect(JSON.parse(fs.readFileSync(jsonFile, 'utf8'))).toBeTruthy();

    // the case page itself offers the auditor no action
    await page.goto(`${base}/cases/${longest.id}`);
    await page.locator('[data-test=case-title]').waitFor();
    expect(await page.locator('[data-test=actions] button').count()).toBe(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${base}/audit/cases/${longest.id}`);
    await page.locator('[data-test=audit-event]').first().waitFor();
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shot('10-audit-case-1366x768');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('a tampered record shows ✗ at the exact event where the chain breaks', async () => {
    const longest = ((await api.get('auditor', '/cases?limit=100')).body.items as Array<{ id: string; revision: number }>).sort((a, b) => b.revision - a.revision)[0];
    // a record rewritten in the database, around the append-only triggers
    await bypassingTriggers(t, () => t.sql(`UPDATE case_history SET payload = ? WHERE case_id = ? AND seq = 3`, ['{"tampered":true}', longest.id]).then(() => undefined));
    await page.goto(`${base}/audit/cases/${longest.id}`);
    await page.locator('[data-test=audit-event]').first().waitFor();
    const badges = await page.locator('[data-test=verify-badge]').allInnerTexts();
    expect(badges.slice(0, 2)).toEqual(['✓', '✓']);
    expect(badges[2]).toBe('✗');
    expect(await text('[data-test=verify-summary]')).toContain('第 3 条记录起链条断裂');
    expect(await page.locator('[data-test=broken-at]').count()).toBe(1);
    expect(await page.locator('[data-test=audit-event][data-seq="3"] [data-test=broken-at]').count()).toBe(1);
    await shot('11-audit-case-tampered');
    await logout();
  });

  it('axe-core finds no serious or critical violation on the list, the inbox and the audit view', async () => {
    const problems = () => axeProblems(page);
    await login('auditor');
    await page.goto(`${base}/cases?stage=legalityReview`);
    await rows().first().waitFor();
    expect(await problems()).toEqual([]);
    await page.goto(`${base}/notifications`);
    await page.locator('[data-test=inbox]').waitFor();
    expect(await problems()).toEqual([]);
    await page.goto(`${base}/audit`);
    await page.locator('[data-test=audit-link]').first().click();
    await page.locator('[data-test=audit-event]').first().waitFor();
    expect(await problems()).toEqual([]);
  });

  it('ran every screen above without a Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
