import type { BrowserContext, Page } from 'playwright-core';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AddressInfo } from 'net';
import request from 'supertest';
import { consoleBuilt, CONSOLE_DIR } from '../../apps/api/src/console/console';
import { axeProblems as pageAxeProblems, launchChromium, SCREENSHOT_DIR } from '../setup/browser';
import { ApiClient, DEMO_PASSWORD } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DRAFT_PDF = Buffer.from('%PDF-1.4\n% 掌起镇老旧小区改造实施方案（草案）\n%%EOF\n');

/**
 * The generated forms in real Chromium (embedded SQLite, demo town): a department head creates a
 * major decision from 新建事项, submits the draft through the form generated from its payload schema
 * with an uploaded file, meets one refusal shown at the field it names, then corrects it.
 */
describe('web console: forms generated from the payload schemas (Chromium, embedded SQLite)', () => {
  let t: TestApp;
  let api: ApiClient;
  let base: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let caseId: string;

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `forms-${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector: string) => page.locator(selector).first().innerText();
  /** axe-core's serious and critical violations on the page as it is now */
  const axeProblems = () => pageAxeProblems(page);

  async function login(username: string) {
    await page.goto(`${base}/login`);
    await page.locator('[data-test=username]').fill(username);
    await page.locator('[data-test=password]').fill(DEMO_PASSWORD);
    await page.locator('[data-test=password]').press('Enter');
    await page.waitForURL(`${base}/`);
  }

  beforeAll(async () => {
    if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web (npm test does it first).`);
    browser = await launchChromium();
    t = await startTestApp('sqlite');
    api = new ApiClient(t);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    await request(t.app.getHttpServer()).put('/api/v1/test/clock').send({ now: '2020-08-03T01:00:00Z' }).expect(200);
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('a department head creates a major decision from 新建事项, through the creation form', async () => {
    await login('dept-head');
    await page.locator('[data-test=nav-new-case]').click();
    await page.waitForURL(/\/cases\/new/);
    await page.locator('[data-test=kind-major-decision]').click();
    await page.waitForURL(/\/cases\/new\/major-decision$/);
    const form = page.locator('[data-test=create-form]');
    await form.waitFor();
    for (const label of ['决策事项名称', '拟解决的主要问题', '建议理由', '必要性', '可行性']) expect(await form.innerText()).toContain(label);

    // the schema's own check: a required field left empty is marked at the field, nothing is sent
    await page.locator('[data-test=form-submit]').click();
    await page.locator('[data-error=title]').waitFor();
    expect(await text('[data-error=title]')).toBe('必填');
    expect(await text('[data-error="proposal.problem"]')).toBe('必填');
    await shot('01-new-case-required');
    expect(await axeProblems()).toEqual([]);

    await page.locator('[data-field=title] input').fill('掌起镇老旧小区改造实施方案');
    await page.locator('[data-field="proposal.problem"] textarea').fill('镇区老旧小区基础设施老化，居民反映强烈。');
    await page.locator('[data-field="proposal.reasons"] textarea').fill('改善居住条件，消除安全隐患。');
    await page.locator('[data-field="proposal.legalBasis"] textarea').fill('《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》');
    await page.locator('[data-field="proposal.solution"] textarea').fill('分两年对镇区 12 个小区实施改造。');
    await page.locator('[data-field="proposal.necessity"] textarea').fill('多处管网存在安全隐患，亟需改造。');
    await shot('02-new-case-filled');
    // Enter in a line field submits the form
    await page.locator('[data-field=title] input').press('Enter');
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await page.locator('[data-test=case-title]').waitFor();
    expect(await text('[data-test=case-title]')).toBe('掌起镇老旧小区改造实施方案');
    expect(await text('[data-test=history]')).toContain('提出决策事项建议');
    const stored = (await api.get('dept-head', `/cases/${caseId}/history`)).body.records[0].payload;
    expect(stored).toEqual({
      title: '掌起镇老旧小区改造实施方案',
      proposal: {
        problem: '镇区老旧小区基础设施老化，居民反映强烈。',
        reasons: '改善居住条件，消除安全隐患。',
        legalBasis: '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》',
        solution: '分两年对镇区 12 个小区实施改造。',
        necessity: '多处管网存在安全隐患，亟需改造。',
      },
    });
    await shot('03-case-created');
  });

  it('submits the draft through its generated form: the upload’s hash, a refusal at the field, then the correction', async () => {
    // the town head starts the procedure (through the API): a fair-competition review is required
    await api.ok('town-head', caseId, 'DECIDE_TO_START', {
      undertakingUnit: 'jjfzb',
      procedures: { publicParticipation: false, hearing: false, expertReview: false, riskAssessment: false, fairCompetitionReview: true },
    });
    await page.reload();
    await page.locator('[data-test=action-SUBMIT_DRAFT]').click();
    const form = page.locator('[data-test=form-SUBMIT_DRAFT]');
    await form.waitFor();
    await form.locator('[data-field=title] input').fill('掌起镇老旧小区改造实施方案（草案）');
    await form.locator('[data-field=documentHash] input[type=file]').setInputFiles({ name: '改造方案草案.pdf', mimeType: 'application/pdf', buffer: DRAFT_PDF });
    await form.locator('[data-test=hash-match]').waitFor();
    const hash = createHash('sha256').update(DRAFT_PDF).digest('hex');
    expect(await form.locator('[data-test=local-hash]').innerText()).toBe(hash);
    expect(await form.locator('[data-test=file-info]').innerText()).toContain('改造方案草案.pdf');
    await form.locator('[data-test="add-options"]').click();
    await form.locator('[data-field="options.0.title"] input').fill('方案一：集中改造');
    await form.locator('[data-field="options.0.summary"] textarea').fill('2020年内完成全部 12 个小区改造。');
    await shot('04-draft-form');

    // left out: the fair-competition review the start decision required → 422 at that group
    const before = await text('[data-test=history]');
    await form.locator('[data-test=form-submit]').click();
    await form.locator('[data-test=refusal]').waitFor();
    expect(await form.locator('[data-test=refusal]').innerText()).toContain('公平竞争审查');
    expect(await form.locator('[data-test=refusal-article]').innerText()).toContain('《重大行政决策程序暂行条例》第二十九条');
    expect(await form.locator('[data-test=refusal-code]').innerText()).toContain('FAIR_COMPETITION_REVIEW_REQUIRED');
    expect(await form.locator('[data-error=fairCompetitionReview]').innerText()).toContain('公平竞争审查');
    expect(await text('[data-test=history]')).toBe(before);
    await shot('05-draft-refused-at-field');
    expect(await axeProblems()).toEqual([]);
    // the office laptop's screen
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'forms-05b-refused-1366x768.png'), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });

    // the correction: the group filled in (a select with its zh-CN labels, a date)
    await form.locator('[data-field="fairCompetitionReview.conclusion"] .el-select').click();
    await page.locator('.el-select-dropdown__item', { hasText: '不含排除、限制竞争内容' }).click();
    await form.locator('[data-field="fairCompetitionReview.summary"] textarea').fill('经审查，不含排除、限制竞争的内容。');
    const reviewedOn = form.locator('[data-field="fairCompetitionReview.reviewedOn"] input');
    if (await reviewedOn.count()) {
      await reviewedOn.fill('2020-08-03');
      await reviewedOn.press('Enter');
    }
    await form.locator('[data-test=form-submit]').click();
    await page.locator('.el-alert--success').waitFor();
    expect(await text('[data-test=history]')).toContain('提交决策草案');
    const records = (await api.get('dept-head', `/cases/${caseId}/history`)).body.records;
    const draft = records[records.length - 1];
    expect(draft.type).toBe('SUBMIT_DRAFT');
    expect(draft.payload.documentHash).toBe(hash);
    expect(draft.payload.options).toEqual([{ title: '方案一：集中改造', summary: '2020年内完成全部 12 个小区改造。' }]);
    expect(draft.payload.fairCompetitionReview.conclusion).toBe('COMPLIANT');
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await shot('06-draft-recorded');

    // the history links the file: downloaded with the session, the bytes the browser checked
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-test=download-${hash}]`).click()]);
    expect(download.suggestedFilename()).toBe('改造方案草案.pdf');
    const file = await download.path();
    expect(createHash('sha256').update(fs.readFileSync(file!)).digest('hex')).toBe(hash);
  });

  it('a file of a type the API refuses is shown with its zh-CN message at the field, and records no hash', async () => {
    await page.locator('[data-test=action-SUBMIT_FOR_LEGALITY_REVIEW]').click();
    const form = page.locator('[data-test=form-SUBMIT_FOR_LEGALITY_REVIEW]');
    await form.waitFor();
    const file = form.locator('[data-field="materials.draftHash"] input[type=file]');
    await file.setInputFiles({ name: '草案.pdf', mimeType: 'application/pdf', buffer: Buffer.from('#!/bin/sh\necho not a pdf\n') });
    await form.locator('[data-test=upload-error]').waitFor();
    expect(await form.locator('[data-test=upload-error]').innerText()).toMatch(/^不支持的附件类型/);
    await form.locator('[data-test=form-submit]').click();
    // the field holds no hash: the schema's own check says so at the field
    await form.locator('[data-error="materials.draftHash"]').waitFor();
    expect(await form.locator('[data-error="materials.draftHash"]').innerText()).toBe('必填');
    await shot('07-upload-wrong-type');
  });
});
