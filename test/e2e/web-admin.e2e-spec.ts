import type { BrowserContext, Page } from 'playwright-core';
import * as path from 'path';
import { AddressInfo } from 'net';
import request from 'supertest';
import { consoleBuilt, CONSOLE_DIR } from '../../apps/api/src/console/console';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { launchChromium, signIn, signOut, SCREENSHOT_DIR } from '../setup/browser';
import { ApiClient, DEMO_PASSWORD } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TEMPORARY = 'Tmp#2020-zhangqi';
const CHOSEN = 'Cz9!village-office';

/**
 * The 管理 and 会议 screens in real Chromium against a real Docket (embedded SQLite, the demo town
 * and its sample cases): an administrator manages departments and users, a user changes the
 * password an administrator reset, a department head is kept out, and the secretary records a
 * collective-discussion meeting through the forms generated from its payload schema.
 */
describe('web console: administration and meetings (Chromium, embedded SQLite)', () => {
  let t: TestApp;
  let api: ApiClient;
  let base: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let meetingCase: { id: string; title: string };

  const shot = (name: string) => page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, animations: 'disabled' });
  const text = (selector: string) => page.locator(selector).first().innerText();
  /** Waits until the first element matching `selector` reads as `ok` wants. */
  async function until(selector: string, ok: (text: string) => boolean): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const v = await page.locator(selector).first().innerText().catch(() => '');
      if (ok(v)) return v;
      if (Date.now() > deadline) throw new Error(`${selector} still reads "${v}"`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** axe-core's serious and critical violations, once Element Plus transitions have finished. */
  async function axeProblems(): Promise<string[]> {
    const { AxeBuilder } = await import('@axe-core/playwright');
    await page.waitForFunction(() =>
      (globalThis as unknown as { document: { getAnimations(): Array<{ playState: string }> } }).document.getAnimations().every((a) => a.playState !== 'running'),
    );
    return (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  /** Both screens a person uses: 1280×800 (the default), and the office laptop's 1366×768, which must not scroll sideways. */
  async function shots(name: string) {
    await shot(name);
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-1366x768.png`), animations: 'disabled' });
    await page.setViewportSize({ width: 1280, height: 800 });
  }
  /** Picks an option of an Element Plus select by its label. */
  async function choose(select: string, label: string | RegExp) {
    await page.locator(select).first().click();
    await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click();
  }

  const login = (username: string, password = DEMO_PASSWORD, landing: string | RegExp = `${base}/`) => signIn(page, base, username, password, landing);
  const logout = () => signOut(page);

  beforeAll(async () => {
    if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web (npm test does it first).`);
    browser = await launchChromium();
    t = await startTestApp('sqlite');
    api = new ApiClient(t);
    await t.app.get(DemoSeedService).seedSampleCases();
    // the sample major decision waiting in the justice office's queue: accepted and found legal,
    // it waits for its collective-discussion meeting
    await api.setClock('2020-10-13T02:00:00Z');
    const queued = (await api.get('legal-reviewer', '/cases?kind=major-decision&stage=legalityReview&status=active')).body.items as Array<{ id: string; title: string }>;
    let found: { id: string; title: string } | undefined;
    for (const c of queued) {
      const d = (await api.get('legal-reviewer', `/cases/${c.id}`)).body as { allowedEvents: Array<{ type: string; blockedBy: unknown[] }> };
      if (d.allowedEvents.some((e) => e.type === 'ACCEPT_FOR_REVIEW' && !e.blockedBy.length)) found = c;
    }
    expect(found).toBeDefined();
    meetingCase = found!;
    await api.ok('legal-reviewer', meetingCase.id, 'ACCEPT_FOR_REVIEW', {});
    await api.setClock('2020-10-14T02:00:00Z');
    await api.ok('legal-reviewer', meetingCase.id, 'ISSUE_REVIEW_OPINION', {
      outcome: 'LEGAL',
      reasons: '决策主体适格，程序完备，内容不违反上位法',
      legalBasis: ['《重大行政决策程序暂行条例》第二十七条'],
      legalAdvisers: ['镇法律顾问团 李律师'],
    });
    const waiting = (await api.get('secretary', `/cases/${meetingCase.id}`)).body;
    expect(waiting.state.stage).toBe('collectiveDecision');
    expect(waiting.allowedEvents.map((e: { type: string }) => e.type)).toContain('SCHEDULE_MEETING');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    page = await browser.context.newPage();
    page.setDefaultTimeout(10_000);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('departments: the administrator creates one, meets the refusal of a code taken, renames it and sees the former name', async () => {
    await login('admin');
    // the administrator's desk loads (no deadline list is theirs: the desk shows its cases without clocks)
    await until('[data-test=count-todo]', (v) => /^\d+$/.test(v));
    await page.locator('[data-test=case-table]').waitFor();
    expect(await page.locator('.el-alert--error').count()).toBe(0);
    await page.locator('[data-test=nav-admin]').click();
    await page.waitForURL(`${base}/admin/users`);
    await page.locator('[data-test=users-table] .el-table__row').first().waitFor();
    // embedded mode has no queues: no dashboard to link to
    expect(await page.locator('[data-test=queue-dashboard]').count()).toBe(0);

    await page.locator('[data-test=tab-admin-units]').click();
    await page.waitForURL(`${base}/admin/units`);
    await page.locator('[data-test=units-table] .el-table__row').first().waitFor();
    expect(await text('[data-test=units-table]')).toContain('经济发展办');
    await page.locator('[data-test=unit-create]').click();
    await page.locator('[data-test=o-id]').fill('cjb');
    await page.locator('[data-test=o-zh]').fill('城建办');
    await page.locator('[data-test=o-en]').fill('Urban Construction Office');
    await page.locator('[data-test=unit-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已新建部门“城建办”'));
    expect(await page.locator('[data-unit=cjb]').count()).toBe(1);

    // the same code again: the API's 409 at the form, the dialog stays open
    await page.locator('[data-test=unit-create]').click();
    await page.locator('[data-test=o-id]').fill('cjb');
    await page.locator('[data-test=o-zh]').fill('城建二办');
    await page.locator('[data-test=o-en]').fill('Second Urban Construction Office');
    await page.locator('[data-test=unit-submit]').click();
    await page.locator('[data-test=unit-dialog] [data-test=refusal]').waitFor();
    expect(await text('[data-test=unit-dialog] [data-test=refusal]')).toContain('409 ORG_UNIT_EXISTS');
    expect(await text('[data-test=unit-dialog] [data-test=refusal-message]')).toMatch(/[\u4e00-\u9fa5]/);
    await shot('admin-02-unit-refused');
    expect(await axeProblems()).toEqual([]);
    await page.locator('[data-test=unit-cancel]').click();

    await page.locator('[data-unit=cjb] [data-test=unit-rename]').click();
    expect(await page.locator('[data-test=o-zh]').inputValue()).toBe('城建办');
    await page.locator('[data-test=o-zh]').fill('村镇建设办');
    await page.locator('[data-test=o-en]').fill('Town and Village Construction Office');
    await page.locator('[data-test=unit-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已更名为“村镇建设办”'));
    const row = page.locator('.el-table__row', { has: page.locator('[data-unit=cjb]') });
    expect(await row.locator('[data-test=unit-name]').innerText()).toBe('村镇建设办');
    expect(await row.locator('[data-test=unit-former]').innerText()).toMatch(/^城建办（至 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）$/);
    expect((await api.get('admin', '/org-units')).body.find((u: { id: string }) => u.id === 'cjb').formerNames[0].nameZh).toBe('城建办');
    await shots('admin-03-units');
    expect(await axeProblems()).toEqual([]);

    // deactivating asks first; cancelled, nothing changes
    await page.locator('[data-unit=cjb] [data-test=unit-deactivate]').click();
    expect(await text('[data-test=deactivate-confirm]')).toContain('停用“村镇建设办”？');
    await page.locator('[data-test=unit-cancel]').click();
    expect(await row.locator('[data-test=unit-status]').innerText()).toBe('在用');
  });

  it('users: creates one in the new department (a weak password refused at its field), resets its password', async () => {
    await page.locator('[data-test=tab-admin-users]').click();
    await page.waitForURL(`${base}/admin/users`);
    await page.locator('[data-test=users-table] .el-table__row').first().waitFor();
    // units by name, roles by their zh-CN label
    const reviewer = page.locator('.el-table__row', { has: page.locator('[data-user=legal-reviewer]') });
    expect(await reviewer.locator('[data-test=user-unit]').innerText()).toBe('司法所');
    expect(await reviewer.locator('[data-test=user-roles]').innerText()).toBe('合法性审查人员（司法所）');
    expect(await page.locator('[data-test=users-table]').innerText()).not.toMatch(UUID);
    await shots('admin-01-users');
    expect(await axeProblems()).toEqual([]);
    // English on the switch
    await page.locator('[data-test=locale]').click();
    await until('[data-test=tab-admin-users]', (v) => v === 'Users');
    expect(await reviewer.locator('[data-test=user-roles]').innerText()).toBe('Legal reviewer');
    expect(await reviewer.locator('[data-test=user-unit]').innerText()).toBe('Justice Office');
    expect(await text('[data-test=user-create]')).toContain('New user');
    await page.locator('[data-test=locale]').click();
    await until('[data-test=tab-admin-users]', (v) => v === '用户');

    await page.locator('[data-test=user-create]').click();
    await page.locator('[data-test=u-username]').fill('cjb-head');
    await page.locator('[data-test=u-display]').fill('村镇建设办负责人');
    await choose('[data-test=u-unit]', '村镇建设办');
    await choose('[data-test=u-roles]', '承办单位负责人');
    // a multiple select stays open: a click elsewhere in the dialog closes it
    await page.locator('[data-test=u-display]').click();
    await page.locator('[data-test=u-password]').fill('short');
    await page.locator('[data-test=u-email]').fill('cjb@zhangqi.gov.cn');
    await page.locator('[data-test=user-submit]').click();
    await page.locator('[data-error=password]').waitFor();
    expect(await text('[data-test=user-dialog] [data-test=refusal]')).toContain('PASSWORD_TOO_WEAK');
    expect(await text('[data-error=password]')).toMatch(/[\u4e00-\u9fa5]/);
    await shot('admin-04-user-refused');
    expect(await axeProblems()).toEqual([]);
    await page.locator('[data-test=u-password]').fill(CHOSEN.replace('village', 'initial'));
    await page.locator('[data-test=user-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已创建用户“村镇建设办负责人”'));
    const created = page.locator('.el-table__row', { has: page.locator('[data-user=cjb-head]') });
    expect(await created.locator('[data-test=user-unit]').innerText()).toBe('村镇建设办');
    expect(await created.locator('[data-test=user-roles]').innerText()).toBe('承办单位负责人');
    expect(await created.locator('[data-test=user-status]').innerText()).toContain('在用');

    // e-mail and qualification: the API's 400 at the field, then saved
    await created.locator('[data-test=user-email]').click();
    await page.locator('[data-test=e-email]').fill('not-an-address');
    await page.locator('[data-test=user-submit]').click();
    await page.locator('[data-error=email]').waitFor();
    expect(await text('[data-error=email]')).toMatch(/[\u4e00-\u9fa5]/);
    await page.locator('[data-test=e-email]').fill('cjb-head@zhangqi.gov.cn');
    await page.locator('[data-test=user-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已保存'));
    expect(await created.innerText()).toContain('cjb-head@zhangqi.gov.cn');
    await created.locator('[data-test=user-qualifications]').click();
    await page.locator('[data-test=q-cert]').fill('bad!');
    await page.locator('[data-test=user-submit]').click();
    await page.locator('[data-error=legalQualificationCertificateNumber]').waitFor();
    await shot('admin-04a-qualification-refused');
    expect(await axeProblems()).toEqual([]);
    await page.locator('[data-test=q-cert]').fill('A20183302100999');
    await page.locator('[data-test=user-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已保存'));
    expect(await created.locator('[data-test=user-status]').locator('..').innerText()).toContain('法律职业资格：A20183302100999');

    await created.locator('[data-test=user-reset]').click();
    await page.locator('[data-test=r-password]').fill(TEMPORARY);
    await page.locator('[data-test=user-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已重置“村镇建设办负责人”的密码'));
    expect(await created.locator('[data-test=user-status]').innerText()).toContain('须修改密码');
    await logout();
  });

  it('the user signs in with the temporary password, must set a new one first (修改密码), then works', async () => {
    await login('cjb-head', TEMPORARY, /\/password/);
    await page.locator('[data-test=password-forced]').waitFor();
    // the current one wrong: the API's refusal at that field
    await page.locator('[data-test=p-current]').fill('not-the-password');
    await page.locator('[data-test=p-next]').fill(CHOSEN);
    await page.locator('[data-test=p-repeat]').fill(CHOSEN);
    await page.locator('[data-test=password-submit]').click();
    await page.locator('[data-error=currentPassword]').waitFor();
    expect(await text('[data-error=currentPassword]')).toBe('当前密码不正确');
    await shots('admin-05-password-forced');
    expect(await axeProblems()).toEqual([]);
    await page.locator('[data-test=p-current]').fill(TEMPORARY);
    await page.locator('[data-test=password-submit]').click();
    await page.waitForURL(`${base}/`);
    // until then the console asked the API for nothing the user could not have
    const log = (await api.get('admin', '/security-log?limit=50')).body as Array<{ username: string; code: string }>;
    expect(log.filter((e) => e.code === 'PASSWORD_CHANGE_REQUIRED')).toEqual([]);
    expect(await text('[data-test=user-name]')).toBe('村镇建设办负责人');
    // the user menu leads to 修改密码 at any time
    await page.locator('[data-test=user-menu-button]').click();
    await page.locator('[data-test=menu-password]').click();
    await page.waitForURL(`${base}/password`);
    expect(await page.locator('[data-test=password-forced]').count()).toBe(0);
    await logout();
  });

  it('the administrator disables the user: their login is refused; the security log shows the refusal', async () => {
    await login('admin');
    // the department still has an account in use: the API refuses to deactivate it, said in the dialog
    await page.goto(`${base}/admin/units`);
    await page.locator('[data-unit=cjb] [data-test=unit-deactivate]').click();
    await page.locator('[data-test=unit-submit]').click();
    await page.locator('[data-test=unit-dialog] [data-test=refusal]').waitFor();
    expect(await text('[data-test=unit-dialog] [data-test=refusal]')).toContain('409 ORG_UNIT_HAS_ACTIVE_USERS');
    await shot('admin-06a-unit-has-users');
    await page.locator('[data-test=unit-cancel]').click();

    await page.locator('[data-test=tab-admin-users]').click();
    const created = page.locator('.el-table__row', { has: page.locator('[data-user=cjb-head]') });
    await created.waitFor();
    await created.locator('[data-test=user-disable]').click();
    expect(await text('[data-test=disable-confirm]')).toContain('停用“村镇建设办负责人”的账号？');
    await page.locator('[data-test=user-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已停用“村镇建设办负责人”'));
    expect(await created.locator('[data-test=user-status]').innerText()).toContain('已停用');
    expect(await created.locator('[data-test=user-enable]').count()).toBe(1);
    await shot('admin-06-user-disabled');

    const refused = await request(t.app.getHttpServer()).post('/api/v1/auth/login').send({ username: 'cjb-head', password: CHOSEN });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);
    await logout();
    // in the browser too: the login form says why, in zh-CN
    await page.locator('[data-test=username]').fill('cjb-head');
    await page.locator('[data-test=password]').fill(CHOSEN);
    await page.locator('[data-test=password]').press('Enter');
    await page.locator('.el-alert--error').waitFor();
    expect(page.url()).toContain('/login');
    expect(await text('.el-alert--error')).toMatch(/[\u4e00-\u9fa5]/);

    await login('admin');
    await page.locator('[data-test=nav-admin]').click();
    // no account in use any more: the department is deactivated, after the confirmation
    await page.locator('[data-test=tab-admin-units]').click();
    await page.locator('[data-unit=cjb] [data-test=unit-deactivate]').click();
    await page.locator('[data-test=unit-submit]').click();
    await until('[data-test=admin-done]', (v) => v.includes('已停用“村镇建设办”'));
    const unit = page.locator('.el-table__row', { has: page.locator('[data-unit=cjb]') });
    expect(await unit.locator('[data-test=unit-status]').innerText()).toBe('已停用');
    expect(await unit.locator('[data-test=unit-deactivate]').count()).toBe(0);

    await page.locator('[data-test=tab-admin-security-log]').click();
    await page.waitForURL(`${base}/admin/security-log`);
    await page.locator('[data-test=security-log] .el-table__row').first().waitFor();
    expect(await text('[data-test=security-log]')).toContain('cjb-head');
    expect(await text('[data-test=log-page]')).toBe('第 1 页');
    await shots('admin-07-security-log');
    expect(await axeProblems()).toEqual([]);
  });

  it('calendar years: the covered years, and a bad source refused at its field', async () => {
    await page.locator('[data-test=tab-admin-calendar]').click();
    await page.waitForURL(`${base}/admin/calendar-years`);
    await page.locator('[data-test=calendar-covered]').waitFor();
    expect(await text('[data-test=calendar-covered]')).toMatch(/^工作日历覆盖 \d{4} 年至 \d{4} 年$/);
    await page.locator('[data-test=c-holidays]').fill('2027-01-01');
    await page.locator('[data-test=c-source]').fill('not a url');
    await page.locator('[data-test=calendar-submit]').click();
    await page.locator('[data-error=source]').waitFor();
    expect(await text('[data-test=admin-calendar] [data-test=refusal]')).toContain('400');
    expect(await text('[data-error=source]')).toMatch(/[\u4e00-\u9fa5]/);
    await shots('admin-08-calendar-years');
    expect(await axeProblems()).toEqual([]);
    await logout();
  });

  it('a department head has no 管理 link and gets 无权访问 at /admin; the API refuses anyway', async () => {
    await login('dept-head');
    expect(await page.locator('[data-test=nav-admin]').count()).toBe(0);
    expect(await page.locator('[data-test=nav-meetings]').count()).toBe(0);
    for (const url of ['/admin', '/admin/units', '/meetings']) {
      await page.goto(`${base}${url}`);
      await page.locator('[data-test=forbidden]').waitFor();
      expect(await text('[data-test=forbidden]')).toContain('无权访问');
    }
    await shot('admin-09-forbidden-dept-head');
    expect((await api.get('dept-head', '/users')).status).toBe(403);
    await logout();
  });

  it('the secretary schedules the meeting from 会议, records it with the head last after the API refuses the wrong order', async () => {
    await login('secretary');
    await page.locator('[data-test=nav-meetings]').click();
    await page.waitForURL(`${base}/meetings`);
    const row = page.locator('[data-test=meetings-table] .el-table__row', { hasText: meetingCase.title });
    await row.waitFor();
    expect(await row.locator('[data-test=meeting-state]').innerText()).toBe('待安排会议');
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await shots('meetings-01-list');
    expect(await axeProblems()).toEqual([]);

    await row.locator('[data-test=meeting-open]').click();
    await page.waitForURL(`${base}/cases/${meetingCase.id}`);
    await page.locator('[data-test=action-SCHEDULE_MEETING]').click();
    const schedule = page.locator('[data-test=form-SCHEDULE_MEETING]');
    await schedule.waitFor();
    await choose('[data-test=form-SCHEDULE_MEETING] [data-field=meetingType] .el-select', '镇班子领导会议');
    const at = schedule.locator('[data-field=scheduledAt] input');
    await at.fill('2020-10-20 09:00');
    await at.press('Enter');
    await schedule.locator('[data-test=form-submit]').click();
    await until('.el-alert--success', (v) => v.includes('已办理'));
    expect(await text('[data-test=case-state]')).toBe('已安排会议');
    const scheduled = (await api.get('secretary', `/cases/${meetingCase.id}/history`)).body.records.pop();
    expect(scheduled.payload).toEqual({ meetingType: 'LEADERSHIP_MEETING', scheduledAt: '2020-10-20T09:00:00+08:00' });

    await api.setClock('2020-10-20T04:00:00Z');
    await page.reload();
    await page.locator('[data-test=action-RECORD_MEETING]').click();
    const form = page.locator('[data-test=form-RECORD_MEETING]');
    await form.waitFor();
    const attendees = ['镇长 陈某', '副镇长 周某', '副镇长 吴某'];
    for (const [i, name] of attendees.entries()) {
      await form.locator('[data-test="add-attendees"]').click();
      await form.locator(`[data-field="attendees.${i}"] input`).fill(name);
    }
    // the head's statement entered first: the order the API checks
    const statements = [
      { speaker: '镇长 陈某', role: '主要负责人', position: '赞成', text: '同意实施，分期安排资金' },
      { speaker: '副镇长 周某', role: '会议组成人员', position: '赞成', text: '同意，建议加快实施' },
      { speaker: '副镇长 吴某', role: '会议组成人员', position: '反对', text: '资金压力较大，建议分期安排；“不同意见”如实记录。' },
    ];
    for (const [i, s] of statements.entries()) {
      await form.locator('[data-test="add-statements"]').click();
      await form.locator(`[data-field="statements.${i}.speaker"] input`).fill(s.speaker);
      await choose(`[data-test=form-RECORD_MEETING] [data-field="statements.${i}.role"] .el-select`, new RegExp(`^${s.role}$`));
      await choose(`[data-test=form-RECORD_MEETING] [data-field="statements.${i}.position"] .el-select`, new RegExp(`^${s.position}$`));
      await form.locator(`[data-field="statements.${i}.text"] textarea`).fill(s.text);
    }
    await choose('[data-test=form-RECORD_MEETING] [data-field=decision] .el-select', /^通过$/);
    const before = await text('[data-test=history]');
    await form.locator('[data-test=form-submit]').click();
    await form.locator('[data-test=refusal]').waitFor();
    expect(await form.locator('[data-test=refusal-code]').innerText()).toContain('HEAD_MUST_SPEAK_LAST');
    expect(await form.locator('[data-test=refusal-article]').innerText()).toContain('《重大行政决策程序暂行条例》第三十条');
    expect(await text('[data-test=history]')).toBe(before);
    await shot('meetings-02-record-refused');
    expect(await axeProblems()).toEqual([]);

    // the head's statement moved to the end, row by row
    await form.locator('[data-test="down-statements-0"]').click();
    await form.locator('[data-test="down-statements-1"]').click();
    expect(await form.locator('[data-field="statements.2.speaker"] input').inputValue()).toBe('镇长 陈某');
    expect(await form.locator('[data-field="statements.0.speaker"] input').inputValue()).toBe('副镇长 周某');
    expect(await form.locator('[data-test="down-statements-2"]').isDisabled()).toBe(true);
    expect(await form.locator('fieldset[data-field="statements.2"] legend').innerText()).toBe('第 3 项：镇长 陈某');
    await shots('meetings-03-record-reordered');
    // both members against, the meeting approves: the head's reason is required, said at its field
    await choose('[data-test=form-RECORD_MEETING] [data-field="statements.0.position"] .el-select', /^反对$/);
    await form.locator('[data-field="statements.0.text"] textarea').fill('不同意：建议暂缓，先完成资金测算');
    await form.locator('[data-test=form-submit]').click();
    await until('[data-test=form-RECORD_MEETING] [data-test=refusal-code]', (v) => v.includes('HEAD_REASON_REQUIRED'));
    await form.locator('[data-error=headReason]').waitFor();
    expect(await form.locator('[data-error=headReason]').innerText()).toContain('说明理由');
    expect(await text('[data-test=history]')).toBe(before);
    await form.locator('[data-error=headReason]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'meetings-03b-head-reason-required.png'), animations: 'disabled' });
    await form.locator('[data-field=headReason] textarea').fill('资金可分期安排，综合考虑后同意实施。');
    await form.locator('[data-test=form-submit]').click();
    await until('.el-alert--success', (v) => v.includes('已办理'));
    const recorded = (await api.get('secretary', `/cases/${meetingCase.id}/history`)).body.records.pop();
    expect(recorded.type).toBe('RECORD_MEETING');
    expect(recorded.payload.attendees).toEqual(attendees);
    expect(recorded.payload.statements).toEqual([
      { speaker: '副镇长 周某', role: 'MEMBER', position: 'OPPOSE', text: '不同意：建议暂缓，先完成资金测算' },
      { speaker: '副镇长 吴某', role: 'MEMBER', position: 'OPPOSE', text: '资金压力较大，建议分期安排；“不同意见”如实记录。' },
      { speaker: '镇长 陈某', role: 'HEAD', position: 'SUPPORT', text: '同意实施，分期安排资金' },
    ]);
    expect(recorded.payload.decision).toBe('APPROVED');
    expect(recorded.payload.headReason).toBe('资金可分期安排，综合考虑后同意实施。');
    await shot('meetings-04-recorded');

    // recorded, the case has left the meeting list
    await page.locator('[data-test=nav-meetings]').click();
    await page.waitForURL(`${base}/meetings`);
    await until('[data-test=meetings-total]', (v) => /\d/.test(v));
    expect(await page.locator('[data-test=meetings-table] .el-table__row', { hasText: meetingCase.title }).count()).toBe(0);
    await logout();
  });

  it('the town head sees the meeting list too, without acting from it', async () => {
    await login('town-head');
    await page.locator('[data-test=nav-meetings]').click();
    await page.waitForURL(`${base}/meetings`);
    await until('[data-test=meetings-total]', (v) => /\d/.test(v));
    expect(await page.locator('[data-test=forbidden]').count()).toBe(0);
    await shot('meetings-05-town-head');
    expect(await axeProblems()).toEqual([]);
    await logout();
  });
});
