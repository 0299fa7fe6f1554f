/**
 * Pure specs of enforcement-decision v3 (issue 16): after the decision the case is served, published
 * where required, executed and archived; every rule of these steps refuses (code, article, zh-CN
 * message) and accepts, in the engine and in the machine alike; v1 and v2 cases keep their
 * version and may migrate to the same state.
 */
import 'reflect-metadata';
import { definitionProblems, describeDefinition, leafPaths, migrateCase, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import type { WorkflowEvent } from '@app/engine';
import { allWorkflows } from '../../index';
import { machineDriver } from '../../common/testing/machine-driver';
import { describeDefinitionContract } from '../../common/testing/definition-contract';
import { restingLeafPaths } from '../../common/same-states-migration';
import { enforcementDecisionV1, enforcementDecisionV1Machine } from '../v1';
import { enforcementDecisionV2, enforcementDecisionV2Machine } from '../v2';
import { ACTORS, AT, createInput, createPayload, ev, valid } from './testing/enforcement-decision.fixtures';
import { enforcementDecisionV3 as def } from './enforcement-decision.definition';
import { addMonths, ENFORCEMENT_DECISION_V3_EVENT_TYPES, enforcementDecisionV3Machine as machine, litigationPeriodEnds } from './enforcement-decision.machine';

type Snap = any;
const leaf = (s: { value: unknown }): string => leafPaths(s.value as never).join(' + ');
const CJK = /[\u4e00-\u9fff]/;

const d = machineDriver(machine, () => createInput());
const toDecision = [ev('SUBMIT_DRAFT'), ev('SUBMIT_FOR_LEGALITY_REVIEW'), ev('ACCEPT_FOR_REVIEW'), ev('ISSUE_REVIEW_OPINION'), ev('RECORD_DECISION')];
const serve = (patch: object = {}) => ev('SERVE_DECISION', { ...valid.SERVE_DECISION(), ...patch });
const execute = (patch: object = {}, today = '2024-03-01') => ev('RECORD_EXECUTION', { ...valid.RECORD_EXECUTION(), ...patch }, { today });

const decided = (): Snap => d.run(d.begin(), ...toDecision);
const served = (patch: object = {}): Snap => d.run(decided(), serve(patch));
const atExecution = (): Snap => d.run(served(), ev('PUBLISH_DECISION_NOTICE'));
const executed = (): Snap => d.run(atExecution(), ev('RECORD_EXECUTION'));

const outcome = (s: Snap, e: WorkflowEvent) => {
  const out = stepCase(def, machine.getPersistedSnapshot(s), e);
  return out.ok ? { ok: true, state: leaf(out) } : { ok: false, code: out.refusal.code, status: out.refusal.status ?? 422, article: out.refusal.article };
};

describe('after the decision: service, publication, execution, archive', () => {
  it('runs from the decision to the archive, recording each step; the case ends archived', () => {
    expect(leaf(decided())).toBe('decided');
    expect(decided().status).toBe('active');
    const s = served();
    expect(leaf(s)).toBe('publication');
    expect(s.context.service).toMatchObject({ servedOn: '2024-03-01', method: 'DIRECT', publicationRequired: true, electronicConsent: false, receiptHash: 'd'.repeat(64) });
    const e = atExecution();
    expect([leaf(e), e.context.publication.channel]).toEqual(['execution', '镇政府网站行政执法公示专栏']);
    const x = executed();
    expect([leaf(x), x.context.execution.mode]).toEqual(['executed', 'VOLUNTARY']);
    const a = d.run(x, ev('ARCHIVE_CASE'));
    expect([leaf(a), a.status, a.context.archive.archiveNumber]).toEqual(['archived', 'done', '掌综执档〔2024〕3号']);
  });

  it('skips the publication when the decision is not to be published (APL Art. 48 ¶1)', () => {
    expect(leaf(served({ publicationRequired: false }))).toBe('execution');
  });

  it('starts new cases with empty records after the decision', () => {
    expect(d.begin().context).toMatchObject({ service: null, publication: null, execution: null, archive: null });
  });
});

/** Each rule of v3: a refusal (code, article, a zh-CN message citing it) and an acceptance, in the engine and the machine. */
const CASES: Array<{ rule: string; code: string; article: string; at: () => Snap; refused: WorkflowEvent; accepted: WorkflowEvent; zh: string }> = [
  { rule: 'serviceDateValid', code: 'SERVICE_DATE_INVALID', article: 'APL Art. 61', at: decided, refused: serve({ servedOn: '2024-02-29' }), accepted: serve(), zh: '第六十一条' },
  { rule: 'serviceDateValid (future)', code: 'SERVICE_DATE_INVALID', article: 'APL Art. 61', at: decided, refused: serve({ servedOn: '2024-03-02' }), accepted: serve({ servedOn: '2024-03-01' }), zh: '第六十一条' },
  {
    rule: 'electronicServiceConsented', code: 'ELECTRONIC_SERVICE_CONSENT_REQUIRED', article: 'APL Art. 61 ¶2', at: decided,
    refused: serve({ method: 'ELECTRONIC' }), accepted: serve({ method: 'ELECTRONIC', electronicConsent: true }), zh: '第六十一条第二款',
  },
  {
    rule: 'publicNoticeGroundsStated', code: 'PUBLIC_NOTICE_GROUNDS_REQUIRED', article: 'CPL Art. 95', at: decided,
    refused: serve({ method: 'PUBLIC_NOTICE' }), accepted: serve({ method: 'PUBLIC_NOTICE', publicNoticeGrounds: '受送达人下落不明。' }), zh: '《中华人民共和国民事诉讼法》第九十五条',
  },
  {
    rule: 'publicationDateValid', code: 'PUBLICATION_DATE_INVALID', article: 'APL Art. 48 ¶1', at: () => served(),
    refused: ev('PUBLISH_DECISION_NOTICE', valid.PUBLISH_DECISION_NOTICE('2024-02-28')), accepted: ev('PUBLISH_DECISION_NOTICE'), zh: '第四十八条第一款',
  },
  { rule: 'executionDateValid', code: 'EXECUTION_DATE_INVALID', article: 'APL Art. 66', at: atExecution, refused: execute({ executedOn: '2024-03-05' }), accepted: execute(), zh: '第六十六条' },
  {
    rule: 'courtApplicationAfterPeriod', code: 'COURT_APPLICATION_PREMATURE', article: 'APL Art. 72 ¶1 (4); ACL Art. 53; ALA Art. 46', at: atExecution,
    // served 2024-03-01: the six months end on 2024-09-01; an application that day is premature, the next day it is in time
    refused: execute({ mode: 'COURT_APPLICATION', executedOn: '2024-09-01', court: '慈溪市人民法院' }, '2024-09-01'),
    accepted: execute({ mode: 'COURT_APPLICATION', executedOn: '2024-09-02', court: '慈溪市人民法院' }, '2024-09-02'),
    zh: '《中华人民共和国行政强制法》第五十三条',
  },
  {
    rule: 'courtApplicationAfterPeriod (no court)', code: 'COURT_APPLICATION_PREMATURE', article: 'APL Art. 72 ¶1 (4); ACL Art. 53; ALA Art. 46', at: atExecution,
    refused: execute({ mode: 'COURT_APPLICATION', executedOn: '2024-09-02' }, '2024-09-02'),
    accepted: execute({ mode: 'ORGAN_ENFORCED', executedOn: '2024-03-01' }),
    zh: '《中华人民共和国行政诉讼法》第四十六条',
  },
  {
    rule: 'archiveDateValid', code: 'ARCHIVE_DATE_INVALID', article: 'APL Art. 47', at: executed,
    refused: ev('ARCHIVE_CASE', valid.ARCHIVE_CASE('2024-02-01')), accepted: ev('ARCHIVE_CASE'), zh: '第四十七条',
  },
];

describe.each(CASES)('$rule', ({ code, article, at, refused, accepted, zh }) => {
  it(`refuses with ${code}, citing the article`, () => {
    expect(outcome(at(), refused)).toEqual({ ok: false, code, status: 422, article });
    const rule = Object.values(def.rules).find((r) => r.refusal.code === code)!;
    expect(rule.refusal.zh).toMatch(CJK);
    expect(rule.refusal.zh).toContain(zh);
    expect(rule.refusal.zh).not.toMatch(/APL|CPL|ACL|ALA|Art\./);
    expect(at().can(refused)).toBe(false);
  });
  it('accepts a valid event', () => {
    expect(outcome(at(), accepted)).toMatchObject({ ok: true });
    expect(at().can(accepted)).toBe(true);
  });
});

describe('the statutory periods', () => {
  it('counts months as the Civil Code does (the corresponding day, else the month’s last)', () => {
    expect(addMonths('2024-03-01', 6)).toBe('2024-09-01');
    expect(addMonths('2024-08-31', 6)).toBe('2025-02-28');
    expect(addMonths('2023-11-30', 3)).toBe('2024-02-29');
    expect(litigationPeriodEnds('2020-08-12')).toBe('2021-02-12');
  });
  it('declares the service and publication deadlines, the publication period configurable (UNCONFIRMED, 7 working days)', () => {
    const byKey = Object.fromEntries(def.deadlines!.map((x) => [x.key, x]));
    expect(byKey.decisionService).toMatchObject({ states: ['decided'], unit: 'workdays', length: { key: 'enforcement.service.workdays', default: 7 }, metBy: { payload: 'servedOn' } });
    expect(byKey.decisionPublicNotice).toMatchObject({
      states: ['publication'],
      unit: 'workdays',
      length: { key: 'enforcement.publication.workdays', default: 7, article: 'APL Art. 48 ¶1 (period UNCONFIRMED)' },
      reminders: [2, 0],
      metBy: { payload: 'publishedOn' },
    });
    expect(byKey.legalReviewOpinion).toBeDefined();
  });
  it('declares the legal dates of the new events', () => {
    expect(def.events.SERVE_DECISION.legalDates).toMatchObject([{ payload: 'servedOn', kind: 'done' }]);
    expect(def.events.ARCHIVE_CASE.legalDates).toMatchObject([{ payload: 'archivedOn', kind: 'done' }]);
  });
});

describe('older versions', () => {
  it('v1 and v2 still end at the decision', () => {
    for (const m of [enforcementDecisionV1Machine, enforcementDecisionV2Machine]) {
      const dd = machineDriver(m, () => createInput());
      const s = dd.run(dd.begin(), ...toDecision);
      expect([leaf(s), s.status]).toEqual(['decided', 'done']);
    }
  });
  it.each([
    [1, enforcementDecisionV1, enforcementDecisionV1Machine, 0],
    [2, enforcementDecisionV2, enforcementDecisionV2Machine, 1],
  ] as const)('a running v%d case migrates to the same state and goes on to the archive', (_v, from, m, i) => {
    const mig = def.migrations![i];
    expect(mig.from).toBe(from.version);
    expect(Object.keys(mig.states).sort()).toEqual(restingLeafPaths(m).sort());
    const dd = machineDriver(m, () => createInput());
    const old = m.getPersistedSnapshot(dd.run(dd.begin(), ...toDecision.slice(0, 4)) as never);
    const out = migrateCase(from, def, old, { role: 'admin' });
    expect(out).toMatchObject({ ok: true, value: 'decision', payload: { fromVersion: from.version, toVersion: 3 } });
    if (!out.ok) return;
    expect(out.context).toMatchObject({ service: null, publication: null, execution: null, archive: null });
    expect(out.context.drafts[0].seriousViolation).toBe(false);
    let snap = out.snapshot;
    for (const e of [ev('RECORD_DECISION'), serve({ publicationRequired: false }), ev('RECORD_EXECUTION'), ev('ARCHIVE_CASE')]) {
      const r = stepCase(def, snap, e);
      expect({ type: e.type, ok: r.ok }).toEqual({ type: e.type, ok: true });
      if (!r.ok) return;
      snap = r.snapshot;
    }
    expect(snap.value).toBe('archived');
  });
  it('a decided (finished) v2 case stays as it is', () => {
    const dd = machineDriver(enforcementDecisionV2Machine, () => createInput());
    const old = enforcementDecisionV2Machine.getPersistedSnapshot(dd.run(dd.begin(), ...toDecision) as never);
    expect(migrateCase(enforcementDecisionV2, def, old, { role: 'admin' })).toMatchObject({ ok: false, refusal: { code: 'CASE_FINISHED' } });
  });
});

describe('definition', () => {
  describeDefinitionContract(def, {
    engine: { definitionProblems, WorkflowRegistry },
    workflows: allWorkflows,
    registeredAs: ['enforcement-decision', 3],
    eventTypes: ENFORCEMENT_DECISION_V3_EVENT_TYPES,
    precondition: { context: () => executed().context, actor: ACTORS.secretary, at: AT, junk: { payload: { servedOn: '1999-01-01', archivedOn: 'x' }, facts: { a: 1 } } },
    fixtures: {
      valid,
      createPayload,
      samples: () => [
        ['SERVE_DECISION', { ...valid.SERVE_DECISION(), method: 'ELECTRONIC', electronicConsent: true, publicationRequired: false }],
        ['SERVE_DECISION', { ...valid.SERVE_DECISION(), method: 'PUBLIC_NOTICE', publicNoticeGrounds: '受送达人下落不明。' }],
        ['RECORD_EXECUTION', { mode: 'COURT_APPLICATION', executedOn: '2024-09-02', court: '慈溪市人民法院' }],
      ],
    },
  });

  it('is the latest version; v1 and v2 stay registered', () => {
    const registry = new WorkflowRegistry(allWorkflows);
    expect(registry.latest('enforcement-decision')).toBe(def);
    expect(registry.get('enforcement-decision', 1)).toBe(enforcementDecisionV1);
    expect(registry.get('enforcement-decision', 2)).toBe(enforcementDecisionV2);
  });

  it('starts through the engine and describes the new rules and stages in pipeline order', () => {
    expect(startCase(def, createInput())).toMatchObject({ ok: true, paths: ['investigation'] });
    const described = describeDefinition(def);
    expect(described.events.find((e) => e.type === 'SERVE_DECISION')!.rules.map((r) => r.code)).toEqual([
      'SERVICE_DATE_INVALID',
      'ELECTRONIC_SERVICE_CONSENT_REQUIRED',
      'PUBLIC_NOTICE_GROUNDS_REQUIRED',
    ]);
    expect(Object.values(def.stages).map((s) => s.zh)).toEqual(['调查取证和拟定决定', '法制审核', '作出决定', '送达', '公示', '执行', '归档', '终结']);
  });
});
