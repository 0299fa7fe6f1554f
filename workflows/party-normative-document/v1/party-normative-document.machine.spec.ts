/**
 * Pure specs of the party-normative-document machine: `initialTransition` / `transition` only.
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
import { PARTY_NORMATIVE_DOCUMENT_DEADLINES, partyNormativeDocumentV1 as def } from './party-normative-document.definition';
import {
  currentDraft,
  PARTY_NORMATIVE_DOCUMENT_EVENT_TYPES,
  type PartyNormativeDocumentContext,
  type PartyNormativeDocumentRuleName,
  partyNormativeDocumentV1Machine as machine,
} from './party-normative-document.machine';
import { ACTORS, AT, createInput, createPayload, EXEMPTION, ev, HASH, valid } from './testing/party-normative-document.fixtures';

type Snap = SnapshotFrom<typeof machine>;

const leaf = (s: Snap): string => leafPaths(s.value as never).join(' + ');
const { begin, step, run, withContext } = machineDriver(machine, createInput);

/** The ordinary next step; `scope` is the filing scope the draft declares. */
function nextEvent(s: Snap, scope: 'REQUIRED' | 'EXEMPT'): WorkflowEvent {
  const c = s.context;
  switch (leaf(s)) {
    case 'drafting':
      return ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(scope, c.round % 2 === 0 ? HASH.draft1 : HASH.draft2));
    case 'legalityReview.awaitingSubmission':
      return ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(currentDraft(c)!.documentHash));
    case 'legalityReview.submitted':
      return ev('ACCEPT_FOR_REVIEW');
    case 'legalityReview.underReview':
      return ev('ISSUE_REVIEW_OPINION');
    case 'legalityReview.revisionsRequired':
      return ev('CONFIRM_REVISIONS');
    case 'issuance':
      return ev('ISSUE_DOCUMENT');
    case 'filing':
      return ev('RECORD_FILING');
    case 'filingReview':
      return ev('RECORD_FILING_REVIEW_RESULT');
    default:
      throw new Error(`no next step from ${leaf(s)}`);
  }
}

function advanceTo(path: string, scope: 'REQUIRED' | 'EXEMPT' = 'REQUIRED', from: Snap = begin()): Snap {
  let s = from;
  for (let i = 0; leaf(s) !== path; i++) {
    if (i > 30) throw new Error(`${path} not reached`);
    s = step(s, nextEvent(s, scope));
  }
  return s;
}

const atAwaiting = (scope: 'REQUIRED' | 'EXEMPT' = 'REQUIRED') => advanceTo('legalityReview.awaitingSubmission', scope);
const atUnderReview = (scope: 'REQUIRED' | 'EXEMPT' = 'REQUIRED') => advanceTo('legalityReview.underReview', scope);
const atRevisionsRequired = () => run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')));
const atIssuance = (scope: 'REQUIRED' | 'EXEMPT' = 'REQUIRED') => advanceTo('issuance', scope);
const atFiling = () => advanceTo('filing');
const atFilingReview = () => advanceTo('filingReview');
const atInForce = () => advanceTo('inForce');
const atCorrection = () => run(atFilingReview(), ev('RECORD_FILING_REVIEW_RESULT', valid.RECORD_FILING_REVIEW_RESULT('CORRECTION_REQUIRED')));

// ================================================================================================

describe('state coverage (xstate/graph)', () => {
  function eventsFor(s: Snap): WorkflowEvent[] {
    const draftHash = currentDraft(s.context)?.documentHash ?? HASH.draft1;
    const nextDraft = draftHash === HASH.draft1 ? HASH.draft2 : HASH.draft1;
    return [
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT('REQUIRED', nextDraft)),
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT('EXEMPT', nextDraft)),
      ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(draftHash)),
      ev('ACCEPT_FOR_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ...['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL'].map((o) => ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION(o))),
      ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL', true)),
      ev('CONFIRM_REVISIONS'),
      ev('ISSUE_DOCUMENT'),
      ev('RECORD_FILING'),
      ...['APPROVED', 'CORRECTION_REQUIRED'].map((r) => ev('RECORD_FILING_REVIEW_RESULT', valid.RECORD_FILING_REVIEW_RESULT(r))),
      ev('START_AMENDMENT'),
      ev('REPEAL_DOCUMENT'),
      ev('WITHDRAW'),
      ev('MARK_OVERDUE'),
    ];
  }
  const serializeState = (s: Snap): string =>
    JSON.stringify([s.value, currentDraft(s.context)?.filingScope ?? null, s.context.standing, s.context.legalityReview.opinions.at(-1)?.exemptionRejected ?? null]);

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
  it('pre-review → issuance → filing within 30 days → filing review approved → in force → repealed', () => {
    const trail: string[] = [];
    let s = begin();
    expect(def.visibleToReviewers!(s.context)).toBe(false);
    for (const e of [
      ev('SUBMIT_DRAFT'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')),
      ev('CONFIRM_REVISIONS'),
      ev('ISSUE_DOCUMENT'),
      ev('RECORD_FILING'),
      ev('RECORD_FILING_REVIEW_RESULT'),
      ev('REPEAL_DOCUMENT'),
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
      'issuance',
      'filing',
      'filingReview',
      'inForce',
      'repealed',
    ]);
    expect(s.status).toBe('done');
    const c = s.context;
    expect(c.issuances).toEqual([expect.objectContaining({ issuedAt: '2024-03-01', filingRequired: true, filingDue: '2024-04-01', by: ACTORS.secretary })]);
    expect(c.filings[0]).toMatchObject({ filedOn: '2024-03-15', filedWith: '中共慈溪市委办公室' });
    expect(c.standing).toBe('IN_FORCE');
    expect(def.visibleToReviewers!(c)).toBe(true);
  });

  it('an upheld exemption ends at issuance without filing (INV-P3)', () => {
    const s = run(atIssuance('EXEMPT'), ev('ISSUE_DOCUMENT'));
    expect([leaf(s), s.status]).toEqual(['exemptFromFiling', 'done']);
    expect(s.context.drafts[0].exemption).toEqual(EXEMPTION);
    expect(s.context.issuances[0]).toMatchObject({ filingRequired: false, filingDue: null });
  });

  it('the reviewer may reject a declared exemption: the document must then be filed (policy P1)', () => {
    const s = run(atUnderReview('EXEMPT'), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL', true)), ev('ISSUE_DOCUMENT'));
    expect(leaf(s)).toBe('filing');
    expect(s.context.issuances[0]).toMatchObject({ filingRequired: true, filingDue: '2024-04-01' });
    // a rejection of an exemption nobody declared means nothing
    const plain = run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL', true)));
    expect(plain.context.legalityReview.opinions[0].exemptionRejected).toBe(false);
  });

  it('a correction required by the filing review opens a new round: pre-review and filing again (policy P5)', () => {
    let s = run(atCorrection(), ev('START_AMENDMENT'));
    expect(leaf(s)).toBe('drafting');
    s = advanceTo('inForce', 'REQUIRED', s);
    expect(s.context.round).toBe(2);
    expect(s.context.issuances).toHaveLength(2);
    expect(s.context.filingReviews.map((r) => r.result)).toEqual(['CORRECTION_REQUIRED', 'APPROVED']);
  });

  it('keeps the context plain JSON: a persisted snapshot restores and continues', () => {
    const s = atFiling();
    const restored = machine.resolveState(JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s))));
    expect(restored.context).toEqual(JSON.parse(JSON.stringify(s.context)));
    expect(leaf(run(restored, ev('RECORD_FILING')))).toBe('filingReview');
  });
});

// ================================================================================================

type RuleCase = RuleCaseOf<Snap>;

const RULE_CASES: Record<PartyNormativeDocumentRuleName, RuleCase | RuleCase[]> = {
  exemptionJustified: [
    {
      at: begin,
      bad: ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT('EXEMPT'), exemption: undefined }),
      good: ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT('EXEMPT')),
    },
    {
      at: begin,
      bad: ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT('EXEMPT'), exemption: { category: 'IMPORTANT', justification: '重要' } }),
      good: ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT('REQUIRED')),
    },
    {
      at: begin,
      bad: ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT('EXEMPT'), exemption: { category: 'BRIEFING', justification: '  ' } }),
      good: ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT('EXEMPT'), exemption: { category: 'BRIEFING', justification: '工作简报，仅通报情况。' } }),
    },
  ],
  draftHashMatches: {
    at: () => atAwaiting(),
    bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft2)),
    good: ev('SUBMIT_FOR_LEGALITY_REVIEW'),
  },
  separationOfDuties: {
    at: () => atUnderReview(),
    bad: ev('ISSUE_REVIEW_OPINION', undefined, { actor: { userId: 'u-dept', role: 'legal-reviewer', orgUnit: '司法所' } }),
    good: ev('ISSUE_REVIEW_OPINION'),
  },
  revisionsApplied: {
    at: atRevisionsRequired,
    bad: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.draft1)),
    good: ev('CONFIRM_REVISIONS'),
  },
  preReviewPassed: {
    at: () => withContext(atIssuance(), (c) => ({ legalityReview: { ...c.legalityReview, opinions: [] } })),
    bad: ev('ISSUE_DOCUMENT'),
    good: ev('ISSUE_DOCUMENT'),
    goodAt: () => atIssuance(),
  },
  issuanceNotInFuture: {
    at: () => atIssuance(),
    bad: ev('ISSUE_DOCUMENT', valid.ISSUE_DOCUMENT('2024-03-02')),
    good: ev('ISSUE_DOCUMENT', valid.ISSUE_DOCUMENT('2024-02-28')),
  },
  filingPeriodPassed: [
    {
      // on the due date itself the period has not passed yet
      at: atFiling,
      bad: ev('MARK_OVERDUE', undefined, { today: '2024-04-01' }),
      good: ev('MARK_OVERDUE'),
    },
    {
      at: atFiling,
      bad: ev('MARK_OVERDUE', valid.MARK_OVERDUE('2024-03-31')),
      good: ev('MARK_OVERDUE', valid.MARK_OVERDUE('2024-04-01')),
    },
  ],
  filingDateValid: [
    {
      at: atFiling,
      bad: ev('RECORD_FILING', valid.RECORD_FILING('2024-02-29')),
      good: ev('RECORD_FILING', valid.RECORD_FILING('2024-03-01')),
    },
    {
      at: atFiling,
      bad: ev('RECORD_FILING', valid.RECORD_FILING('2024-03-16')),
      good: ev('RECORD_FILING', valid.RECORD_FILING('2024-03-15')),
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

  it('ISSUE_DOCUMENT before the pre-review is refused with INV-P1, not a bare 409', () => {
    const r = stepCase(def, machine.getPersistedSnapshot(atUnderReview()), ev('ISSUE_DOCUMENT'));
    expect(r).toMatchObject({ ok: false, refusal: { code: 'PRE_REVIEW_REQUIRED', status: 422 } });
  });
});

describe('routing', () => {
  it('ILLEGAL returns to drafting, and the next draft is reviewed again', () => {
    const s = run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('ILLEGAL')));
    expect(leaf(s)).toBe('drafting');
    expect(leaf(run(s, ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT('REQUIRED', HASH.draft2))))).toBe('legalityReview.awaitingSubmission');
  });

  it('WITHDRAW before issuance: a first text is withdrawn, an amendment returns to where the text stood (policy P6)', () => {
    for (const at of [begin, () => atAwaiting(), () => atUnderReview(), atRevisionsRequired]) expect(leaf(run(at(), ev('WITHDRAW')))).toBe('withdrawn');
    expect(leaf(run(atInForce(), ev('START_AMENDMENT'), ev('WITHDRAW')))).toBe('inForce');
    expect(leaf(run(atCorrection(), ev('START_AMENDMENT'), ev('WITHDRAW')))).toBe('correctionRequired');
    for (const at of [() => atIssuance(), atFiling, atFilingReview, atInForce]) expect(at().can(ev('WITHDRAW') as never)).toBe(false);
  });

  it('policy P8: a filing period passed unfiled marks the case overdue, once; the late filing is still recorded', () => {
    const filed = run(atFiling(), ev('RECORD_FILING'));
    expect(filed.context.overdue).toBeUndefined();
    const s = run(atFiling(), ev('MARK_OVERDUE'));
    expect(leaf(s)).toBe('filingOverdue');
    expect(s.context.overdue).toEqual([{ by: ACTORS.system, at: AT, round: 1, deadlineKey: 'partyFiling', dueDate: '2024-04-01' }]);
    // a second mark is not accepted: the state no longer offers it
    expect(s.can(ev('MARK_OVERDUE') as never)).toBe(false);
    expect(stepCase(def, machine.getPersistedSnapshot(s), ev('MARK_OVERDUE'))).toMatchObject({ ok: false });
    const late = run(s, ev('RECORD_FILING', valid.RECORD_FILING('2024-04-02'), { today: '2024-04-02' }));
    expect(leaf(late)).toBe('filingReview');
    expect(leaf(run(late, ev('RECORD_FILING_REVIEW_RESULT')))).toBe('inForce');
  });

  it('policy P8: no person may mark a case overdue', () => {
    for (const role of ['secretary', 'town-head'] as const) {
      const r = stepCase(def, machine.getPersistedSnapshot(atFiling()), ev('MARK_OVERDUE', undefined, { actor: ACTORS[role] }));
      expect(r).toMatchObject({ ok: false, refusal: { code: 'ROLE_NOT_ALLOWED' } });
    }
    expect(def.events.MARK_OVERDUE.roles).toEqual(['system']);
  });

  it('a correction-required document may be repealed', () => {
    expect(leaf(run(atCorrection(), ev('REPEAL_DOCUMENT')))).toBe('repealed');
  });
});

describe('definition', () => {
  describeDefinitionContract(def, {
    engine: { definitionProblems, WorkflowRegistry },
    workflows: allWorkflows,
    registeredAs: ['party-normative-document', 1],
    eventTypes: PARTY_NORMATIVE_DOCUMENT_EVENT_TYPES,
    precondition: { context: () => atIssuance().context, actor: ACTORS.secretary, at: AT, junk: { payload: { issuedAt: '1999-01-01' }, facts: { filingDue: '2999-01-01' } } },
    fixtures: { valid, createPayload, samples: () => [['SUBMIT_DRAFT', valid.SUBMIT_DRAFT('EXEMPT')]] },
  });

  it('declares INV-P2 as a 30-day fact and a deadline due on it', () => {
    expect(def.events.ISSUE_DOCUMENT.facts).toEqual({
      filingDue: { kind: 'calendarDaysAfter', from: { payload: 'issuedAt' }, days: { key: 'party.filing.days', default: 30, article: 'PFR 2012 Art. 4' }, rollToWorkday: true },
    });
    const filing = PARTY_NORMATIVE_DOCUMENT_DEADLINES.find((d) => d.key === 'partyFiling')!;
    expect(filing).toMatchObject({
      states: ['filing', 'filingOverdue'],
      type: 'due',
      unit: 'calendarDays',
      reminders: [5, 0],
      length: { default: 30 },
      onMissed: { event: 'MARK_OVERDUE' },
    });
    expect(filing.dueDate!(atFiling().context)).toBe('2024-04-01');
    for (const d of PARTY_NORMATIVE_DOCUMENT_DEADLINES) for (const p of d.states) expect(Object.keys(def.states)).toContain(p);
  });

  it('keeps the machine file pure', () => {
    const code = readFileSync(join(__dirname, 'party-normative-document.machine.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1])).toEqual(['xstate', '../../common/legality-review/legality-review.fragment', '../../common/rule-guards', '../../common/transition-guards', '../../common/machine-helpers', '../../common/stamp']);
    expect(code).not.toMatch(/Date\.now|new Date\(\s*\)|Math\.random|console\.|process\.|require\(/);
  });

  it('starts through the engine and describes itself', () => {
    expect(startCase(def, createInput())).toMatchObject({ ok: true, paths: ['drafting'] });
    expect(describeDefinition(def).mermaid).toContain('exemptFromFiling');
  });
});
