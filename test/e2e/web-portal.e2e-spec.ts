import type { BrowserContext, Page } from 'playwright-core';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AddressInfo } from 'net';
import request from 'supertest';
import { consoleBuilt, CONSOLE_DIR } from '../../apps/api/src/console/console';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { axeProblems, launchChromium, SCREENSHOT_DIR } from '../setup/browser';
import { ApiClient } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';
import { runMajorDecision } from '../factories/major-decision.factory';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { citizenComment, publishedWithDraftFile, submitComment } from '../factories/participation.factory';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** The console's own chunks: a citizen's browser never loads them. */
const STAFF_CHUNKS = /\/assets\/(AppLayout|HomeView|CasesView|CaseView|NewCaseView|LoginView|AuditListView|AuditCaseView|ReviewDeskView|AdminView|NotificationsView|SchemaForm|ClockTag|creatable)-/;
/** Latin words that may stand in zh-CN text: the checksum's name, the file type, sizes, the tracking number. */
const LATIN_ALLOWED = /\b[0-9a-f]{64}\b|SHA-256|PDF|DOCX?|OFD|JPG|PNG|KB|MB|YJ\d{8}-[A-Z2-9]{6}|\b[A-Z2-9]{8}\b|English/g;

/**
 * The public portal (公开征求意见, issue 13) in Chromium at a phone's size (375×812, as WeChat's
 * in-app browser): a citizen reads an open consultation, downloads the draft, comments (the proof of
 * work solved in the page), keeps the receipt, and later sees the department's answer; a closed
 * consultation shows its notice; refusals (closed, too many requests) are readable at the form.
 */
describe('the public portal at a phone size (Chromium, embedded SQLite)', () => {
  let t: TestApp;
  let api: ApiClient;
  let base: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let open: { id: string; draft: Buffer; hash: string };
  let closedId: string;
  const scripts: string[] = [];
  const apiCalls: string[] = [];
  const cspViolations: string[] = [];
  const pageErrors: string[] = [];
  let receipt: { trackingNumber: string; queryCode: string };

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `portal-${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector: string) => page.locator(selector).first().innerText();
  const fitsWidth = () => page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth');
  /** The smallest font size of any visible text on the page, in CSS px. */
  const smallestText = () =>
    page.evaluate<number>(`(() => {
      let min = 100;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent.trim() || !el.offsetParent) continue;
        min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
      }
      return min;
    })()`);
  /** Latin words left in what a zh-CN reader reads (English leaking into the Chinese page). */
  const englishLeft = async () => ((await page.locator('body').innerText()).replace(LATIN_ALLOWED, '').match(/[A-Za-z]{3,}/g) ?? []);
  const problems = () => axeProblems(page);
  async function fillComment(body: string) {
    await page.locator('[data-test=type-ENTERPRISE]').check();
    await page.locator('[data-test=display-name]').fill('宁波某电器有限公司');
    await page.locator('[data-test=contact]').fill('13800001234');
    await page.locator('[data-test=clause]').fill('3');
    await page.locator('[data-test=text]').fill(body);
  }

  beforeAll(async () => {
    if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web (npm test does it first).`);
    browser = await launchChromium();
    // the real difficulty class of the portal, a little lighter; a rate limit the flow stays under
    t = await startTestApp('sqlite', { COMMENT_POW_BITS: '14', COMMENT_RATE_LIMIT: '12' });
    api = new ApiClient(t);
    await t.app.get(DemoSeedService).seedSampleCases();
    // a draft published for comment 2020-03-02 → 2020-04-01, its file uploaded; and one whose period was closed
    open = await publishedWithDraftFile(api, '掌起镇临时摊点管理办法（修订）');
    closedId = (await runNormativeDocument(api, { before: 'summary' })).id;
    await api.setClock('2020-03-10T02:00:00Z');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    page = await browser.context.newPage();
    await page.setViewportSize({ width: 375, height: 812 });
    page.setDefaultTimeout(15_000);
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(r.url()).pathname);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    page.on('pageerror', (e) => pageErrors.push(String(e)));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the list of open consultations: title, period in Beijing time, days left; no login, no English, fits 375 px', async () => {
    await page.goto(`${base}/public`);
    await page.evaluate("localStorage.removeItem('docket.locale'); localStorage.removeItem('docket.portal.large')");
    await page.reload();
    const card = page.locator('[data-test=consultation]', { hasText: '掌起镇临时摊点管理办法（修订）' });
    await card.waitFor();
    expect(await card.locator('[data-test=phase]').innerText()).toBe('征求意见中');
    expect(await card.locator('[data-test=days-left]').innerText()).toBe('剩余 23 天');
    expect(await card.locator('[data-test=period-range]').innerText()).toBe('2020年3月2日 至 2020年4月1日 24:00（北京时间）');
    // the closed one is not listed
    const titles = await page.locator('[data-test=consultation-link]').allInnerTexts();
    expect(titles).not.toContain('掌起镇临时摊点管理办法');
    expect(await fitsWidth()).toBe(true);
    expect(await smallestText()).toBeGreaterThanOrEqual(13);
    expect(await englishLeft()).toEqual([]);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    expect(await problems()).toEqual([]);
    await shot('01-list');
  });

  it('the consultation: the draft downloads with the SHA-256 shown, how to comment, the form', async () => {
    await page.locator('[data-test=consultation-link]', { hasText: '掌起镇临时摊点管理办法（修订）' }).click();
    await page.waitForURL(`${base}/public/consultations/${open.id}`);
    await page.locator('[data-test=comment-form]').waitFor();
    expect(await text('[data-test=consultation-title]')).toBe('掌起镇临时摊点管理办法（修订）');
    expect(await text('[data-test=draft-sha256]')).toBe(open.hash);
    expect(await text('[data-test=explanation]')).toContain('起草说明');
    expect(await text('[data-test=channels]')).toContain('掌起镇人民政府网站');
    expect(await text('[data-test=download-draft]')).toMatch(/^下载征求意见稿（PDF，\d+(\.\d)? (B|KB)）$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=download-draft]').click()]);
    expect(download.suggestedFilename()).toBe('掌起镇临时摊点管理办法（修订）.pdf');
    const file = path.join(SCREENSHOT_DIR, 'portal-draft.pdf');
    await download.saveAs(file);
    expect(createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(open.hash);
    // a deep link survives a reload (the API serves the page for /public/...)
    await page.reload();
    await page.locator('[data-test=comment-form]').waitFor();
    expect(await fitsWidth()).toBe(true);
    expect(await smallestText()).toBeGreaterThanOrEqual(13);
    expect(await englishLeft()).toEqual([]);
    expect(await problems()).toEqual([]);
    await shot('02-consultation');
  });

  it('a citizen comments: the form checks itself, the proof of work is solved in the page, the receipt shows the number and 查询码 once', async () => {
    // nothing filled: the form says what is missing, nothing is sent
    await page.locator('[data-test=submit]').click();
    expect(await text('[data-test=error-type]')).toBe('请选择您的身份');
    expect(await text('[data-test=error-text]')).toBe('请填写意见内容');
    // the counter, and the limit
    await page.locator('[data-test=text]').fill('长'.repeat(2001));
    expect(await text('[data-test=counter]')).toBe('已输入 2001 / 2000 字');
    await page.locator('[data-test=submit]').click();
    expect(await text('[data-test=error-text]')).toBe('意见内容不能超过 2000 字');
    const body = '建议将临时摊点的经营时间延长至晚上十点，并在第三条中写明夜间的卫生责任。';
    await fillComment(body);
    expect(await text('[data-test=counter]')).toBe(`已输入 ${body.length} / 2000 字`);
    await shot('03-form-filled');
    const challenged = page.waitForResponse((r) => r.url().endsWith('/api/v1/public/challenge'));
    const posted = page.waitForResponse((r) => r.url().endsWith(`/api/v1/public/consultations/${open.id}/comments`));
    await page.locator('[data-test=submit]').click();
    expect((await challenged).status()).toBe(200);
    const res = await posted;
    expect(res.status()).toBe(201);
    // the answer sent is the page's own: SHA-256(token:answer) has the leading zero bits
    const sent = JSON.parse(res.request().postData() ?? '{}');
    const digest = createHash('sha256').update(`${sent.challenge.token}:${sent.challenge.answer}`).digest();
    expect(digest[0]).toBe(0);
    expect(digest[1] >> 2).toBe(0);
    expect(sent).toMatchObject({ submitterType: 'ENTERPRISE', displayName: '宁波某电器有限公司', contact: '13800001234', clause: 3, text: body, confidential: false });

    await page.locator('[data-test=receipt]').waitFor();
    receipt = { trackingNumber: await text('[data-test=tracking-number]'), queryCode: await text('[data-test=query-code]') };
    expect(receipt.trackingNumber).toMatch(/^YJ20200310-[A-Z2-9]{6}$/);
    expect(receipt.queryCode).toMatch(/^[A-Z2-9]{8}$/);
    expect(await text('[data-test=write-down]')).toContain('查询码只显示这一次');
    expect(await text('[data-test=received-at]')).toBe('2020年3月10日 10:00（北京时间）');
    expect(await fitsWidth()).toBe(true);
    expect(await englishLeft()).toEqual([]);
    expect(await problems()).toEqual([]);
    await shot('04-receipt');
    // the docket holds it, contact masked for staff
    const docket = (await api.get('dept-head', `/cases/${open.id}/comments`)).body;
    expect(docket.items.find((c: { trackingNumber: string }) => c.trackingNumber === receipt.trackingNumber)).toMatchObject({ source: 'PORTAL', submitterType: 'ENTERPRISE', clause: 3, text: body, contact: '138****1234' });
  });

  it('the department answers through the API; the citizen looks the comment up with the receipt and reads the answer', async () => {
    // before the answer: received, under consideration
    await page.locator('[data-test=to-lookup]').click();
    await page.waitForURL(/\/public\/lookup\?n=YJ/);
    expect(await page.locator('[data-test=lookup-number]').inputValue()).toBe(receipt.trackingNumber);
    await page.locator('[data-test=lookup-code]').fill(receipt.queryCode);
    await page.locator('[data-test=lookup-submit]').click();
    await page.locator('[data-test=lookup-result]').waitFor();
    expect(await text('[data-test=lookup-status]')).toBe('已收到，正在研究');
    expect(await text('[data-test=lookup-pending]')).toContain('正在研究');

    const comment = (await api.get('dept-head', `/cases/${open.id}/comments`)).body.items.find((c: { trackingNumber: string }) => c.trackingNumber === receipt.trackingNumber);
    const answer = { disposition: 'PARTIALLY_ADOPTED', reason: '经营时间延长至晚上九点，兼顾周边居民休息；卫生责任已写入第三条。', clauseChanged: '第三条' };
    expect((await api.post('dept-head', `/cases/${open.id}/comments/${comment.id}/disposition`, answer)).status).toBe(200);
    // an advertisement, hidden by moderation: the public page counts it by reason
    const ad = await submitComment(t, open.id, citizenComment({ text: '本店出售夜宵，欢迎光临。' }));
    expect(ad.status).toBe(201);
    const adId = (await api.get('dept-head', `/cases/${open.id}/comments`)).body.items.find((c: { trackingNumber: string }) => c.trackingNumber === ad.body.trackingNumber).id;
    expect((await api.post('dept-head', `/cases/${open.id}/comments/${adId}/hide`, { reason: 'ADVERTISING' })).status).toBe(200);

    // later, on another visit: a wrong code is refused readably, the right one shows the answer
    await page.goto(`${base}/public/lookup`);
    await page.locator('[data-test=lookup-number]').fill(receipt.trackingNumber.toLowerCase());
    await page.locator('[data-test=lookup-code]').fill('AAAAAAAA');
    await page.locator('[data-test=lookup-submit]').click();
    expect(await text('[data-test=lookup-error]')).toBe('意见编号或查询码不正确');
    await page.locator('[data-test=lookup-code]').fill(receipt.queryCode.toLowerCase());
    await page.locator('[data-test=lookup-submit]').click();
    await page.locator('[data-test=lookup-disposition]').waitFor();
    expect(await text('[data-test=lookup-status]')).toBe('已答复');
    expect(await text('[data-test=lookup-disposition]')).toBe('部分采纳');
    expect(await text('[data-test=lookup-reason]')).toBe(answer.reason);
    expect(await text('[data-test=lookup-clause-changed]')).toBe('第三条');
    expect(await text('[data-test=lookup-title]')).toBe('掌起镇临时摊点管理办法（修订）');
    expect(await fitsWidth()).toBe(true);
    expect(await englishLeft()).toEqual([]);
    expect(await problems()).toEqual([]);
    await shot('05-lookup-answer');
  });

  it('大字版: larger type, remembered after a reload, still fitting 375 px; English on its switch', async () => {
    await page.goto(`${base}/public/consultations/${open.id}`);
    await page.locator('[data-test=comment-form]').waitFor();
    expect(await text('[data-test=received]')).toBe('已收到意见 2 条；其中未予公开 1 条（广告 1）');
    const before = await page.evaluate<number>("parseFloat(getComputedStyle(document.querySelector('[data-test=consultation-title]')).fontSize)");
    await page.locator('[data-test=portal-large]').click();
    expect(await page.locator('[data-test=portal-large]').getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await page.locator('[data-test=comment-form]').waitFor();
    const after = await page.evaluate<number>("parseFloat(getComputedStyle(document.querySelector('[data-test=consultation-title]')).fontSize)");
    expect(after).toBeGreaterThanOrEqual(before * 1.2);
    expect(await smallestText()).toBeGreaterThanOrEqual(16);
    expect(await fitsWidth()).toBe(true);
    expect(await problems()).toEqual([]);
    await shot('06-large-type');
    await page.locator('[data-test=portal-large]').click();
    expect(await page.evaluate<string | null>("localStorage.getItem('docket.portal.large')")).toBe('0');

    await page.locator('[data-test=portal-locale]').click();
    expect(await text('[data-test=comment-form] h2')).toBe('Comment');
    expect(await text('[data-test=days-left]')).toBe('23 day(s) left');
    // the page's own words are English; the draft's title stays as published
    expect(await page.locator('body').innerText()).not.toMatch(/征求意见中|剩余|提交意见|您的身份/);
    await shot('07-english');
    await page.locator('[data-test=portal-locale]').click();
    expect(await text('[data-test=comment-form] h2')).toBe('提出意见');
  });

  it('closed: a comment sent after 24:00 on the last day is refused readably at the form; the page then shows the notice; a closed consultation never shows the form', async () => {
    await page.goto(`${base}/public/consultations/${open.id}`);
    await page.locator('[data-test=comment-form]').waitFor();
    await fillComment('最后一分钟之后提交的意见。');
    // the page was opened in time; the period ends while the citizen types
    await api.setClock('2020-04-01T16:00:00Z');
    await page.locator('[data-test=submit]').click();
    await page.locator('[data-test=form-error]').waitFor();
    expect(await text('[data-test=form-error]')).toMatch(/^提交未成功：征求意见已于2020-04-01截止，不再接收意见（.+）$/);
    expect(await text('[data-test=form-error]')).not.toMatch(/Art\.|OBE|R713|COMMENT_PERIOD_CLOSED/);
    await page.locator('[data-test=closed-notice]').waitFor();
    expect(await page.locator('[data-test=comment-form]').count()).toBe(0);
    expect(await fitsWidth()).toBe(true);
    expect(await problems()).toEqual([]);
    await shot('08-refused-closed');

    await page.goto(`${base}/public/consultations/${closedId}`);
    await page.locator('[data-test=closed-notice]').waitFor();
    expect(await text('[data-test=closed-notice]')).toContain('征求意见已截止');
    expect(await text('[data-test=closed-notice]')).toContain('2020年4月1日');
    expect(await page.locator('[data-test=comment-form]').count()).toBe(0);
    expect(await text('[data-test=phase]')).toBe('已截止');
    expect(await englishLeft()).toEqual([]);
    expect(await problems()).toEqual([]);
    await shot('09-closed-notice');
  });

  it('after the close the look-up shows the seal: the proof is checked in the page; a comment edited in the database fails the check', async () => {
    await api.setClock('2020-04-02T02:00:00Z');
    await api.ok('dept-head', open.id, 'CLOSE_COMMENT_PERIOD', {});
    await page.goto(`${base}/public/lookup?n=${receipt.trackingNumber}`);
    await page.locator('[data-test=lookup-code]').fill(receipt.queryCode);
    await page.locator('[data-test=lookup-submit]').click();
    await page.locator('[data-test=lookup-seal]').waitFor();
    expect(await text('[data-test=lookup-seal]')).toContain('2020年4月2日 10:00（北京时间）征求意见结束，本事项收到的全部 2 条意见已于此时封存');
    expect(await text('[data-test=lookup-seal-ok]')).toBe('本页已核对：您的意见在封存的意见之中，内容与提交时一致。');
    expect(await fitsWidth()).toBe(true);
    expect(await englishLeft()).toEqual([]);
    expect(await problems()).toEqual([]);
    await page.locator('[data-test=lookup-seal] summary').click();
    expect((await text('[data-test=lookup-seal-root]')).trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(await fitsWidth()).toBe(true);
    await shot('11-lookup-seal');

    // the comment rewritten in the database: the page's own check no longer reaches the sealed root
    await t.sql(`UPDATE consultation_comments SET text = '（已被改写）' WHERE tracking_number = '${receipt.trackingNumber}'`);
    await page.locator('[data-test=lookup-submit]').click();
    await page.locator('[data-test=lookup-seal-failed]').waitFor();
    expect(await text('[data-test=lookup-seal-failed]')).toContain('核对未通过');
    expect(await problems()).toEqual([]);
    await shot('12-lookup-seal-failed');
  });

  it('an extended period shows the old and the new last day; a burst from one address is answered 请稍后再试 at the form, never a blank page', async () => {
    const { id } = await runMajorDecision(api, { before: 'hearing' });
    await api.setClock('2020-09-02T02:00:00Z');
    await api.ok('dept-head', id, 'EXTEND_COMMENT_PERIOD', { closesAt: '2020-09-10', reason: '意见较多，需延长征求意见期限。' });
    await api.setClock('2020-09-05T02:00:00Z');
    await page.goto(`${base}/public`);
    const card = page.locator('[data-test=consultation]', { hasText: '掌起镇农村生活垃圾分类处理实施方案' });
    await card.waitFor();
    expect(await card.locator('[data-test=extension]').innerText()).toBe('原截止日期 2020年9月3日，延长至 2020年9月10日');
    expect(await card.locator('[data-test=days-left]').innerText()).toBe('剩余 6 天');
    await card.locator('[data-test=consultation-link]').click();
    await page.locator('[data-test=comment-form]').waitFor();
    // the draft's hash is recorded but its file was never uploaded: the hash, no broken link
    expect(await page.locator('[data-test=download-draft]').count()).toBe(0);
    expect(await text('[data-test=no-file]')).toContain('暂未在网上公布');
    expect(await fitsWidth()).toBe(true);
    await shot('10-extended');

    // the same address (the test and the browser are both 127.0.0.1) uses up the challenge's limit
    for (let i = 0; i < 20; i++) {
      if ((await request(base).get('/api/v1/public/challenge')).status === 429) break;
    }
    await fillComment('短时间内重复提交的意见。');
    await page.locator('[data-test=submit]').click();
    await page.locator('[data-test=form-error]').waitFor();
    expect(await text('[data-test=form-error]')).toContain('提交过于频繁，请稍后再试');
    expect(await page.locator('[data-test=text]').inputValue()).toBe('短时间内重复提交的意见。');
    expect(await page.locator('[data-test=submit]').isEnabled()).toBe(true);
    await shot('11-too-many');
  });

  it('loaded none of the console’s staff chunks, called only the public API, ran without a script error or a CSP violation', () => {
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.filter((s) => STAFF_CHUNKS.test(s))).toEqual([]);
    expect(scripts.every((s) => s.startsWith(base))).toBe(true);
    // the pages asked only the public API (no session, no staff endpoint)
    expect(apiCalls.length).toBeGreaterThan(0);
    expect(apiCalls.filter((p) => !p.startsWith('/api/v1/public/'))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });
});
