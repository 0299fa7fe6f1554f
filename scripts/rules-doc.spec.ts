import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { allWorkflows } from '@app/workflows';
import { renderRulesDoc } from './rules-doc';

const ROOT = path.join(__dirname, '..');

/** docs/rules.md is what the workflow definitions say now: `npm run docs:rules` rewrites it. */
describe('docs/rules.md, generated from the workflow definitions', () => {
  it('matches what npm run docs:rules writes now (else: npm run docs:rules)', () => {
    const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'scripts/rules-doc.ts', '--check'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json' },
      timeout: 60_000,
    });
    expect(`${run.stdout}${run.stderr}`.trim()).toBe('docs/rules.md is up to date');
    expect(run.status).toBe(0);
  }, 70_000);

  const doc = renderRulesDoc();

  it('has a section for every workflow kind and version, with every rule code', () => {
    for (const def of allWorkflows) {
      expect(doc).toContain(`— \`${def.kind}\` v${def.version}\n`);
      for (const rule of Object.values(def.rules)) expect(doc).toContain(`\`${rule.refusal.code}\``);
    }
  });

  it('cites articles in zh-CN beside the short reference, and names configurable figures with their defaults', () => {
    expect(doc).toMatch(/\| `LEGALITY_REVIEW_PERIOD_TOO_SHORT`（legalityReviewPeriodSufficient） \| 《重大行政决策程序暂行条例》第二十六条（`R713 Art. 26`） \|.*\| 是 \/ yes: `decision\.legalityReview\.minWorkdays` = `7` \|/);
    expect(doc).toMatch(/\| `decision\.legalityReview\.minWorkdays` \| `7` \| 《重大行政决策程序暂行条例》第二十六条（`R713 Art. 26`） \|/);
    // a figure read through a helper (the configured decision types of enforcement v2)
    expect(doc).toMatch(/\| `REVIEWER_QUALIFICATION_REQUIRED`（reviewerQualified） \|.*是 \/ yes: `enforcement\.reviewerQualification\.decisionTypes` = `PENALTY` \|/);
    expect(doc).toMatch(/\| `DRAFT_OPTIONS_REQUIRED`（draftHasOptions） \|.*\| 否 \/ no \|/);
  });

  it('lists the figures the runtime and the scheduler read for every workflow', () => {
    expect(doc).toMatch(/\| `records\.backfill\.maxDays` \| `365` \| 补录/);
    expect(doc).toMatch(/\| `deadlines\.escalation\.stepUpAfterWorkdays` \| `0` \|/);
  });

  it('lists the deadlines with their periods', () => {
    expect(doc).toMatch(/出具合法性审查意见 \/ Legality review opinion（`legalityReviewOpinion`） \| 应在期限内完成 \/ due by \| 15 个工作日 \/ 15 working days.*`decision\.legalityReview\.maxWorkdays`/);
  });
});

/** A user of a clone has the repository only: the README and docs/ cite rules from docs/rules.md, not a spec outside it. */
describe('README.md and docs/', () => {
  const files = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

  it.each(files)('%s points to no file outside the repository', (file) => {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    expect(text).not.toMatch(/\.\.\/shared\/|shared\/domain|SPEC\.md/);
    // docs/rules.md shows the short references the API's `article` field carries, `SPEC §…` among them
    if (file !== 'docs/rules.md') expect(text).not.toMatch(/SPEC §/);
  });

  it('README links docs/rules.md and names the health and OpenAPI JSON paths', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('(docs/rules.md)');
    expect(readme).toContain('`GET /api/v1/health`');
    expect(readme).toContain('`/api/docs-json`');
  });
});
