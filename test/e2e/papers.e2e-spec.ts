/**
 * Issue 11, Papers: the dossier and the five printable papers of the demo year's cases, read as a
 * clerk reads them. Each paper is compared with its golden file under test/golden/papers (set
 * UPDATE_GOLDEN=1 to rewrite them after a deliberate change, then review the diff); no page shows a
 * UUID, a code or a short article reference in its text.
 */
import { generateSigningKey } from '@app/audit';
import * as fs from 'fs';
import * as path from 'path';
import { DEMO_CASES } from '../../apps/api/src/seed/demo-cases';
import { DemoSeedService } from '../../apps/api/src/seed/demo-seed.service';
import { PAPER_KINDS } from '../../apps/api/src/papers/papers.renderer';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { codesIn, visibleText } from '../setup/visible-text';

const GOLDEN = path.join(__dirname, '..', 'golden', 'papers');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
/** the dossier pages, written for a look in a browser (gitignored) */
const OUTPUT = path.join(__dirname, '..', '..', 'test-output', 'papers');

/** The page with what differs from one run to the next (ids, record hashes) replaced by stable placeholders. */
function normalise(html: string): string {
  const ids = new Map<string, string>();
  return html
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, (u) => {
      if (!ids.has(u)) ids.set(u, `uuid-${ids.size + 1}`);
      return ids.get(u)!;
    })
    .replace(/\r\n/g, '\n');
}

describe.each(DRIVERS)('papers on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  /** demo case index → id */
  let ids: string[];

  beforeAll(async () => {
    // the embedded default generates its signing key; with DATABASE_URL the key is configuration
    t = await startTestApp(driver, driver === 'postgres' ? { DOCKET_SIGNING_KEY: generateSigningKey().base64 } : {});
    api = new ApiClient(t);
    const seeded = await t.app.get(DemoSeedService).seedSampleCases();
    // created: the catalog first, then the cases in the order of their dates
    const order = [...DEMO_CASES].map((c, i) => ({ c, i })).sort((a, b) => a.c.at.localeCompare(b.c.at));
    ids = [];
    order.forEach(({ i }, k) => (ids[i] = seeded!.created[k + 1]));
    await api.setClock('2020-12-31T02:00:00.000Z');
  }, 120_000);
  afterAll(async () => t?.close());

  const name = (i: number) => {
    const c = DEMO_CASES[i];
    const n = DEMO_CASES.slice(0, i + 1).filter((x) => x.kind === c.kind).length;
    return `${c.kind}-${n}`;
  };

  it('prints every paper a demo case has a record for, as its golden file says', async () => {
    const printed: string[] = [];
    const mismatched: string[] = [];
    for (let i = 0; i < DEMO_CASES.length; i++) {
      for (const paper of PAPER_KINDS) {
        const res = await api.get('auditor', `/cases/${ids[i]}/papers/${paper}`);
        if (res.status === 404) {
          expect(res.body).toMatchObject({ code: 'PAPER_NOT_AVAILABLE' });
          expect(res.body.messageZh).toMatch(/^本案尚无可生成.+的记录$/);
          continue;
        }
        expect({ paper, status: res.status }).toEqual({ paper, status: 200 });
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        const file = path.join(GOLDEN, `${name(i)}.${paper}.html`);
        const got = normalise(res.text);
        printed.push(path.basename(file));
        if (UPDATE && driver === 'sqlite') fs.writeFileSync(file, got);
        else if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== got) mismatched.push(path.basename(file));
      }
    }
    expect(mismatched).toEqual([]);
    // every golden file is still printed (none left behind by a renamed case or paper)
    expect(fs.readdirSync(GOLDEN).filter((f) => f.endsWith('.html')).sort()).toEqual(printed.sort());
    // each of the five papers is printed for some demo case
    for (const paper of PAPER_KINDS) expect(printed.some((f) => f.endsWith(`.${paper}.html`))).toBe(true);
  });

  it('lists the papers a case can print: exactly those that answer 200, each with the record it rests on', async () => {
    for (let i = 0; i < DEMO_CASES.length; i++) {
      const list = await api.get('auditor', `/cases/${ids[i]}/papers`);
      expect(list.status).toBe(200);
      const listed = (list.body.items as Array<{ paper: string; title: { zh: string }; seq: number }>).map((p) => p.paper);
      const printable: string[] = [];
      for (const paper of PAPER_KINDS) if ((await api.get('auditor', `/cases/${ids[i]}/papers/${paper}`)).status === 200) printable.push(paper);
      expect({ case: name(i), listed }).toEqual({ case: name(i), listed: printable });
      for (const p of list.body.items) expect(p.title.zh).toBeTruthy();
    }
    expect((await api.get('auditor', '/cases/00000000-0000-4000-8000-000000000000/papers')).status).toBe(404);
  });

  it('prints one filing report page per filing, each to its own authority', async () => {
    let cases = 0;
    for (let i = 0; i < DEMO_CASES.length; i++) {
      const history = (await api.get('auditor', `/cases/${ids[i]}/history`)).body.records as Array<{ seq: number; type: string; payload: { filedWith?: string } }>;
      const filings = history.filter((r) => r.type === 'RECORD_FILING');
      if (!filings.length) continue;
      cases++;
      const res = await api.get('auditor', `/cases/${ids[i]}/papers/filing-report`);
      expect(res.status).toBe(200);
      const pages = [...res.text.matchAll(/<article class="paper" data-seq="(\d+)">[\s\S]*?<p class="addressee">([^<]*)：<\/p>/g)].map((m) => ({ seq: Number(m[1]), to: m[2] }));
      expect(pages).toEqual(filings.map((f) => ({ seq: f.seq, to: f.payload.filedWith })));
    }
    // the demo normative document is filed twice (the government above and the people's congress presidium)
    expect(cases).toBeGreaterThan(0);
  });

  it('shows no UUID, code or short article reference in the text of any paper or dossier', async () => {
    const found: string[] = [];
    for (let i = 0; i < DEMO_CASES.length; i++) {
      const pages = [`/cases/${ids[i]}/dossier.html`, ...PAPER_KINDS.map((p) => `/cases/${ids[i]}/papers/${p}`)];
      for (const url of pages) {
        const res = await api.get('auditor', url);
        if (res.status !== 200) continue;
        const text = visibleText(res.text);
        for (const hit of codesIn(text)) found.push(`${name(i)} ${url.split('/').pop()}: ${hit}`);
        // a field or a code without its zh-CN title shows a placeholder: every one the demo year records has a title
        for (const m of res.text.matchAll(/data-(key|code)="([^"]*)">(其他信息|（其他）)/g)) found.push(`${name(i)} ${url.split('/').pop()}: untitled ${m[1]} ${m[2]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('titles the dossier by its matter type, with a contents list, names and Beijing times', async () => {
    const titles: Record<string, string> = {
      'major-decision': '决策档案',
      'normative-document': '规范性文件档案',
      'administrative-contract': '合同审查档案',
      'enforcement-decision': '执法决定审查档案',
      'party-normative-document': '党内规范性文件档案',
    };
    for (let i = 0; i < DEMO_CASES.length; i++) {
      const res = await api.get('auditor', `/cases/${ids[i]}/dossier.html`);
      expect(res.status).toBe(200);
      fs.mkdirSync(OUTPUT, { recursive: true });
      fs.writeFileSync(path.join(OUTPUT, `${name(i)}.dossier.html`), res.text);
      const text = visibleText(res.text);
      expect(res.text).toContain(`<h1>${titles[DEMO_CASES[i].kind]}</h1>`);
      expect(text).toContain('目录');
      expect(text).toContain('经济发展办负责人');
      expect(text).toMatch(/\b2020-\d{2}-\d{2} \d{2}:\d{2}\b/);
      expect(text).toMatch(/核验结论/);
      // arranged by stage, every record named by the workflow's own sections (none left to 其他记录)
      const stages = (await api.get('auditor', `/cases/${ids[i]}/dossier`)).body.stages as Array<{ stage: string; records: unknown[] }>;
      expect(stages.filter((s) => s.records.length).length).toBeGreaterThan(1);
      expect(stages.map((s) => s.stage)).not.toContain('other');
      expect(stages.map((s) => s.stage)).not.toContain('all');
    }
  });

  it("states the dossier's verification result with the signed checkpoint it rests on", async () => {
    const cp = await api.post('admin', '/checkpoints');
    expect(cp.status).toBe(201);
    const res = await api.get('auditor', `/cases/${ids[0]}/dossier.html`);
    const text = visibleText(res.text);
    expect(text).toContain(`本档案的核验以第 ${cp.body.checkpoint.seq} 号签名检查点为据`);
    expect(text).toContain(cp.body.checkpoint.rootHash);
    expect(text).toMatch(/核验结论 通过/);
  });

  it('answers 404 with a zh-CN message for a paper without its record, 400 for an unknown paper, 403 to a role that sees no case', async () => {
    // the declined major decision never went to review
    const declined = DEMO_CASES.findIndex((c) => c.steps.some((s) => s.type === 'DECLINE_TO_START'));
    const none = await api.get('auditor', `/cases/${ids[declined]}/papers/review-opinion`);
    expect(none.status).toBe(404);
    expect(none.body).toMatchObject({ code: 'PAPER_NOT_AVAILABLE', messageZh: '本案尚无可生成合法性审查意见书的记录' });
    const unknown = await api.get('auditor', `/cases/${ids[0]}/papers/memo`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.messageZh).toContain('合法性审查工作联系单');
    const admin = await api.get('admin', `/cases/${ids[0]}/papers/liaison-form`);
    expect(admin.status).toBe(403);
    const missing = await api.get('auditor', `/cases/00000000-0000-4000-8000-000000000000/papers/liaison-form`);
    expect(missing.status).toBe(404);
  });

  it('serves the papers under the same policy as the dossier: no inline script, the style admitted by its hash', async () => {
    const reviewed = DEMO_CASES.findIndex((c) => c.steps.some((s) => s.type === 'SUBMIT_FOR_LEGALITY_REVIEW'));
    const res = await api.get('auditor', `/cases/${ids[reviewed]}/papers/liaison-form`);
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/<script\b/i);
    expect(res.text).not.toMatch(/\son\w+\s*=/i);
    const css = /<style>([\s\S]*?)<\/style>/.exec(res.text)![1];
    const hash = `'sha256-${require('crypto').createHash('sha256').update(css, 'utf8').digest('base64')}'`;
    expect(res.headers['content-security-policy']).toContain(hash);
    expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
  });
});
