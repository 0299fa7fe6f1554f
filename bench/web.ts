/**
 * `npm run bench:web`: the web console's budgets, measured in Debian's Chromium against a real
 * Docket (embedded SQLite, the demo town, the console served by the API process):
 * - the JavaScript the login page loads, gzip-compressed (budget 300 KB);
 * - a case page with 200 history events, from navigation until its timeline and actions are on
 *   screen (budget 1 s);
 * - the home page's task list (待办) over 1,000 cases, from navigation until its first page of rows
 *   is on screen (budget 500 ms);
 * each beside the login page's own time to a usable form in the same run (the baseline: what any
 * page of the console costs before it shows data).
 *
 * Prints the figures and a Markdown section; replaces that section in BENCHMARKS.md unless
 * `--no-write` (and never with `--quick`). Needs `npm run build:web` first and /usr/bin/chromium.
 * Options: `--quick` (fewer passes, 200 cases in the list).
 */
import 'reflect-metadata';
import type { Page } from 'playwright-core';
import { AddressInfo } from 'net';
import * as zlib from 'zlib';
import { consoleBuilt, CONSOLE_DIR } from '../apps/api/src/console/console';
import { launchChromium, signIn } from '../test/setup/browser';
import { ApiClient, DEMO_PASSWORD } from '../test/setup/api-client';
import { startTestApp } from '../test/setup/test-app';
import { majorDecisionSteps, PROPOSAL, runMajorDecision } from '../test/factories/major-decision.factory';
import { machineInfo } from './machine';
import { replaceSection } from './section';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const PASSES = quick ? 3 : 7;
const LIST_CASES = quick ? 200 : 1000;
const HISTORY_EVENTS = 200;
const TITLE = 'Web console (`npm run bench:web`)';

const log = (msg: string) => process.stderr.write(`[bench:web] ${msg}\n`);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

interface Budget {
  name: string;
  value: number;
  unit: 'KB' | 'ms';
  budget: number;
  /** the login page's own figure in the same run, for the ratio */
  baseline?: number;
  detail: string;
}

/** What a page must show before it counts as ready (checked in the page at each animation frame). */
type Ready = { selector: string; atLeast: number; also?: string[] };

/** Navigates to `url` in a fresh document and returns performance.now() when `ready` first holds. */
async function timeTo(page: Page, url: string, ready: Ready): Promise<number> {
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'commit' });
  // a function, not a string: the console's CSP allows no eval
  const handle = await page.waitForFunction(
    (r: Ready) => {
      const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number }; querySelector(s: string): unknown } }).document;
      if (doc.querySelectorAll(r.selector).length < r.atLeast) return false;
      if (r.also && !r.also.some((s) => doc.querySelector(s))) return false;
      return (globalThis as unknown as { performance: { now(): number } }).performance.now();
    },
    ready,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as number;
}

async function main() {
  if (!consoleBuilt()) throw new Error(`The web console is not built (${CONSOLE_DIR}): run npm run build:web first.`);
  const machine = machineInfo();
  const startedAt = Date.now();
  const browser = await launchChromium();
  const t = await startTestApp('sqlite');
  try {
    const api = new ApiClient(t);

    log(`a major decision with ${HISTORY_EVENTS} history events`);
    const { id: caseId } = await runMajorDecision(api, { before: 'accept' });
    const resubmit = majorDecisionSteps().find((s) => s.name === 'submitReview')!.payload;
    let events = (await api.get('auditor', `/cases/${caseId}/history`)).body.records.length as number;
    for (let i = 0; events < HISTORY_EVENTS; i++) {
      await api.ok('legal-reviewer', caseId, 'RETURN_INCOMPLETE', { missing: [`补充材料第${i + 1}项`] });
      events++;
      if (events >= HISTORY_EVENTS) break;
      await api.ok('dept-head', caseId, 'SUBMIT_FOR_LEGALITY_REVIEW', resubmit);
      events++;
    }
    const history = (await api.get('auditor', `/cases/${caseId}/history`)).body.records as unknown[];
    if (history.length !== HISTORY_EVENTS) throw new Error(`the case has ${history.length} events, not ${HISTORY_EVENTS}`);

    log(`${LIST_CASES} cases waiting for the town head`);
    await api.setClock('2020-09-01T02:00:00Z');
    const before = (await api.get('town-head', '/tasks?limit=1')).body.total as number;
    for (let i = 0; i < LIST_CASES; i++) {
      const res = await api.post('dept-head', '/cases', { kind: 'major-decision', title: `村级事务议题（第${i + 1}号）`, proposal: PROPOSAL });
      if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
    }

    await t.app.listen(0, '127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const page = await browser.context.newPage();
    page.setDefaultTimeout(30_000);

    // 1. the JavaScript the login page loads (a fresh profile: nothing cached)
    const scripts = new Map<string, Buffer>();
    page.on('response', async (r) => {
      if (r.request().resourceType() === 'script' && r.ok()) {
        try {
          scripts.set(r.url(), await r.body());
        } catch {
          // a navigation away discards the body; the login page's scripts are read before that
        }
      }
    });
    await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
    await page.locator('[data-test=username]').waitFor();
    const loginScripts = [...scripts.entries()];
    page.removeAllListeners('response');
    const raw = loginScripts.reduce((n, [, b]) => n + b.length, 0);
    const gzip = loginScripts.reduce((n, [, b]) => n + zlib.gzipSync(b, { level: 9 }).length, 0);

    // the baseline: the login page until its form is usable
    const loginMs: number[] = [];
    for (let i = 0; i < PASSES; i++) loginMs.push(await timeTo(page, `${base}/login`, { selector: '[data-test=username]', atLeast: 1 }));

    await signIn(page, base, 'town-head', DEMO_PASSWORD);

    // 2. the case page with 200 events: timeline complete and the actions (or their absence) shown
    const caseReady: Ready = { selector: '[data-test=history] .el-timeline-item', atLeast: HISTORY_EVENTS, also: ['[data-test=actions]', '[data-test=no-actions]'] };
    const caseMs: number[] = [];
    for (let i = 0; i < PASSES; i++) caseMs.push(await timeTo(page, `${base}/cases/${caseId}`, caseReady));

    // 3. the home page's 待办 over the cases waiting for the town head: the first page of rows
    const homeReady: Ready = { selector: '[data-test=case-table] .el-table__body-wrapper .el-table__row', atLeast: 1 };
    const homeMs: number[] = [];
    for (let i = 0; i < PASSES; i++) homeMs.push(await timeTo(page, `${base}/`, homeReady));
    const todo = Number(await page.locator('[data-test=count-todo]').innerText());
    if (todo < before + LIST_CASES) throw new Error(`the town head's 待办 counts ${todo}, not at least ${before + LIST_CASES}`);

    const budgets: Budget[] = [
      {
        name: 'Login page JavaScript, gzip -9',
        value: gzip / 1024,
        unit: 'KB',
        budget: 300,
        detail: `${loginScripts.length} scripts, ${(raw / 1024).toFixed(0)} KB uncompressed`,
      },
      {
        name: `Case page, ${HISTORY_EVENTS} history events, timeline and actions on screen`,
        value: median(caseMs),
        unit: 'ms',
        budget: 1000,
        baseline: median(loginMs),
        detail: `median of ${PASSES} fresh navigations (min ${Math.min(...caseMs).toFixed(0)}, max ${Math.max(...caseMs).toFixed(0)})`,
      },
      {
        name: `Home 待办 over ${todo} cases, first page of rows on screen`,
        value: median(homeMs),
        unit: 'ms',
        budget: 500,
        baseline: median(loginMs),
        detail: `median of ${PASSES} fresh navigations (min ${Math.min(...homeMs).toFixed(0)}, max ${Math.max(...homeMs).toFixed(0)})`,
      },
    ];
    const durationS = (Date.now() - startedAt) / 1000;
    const md = render(budgets, median(loginMs), machine, durationS);
    process.stdout.write(`${md}\n`);
    if (!args.has('--no-write') && !quick) log(`wrote ${replaceSection(TITLE, md)}`);
    if (budgets.some((b) => b.value > b.budget)) process.exitCode = 1;
  } finally {
    await browser.close();
    await t.close();
  }
}

function render(budgets: Budget[], loginMs: number, machine: ReturnType<typeof machineInfo>, durationS: number): string {
  const fmt = (b: Budget) => (b.unit === 'KB' ? `${b.value.toFixed(1)} KB` : `${b.value.toFixed(0)} ms`);
  const lines = [
    `## ${TITLE}`,
    '',
    `Latest run: ${new Date().toISOString().replace('T', ' ').slice(0, 19)} UTC, ${durationS.toFixed(0)} s; ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAvg1.toFixed(2)} at the start. Debian's Chromium, headless, 1280×800, a fresh profile (nothing cached), the console served by the API on embedded SQLite.`,
    '',
    '| Budget | Measured | Budget | ÷ budget | ÷ login page | Met | How |',
    '|---|---:|---:|---:|---:|:---:|---|',
    ...budgets.map(
      (b) =>
        `| ${b.name} | ${fmt(b)} | ${b.budget} ${b.unit} | ${(b.value / b.budget).toFixed(2)} | ${b.baseline ? `${(b.value / b.baseline).toFixed(2)}×` : ''} | ${b.value <= b.budget ? 'met' : '**not met**'} | ${b.detail} |`,
    ),
    '',
    `The baseline is the login page itself: ${loginMs.toFixed(0)} ms (median) from navigation until its form is on screen, in the same run. The times run from the navigation's start (performance.now() in the page) until the condition holds at an animation frame: the case page's timeline holds every event and its actions (or the note that there are none) are drawn; the home page's table shows its first rows.`,
  ];
  return lines.join('\n');
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
