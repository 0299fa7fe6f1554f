import type { BrowserContext, Locator, Page } from 'playwright-core';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { AddressInfo } from 'net';
import { consoleBuilt, CONSOLE_DIR } from '../../apps/api/src/console/console';
import { axeProblems, launchChromium, signIn, signOut, SCREENSHOT_DIR } from '../setup/browser';
import { ApiClient, DEMO_PASSWORD } from '../setup/api-client';
import { startTestApp, TestApp } from '../setup/test-app';
import { ALL_PROCEDURES, majorDecisionSteps, PROPOSAL, Step } from '../factories/major-decision.factory';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const TITLE = '掌起镇农村生活垃圾分类处理实施方案';

interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: Array<string | number>;
  'x-enum-labels'?: Record<string, { zh: string; en: string }>;
  format?: string;
  'x-docket-file'?: boolean;
  maxLength?: number;
}

/** The input the console gives a field (the same reading of the schema as its SchemaForm). */
function kindOf(s: JsonSchema): string {
  if (s.type === 'object' || s.properties) return 'object';
  if (s.type === 'array') return 'array';
  if (s.format === 'sha256' || s['x-docket-file']) return 'file';
  if (s.enum) return 'enum';
  if (s.format === 'date') return 'date';
  if (s.format === 'date-time') return 'date-time';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'number' || s.type === 'integer') return 'number';
  return (s.maxLength ?? 0) > 500 ? 'textarea' : 'text';
}

/** An instant as the same moment in epoch ms, any other value as it is (for comparing what was sent with what is stored). */
function normalized(v: unknown): unknown {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(v)) return Date.parse(v);
  if (Array.isArray(v)) return v.map(normalized);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalized(x)]));
  return v;
}

/**
 * A whole major decision told as its people live it, in real Chromium on the embedded database: the
 * department head creates it from 新建事项; every step (participation, hearing, expert, risk,
 * legality review, meeting, party committee, publication, implementation, close, archive) is sent
 * by its own role through the form the case page generates from the event's payload schema, with
 * the files uploaded; the reviewer returns it once, then asks for revisions, which the department
 * head confirms with the revised file; the secretary meets the refusal of a meeting before the
 * review is done, with its article, at the form; the auditor sees ✓ on every event and downloads
 * the dossier. Every recorded payload is the one the test filled in.
 */
describe('web console: a major decision from proposal to archive, every step in the browser (Chromium, embedded SQLite)', () => {
  let t: TestApp;
  let api: ApiClient;
  let base: string;
  let browser: { context: BrowserContext; close: () => Promise<void> };
  let page: Page;
  let caseId: string;
  let user = '';
  let schemas: Record<string, JsonSchema>;
  /** the files uploaded, by their SHA-256 */
  const files = new Map<string, { name: string; buffer: Buffer }>();
  /** the factory's document hashes, each replaced by a real file's */
  const fileFor = new Map<string, string>();
  const cspViolations: string[] = [];
  let shotNo = 0;

  const shot = (name: string) =>
    page.screenshot({ path: path.join(SCREENSHOT_DIR, `story-${String(++shotNo).padStart(2, '0')}-${name}.png`), fullPage: true, animations: 'disabled' });

  async function as(username: string) {
    if (user === username) return;
    if (user) await signOut(page);
    await signIn(page, base, username, DEMO_PASSWORD);
    user = username;
  }

  async function openCase() {
    await page.goto(`${base}/cases/${caseId}`);
    await page.locator('[data-test=history]').waitFor();
  }

  /** The payload with every document hash replaced by the hash of a PDF the test uploads. */
  function withFiles(schema: JsonSchema, v: unknown): unknown {
    const kind = kindOf(schema);
    if (kind === 'file' && typeof v === 'string') {
      let h = fileFor.get(v);
      if (!h) {
        const buffer = Buffer.from(`%PDF-1.4\n% 决策材料 ${files.size + 1}：${v.slice(0, 12)}\n%%EOF\n`);
        h = createHash('sha256').update(buffer).digest('hex');
        files.set(h, { name: `决策材料${files.size + 1}.pdf`, buffer });
        fileFor.set(v, h);
      }
      return h;
    }
    if (kind === 'object' && v && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withFiles(schema.properties?.[k] ?? {}, x)]));
    }
    if (kind === 'array' && Array.isArray(v)) return v.map((x) => withFiles(schema.items ?? {}, x));
    return v;
  }

  /** Fills one field of a generated form as a person does: types, picks, switches, adds rows, uploads. */
  async function fill(form: Locator, schema: JsonSchema, v: unknown, at: string[]): Promise<void> {
    const key = at.join('.');
    const field = form.locator(`[data-field="${key}"]`).first();
    switch (kindOf(schema)) {
      case 'object':
        for (const [k, x] of Object.entries(v as Record<string, unknown>)) await fill(form, schema.properties![k], x, [...at, k]);
        return;
      case 'array':
        for (const [i, x] of (v as unknown[]).entries()) {
          await form.locator(`[data-test="add-${key}"]`).click();
          await fill(form, schema.items!, x, [...at, String(i)]);
        }
        return;
      case 'file': {
        const f = files.get(v as string)!;
        await field.locator('input[type=file]').setInputFiles({ name: f.name, mimeType: 'application/pdf', buffer: f.buffer });
        await field.locator('[data-test=hash-match]').waitFor();
        expect(await field.locator('[data-test=local-hash]').innerText()).toBe(v);
        return;
      }
      case 'enum': {
        const label = schema['x-enum-labels']![String(v)].zh;
        await field.locator('.el-select').click();
        const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
        await page.locator('.el-select-dropdown__item:visible').filter({ hasText: exact }).first().click();
        return;
      }
      case 'date':
        await field.locator('input').fill(v as string);
        await field.locator('input').press('Enter');
        return;
      case 'date-time': {
        // the picker shows Beijing wall-clock time
        const wall = new Date(Date.parse(v as string) + 8 * 3600_000).toISOString();
        await field.locator('input').fill(`${wall.slice(0, 10)} ${wall.slice(11, 16)}`);
        await field.locator('input').press('Enter');
        return;
      }
      case 'boolean':
        // a required switch starts off, an optional one unset: on (and off again, for an explicit false)
        if (v === true) await field.locator('.el-switch').click();
        else if ((await field.locator('.el-switch').getAttribute('class'))?.includes('is-checked')) await field.locator('.el-switch').click();
        return;
      case 'number':
        await field.locator('input').fill(String(v));
        await field.locator('input').press('Tab');
        return;
      case 'textarea':
        await field.locator('textarea').fill(v as string);
        return;
      default:
        await field.locator('input').fill(v as string);
    }
  }

  /** Opens the action's generated form on the case page and fills it with the payload. */
  async function openForm(type: string, payload: Record<string, unknown>): Promise<Locator> {
    await page.locator(`[data-test=action-${type}]`).click();
    const form = page.locator(`[data-test=form-${type}]`);
    await form.waitFor();
    await fill(form, schemas[type] ?? {}, payload, []);
    return form;
  }

  /** One step through the browser: its role signs in, fills the generated form, sends it; the history gains exactly that payload. */
  async function step(s: Step) {
    if (s.clock) await api.setClock(s.clock);
    await as(s.user);
    await openCase();
    const payload = withFiles(schemas[s.type] ?? {}, s.payload) as Record<string, unknown>;
    const before = (await api.get('auditor', `/cases/${caseId}/history`)).body.records.length as number;
    const form = await openForm(s.type, payload);
    await form.locator('[data-test=form-submit]').click();
    await page.locator('.el-alert--success').waitFor();
    const records = (await api.get('auditor', `/cases/${caseId}/history`)).body.records as Array<{ type: string; payload: unknown }>;
    expect(records).toHaveLength(before + 1);
    expect(records[before].type).toBe(s.type);
    expect(normalized(records[before].payload)).toEqual(normalized(payload));
  }

  beforeAll(async () => {
    if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web (npm test does it first).`);
    browser = await launchChromium();
    t = await startTestApp('sqlite');
    api = new ApiClient(t);
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy/i.test(m.text())) cspViolations.push(m.text());
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('the department head proposes the decision from 新建事项', async () => {
    await api.setClock('2020-08-03T01:00:00Z');
    await as('dept-head');
    await page.locator('[data-test=nav-new-case]').click();
    await page.locator('[data-test=kind-major-decision]').click();
    const form = page.locator('[data-test=create-form]');
    await form.waitFor();
    // the version new cases start on: the newest registered
    const latest = Math.max(...((await api.get('dept-head', '/workflows')).body as Array<{ kind: string; version: number }>).filter((w) => w.kind === 'major-decision').map((w) => w.version));
    const version = (await api.get('dept-head', `/workflows/major-decision/${latest}`)).body;
    schemas = Object.fromEntries((version.events as Array<{ type: string; payloadSchema: JsonSchema }>).map((e) => [e.type, e.payloadSchema]));
    await fill(form, version.create.payloadSchema, { title: TITLE, proposal: PROPOSAL }, []);
    await form.locator('[data-test=form-submit]').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    caseId = page.url().split('/').pop()!;
    await page.locator('[data-test=case-title]').waitFor();
    expect(await page.locator('[data-test=case-title]').innerText()).toBe(TITLE);
    expect((await api.get('auditor', `/cases/${caseId}/history`)).body.records[0].payload).toEqual({ title: TITLE, proposal: PROPOSAL });
    await shot('proposed');
  });

  const steps = majorDecisionSteps(ALL_PROCEDURES);
  const at = (name: string) => steps.findIndex((s) => s.name === name);
  const submitReview = steps[at('submitReview')];
  const opinion = steps[at('opinion')];

  it('drafting, public participation with the hearing, the expert and the risk assessment, each by the department head or the town head through its form', async () => {
    for (const s of steps.slice(at('start'), at('submitReview'))) await step(s);
    expect((await api.get('dept-head', `/cases/${caseId}`)).body.state.path).toMatch(/^legalityReview\./);
    await shot('before-review');
  }, 240_000);

  it('submitted with the uploaded draft; the reviewer returns it once with what is missing; submitted again', async () => {
    await step(submitReview);
    await step({ name: 'return', user: 'legal-reviewer', type: 'RETURN_INCOMPLETE', payload: { missing: ['合法性论证报告', '征求意见采纳情况说明'] } });
    await shot('returned');
    await step({ ...submitReview, clock: '2020-09-30T02:00:00Z' });
    await step(steps[at('accept')]);
  }, 120_000);

  it('the reviewer asks for revisions; no meeting can be scheduled before they are confirmed; the department head confirms the revised file', async () => {
    await step({ ...opinion, payload: { ...opinion.payload, outcome: 'LEGAL_WITH_REVISIONS', suggestions: '第三条应明确资金来源' } });
    expect((await api.get('dept-head', `/cases/${caseId}`)).body.state.path).toBe('legalityReview.revisionsRequired');

    // the secretary is offered no meeting before the review is done, and the API refuses one anyway
    await as('secretary');
    await openCase();
    expect(await page.locator('[data-test=action-SCHEDULE_MEETING]').count()).toBe(0);
    const refused = await api.event('secretary', caseId, 'SCHEDULE_MEETING', steps[at('schedule')].payload);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'LEGALITY_REVIEW_REQUIRED', article: 'R713 Art. 25' });

    await step({ name: 'revise', user: 'dept-head', type: 'CONFIRM_REVISIONS', payload: { documentHash: 'f'.repeat(64), note: '已按审查意见明确资金来源' } });
    expect((await api.get('dept-head', `/cases/${caseId}`)).body.state.path).toBe('collectiveDecision.preparing');
  }, 120_000);

  it('the secretary schedules the meeting; records it with the head speaking second, is refused at the form with the article, moves the head last and records it', async () => {
    await step(steps[at('schedule')]);
    const meeting = steps[at('meeting')];
    await api.setClock(meeting.clock!);
    await openCase();
    const right = meeting.payload.statements as Array<{ role: string }>;
    const head = right.length - 1;
    expect(right[head].role).toBe('HEAD');
    // the head's statement entered second
    const wrong = [right[0], right[head], ...right.slice(1, head)];
    const before = (await api.get('auditor', `/cases/${caseId}/history`)).body.records.length;
    const form = await openForm('RECORD_MEETING', { ...meeting.payload, statements: wrong });
    await form.locator('[data-test=form-submit]').click();
    await form.locator('[data-test=refusal]').waitFor();
    expect(await form.locator('[data-test=refusal-article]').innerText()).toContain('《重大行政决策程序暂行条例》第三十条');
    expect(await form.locator('[data-test=refusal-code]').innerText()).toContain('HEAD_MUST_SPEAK_LAST');
    expect((await api.get('auditor', `/cases/${caseId}/history`)).body.records).toHaveLength(before);
    await shot('meeting-refused');
    expect(await axeProblems(page)).toEqual([]);
    // the head's row moved down to the end, with the keyboard
    for (let i = 1; i < head; i++) {
      await form.locator(`[data-test="down-statements-${i}"]`).focus();
      await page.keyboard.press('Enter');
    }
    await form.locator('[data-test=form-submit]').click();
    await page.locator('.el-alert--success').waitFor();
    const records = (await api.get('auditor', `/cases/${caseId}/history`)).body.records as Array<{ type: string; payload: unknown }>;
    expect(records).toHaveLength(before + 1);
    expect(records[before].type).toBe('RECORD_MEETING');
    expect(records[before].payload).toEqual(meeting.payload);
    await shot('meeting-recorded');
  }, 120_000);

  it('the party committee report, publication, implementation, close and archive', async () => {
    for (const s of steps.slice(at('meeting') + 1)) await step(s);
    const detail = (await api.get('auditor', `/cases/${caseId}`)).body;
    expect(detail.status).toBe('done');
    await as('secretary');
    await openCase();
    expect(await page.locator('[data-test=no-actions]').count()).toBe(1);
    expect(await page.locator('body').innerText()).not.toMatch(UUID);
    await shot('archived');
  }, 240_000);

  it('the auditor sees ✓ on every event of the story and downloads its dossier', async () => {
    await as('auditor');
    await page.goto(`${base}/audit/cases/${caseId}`);
    await page.locator('[data-test=audit-event]').first().waitFor();
    const n = (await api.get('auditor', `/cases/${caseId}/history`)).body.records.length as number;
    const badges = await page.locator('[data-test=verify-badge]').allInnerTexts();
    expect(badges).toHaveLength(n);
    expect(badges.every((b) => b === '✓')).toBe(true);
    expect(await page.locator('[data-test=verify-summary]').innerText()).toContain(`全部 ${n} 条记录校验通过`);
    expect(await page.locator('[data-test^=action-]').count()).toBe(0);
    const [dossier] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test=dossier-html]').click()]);
    const file = path.join(SCREENSHOT_DIR, 'story-dossier.html');
    await dossier.saveAs(file);
    const html = fs.readFileSync(file, 'utf8');
    expect(html).toContain(TITLE);
    // every uploaded file's hash is in the dossier
    for (const h of files.keys()) expect(html).toContain(h);
    await shot('audit');
  }, 120_000);

  it('ran the whole story without a Content-Security-Policy violation', () => {
    expect(cspViolations).toEqual([]);
  });
});
