import type { BrowserContext, Page } from 'playwright-core';
import * as path from 'path';
import { AddressInfo } from 'net';
import request from 'supertest';
import { consoleBuilt, CONSOLE_DIR } from '../../apps/api/src/console/console';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { axeProblems, launchChromium, SCREENSHOT_DIR } from '../setup/browser';
import { DEMO_PASSWORD } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The web console in real Chromium against a real Docket: embedded SQLite with the demo town and
 * its sample cases, the console built by Vite and served by the API process at `/`.
 */
describe('web console in Chromium (embedded SQLite, demo town)', () => {
  let t: TestApp;
  let base: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  const cspViolations: string[] = [];

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector: string) => page.locator(selector).first().innerText();

  async function login(username: string, password = DEMO_PASSWORD) {
    await page.goto(`${base}/login`);
    await page.evaluate("localStorage.removeItem('docket.locale')");
    await page.reload();
    await page.locator('[data-test=username]').fill(username);
    await page.locator('[data-test=password]').fill(password);
    await page.locator('[data-test=password]').press('Enter');
  }

  async function logout() {
    await page.locator('[data-test=logout]').click();
    await page.waitForURL(/\/login/);
  }

  beforeAll(async () => {
    if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web (npm test does it first).`);
    browser = await launchChromium();
    t = await startTestApp('sqlite');
    await t.app.get(DemoSeedService).seedSampleCases();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    // the demo year: one legality review still within its period, the others overdue
    await request(t.app.getHttpServer()).put('/api/v1/test/clock').send({ now: '2020-10-13T02:00:00Z' }).expect(200);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
    // every page of the console runs under the API's own strict Content-Security-Policy (helmet): no
    // inline script, no eval, no inline style; a violation is a console error, collected below
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('is served at / next to the API: console routes fall back to index.html, /api stays the API', async () => {
    const server = t.app.getHttpServer();
    const index = await request(server).get('/').expect(200);
    expect(index.headers['content-type']).toMatch(/text\/html/);
    const csp = String(index.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);
    // no inline script: the page runs under a strict Content-Security-Policy
    const scripts = [...index.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/assets\//);
      expect(body.trim()).toBe('');
    }
    expect((await request(server).get('/cases/0f0e0d0c-0000-4000-8000-000000000000').expect(200)).text).toBe(index.text);
    const api404 = await request(server).get('/api/v1/no-such-thing').expect(404);
    expect(api404.body).toMatchObject({ code: 'NOT_FOUND', messageZh: '请求的地址不存在' });
    expect((await request(server).get('/api/docs').expect(200)).text).toMatch(/swagger/i);
    expect((await request(server).get('/api').expect(404)).body.code).toBe('NOT_FOUND');
    // the API's own errors stay its own (serve-static's exclusion used to turn this 400 into a 404)
    const malformed = await request(server).post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"username":');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('MALFORMED_JSON');
  });

  it('a wrong password shows the API’s zh-CN message', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/login/);
    await page.locator('[data-test=login-submit]').waitFor();
    await shot('01-login');
    await login('dept-head', 'not-the-password');
    await page.locator('[data-test=login-error]').waitFor();
    expect(await text('[data-test=login-error]')).toContain('用户名或密码错误');
    await shot('02-login-wrong-password');
  });

  it('a department head sees its cases with counts and statutory clocks, and opens a case', async () => {
    await login('dept-head');
    await page.waitForURL(`${base}/`);
    await page.locator('[data-test=case-table] .el-table__row').first().waitFor();
    expect(await text('[data-test=user-name]')).toBe('经济发展办负责人');
    expect(await text('[data-test=user-role]')).toBe('承办单位负责人');
    const todo = Number(await text('[data-test=count-todo]'));
    expect(todo).toBeGreaterThan(0);
    expect(await page.locator('[data-test=case-table] .el-table__row').count()).toBe(todo);
    expect(Number(await text('[data-test=count-mine]'))).toBeGreaterThan(0);
    await shot('03-home-dept-head');
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    const CLOCK = /^(剩余|超期) \d+ 个工作日$|^今日到期$|^—$/;
    for (const c of await page.locator('[data-test=clock]').allInnerTexts()) expect(c).toMatch(CLOCK);

    await page.locator('[data-test=tab-mine]').click();
    await page.waitForURL(/tab=mine/);
    await shot('04-home-dept-head-mine');
    expect(await page.locator('[data-test=case-table] .el-table__row').count()).toBe(Number(await text('[data-test=count-mine]')));
    // the reviews it waits for are overdue in 2020-10: red, in working days as the API counts them
    const red = page.locator('[data-test=clock].clock-red');
    expect(await red.count()).toBeGreaterThan(0);
    expect(await red.first().innerText()).toMatch(/^超期 \d+ 个工作日$/);
    await page.locator('[data-test=tab-todo]').click();
    await page.waitForURL(/tab=todo/);

    await page.locator('[data-test=case-table] .case-link').first().click();
    await page.waitForURL(/\/cases\//);
    await page.locator('[data-test=case-title]').waitFor();
    expect((await text('[data-test=case-state]')).trim()).toMatch(/[\u4e00-\u9fa5]/);
    expect(await text('[data-test=case-kind]')).toMatch(/[\u4e00-\u9fa5]/);
    expect(await page.locator('[data-test=stage-bar] .el-step').count()).toBeGreaterThan(2);
    const history = await text('[data-test=history]');
    expect(history).toContain('经济发展办负责人');
    expect(history).toMatch(/\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    expect(await page.locator('[data-test=actions] button').count()).toBeGreaterThan(0);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await shot('05-case-dept-head');
  });

  it('an action the API refuses shows its zh-CN message inline, and the case is unchanged', async () => {
    const before = await text('[data-test=history]');
    const action = page.locator('[data-test=actions] button').first();
    const type = (await action.getAttribute('data-test'))!.replace(/^action-/, '');
    await action.click();
    // the action's form, generated from its payload schema: its required texts filled in
    const form = page.locator('[data-test=schema-form]');
    await form.waitFor();
    const payload: Record<string, string> = {};
    for (const field of await form.locator('.sf-item.is-required').all()) {
      await field.locator('input:not([type=file]), textarea').fill('已按要求办理。');
      payload[(await field.getAttribute('data-field'))!] = '已按要求办理。';
    }
    // meanwhile the case changes elsewhere: the form's submission names a revision that is gone
    const server = t.app.getHttpServer();
    const token = (await request(server).post('/api/v1/auth/login').send({ username: 'dept-head', password: DEMO_PASSWORD })).body.accessToken;
    const caseId = page.url().split('/').pop();
    await request(server).post(`/api/v1/cases/${caseId}/events`).set('Authorization', `Bearer ${token}`).send({ type, payload }).expect(200);
    const recorded = (await request(server).get(`/api/v1/cases/${caseId}`).set('Authorization', `Bearer ${token}`).expect(200)).body.revision;
    await form.locator('[data-test=form-submit]').click();
    await page.locator('[data-test=refusal]').waitFor();
    expect(await text('[data-test=refusal]')).toMatch(/[\u4e00-\u9fa5]/);
    expect(await text('[data-test=refusal-code]')).toContain('409');
    expect(await text('[data-test=history]')).toBe(before);
    // the refused submission recorded nothing
    const now = await request(server).get(`/api/v1/cases/${caseId}`).set('Authorization', `Bearer ${token}`).expect(200);
    expect(now.body.revision).toBe(recorded);
    await shot('06-case-refusal');
  });

  it('switches to English and back', async () => {
    await page.locator('[data-test=locale]').click();
    await page.locator('[data-test=logout]', { hasText: 'Sign out' }).waitFor();
    expect(await text('[data-test=case-kind]')).toMatch(/^[\x20-\x7e]+$/);
    // the refusal shown before the switch speaks English too
    expect(await text('[data-test=refusal]')).toMatch(/^[\x20-\x7e]+$/);
    await shot('07-case-english');
    await page.locator('[data-test=locale]').click();
    await page.locator('[data-test=logout]', { hasText: '退出登录' }).waitFor();
  });

  it('a department head navigating to the review desk or the admin pages sees 无权访问, and the API refuses the admin data anyway', async () => {
    expect(await page.getByRole('link', { name: '合法性审查台' }).count()).toBe(0);
    await page.goto(`${base}/review-desk`);
    await page.locator('[data-test=forbidden]').waitFor();
    expect(await text('[data-test=forbidden]')).toContain('无权访问');
    await shot('08-forbidden-dept-head');
    await page.goto(`${base}/admin`);
    await page.locator('[data-test=forbidden]').waitFor();
    expect(await text('[data-test=forbidden]')).toContain('无权访问');
    // (a string: the test's own TypeScript has no DOM)
    const status = await page.evaluate<number>(
      "fetch('/api/v1/users', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('docket.token') } }).then((r) => r.status)",
    );
    expect(status).toBe(403);
    // the token is never in a URL
    expect(page.url()).not.toMatch(/token|eyJ/);
  });

  it('an expired session returns to login and, once logged in again, to the page it was on', async () => {
    await page.goto(`${base}/`);
    await page.locator('[data-test=case-table] .case-link').first().click();
    await page.waitForURL(/\/cases\//);
    const casePath = new URL(page.url()).pathname;
    await page.evaluate("sessionStorage.setItem('docket.token', 'expired')");
    await page.reload();
    await page.waitForURL(/\/login\?/);
    expect(new URL(page.url()).searchParams.get('redirect')).toBe(casePath);
    await page.locator('[data-test=username]').fill('dept-head');
    await page.locator('[data-test=password]').fill(DEMO_PASSWORD);
    await page.locator('[data-test=login-submit]').click();
    await page.waitForURL(`${base}${casePath}`);
    await page.locator('[data-test=case-title]').waitFor();
    await logout();
  });

  it('a legal reviewer sees its review tasks and the review desk', async () => {
    await login('legal-reviewer');
    await page.waitForURL(`${base}/`);
    await page.locator('[data-test=case-table] .el-table__row').first().waitFor();
    expect(await text('[data-test=user-role]')).toBe('合法性审查人员（司法所）');
    expect(Number(await text('[data-test=count-todo]'))).toBeGreaterThan(0);
    // one review still within its period: amber, with the working days left
    const amber = page.locator('[data-test=clock].clock-amber');
    expect(await amber.count()).toBeGreaterThan(0);
    expect(await amber.first().innerText()).toMatch(/^剩余 \d+ 个工作日$|^今日到期$/);
    await shot('09-home-legal-reviewer');

    await page.getByRole('link', { name: '合法性审查台' }).click();
    await page.waitForURL(/\/review-desk/);
    await page.locator('[data-test=review-queue] .el-table__row').first().waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await shot('10-review-desk');

    await page.locator('[data-test=review-queue] .el-table__row a').first().click();
    await page.locator('[data-test=case-title]').waitFor();
    await page.locator('[data-test=deadlines] li').first().waitFor();
    await shot('11-case-legal-reviewer');
    // the office laptop: nothing cut off at 1366×768
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shot('12-case-1366x768');
    await page.setViewportSize({ width: 1280, height: 800 });
    await logout();
  });

  it('a legal reviewer accepts a form at the desk, prints its liaison form, and prints papers from the case page', async () => {
    await login('legal-reviewer');
    await page.waitForURL(`${base}/`);
    await page.goto(`${base}/review-desk`);
    await page.locator('[data-test=review-queue] .el-table__row').first().waitFor();
    const tabCount = async (s: string) => Number(/（(\d+)）/.exec(await text(`[data-test=desk-tab-${s}]`))?.[1]);
    const all = await tabCount('all');
    const pending = await tabCount('PENDING');
    const underReview = await tabCount('UNDER_REVIEW');
    expect(all).toBe(await page.locator('[data-test=review-queue] .el-table__row').count());
    expect(pending).toBeGreaterThan(0);
    await page.locator('[data-test=desk-tab-PENDING]').click();
    await page.waitForFunction((n) => (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document.querySelectorAll('[data-test=review-queue] .el-table__row').length === n, pending);
    for (const s of await page.locator('[data-test=desk-status]').allInnerTexts()) expect(s).toBe('待受理');
    await shot('13-review-desk-pending');
    // accept the first: a confirmation, then the API's answer; the entry moves to 审查中
    await page.locator('[data-test=desk-accept]').first().click();
    await page.locator('[data-test=desk-accept-confirm]').click();
    await page.locator('.el-message--success').waitFor();
    expect(await tabCount('PENDING')).toBe(pending - 1);
    expect(await tabCount('UNDER_REVIEW')).toBe(underReview + 1);
    // its liaison form opens as a printable A4 paper in a new tab, fetched with the session
    await page.locator('[data-test=desk-tab-UNDER_REVIEW]').click();
    const [paper] = await Promise.all([browser.context.waitForEvent('page'), page.locator('[data-test=desk-print-form]').first().click()]);
    await paper.locator('h1').waitFor();
    expect(await paper.locator('h1').innerText()).toBe('合法性审查工作联系单');
    expect(await paper.locator('.docno').innerText()).toMatch(/^联系单〔\d{4}〕第\d+号$/);
    await paper.screenshot({ path: path.join(SCREENSHOT_DIR, '14-paper-liaison-form.png'), fullPage: true });
    await paper.close();
    // the case page lists the papers the API says it can print
    await page.locator('[data-test=review-queue] .el-table__row a').first().click();
    await page.locator('[data-test=papers] li').first().waitFor();
    const listed = await page.locator('[data-test=papers] li').count();
    const caseId = page.url().split('/').pop();
    const fromApi = await page.evaluate<number>(
      `fetch('/api/v1/cases/${caseId}/papers', { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('docket.token') } }).then((r) => r.json()).then((b) => b.items.length)`,
    );
    expect(listed).toBe(fromApi);
    const [again] = await Promise.all([browser.context.waitForEvent('page'), page.locator('[data-test=print-liaison-form]').click()]);
    await again.locator('h1').waitFor();
    expect(await again.locator('h1').innerText()).toBe('合法性审查工作联系单');
    await again.close();
    await shot('15-case-papers');
    await logout();
  });

  it('axe-core finds no serious or critical violation on the home and case pages', async () => {
    await login('dept-head');
    await page.locator('[data-test=case-table] .el-table__row').first().waitFor();
    const problems = () => axeProblems(page);
    expect(await problems()).toEqual([]);
    await page.locator('[data-test=case-table] .case-link').first().click();
    await page.locator('[data-test=case-title]').waitFor();
    expect(await problems()).toEqual([]);
    await page.goto(`${base}/login`);
    await page.locator('[data-test=login-submit]').waitFor();
    expect(await problems()).toEqual([]);
  });

  it('ran every screen above without a Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
