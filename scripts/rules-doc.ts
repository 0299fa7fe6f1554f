/**
 * docs/rules.md from the workflows' own definitions: for every workflow kind and version, every
 * rule (code, article, zh-CN / English text, the events that check it, the configurable figures
 * those events read), every configurable figure (DOCKET_RULES key and default) and every statutory
 * deadline with its period. `npm run docs:rules` writes the file; `--check` fails when the
 * committed file differs from what the definitions say now (scripts/rules-doc.spec.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import { articleZh, ROLE_LABELS } from '@app/engine';
import type { ConfigParam, DeadlineDeclaration, EventMeta, FactDeclaration, Role, TextConfigParam, WorkflowDefinition } from '@app/engine';
import { allWorkflows } from '@app/workflows';
// the files themselves, not the libraries' indexes (which load the database layer)
import { BACKFILL_MAX_DAYS } from '../libs/runtime/src/legal-dates.checker';
import { DAILY_ESCALATION, ESCALATION_RULES } from '../libs/deadlines/src/reminder-plan';

export const RULES_DOC = path.join(__dirname, '..', 'docs', 'rules.md');

type Figure = (ConfigParam | TextConfigParam) & { usedBy: Set<string> };

/** A table cell: one line, pipes escaped. */
const cell = (text: string): string => text.replace(/\r?\n+/g, ' ').replace(/\|/g, '\\|').trim() || '—';
const code = (text: string): string => `\`${text}\``;
const row = (cells: string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]): string[] => [row(head), row(head.map(() => '---')), ...rows.map(row)];
/** The zh-CN citation, then the short reference the API's `article` field carries (unless the citation already holds it). */
const cite = (article: string | undefined): string => {
  if (!article) return '—';
  const zh = articleZh(article);
  return zh.includes(article) ? zh : `${zh}（${code(article)}）`;
};
const roles = (list: Role[]): string => list.map((r) => ROLE_LABELS[r]?.zh ?? r).join('、');

/** The configurable figures (DOCKET_RULES keys) a fact declaration reads. */
function figuresOf(fact: FactDeclaration): Array<ConfigParam | TextConfigParam> {
  switch (fact.kind) {
    case 'workdaysAfter':
    case 'calendarDaysAfter':
      return [fact.days];
    case 'yearsAfter':
      return [fact.years];
    case 'sequence':
      return [fact.pattern, ...Object.values(fact.vars ?? {})];
    case 'text':
      return [fact.text];
    default:
      return [];
  }
}

/** A value that answers every property read, call and comparison, so a rule's check runs through. */
function anything(): any {
  const target = function () {} as any;
  const proxy: any = new Proxy(target, {
    get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : key === Symbol.iterator ? [][Symbol.iterator].bind([]) : key === 'then' ? undefined : proxy),
    apply: () => proxy,
  });
  return proxy;
}

/**
 * The facts of an event a rule reads: those its check names (the name stays in the compiled
 * source), and those it reads when run on a stand-in context and payload (a fact read through a
 * helper, e.g. a configured list of decision types). The figures table lists every figure of the
 * workflow all the same.
 */
function factsReadBy(check: (args: any) => unknown, meta: EventMeta): FactDeclaration[] {
  const source = check.toString();
  const read = new Set<string>();
  const facts = new Proxy({} as Record<string, unknown>, {
    get: (_t, key) => {
      if (typeof key === 'string') read.add(key);
      return anything();
    },
  });
  try {
    check({ context: anything(), event: { type: '', payload: anything(), actor: anything(), at: '', today: '', facts } });
  } catch {
    // a stand-in cannot satisfy every check; what it read until then counts
  }
  return Object.entries(meta.facts ?? {})
    .filter(([name]) => read.has(name) || new RegExp(`\\b${name}\\b`).test(source))
    .map(([, fact]) => fact);
}

function eventsOf(def: WorkflowDefinition): Array<[string, EventMeta]> {
  return [[def.create.type, def.create], ...Object.entries(def.events)];
}

function period(d: DeadlineDeclaration): string {
  const n = d.length.default;
  const base = d.unit === 'workdays' ? `${n} 个工作日 / ${n} working days` : `${n} 日 / ${n} calendar days`;
  const roll = d.unit === 'calendarDays' && d.rollToWorkday ? '，末日为休息日的顺延至下一工作日 / rolls to the next working day' : '';
  const own = d.dueDate ? '；案件确定日期的，以该日期为准 / a date the case sets wins' : '';
  return `${base}${roll}${own}`;
}

function renderDefinition(def: WorkflowDefinition): string[] {
  const events = eventsOf(def);
  const figures = new Map<string, Figure>();
  const addFigure = (p: ConfigParam | TextConfigParam, usedBy: string) => {
    const f = figures.get(p.key) ?? { ...p, usedBy: new Set<string>() };
    f.usedBy.add(usedBy);
    figures.set(p.key, f);
  };
  for (const [type, meta] of events) {
    for (const fact of Object.values(meta.facts ?? {})) for (const p of figuresOf(fact)) addFigure(p, `${meta.label.zh}（${type}）`);
  }
  for (const d of def.deadlines ?? []) addFigure(d.length, `期限 ${d.label.zh}（${d.key}）`);

  const lines: string[] = [`## ${def.label.zh} ${def.label.en} — ${code(def.kind)} v${def.version}`, ''];
  lines.push(`运行中的服务描述同一定义 / The running server describes the same definition: ${code(`GET /api/v1/workflows/${def.kind}/${def.version}`)}`, '');

  lines.push(`### 规则 Rules (${Object.keys(def.rules).length})`, '');
  const ruleRows = Object.entries(def.rules).map(([name, rule]) => {
    const checkedBy = events.filter(([, m]) => (m.rules ?? []).includes(name));
    const keys = [...new Set(checkedBy.flatMap(([, m]) => factsReadBy(rule.check, m).flatMap(figuresOf).map((p) => p.key)))];
    return [
      `${code(rule.refusal.code)}${rule.refusal.code === name ? '' : `（${name}）`}`,
      cite(rule.refusal.article),
      rule.refusal.zh,
      rule.refusal.en,
      checkedBy.map(([t, m]) => `${m.label.zh} ${code(t)}`).join('；'),
      keys.length ? `是 / yes: ${keys.map((k) => `${code(k)} = ${code(String(figures.get(k)!.default))}`).join('；')}` : '否 / no',
    ];
  });
  lines.push(
    ...table(['代码 Code', '依据 Article', '规则 Rule (zh-CN)', 'Rule (English)', '检查的事件 Checked on', '可配置 Configurable（配置键 = 默认值）'], ruleRows),
    '',
  );

  lines.push(`### 可配置参数 Configurable figures (${figures.size})`, '');
  if (figures.size) {
    lines.push(
      ...table(
        ['配置键 DOCKET_RULES key', '默认值 Default', '依据 Article', '用于 Used by'],
        [...figures.values()].map((f) => [code(f.key), code(String(f.default)), cite(f.article), [...f.usedBy].join('；')]),
      ),
      '',
    );
  } else lines.push('无 / none', '');

  const deadlines = def.deadlines ?? [];
  lines.push(`### 期限 Deadlines (${deadlines.length})`, '');
  if (deadlines.length) {
    lines.push(
      ...table(
        ['期限 Deadline', '类型 Type', '期间 Period', '配置键 Key', '依据 Article', '负责 Responsible', '督办 Supervisor', '计时状态 While in'],
        deadlines.map((d) => [
          `${d.label.zh} / ${d.label.en}（${code(d.key)}）`,
          d.type === 'due' ? '应在期限内完成 / due by' : '不得早于期满 / not before',
          period(d),
          code(d.length.key),
          cite(d.article),
          roles(d.responsible),
          roles(d.supervisor),
          d.states.map((s) => def.states[s]?.label.zh ?? s).join('、'),
        ]),
      ),
      '',
    );
  } else lines.push('无 / none', '');
  return lines;
}

/** The figures the runtime and the deadline scheduler read for every workflow. */
function renderCommonFigures(): string[] {
  const rows: string[][] = [
    [
      code(BACKFILL_MAX_DAYS.key),
      code(String(BACKFILL_MAX_DAYS.default)),
      '补录（记录已办事项）最多可追溯的日数 / how many days back a 补录 (a past act recorded from paper) may reach',
    ],
    [
      code(ESCALATION_RULES.dailyFor),
      code(String(DAILY_ESCALATION.dailyFor)),
      '逾期后每个工作日督办的工作日数（0 = 直至完成）/ escalate every working day for this many working days after the due date (0: until met)',
    ],
    [
      code(ESCALATION_RULES.thenEvery),
      code(String(DAILY_ESCALATION.thenEvery)),
      '每日督办的工作日数届满后，每隔多少个工作日督办一次 / once those days have passed, escalate every this many working days',
    ],
    [
      code(ESCALATION_RULES.stepUpFrom),
      code(String(DAILY_ESCALATION.stepUpFrom)),
      '逾期第几个工作日起同时告知加级督办的角色（默认党政办；0 = 不启用）/ from this working day after the due date on, also tell the step-up roles (default: the general office; 0: never)',
    ],
  ];
  return ['## 各工作流通用参数 Figures across workflows', '', ...table(['配置键 DOCKET_RULES key', '默认值 Default', '含义 Meaning'], rows), ''];
}

export function renderRulesDoc(definitions: WorkflowDefinition[] = allWorkflows): string {
  const lines = [
    '# 工作流规则 / Workflow rules',
    '',
    '> 本文件由 `npm run docs:rules` 根据各工作流定义（`workflows/`）生成，请勿手工编辑；定义变更后重新生成（否则测试失败）。',
    '> Generated by `npm run docs:rules` from the workflow definitions in `workflows/`; do not edit by hand (a test fails when it is stale).',
    '',
    '可配置参数以 JSON 对象写入环境变量 `DOCKET_RULES`，按配置键覆盖默认值，例如 `DOCKET_RULES=\'{"decision.legalityReview.minWorkdays": 9}\'`。',
    'Configurable figures are overridden by key in the `DOCKET_RULES` environment variable (a JSON object).',
    '',
    '“依据”一栏先列中文引文，括号内为 API 错误体 `article` 字段中的短引用（如 `R713 Art. 26`；`SPEC §…` 指本项目的程序规则，其依据即中文引文）。',
    'The Article column gives the zh-CN citation, then the short reference the error body carries in `article` (`SPEC §…` is a project policy; the citation is its source).',
    '',
    '## 目录 Contents',
    '',
    '- 各工作流通用参数 Figures across workflows',
    ...definitions.map((d) => `- ${d.label.zh} ${d.label.en} — ${code(d.kind)} v${d.version}`),
    '',
  ];
  lines.push(...renderCommonFigures());
  for (const def of definitions) lines.push(...renderDefinition(def));
  return `${lines.join('\n').trimEnd()}\n`;
}

if (require.main === module) {
  const text = renderRulesDoc();
  if (process.argv.includes('--check')) {
    const committed = fs.existsSync(RULES_DOC) ? fs.readFileSync(RULES_DOC, 'utf8') : '';
    if (committed !== text) {
      console.error('docs/rules.md is stale: run npm run docs:rules');
      process.exit(1);
    }
    console.log('docs/rules.md is up to date');
  } else {
    fs.writeFileSync(RULES_DOC, text);
    console.log(`wrote ${path.relative(process.cwd(), RULES_DOC)}`);
  }
}
