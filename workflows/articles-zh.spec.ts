/**
 * Articles as a clerk reads them (issue 11, "no codes inside zh-CN text"): every article a
 * registered workflow cites has a zh-CN citation (`articleZh`), and no zh-CN text of a workflow —
 * refusals, labels, titles, the description of `GET /workflows/:kind/:version`, the reminders of
 * its deadlines — holds a short reference ("R713 Art. 26", "SPEC §3.4").
 */
import { articleZh, articleZhOrUndefined, citesArticle, describeDefinition, shortArticleRefsIn } from '@app/engine';
import type { WorkflowDefinition } from '@app/engine';
import { reminderMessage } from '../libs/deadlines/src/reminder-message';
import type { PlannedReminder } from '../libs/deadlines/src/reminder-plan';
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { allWorkflows } from './index';

const name = (def: WorkflowDefinition) => `${def.kind} v${def.version}`;

/** Every value under an `article` key, with where it stands. The machine is walked through its config. */
function articlesOf(def: WorkflowDefinition): Array<{ at: string; article: string }> {
  const out: Array<{ at: string; article: string }> = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, at: string) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      if (k === 'machine') walk((v as { config?: unknown }).config, `${at}.machine.config`);
      else if (k === 'article' && typeof v === 'string') out.push({ at: `${at}.${k}`, article: v });
      else walk(v, `${at}.${k}`);
    }
  };
  walk(def, name(def));
  return out;
}

/** Every zh-CN text (values under `zh` or a key ending in `Zh`), with where it stands. */
function zhTextsOf(root: unknown, label: string): Array<{ at: string; text: string }> {
  const out: Array<{ at: string; text: string }> = [];
  const seen = new Set<unknown>();
  const walk = (value: unknown, at: string) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    for (const [k, v] of Object.entries(value)) {
      if (k === 'machine') walk((v as { config?: unknown }).config, `${at}.machine.config`);
      else if ((k === 'zh' || /Zh$/.test(k)) && typeof v === 'string') out.push({ at: `${at}.${k}`, text: v });
      else walk(v, `${at}.${k}`);
    }
  };
  walk(root, label);
  return out;
}

const deliveries: PlannedReminder[] = [
  { reminderKey: 'before-3', kind: 'reminder', audience: 'responsible', date: '2020-10-13', at: '2020-10-13T01:00:00.000Z', workdays: 3 },
  { reminderKey: 'due', kind: 'due', audience: 'responsible', date: '2020-10-16', at: '2020-10-16T01:00:00.000Z', workdays: 0 },
  { reminderKey: 'escalation-1', kind: 'escalation', audience: 'supervisor', date: '2020-10-19', at: '2020-10-19T01:00:00.000Z', workdays: 1 },
  { reminderKey: 'period-ended', kind: 'period-ended', audience: 'responsible', date: '2020-10-16', at: '2020-10-16T01:00:00.000Z', workdays: 0 },
  { reminderKey: 'before-3d', kind: 'reminder', audience: 'responsible', date: '2020-10-13', at: '2020-10-13T01:00:00.000Z', workdays: 3, basis: 'calendar-days' },
];

describe.each(allWorkflows.map((def) => [name(def), def] as const))('%s: articles as a clerk reads them', (_, def) => {
  const articles = articlesOf(def);

  it('cites articles', () => expect(articles.length).toBeGreaterThan(0));

  it('every article it cites (rules, deadlines, configurable figures, meta) has a zh-CN citation', () => {
    const unknown = articles.filter((a) => articleZhOrUndefined(a.article) === undefined);
    expect(unknown).toEqual([]);
    for (const a of articles) expect(shortArticleRefsIn(articleZh(a.article))).toEqual([]);
  });

  it('no zh-CN text of the definition holds a short reference', () => {
    const texts = zhTextsOf(def, name(def));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => shortArticleRefsIn(t.text).length)).toEqual([]);
  });

  it('every refusal of a rule cites the source of its article in its zh-CN text', () => {
    const uncited = Object.entries(def.rules)
      .filter(([, r]) => r.refusal.article && !citesArticle(r.refusal.zh, r.refusal.article))
      .map(([n, r]) => ({ rule: n, article: r.refusal.article, zh: r.refusal.zh }));
    expect(uncited).toEqual([]);
  });

  it('its description (GET /workflows/:kind/:version) gives every rule the zh-CN citation of its article, and no short reference in zh-CN', () => {
    const d = describeDefinition(def);
    for (const e of [...d.events, d.create]) {
      for (const r of e.rules) {
        if (r.article) expect(r).toMatchObject({ article: r.article, articleZh: articleZh(r.article) });
      }
    }
    expect(zhTextsOf(d, `${name(def)} description`).filter((t) => shortArticleRefsIn(t.text).length)).toEqual([]);
  });

  it('the reminders of its deadlines cite their articles in zh-CN (依据：《…》第N条。), the English keeps the reference', () => {
    for (const d of def.deadlines ?? []) {
      for (const delivery of deliveries) {
        const m = reminderMessage(delivery, {
          caseTitle: '掌起镇某事项',
          deadline: d.label,
          step: { zh: '审查中', en: 'Under review' },
          dueDate: '2020-10-16',
          article: d.article,
          responsible: [{ zh: '合法性审查人员（司法所）', en: 'legal reviewer' }],
          missingYears: [2021],
        });
        expect(m.bodyZh).toContain(`依据：${articleZh(d.article)}。`);
        expect(shortArticleRefsIn(`${m.titleZh}${m.bodyZh}`)).toEqual([]);
        expect(m.bodyEn).toContain(d.article);
      }
    }
  });
});

describe('the code base: articles as a clerk reads them', () => {
  const root = join(__dirname, '..');
  /** Source files of apps/, libs/ and workflows/ (specs, test fixtures and this module's own examples aside). */
  const sources = (): Array<{ path: string; text: string }> => {
    const out: Array<{ path: string; text: string }> = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'node_modules' && e.name !== 'testing') walk(p);
        } else if (/\.ts$/.test(e.name) && !/\.(e2e-)?spec\.ts$/.test(e.name)) {
          out.push({ path: relative(root, p), text: readFileSync(p, 'utf8') });
        }
      }
    };
    for (const d of ['apps', 'libs', 'workflows']) walk(join(root, d));
    return out.filter((f) => f.path !== join('libs', 'engine', 'src', 'articles.ts'));
  };
  /** String literals (quotes and template literals, without their placeholders' contents), comments removed. */
  const literals = (text: string): string[] => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0].slice(1, -1));
  };
  const SHORT_REF = /^(?:[A-Z][A-Z0-9]+(?: \d{4})? Arts?\. .+|SPEC ?§.+)$/;

  it('every short reference the code writes as a string is one articleZh knows', () => {
    const found = sources().flatMap((f) => literals(f.text).filter((l) => SHORT_REF.test(l)).map((article) => ({ file: f.path, article })));
    expect(found.length).toBeGreaterThan(50);
    expect(found.filter((f) => articleZhOrUndefined(f.article) === undefined)).toEqual([]);
  });

  it('no zh-CN string of the code holds a short reference (API descriptions aside: they are in both languages)', () => {
    const cjk = /[\u4e00-\u9fff]/;
    const bad = sources()
      .filter((f) => !f.path.includes(`${join('/', 'dto')}/`) && !/\.(payloads?|dto)\.ts$/.test(f.path))
      // a reference itself (e.g. `国办发〔2018〕37号; OBE Art. 62` in an `article` field) is no zh-CN text
      .flatMap((f) =>
        literals(f.text)
          .filter((l) => cjk.test(l) && shortArticleRefsIn(l).length && articleZhOrUndefined(l) === undefined)
          .map((text) => ({ file: f.path, text })),
      );
    expect(bad).toEqual([]);
  });
});
