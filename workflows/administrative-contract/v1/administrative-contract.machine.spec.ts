/**
 * Pure specs of the administrative-contract machine: `initialTransition` / `transition` only.
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { WorkflowEvent } from '@app/engine';
import { definitionProblems, describeDefinition, leafPaths, startCase, statePaths, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { machineDriver } from '../../common/testing/machine-driver';
import { describeDefinitionContract } from '../../common/testing/definition-contract';
import { describeRuleCases, type RuleCaseOf } from '../../common/testing/rule-cases';
import { ADMINISTRATIVE_CONTRACT_DEADLINES, administrativeContractV1 as def } from './administrative-contract.definition';
import {
  ADMINISTRATIVE_CONTRACT_EVENT_TYPES,
  type AdministrativeContractContext,
  type AdministrativeContractRuleName,
  administrativeContractV1Machine as machine,
  approvedTextHash,
  currentDraft,
} from './administrative-contract.machine';
import { ACTORS, AT, createInput, createPayload, ev, HASH, valid } from './testing/administrative-contract.fixtures';

type Snap = SnapshotFrom<typeof machine>;

const leaf = (s: Snap): string => leafPaths(s.value as never).join(' + ');
const { begin, step, run, withContext } = machineDriver(machine, createInput);

function nextEvent(s: Snap, major: boolean): WorkflowEvent {
  const c = s.context;
  switch (leaf(s)) {
    case 'dueDiligence':
      return ev('RECORD_DUE_DILIGENCE');
    case 'drafting':
      return ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(major, c.round % 2 === 0 ? HASH.draft1 : HASH.draft2));
    case 'legalityReview.awaitingSubmission':
      return ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(currentDraft(c)!.documentHash));
    case 'legalityReview.submitted':
      return ev('ACCEPT_FOR_REVIEW');
    case 'legalityReview.underReview':
      return ev('ISSUE_REVIEW_OPINION');
    case 'legalityReview.revisionsRequired':
      return ev('CONFIRM_REVISIONS');
    case 'collectiveDecision.preparing':
      return ev('SCHEDULE_MEETING');
    case 'collectiveDecision.scheduled':
      return ev('RECORD_MEETING');
    case 'signing':
      return ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(approvedTextHash(c)));
    case 'registration':
      return ev('REGISTER_ON_PLATFORM');
    case 'filing':
      return ev('RECORD_FILING');
    case 'performance':
      return ev('CLOSE_CONTRACT');
    default:
      throw new Error(`no next step from ${leaf(s)}`);
  }
}

function advanceTo(path: string, major = false, from: Snap = begin()): Snap {
  let s = from;
  for (let i = 0; leaf(s) !== path; i++) {
    if (i > 30) throw new Error(`${path} not reached`);
    s = step(s, nextEvent(s, major));
  }
  return s;
}

const atDrafting = () => advanceTo('drafting');
const atAwaiting = () => advanceTo('legalityReview.awaitingSubmission');
const atUnderReview = (major = false) => advanceTo('legalityReview.underReview', major);
const atRevisionsRequired = (guarantee = false) =>
  run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS', guarantee)));
const atCollective = () => advanceTo('collectiveDecision.preparing', true);
const atScheduled = () => advanceTo('collectiveDecision.scheduled', true);
const atSigning = (major = false) => advanceTo('signing', major);
const atPerformance = () => advanceTo('performance');
const atChangeUnderReview = () => advanceTo('legalityReview.underReview', false, run(atPerformance(), ev('PROPOSE_CHANGE')));

// ================================================================================================

describe('state coverage (xstate/graph)', () => {
  function eventsFor(s: Snap): WorkflowEvent[] {
    const draftHash = currentDraft(s.context)?.documentHash ?? HASH.draft1;
    const nextDraft = draftHash === HASH.draft1 ? HASH.draft2 : HASH.draft1;
    return [
      ...['SATISFACTORY', 'UNSUITABLE'].map((c) => ev('RECORD_DUE_DILIGENCE', valid.RECORD_DUE_DILIGENCE(c))),
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(false, nextDraft)),
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(true, nextDraft)),
      ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(draftHash)),
      ev('ACCEPT_FOR_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ...['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL'].map((o) => ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION(o))),
      ev('CONFIRM_REVISIONS'),
      ev('SCHEDULE_MEETING'),
      ...['APPROVED', 'REJECTED', 'POSTPONED', 'REVISE'].map((d) => ev('RECORD_MEETING', valid.RECORD_MEETING(d))),
      ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(approvedTextHash(s.context) ?? HASH.draft1)),
      ev('REGISTER_ON_PLATFORM'),
      ev('RECORD_FILING'),
      ev('REPORT_PERFORMANCE'),
      ev('PROPOSE_CHANGE', valid.PROPOSE_CHANGE(false)),
      ev('PROPOSE_CHANGE', valid.PROPOSE_CHANGE(true)),
      ev('CLOSE_CONTRACT'),
      ev('WITHDRAW'),
    ];
  }
  const serializeState = (s: Snap): string => JSON.stringify([s.value, currentDraft(s.context)?.major ?? null, s.context.signings.length > 0]);

  it('reaches every state path of the definition, and only those', () => {
    const paths = getShortestPaths(machine, {
      input: createInput(),
      events: (s) => eventsFor(s as Snap) as never[],
      serializeState: (s) => serializeState(s as Snap),
    });
    const reached = new Set(paths.flatMap((p) => statePaths(p.state.value as never)));
    expect([...reached].sort()).toEqual(Object.keys(def.states).sort());
  });
});

describe('happy paths', () => {
  it('a major contract: due diligence → draft → review → collective decision → signing → platform → filing → performance → closed', () => {
    const trail: string[] = [];
    let s = begin();
    for (const e of [
      ev('RECORD_DUE_DILIGENCE', valid.RECORD_DUE_DILIGENCE('UNSUITABLE')),
      ev('RECORD_DUE_DILIGENCE', valid.RECORD_DUE_DILIGENCE('RISKS_NOTED')),
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(true)),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS', true)),
      ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.revised, true)),
      ev('SCHEDULE_MEETING'),
      ev('RECORD_MEETING'),
      ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.revised)),
      ev('REGISTER_ON_PLATFORM'),
      ev('RECORD_FILING'),
      ev('REPORT_PERFORMANCE'),
      ev('CLOSE_CONTRACT'),
    ]) {
      s = step(s, e);
      trail.push(leaf(s));
    }
    expect(trail).toEqual([
      'dueDiligence',
      'drafting',
      'legalityReview.awaitingSubmission',
      'legalityReview.submitted',
      'legalityReview.underReview',
      'legalityReview.revisionsRequired',
      'collectiveDecision.preparing',
      'collectiveDecision.scheduled',
      'signing',
      'registration',
      'filing',
      'performance',
      'performance',
      'closed',
    ]);
    expect(s.status).toBe('done');
    const c = s.context;
    expect(c.dueDiligence.map((d) => d.conclusion)).toEqual(['UNSUITABLE', 'RISKS_NOTED']);
    expect(c.signings).toEqual([expect.objectContaining({ signedDocumentHash: HASH.revised, signedOn: '2024-03-01', by: ACTORS['town-head'] })]);
    expect(c.legalityReview.revisionConfirmations[0]).toMatchObject({ guaranteeClauseRemoved: true, confirmedOn: '2024-03-01' });
    expect(c.closing).toMatchObject({ outcome: 'PERFORMED', archiveNumber: 'HT-GD-2029-01' });
  });

  it('a contract that is not major goes from the review straight to signing', () => {
    expect(leaf(run(atUnderReview(false), ev('ISSUE_REVIEW_OPINION')))).toBe('signing');
    expect(leaf(run(atUnderReview(true), ev('ISSUE_REVIEW_OPINION')))).toBe('collectiveDecision.preparing');
  });

  it('a change re-opens the review (INV-C4): the change text is reviewed, signed, entered and filed again', () => {
    let s = run(atPerformance(), ev('REPORT_PERFORMANCE'), ev('PROPOSE_CHANGE'));
    expect([leaf(s), s.context.round, currentDraft(s.context)?.kind]).toEqual(['legalityReview.awaitingSubmission', 2, 'CHANGE']);
    // the change can only be signed once it has passed
    expect(s.can(ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.change)) as never)).toBe(false);
    s = advanceTo('performance', false, s);
    expect(s.context.signings.map((x) => x.signedDocumentHash)).toEqual([HASH.draft1, HASH.change]);
    expect(s.context.platformRegistrations).toHaveLength(2);
    expect(s.context.filings).toHaveLength(2);
  });

  it('keeps the context plain JSON: a persisted snapshot restores and continues', () => {
    const s = atSigning();
    const restored = machine.resolveState(JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s))));
    expect(restored.context).toEqual(JSON.parse(JSON.stringify(s.context)));
    expect(leaf(run(restored, ev('SIGN_CONTRACT')))).toBe('registration');
  });
});

// ================================================================================================

type RuleCase = RuleCaseOf<Snap>;

const noOpinions = (c: AdministrativeContractContext) => ({ legalityReview: { ...c.legalityReview, opinions: [] } });

const RULE_CASES: Record<AdministrativeContractRuleName, RuleCase | RuleCase[]> = {
  draftHashMatches: {
    at: atAwaiting,
    bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft2)),
    good: ev('SUBMIT_FOR_LEGALITY_REVIEW'),
  },
  separationOfDuties: {
    at: () => atUnderReview(),
    bad: ev('ISSUE_REVIEW_OPINION', undefined, { actor: { userId: 'u-dept', role: 'legal-reviewer', orgUnit: '司法所' } }),
    good: ev('ISSUE_REVIEW_OPINION'),
  },
  guaranteeNotApproved: {
    at: () => atUnderReview(),
    bad: ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL', true)),
    good: ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS', true)),
  },
  revisionsApplied: {
    at: () => atRevisionsRequired(),
    bad: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.draft1)),
    good: ev('CONFIRM_REVISIONS'),
  },
  guaranteeRemoved: {
    at: () => atRevisionsRequired(true),
    bad: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.revised)),
    good: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.revised, true)),
  },
  legalityReviewPassed: [
    {
      at: () => withContext(atSigning(), noOpinions),
      bad: ev('SIGN_CONTRACT'),
      good: ev('SIGN_CONTRACT'),
      goodAt: () => atSigning(),
    },
    {
      at: () => withContext(atCollective(), noOpinions),
      bad: ev('SCHEDULE_MEETING'),
      good: ev('SCHEDULE_MEETING'),
      goodAt: atCollective,
    },
  ],
  writtenFormRequired: {
    at: () => atSigning(),
    bad: ev('SIGN_CONTRACT', { signedOn: '2024-03-01', signatories: ['王镇长'] }),
    good: ev('SIGN_CONTRACT'),
  },
  signedTextReviewed: {
    at: () => atSigning(),
    bad: ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.draft2)),
    good: ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.draft1)),
  },
  signingDateValid: [
    {
      at: () => atSigning(),
      bad: ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.draft1, '2024-02-29')),
      good: ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.draft1, '2024-03-01')),
    },
    {
      at: () => atSigning(),
      bad: ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.draft1, '2024-03-02')),
      good: ev('SIGN_CONTRACT', valid.SIGN_CONTRACT(HASH.draft1, '2024-03-02'), { today: '2024-03-04' }),
    },
  ],
};

describe('rules: each refuses in its state, a valid event passes', () => {
  describeRuleCases(def, RULE_CASES, { stepCase, leaf });

  it.each(Object.entries(def.rules))('%s has a stable code, an article and clerk-readable messages', (name, rule) => {
    expect(rule.refusal.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(rule.refusal.article).toBeTruthy();
    expect(rule.refusal.zh).toMatch(/《[^》]+》/);
    expect(rule.refusal.en.length).toBeGreaterThan(20);
    expect(typeof (machine.implementations.guards as Record<string, unknown>)[name]).toBe('function');
  });

  it('SIGN_CONTRACT while the review runs is refused with INV-C1 (NBR Art. 13), not a bare 409', () => {
    const r = stepCase(def, machine.getPersistedSnapshot(atUnderReview()), ev('SIGN_CONTRACT'));
    expect(r).toMatchObject({ ok: false, refusal: { code: 'LEGALITY_REVIEW_REQUIRED', article: 'NBR Art. 13', status: 422 } });
  });
});

describe('routing', () => {
  it('ILLEGAL sends a first text back to drafting, and a change back to performance under the signed text', () => {
    expect(leaf(run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('ILLEGAL'))))).toBe('drafting');
    const s = run(atChangeUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('ILLEGAL')));
    expect([leaf(s), s.context.signings.length]).toEqual(['performance', 1]);
  });

  it('meeting decisions: REJECTED ends a first text, REVISE returns to drafting, POSTPONED to preparing; a rejected change returns to performance', () => {
    expect(leaf(run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('REJECTED'))))).toBe('rejected');
    expect(leaf(run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('REVISE'))))).toBe('drafting');
    expect(leaf(run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('POSTPONED'))))).toBe('collectiveDecision.preparing');
    const change = advanceTo('collectiveDecision.scheduled', true, run(atPerformance(), ev('PROPOSE_CHANGE', valid.PROPOSE_CHANGE(true))));
    expect(leaf(run(change, ev('RECORD_MEETING', valid.RECORD_MEETING('REJECTED'))))).toBe('performance');
  });

  it('WITHDRAW until signing: a first contract is withdrawn, a change is abandoned', () => {
    for (const at of [begin, atDrafting, atAwaiting, () => atUnderReview(), atCollective, () => atSigning()]) expect(leaf(run(at(), ev('WITHDRAW')))).toBe('withdrawn');
    expect(leaf(run(atChangeUnderReview(), ev('WITHDRAW')))).toBe('performance');
    for (const at of [() => advanceTo('registration'), () => advanceTo('filing'), atPerformance]) expect(at().can(ev('WITHDRAW') as never)).toBe(false);
  });
});

describe('definition', () => {
  describeDefinitionContract(def, {
    engine: { definitionProblems, WorkflowRegistry },
    workflows: allWorkflows,
    registeredAs: ['administrative-contract', 1],
    eventTypes: ADMINISTRATIVE_CONTRACT_EVENT_TYPES,
    precondition: { context: () => atSigning().context, actor: ACTORS.secretary, at: AT, junk: { payload: { signedOn: '1999-01-01', signedDocumentHash: 'x' }, facts: { a: 1 } } },
    fixtures: { valid, createPayload },
  });

  it('declares the review and filing periods as configuration', () => {
    const byKey = Object.fromEntries(ADMINISTRATIVE_CONTRACT_DEADLINES.map((d) => [d.key, d]));
    expect(byKey.legalityReviewOpinion).toMatchObject({ unit: 'workdays', length: { key: 'contract.legalityReview.maxWorkdays', default: 5 } });
    expect(byKey.legalityReviewOpinion.dueDate!(atUnderReview().context)).toBe('2024-03-08');
    expect(byKey.contractFiling).toMatchObject({ states: ['registration', 'filing'], length: { key: 'contract.filing.workdays', default: 5 } });
  });

  it('keeps the machine file pure', () => {
    const code = readFileSync(join(__dirname, 'administrative-contract.machine.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])).toEqual(['xstate', '../../common/legality-review/legality-review.fragment', '../../common/collective-decision/collective-decision.fragment', '../../common/rule-guards', '../../common/transition-guards', '../../common/machine-helpers', '../../common/stamp']);
    expect(code).not.toMatch(/Date\.now|new Date\(\s*\)|Math\.random|console\.|process\.|require\(/);
  });

  it('starts through the engine and describes itself', () => {
    expect(startCase(def, createInput())).toMatchObject({ ok: true, paths: ['dueDiligence'] });
    expect(describeDefinition(def).mermaid).toContain('performance');
  });
});
