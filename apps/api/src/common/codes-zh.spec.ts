/**
 * No codes inside zh-CN text (issue 11): a clerk reads 司法所审查人员, 合法，但需修改 — never a role
 * code (`legal-reviewer`) or an enum code (`LEGAL_WITH_REVISIONS`, `UNDER_REVIEW`). The codes stay
 * in their own fields (`code`, `details`, `role`, `outcome`). Scanned: every zh-CN string the code
 * base writes (error messages, notification, desk and report texts, the zh-CN half of a bilingual
 * API description), every zh-CN text of every workflow and of its description, and the messages
 * built at run time from roles, events and states.
 */
import { describePasswordPolicy, passwordProblems, roleNotAllowed } from '@app/auth';
import { describeDefinition, eventNotAllowedInStateRefusal, HUMAN_ROLES, ROLE_LABELS, roleNotAllowedRefusal, ROLES } from '@app/engine';
import type { Label, WorkflowDefinition } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { reminderMessage } from '../../../../libs/deadlines/src/reminder-message';
import type { PlannedReminder } from '../../../../libs/deadlines/src/reminder-plan';
import { DESK_STATUS_LABELS, OUTCOME_LABELS } from '../review-desk/review-desk.profiles';
import { ORG_UNIT_STATUS_LABELS } from '../users/org-units.service';

const root = join(__dirname, '..', '..', '..', '..');
const CJK = /[\u4e00-\u9fff]/;

/** The configuration keys (environment variables) an administrator sets by name: named as they are. */
const CONFIG_KEYS = new Set([...readFileSync(join(root, 'libs', 'config', 'src', 'config.schema.ts'), 'utf8').matchAll(/readonly ([A-Z][A-Z0-9_]+)\??:/g)].map((m) => m[1]));

/** Every code a workflow uses for its states, events, rules, payload values: upper-case words of 3+ characters. */
function codesOf(defs: WorkflowDefinition[]): Set<string> {
  const out = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (typeof v === 'string') {
      if (/^[A-Z][A-Z0-9_]{2,}$/.test(v)) out.add(v);
      return;
    }
    if (!v || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    for (const [k, x] of Object.entries(v)) {
      if (/^[A-Z][A-Z0-9_]{2,}$/.test(k)) out.add(k);
      walk(k === 'machine' ? (x as { config?: unknown }).config : x);
    }
  };
  for (const d of defs) {
    walk(d);
    walk(describeDefinition(d));
  }
  return out;
}
const WORKFLOW_CODES = codesOf(allWorkflows);
const ENUM_LIKE = /(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])/g;
const ROLE_CODE = new RegExp(`(?<![A-Za-z0-9_-])(?:${ROLES.join('|')})(?![A-Za-z0-9_-])`, 'g');
/** Words that look like codes but are a town's own vocabulary. */
const NOT_CODES = new Set(['SHA', 'PDF', 'DOCX', 'HTML', 'JSON', 'API', 'URL', 'UTC', 'ISO', 'OPPOSE', 'SUPPORT']);

/** The codes a zh-CN text holds (configuration keys aside). */
function codesIn(text: string): string[] {
  const found = [...(text.match(ENUM_LIKE) ?? []), ...(text.match(ROLE_CODE) ?? [])];
  for (const token of text.match(/(?<![A-Za-z0-9_])[A-Z][A-Z0-9_]{2,}(?![A-Za-z0-9_])/g) ?? []) if (WORKFLOW_CODES.has(token) && !NOT_CODES.has(token)) found.push(token);
  return [...new Set(found)].filter((c) => !CONFIG_KEYS.has(c));
}

/** The zh-CN half of a bilingual text ("中文 / English"); a text without CJK is no zh-CN text. */
const zhPart = (text: string) => (CJK.test(text) ? text.split(/ \/ (?=[A-Za-z(])/)[0] : '');

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

describe('the scan itself', () => {
  it('finds role and enum codes, and leaves labels and configuration keys alone', () => {
    expect(codesIn('请legal-reviewer办理')).toEqual(['legal-reviewer']);
    expect(codesIn('审查结论：LEGAL_WITH_REVISIONS')).toEqual(['LEGAL_WITH_REVISIONS']);
    expect(codesIn('当前环节：UNDER_REVIEW')).toEqual(['UNDER_REVIEW']);
    expect(WORKFLOW_CODES.has('SUBMIT_DRAFT')).toBe(true);
    expect(codesIn('请先SUBMIT_DRAFT')).toEqual(['SUBMIT_DRAFT']);
    expect(codesIn('未配置 REDIS_URL，期限提醒在本进程内运行')).toEqual([]);
    expect(codesIn(`请${ROLE_LABELS['legal-reviewer'].zh}办理`)).toEqual([]);
  });
});

describe('the code base: no codes inside zh-CN strings', () => {
  const sources = (): Array<{ path: string; text: string }> => {
    const out: Array<{ path: string; text: string }> = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) {
          if (e.name !== 'node_modules' && e.name !== 'testing') walk(p);
        } else if (/\.ts$/.test(e.name) && !/\.(e2e-)?spec\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) {
          out.push({ path: relative(root, p), text: readFileSync(p, 'utf8') });
        }
      }
    };
    for (const d of [join('apps', 'api'), join('apps', 'worker'), 'libs', 'workflows']) walk(join(root, d));
    return out;
  };
  /** String literals (template placeholders blanked), comments removed. */
  const literals = (text: string): string[] => {
    const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0].slice(1, -1).replace(/\$\{[^}]*\}/g, '…'));
  };

  it('every zh-CN string literal is free of role and enum codes', () => {
    const all = sources().flatMap((f) => literals(f.text).map((l) => ({ file: f.path, text: zhPart(l) })));
    expect(all.filter((l) => l.text).length).toBeGreaterThan(500);
    expect(all.filter((l) => l.text && codesIn(l.text).length).map((l) => ({ ...l, codes: codesIn(l.text) }))).toEqual([]);
  });
});

describe.each(allWorkflows.map((def) => [`${def.kind} v${def.version}`, def] as const))('%s: no codes inside zh-CN text', (name, def) => {
  it('its definition and description', () => {
    const texts = [...zhTextsOf(def, name), ...zhTextsOf(describeDefinition(def), `${name} description`)];
    expect(texts.length).toBeGreaterThan(10);
    expect(texts.filter((t) => codesIn(t.text).length)).toEqual([]);
  });

  it('the refusals built from its roles, events and states', () => {
    const texts: string[] = [];
    for (const [type, meta] of Object.entries(def.events)) {
      for (const role of HUMAN_ROLES) texts.push(roleNotAllowedRefusal(type, meta.label, role, meta.roles ?? HUMAN_ROLES).zh);
      for (const [path, s] of Object.entries(def.states)) {
        texts.push(eventNotAllowedInStateRefusal(type, meta.label, { path, label: s.label }).zh);
        texts.push(eventNotAllowedInStateRefusal(type, meta.label, { path, label: s.label }, 'GUARD').zh);
      }
    }
    expect(texts.filter((t) => codesIn(t).length)).toEqual([]);
  });

  it('the reminders and escalations of its deadlines', () => {
    const deliveries: PlannedReminder[] = [
      { reminderKey: 'before-3', kind: 'reminder', audience: 'responsible', date: '2020-10-13', at: '2020-10-13T01:00:00.000Z', workdays: 3 },
      { reminderKey: 'due', kind: 'due', audience: 'responsible', date: '2020-10-16', at: '2020-10-16T01:00:00.000Z', workdays: 0 },
      { reminderKey: 'escalation-1', kind: 'escalation', audience: 'supervisor', date: '2020-10-19', at: '2020-10-19T01:00:00.000Z', workdays: 1 },
      { reminderKey: 'period-ended', kind: 'period-ended', audience: 'responsible', date: '2020-10-16', at: '2020-10-16T01:00:00.000Z', workdays: 0 },
      { reminderKey: 'esc-d', kind: 'escalation', audience: 'supervisor', date: '2020-10-19', at: '2020-10-19T01:00:00.000Z', workdays: 1, basis: 'calendar-days' },
    ];
    for (const d of def.deadlines ?? []) {
      for (const delivery of deliveries) {
        const m = reminderMessage(delivery, {
          caseTitle: '掌起镇某事项',
          deadline: d.label,
          step: Object.values(def.states)[0].label,
          dueDate: '2020-10-16',
          article: d.article,
          responsible: (d.responsible ?? []).map((r: string) => ROLE_LABELS[r as keyof typeof ROLE_LABELS]),
          responsiblePeople: [{ displayName: '张三', unit: { zh: '经济发展办', en: 'Economic Development Office' } }],
          missingYears: [2021],
        });
        expect(codesIn(`${m.titleZh}${m.bodyZh}`)).toEqual([]);
      }
    }
  });
});

describe('run-time texts outside the workflows', () => {
  it('role refusals, desk and unit labels, the password policy', () => {
    const labels: Label[] = [...Object.values(DESK_STATUS_LABELS), ...Object.values(OUTCOME_LABELS), ...Object.values(ORG_UNIT_STATUS_LABELS), ...Object.values(ROLE_LABELS)];
    const texts = [
      roleNotAllowed([...HUMAN_ROLES]).zh,
      roleNotAllowed(['admin']).zh,
      ...labels.map((l) => l.zh),
      describePasswordPolicy({ minLength: 10, minClasses: 3 }).zh,
      ...passwordProblems('admin', { minLength: 10, minClasses: 3 }, { username: 'admin', demoPassword: 'admin' }).map((p) => p.zh),
    ];
    expect(texts.filter((t) => codesIn(t).length)).toEqual([]);
    expect(roleNotAllowed(['legal-reviewer', 'admin']).zh).toBe(`您的角色无权执行此操作（需要：${ROLE_LABELS['legal-reviewer'].zh}、${ROLE_LABELS.admin.zh}）`);
  });
});
