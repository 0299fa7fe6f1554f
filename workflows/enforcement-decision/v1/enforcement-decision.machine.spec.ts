/**
 * Pure specs of the enforcement-decision machine: `initialTransition` / `transition` only.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { WorkflowEvent } from '@app/engine';
import { allowedEvents, definitionProblems, describeDefinition, leafPaths, startCase, statePaths, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { machineDriver } from '../../common/testing/machine-driver';
import { describeDefinitionContract } from '../../common/testing/definition-contract';
import { describeRuleCases, type RuleCaseOf } from '../../common/testing/rule-cases';
import { ENFORCEMENT_DECISION_DEADLINES, enforcementDecisionV1 as def } from './enforcement-decision.definition';
import {
  approvedTextHash,
  currentDraft,
  ENFORCEMENT_DECISION_EVENT_TYPES,
  type EnforcementDecisionContext,
  type EnforcementDecisionRuleName,
  enforcementDecisionV1Machine as machine,
  reviewerQualified,
} from './enforcement-decision.machine';
import { ACTORS, AT, createInput, createPayload, ev, HASH, opinion, profile, QUALIFIED, UNQUALIFIED, valid } from './testing/enforcement-decision.fixtures';

type Snap = SnapshotFrom<typeof machine>;

const leaf = (s: Snap): string => leafPaths(s.value as never).join(' + ');
const { begin, step, run, withContext } = machineDriver(machine, createInput);

function nextEvent(s: Snap): WorkflowEvent {
  const c = s.context;
  switch (leaf(s)) {
    case 'investigation':
      return ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(c.round % 2 === 0 ? HASH.draft1 : HASH.draft2));
    case 'legalityReview.awaitingSubmission':
      return ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(currentDraft(c)!.documentHash));
    case 'legalityReview.submitted':
      return ev('ACCEPT_FOR_REVIEW');
    case 'legalityReview.underReview':
      return ev('ISSUE_REVIEW_OPINION');
    case 'legalityReview.revisionsRequired':
      return ev('CONFIRM_REVISIONS');
    case 'decision':
      return ev('RECORD_DECISION', valid.RECORD_DECISION(approvedTextHash(c)));
    default:
      throw new Error(`no next step from ${leaf(s)}`);
  }
}

function advanceTo(path: string, from: Snap = begin()): Snap {
  let s = from;
  for (let i = 0; leaf(s) !== path; i++) {
    if (i > 20) throw new Error(`${path} not reached`);
    s = step(s, nextEvent(s));
  }
  return s;
}

const atAwaiting = () => advanceTo('legalityReview.awaitingSubmission');
const atUnderReview = () => advanceTo('legalityReview.underReview');
const atRevisionsRequired = () => run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')));
const atDecision = () => advanceTo('decision');

// ================================================================================================

describe('state coverage (xstate/graph)', () => {
  function eventsFor(s: Snap): WorkflowEvent[] {
    const draftHash = currentDraft(s.context)?.documentHash ?? HASH.draft1;
    const nextDraft = draftHash === HASH.draft1 ? HASH.draft2 : HASH.draft1;
    return [
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(nextDraft)),
      ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(draftHash)),
      ev('ACCEPT_FOR_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ...['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL'].map((o) => ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION(o))),
      ev('CONFIRM_REVISIONS'),
      ev('RECORD_DECISION', valid.RECORD_DECISION(approvedTextHash(s.context) ?? HASH.draft1)),
      ev('RETURN_FOR_REVISION'),
      ev('WITHDRAW'),
    ];
  }

  it('reaches every state path of the definition, and only those', () => {
    const paths = getShortestPaths(machine, {
      input: createInput(),
      events: (s) => eventsFor(s as Snap) as never[],
      serializeState: (s) => JSON.stringify((s as Snap).value),
    });
    const reached = new Set(paths.flatMap((p) => statePaths(p.state.value as never)));
    expect([...reached].sort()).toEqual(Object.keys(def.states).sort());
  });
});

describe('happy paths', () => {
  it('investigation → legal review by a qualified reviewer → decision as reviewed', () => {
    const trail: string[] = [];
    let s = begin();
    for (const e of [
      ev('SUBMIT_DRAFT'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')),
      ev('CONFIRM_REVISIONS'),
      ev('RECORD_DECISION', valid.RECORD_DECISION(HASH.revised)),
    ]) {
      s = step(s, e);
      trail.push(leaf(s));
    }
    expect(trail).toEqual([
      'legalityReview.awaitingSubmission',
      'legalityReview.submitted',
      'legalityReview.awaitingSubmission',
      'legalityReview.submitted',
      'legalityReview.underReview',
      'legalityReview.revisionsRequired',
      'decision',
      'decided',
    ]);
    expect(s.status).toBe('done');
    // the qualification as the user record held it when the opinion was issued (policy E1)
    expect(s.context.legalityReview.opinions[0].reviewerQualification).toEqual({
      holderName: '李审核',
      certificateNumber: 'A20193302100123',
      obtainedOn: '2019-12-20',
      reviewingSince: null,
      userId: 'u-reviewer',
    });
    expect(s.context.decision).toMatchObject({ decisionHash: HASH.revised, collectiveDiscussion: true, by: ACTORS['town-head'] });
    expect(def.visibleToReviewers!(s.context)).toBe(true);
  });

  it('a different decision goes back and is reviewed again (policy E3); ILLEGAL returns to investigation', () => {
    let s = run(atDecision(), ev('RETURN_FOR_REVISION'));
    expect(leaf(s)).toBe('investigation');
    s = advanceTo('decided', s);
    expect([s.context.round, s.context.legalityReview.opinions.length, s.context.decision?.decisionHash]).toEqual([2, 2, HASH.draft2]);
    expect(leaf(run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('ILLEGAL'))))).toBe('investigation');
  });

  it('WITHDRAW ends the case at any point before the decision', () => {
    for (const at of [begin, atAwaiting, atUnderReview, atRevisionsRequired, atDecision]) expect(leaf(run(at(), ev('WITHDRAW')))).toBe('withdrawn');
  });

  it('keeps the context plain JSON: a persisted snapshot restores and continues', () => {
    const s = atDecision();
    const restored = machine.resolveState(JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s))));
    expect(restored.context).toEqual(JSON.parse(JSON.stringify(s.context)));
    expect(leaf(run(restored, ev('RECORD_DECISION')))).toBe('decided');
  });
});

// ================================================================================================

type RuleCase = RuleCaseOf<Snap>;

const RULE_CASES: Record<EnforcementDecisionRuleName, RuleCase | RuleCase[]> = {
  draftHashMatches: {
    at: atAwaiting,
    bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft2)),
    good: ev('SUBMIT_FOR_LEGALITY_REVIEW'),
  },
  separationOfDuties: {
    at: atUnderReview,
    bad: ev('ISSUE_REVIEW_OPINION', undefined, { actor: { userId: 'u-dept', role: 'legal-reviewer', orgUnit: '司法所' } }),
    good: ev('ISSUE_REVIEW_OPINION'),
  },
  reviewerQualified: [
    {
      // the user record holds no qualification
      at: atUnderReview,
      bad: opinion(UNQUALIFIED),
      good: opinion(profile()),
    },
    {
      // a declaration in the payload proves nothing: ignored (policy E1)
      at: atUnderReview,
      bad: opinion(UNQUALIFIED, valid.ISSUE_REVIEW_OPINION('LEGAL', QUALIFIED)),
      good: opinion(profile(), valid.ISSUE_REVIEW_OPINION('LEGAL', { holderName: '新审核' })),
    },
    {
      // no record at all (a sender without a user row gets an empty profile; null is refused too)
      at: atUnderReview,
      bad: ev('ISSUE_REVIEW_OPINION', undefined, { facts: { reviewer: null } }),
      good: opinion(profile()),
    },
    {
      // no certificate, reviewing only since APL 2021 took effect: first-time, so refused (policy E2)
      at: atUnderReview,
      bad: opinion(profile({ legalProfessionalQualification: null, legalReviewSince: '2021-07-15' })),
      good: opinion(profile({ legalProfessionalQualification: null, legalReviewSince: '2019-03-01' })),
    },
    {
      // a certificate obtained only after the day of the review
      at: atUnderReview,
      bad: opinion(profile({ legalProfessionalQualification: { certificateNumber: 'A20243302001234', obtainedOn: '2024-03-02' } })),
      good: opinion(profile({ legalProfessionalQualification: { certificateNumber: 'A20243302001234', obtainedOn: '2024-03-01' } })),
    },
    {
      // a history written before the user record existed replays with its declaration
      at: atUnderReview,
      bad: ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL', { holderName: '赵审核', certificateNumber: '无' }), { facts: {} }),
      good: ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL', { holderName: '赵审核', certificateNumber: 'A20203302001234' }), { facts: {} }),
    },
  ],
  revisionsApplied: {
    at: atRevisionsRequired,
    bad: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.draft1)),
    good: ev('CONFIRM_REVISIONS'),
  },
  legalReviewPassed: {
    at: () => withContext(atDecision(), (c) => ({ legalityReview: { ...c.legalityReview, opinions: [] } })),
    bad: ev('RECORD_DECISION'),
    good: ev('RECORD_DECISION'),
    goodAt: atDecision,
  },
  decisionTextReviewed: {
    at: atDecision,
    bad: ev('RECORD_DECISION', valid.RECORD_DECISION(HASH.draft2)),
    good: ev('RECORD_DECISION', valid.RECORD_DECISION(HASH.draft1)),
  },
  decisionDateValid: [
    {
      at: atDecision,
      bad: ev('RECORD_DECISION', valid.RECORD_DECISION(HASH.draft1, '2024-02-29')),
      good: ev('RECORD_DECISION', valid.RECORD_DECISION(HASH.draft1, '2024-03-01')),
    },
    {
      at: atDecision,
      bad: ev('RECORD_DECISION', valid.RECORD_DECISION(HASH.draft1, '2024-03-04')),
      good: ev('RECORD_DECISION', valid.RECORD_DECISION(HASH.draft1, '2024-03-04'), { today: '2024-03-04' }),
    },
  ],
};

describe('rules: each refuses in its state, a valid event passes', () => {
  describeRuleCases(def, RULE_CASES, { stepCase, leaf });

  it.each(Object.entries(def.rules))('%s has a stable code, APL Art. 58 and clerk-readable messages', (name, rule) => {
    expect(rule.refusal.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(rule.refusal.article).toBe('APL Art. 58');
    expect(rule.refusal.zh).toContain('《中华人民共和国行政处罚法》第五十八条');
    expect(rule.refusal.en.length).toBeGreaterThan(20);
    expect(typeof (machine.implementations.guards as Record<string, unknown>)[name]).toBe('function');
  });

  it('APL Art. 58 qualification: certificate, or reviewing since before the 2021 law took effect', () => {
    expect(reviewerQualified(undefined, '2024-03-01')).toBe(false);
    expect(reviewerQualified({ certificateNumber: 'A20193302100123' }, '2024-03-01')).toBe(true);
    expect(reviewerQualified({ certificateNumber: ' ' }, '2024-03-01')).toBe(false);
    expect(reviewerQualified({ reviewingSince: '2021-07-14' }, '2024-03-01')).toBe(true);
    expect(reviewerQualified({ reviewingSince: '2021-07-15' }, '2024-03-01')).toBe(false);
    expect(reviewerQualified({ certificateNumber: 'A20193302100123', obtainedOn: '2024-03-01' }, '2024-03-01')).toBe(true);
    expect(reviewerQualified({ certificateNumber: 'A20193302100123', obtainedOn: '2024-03-02' }, '2024-03-01')).toBe(false);
    expect(reviewerQualified(null, '2024-03-01')).toBe(false);
  });

  it('records the qualification the rule checked: the user record, or in an old history the declaration', () => {
    const fromRecord = run(atUnderReview(), opinion(profile({ legalProfessionalQualification: null, legalReviewSince: '2019-03-01' }), valid.ISSUE_REVIEW_OPINION('LEGAL', QUALIFIED)));
    expect(fromRecord.context.legalityReview.opinions[0].reviewerQualification).toEqual({
      holderName: '李审核',
      certificateNumber: null,
      obtainedOn: null,
      reviewingSince: '2019-03-01',
      userId: 'u-reviewer',
    });
    const legacy = run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL', QUALIFIED), { facts: {} }));
    expect(legacy.context.legalityReview.opinions[0].reviewerQualification).toEqual({ ...QUALIFIED, reviewingSince: null });
  });

  it('RECORD_DECISION during the review is refused with APL Art. 58, and the decision-maker is told why', () => {
    const s = machine.getPersistedSnapshot(atUnderReview());
    expect(stepCase(def, s, ev('RECORD_DECISION'))).toMatchObject({ ok: false, refusal: { code: 'LEGAL_REVIEW_REQUIRED', status: 422 } });
    const offered = allowedEvents(def, s, ['town-head']).map((e) => e.type);
    expect(offered).toEqual(['WITHDRAW']);
  });
});

describe('definition', () => {
  describeDefinitionContract(def, {
    engine: { definitionProblems, WorkflowRegistry },
    workflows: allWorkflows,
    registeredAs: ['enforcement-decision', 1],
    eventTypes: ENFORCEMENT_DECISION_EVENT_TYPES,
    precondition: { context: () => atDecision().context, actor: ACTORS.secretary, at: AT, junk: { payload: { decisionHash: 'x', reviewerQualification: QUALIFIED }, facts: { a: 1 } } },
    fixtures: { valid, createPayload },
  });

  it('has the runtime read the reviewer’s user record for the opinion (fact kind actor, policy E1)', () => {
    expect(def.events.ISSUE_REVIEW_OPINION.facts).toEqual({ reviewer: { kind: 'actor' } });
    // the submission carries only its liaison form number (drawn by the runtime, workflows/common/legality-review)
    expect(Object.keys(def.events.SUBMIT_FOR_LEGALITY_REVIEW.facts!)).toEqual(['liaisonFormNumber']);
    expect(def.events.SUBMIT_FOR_LEGALITY_REVIEW.facts!.liaisonFormNumber).toMatchObject({ kind: 'sequence', counter: 'review.liaisonForm' });
    for (const [type, meta] of Object.entries(def.events)) {
      if (type !== 'ISSUE_REVIEW_OPINION' && type !== 'SUBMIT_FOR_LEGALITY_REVIEW') expect([type, meta.facts]).toEqual([type, undefined]);
    }
  });

  it('declares the review deadline as configuration', () => {
    const [d] = ENFORCEMENT_DECISION_DEADLINES;
    expect(d).toMatchObject({ key: 'legalReviewOpinion', unit: 'workdays', length: { key: 'enforcement.legalReview.maxWorkdays', default: 15 } });
    expect(d.dueDate!(atUnderReview().context)).toBe('2024-03-08');
  });

  it('keeps the machine file pure', () => {
    const code = readFileSync(join(__dirname, 'enforcement-decision.machine.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])).toEqual(['xstate', '../../common/legality-review/legality-review.fragment', '../../common/rule-guards', '../../common/transition-guards', '../../common/machine-helpers', '../../common/stamp']);
    expect(code).not.toMatch(/Date\.now|new Date\(\s*\)|Math\.random|console\.|process\.|require\(/);
  });

  it('starts through the engine and describes itself', () => {
    expect(startCase(def, createInput())).toMatchObject({ ok: true, paths: ['investigation'] });
    expect(describeDefinition(def).mermaid).toContain('decided');
  });
});
