/**
 * Pure specs of the major-decision machine: `initialTransition` / `transition` only (no actors,
 * no timers, no clock).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { WorkflowEvent } from '@app/engine';
import { allowedEvents, definitionProblems, describeDefinition, stepCase, startCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { machineDriver } from '../../common/testing/machine-driver';
import { majorDecisionV1 } from './major-decision.definition';
import {
  currentDraft,
  decisionDiffersFromMajority,
  MAJOR_DECISION_EVENT_TYPES,
  type MajorDecisionContext,
  type MajorDecisionEventType,
  type MajorDecisionRuleName,
  majorDecisionRules,
  majorDecisionV1Machine as machine,
  memberMajority,
  missingArchiveRecords,
  type Procedures,
} from './major-decision.machine';
import {
  ACTORS,
  ALL_PROCEDURES,
  AT,
  createInput,
  ev,
  FACTS,
  HASH,
  NO_PROCEDURES,
  only,
  valid,
} from './testing/major-decision.fixtures';

type Snap = SnapshotFrom<typeof machine>;

// ------------------------------------------------------------------------------------------------
// helpers
// ------------------------------------------------------------------------------------------------

/** Dotted paths of every active state node, compound and leaf. */
function statePaths(value: unknown, prefix = ''): string[] {
  if (typeof value === 'string') return [prefix ? `${prefix}.${value}` : value];
  const out: string[] = [];
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.push(path, ...statePaths(child, path));
  }
  return out;
}

const leaf = (s: Snap): string => {
  const paths = statePaths(s.value);
  return paths[paths.length - 1];
};

const { begin, step, run, withContext } = machineDriver(machine, createInput);

/** The event that moves a case on from its current leaf (the ordinary next step). */
function nextEvent(s: Snap, p: Procedures): WorkflowEvent {
  const c = s.context;
  const inRound = <T extends { round: number }>(xs: T[]) => xs.some((x) => x.round === c.round);
  switch (leaf(s)) {
    case 'initiation':
      return ev('DECIDE_TO_START', valid.DECIDE_TO_START(p));
    case 'drafting':
      return ev('SUBMIT_DRAFT');
    case 'publicParticipation.preparing':
      return ev('PUBLISH_FOR_COMMENT');
    case 'publicParticipation.commentOpen':
      return p.hearing && !c.participation.some((x) => x.round === c.round && x.hearings.length > 0)
        ? ev('RECORD_HEARING')
        : ev('CLOSE_COMMENT_PERIOD');
    case 'publicParticipation.commentClosed':
      return ev('SUBMIT_PARTICIPATION_SUMMARY');
    case 'expertReview':
      return inRound(c.expertOpinions) ? ev('SUBMIT_EXPERT_SUMMARY') : ev('RECORD_EXPERT_OPINION');
    case 'riskAssessment':
      return ev('SUBMIT_RISK_REPORT');
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
    case 'partyCommitteeReport':
      return ev('RECORD_PARTY_COMMITTEE_REPORT');
    case 'publication':
      return ev('PUBLISH_DECISION');
    case 'implementation.inProgress':
      return inRound(c.implementationReports) ? ev('CLOSE_CASE') : ev('REPORT_IMPLEMENTATION');
    case 'closed':
      return ev('ARCHIVE');
    default:
      throw new Error(`no next step from ${leaf(s)}`);
  }
}

/** A case moved along the ordinary path until its leaf state is `path`. */
function advanceTo(path: string, p: Procedures = ALL_PROCEDURES, from: Snap = begin()): Snap {
  let s = from;
  for (let i = 0; leaf(s) !== path; i++) {
    if (i > 40) throw new Error(`${path} not reached`);
    s = step(s, nextEvent(s, p));
  }
  return s;
}

// ------------------------------------------------------------------------------------------------
// snapshots at each stage
// ------------------------------------------------------------------------------------------------

const atDrafting = (p: Procedures = ALL_PROCEDURES) => advanceTo('drafting', p);
const atPreparing = (p: Procedures = ALL_PROCEDURES) => advanceTo('publicParticipation.preparing', p);
const atCommentOpen = (p: Procedures = ALL_PROCEDURES) => advanceTo('publicParticipation.commentOpen', p);
const atCommentClosed = (p: Procedures = ALL_PROCEDURES) => advanceTo('publicParticipation.commentClosed', p);
const atExpertReview = (p: Procedures = ALL_PROCEDURES) => advanceTo('expertReview', p);
const atRiskAssessment = (p: Procedures = ALL_PROCEDURES) => advanceTo('riskAssessment', p);
const atAwaitingSubmission = (p: Procedures = ALL_PROCEDURES) => advanceTo('legalityReview.awaitingSubmission', p);
const atSubmitted = (p: Procedures = ALL_PROCEDURES) => advanceTo('legalityReview.submitted', p);
const atUnderReview = (p: Procedures = ALL_PROCEDURES) => advanceTo('legalityReview.underReview', p);
const atRevisionsRequired = (p: Procedures = ALL_PROCEDURES) =>
  run(atUnderReview(p), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')));
const atCollective = (p: Procedures = ALL_PROCEDURES) => advanceTo('collectiveDecision.preparing', p);
const atScheduled = (p: Procedures = ALL_PROCEDURES) => advanceTo('collectiveDecision.scheduled', p);
const atPartyCommittee = (p: Procedures = ALL_PROCEDURES) => advanceTo('partyCommitteeReport', p);
const atPublication = (p: Procedures = ALL_PROCEDURES) => advanceTo('publication', p);
const atImplementation = (p: Procedures = ALL_PROCEDURES) => advanceTo('implementation.inProgress', p);
const atClosed = (p: Procedures = ALL_PROCEDURES) => advanceTo('closed', p);

// ================================================================================================
// (a) every state is reached
// ================================================================================================

describe('state coverage (xstate/graph)', () => {
  /** Candidate events with valid payloads for a snapshot (hashes follow the current draft). */
  function eventsFor(s: Snap): WorkflowEvent[] {
    const draftHash = currentDraft(s.context)?.documentHash ?? HASH.draft1;
    const nextDraft = draftHash === HASH.draft1 ? HASH.draft2 : HASH.draft1;
    return [
      // public participation without a hearing, experts and risk: every stage runs
      ev('DECIDE_TO_START', valid.DECIDE_TO_START({ ...ALL_PROCEDURES, hearing: false })),
      ev('DECLINE_TO_START'),
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(nextDraft)),
      ev('PUBLISH_FOR_COMMENT'),
      ev('CLOSE_COMMENT_PERIOD'),
      ev('SUBMIT_PARTICIPATION_SUMMARY'),
      ev('RECORD_EXPERT_OPINION'),
      ev('SUBMIT_EXPERT_SUMMARY'),
      ev('SUBMIT_RISK_REPORT', valid.SUBMIT_RISK_REPORT(true)),
      ev('SUBMIT_RISK_REPORT', valid.SUBMIT_RISK_REPORT(false)),
      ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(draftHash)),
      ev('ACCEPT_FOR_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ...['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL', 'EXPLORATORY_RISK_DISCLOSED'].map((o) =>
        ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION(o)),
      ),
      ev('CONFIRM_REVISIONS'),
      ev('SCHEDULE_MEETING'),
      ...['APPROVED', 'REJECTED', 'POSTPONED', 'REVISE'].map((d) => ev('RECORD_MEETING', valid.RECORD_MEETING(d))),
      ev('RECORD_PARTY_COMMITTEE_REPORT', valid.RECORD_PARTY_COMMITTEE_REPORT('AGREED')),
      ev('RECORD_PARTY_COMMITTEE_REPORT', valid.RECORD_PARTY_COMMITTEE_REPORT('DISAGREED')),
      ev('PUBLISH_DECISION'),
      ev('REPORT_IMPLEMENTATION'),
      ev('SUSPEND'),
      ev('RESUME'),
      ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MAJOR')),
      ev('CLOSE_CASE'),
      ev('ARCHIVE'),
      ev('WITHDRAW'),
    ];
  }

  /**
   * States are keyed by value plus a few progress flags of the current round: a value-only key
   * would drop context-changing self-loops (RECORD_EXPERT_OPINION, REPORT_IMPLEMENTATION) and make
   * the states behind them unreachable for the traversal. Flags are booleans, so the graph is finite.
   */
  const serializeState = (s: Snap): string => {
    const c = s.context;
    return JSON.stringify([
      s.value,
      c.expertOpinions.some((o) => o.round === c.round),
      c.implementationReports.some((r) => r.round === c.round),
    ]);
  };

  it('reaches every state path of the definition, and only those', () => {
    const paths = getShortestPaths(machine, {
      input: createInput(),
      events: (s) => eventsFor(s as Snap) as never[],
      serializeState: (s) => serializeState(s as Snap),
    });
    const reached = new Set(paths.flatMap((p) => statePaths(p.state.value)));
    expect([...reached].sort()).toEqual(Object.keys(majorDecisionV1.states).sort());
  });
});

// ================================================================================================
// (b) happy paths
// ================================================================================================

describe('happy paths', () => {
  it('runs initiation → archived with every procedure required', () => {
    const trail: string[] = [];
    let s = begin();
    trail.push(leaf(s));
    const events = [
      ev('DECIDE_TO_START', valid.DECIDE_TO_START(ALL_PROCEDURES)),
      ev('SUBMIT_DRAFT'),
      ev('RECORD_HEARING'),
      ev('PUBLISH_FOR_COMMENT'),
      ev('EXTEND_COMMENT_PERIOD'),
      ev('CLOSE_COMMENT_PERIOD'),
      ev('SUBMIT_PARTICIPATION_SUMMARY'),
      ev('RECORD_EXPERT_OPINION'),
      ev('SUBMIT_EXPERT_SUMMARY'),
      ev('SUBMIT_RISK_REPORT'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW', undefined, { today: '2024-03-04', facts: { minCompletionDate: '2024-03-13' }, payload: { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-13' } }),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')),
      ev('CONFIRM_REVISIONS'),
      ev('SCHEDULE_MEETING'),
      ev('SCHEDULE_MEETING', { meetingType: 'STANDING_MEETING', scheduledAt: '2024-04-21T01:30:00.000Z' }),
      ev('RECORD_MEETING', valid.RECORD_MEETING('POSTPONED')),
      ev('SCHEDULE_MEETING'),
      ev('RECORD_MEETING', valid.RECORD_MEETING('APPROVED')),
      ev('RECORD_PARTY_COMMITTEE_REPORT'),
      ev('PUBLISH_DECISION'),
      ev('REPORT_IMPLEMENTATION'),
      ev('SUSPEND'),
      ev('RESUME'),
      ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MINOR')),
      ev('START_POST_EVALUATION'),
      ev('SUBMIT_POST_EVALUATION'),
      ev('CLOSE_CASE'),
      ev('ARCHIVE'),
    ];
    for (const e of events) {
      s = step(s, e);
      trail.push(leaf(s));
    }
    expect(trail).toEqual([
      'initiation',
      'drafting',
      'publicParticipation.preparing',
      'publicParticipation.preparing',
      'publicParticipation.commentOpen',
      'publicParticipation.commentOpen',
      'publicParticipation.commentClosed',
      'expertReview',
      'expertReview',
      'riskAssessment',
      'legalityReview.awaitingSubmission',
      'legalityReview.submitted',
      'legalityReview.awaitingSubmission',
      'legalityReview.submitted',
      'legalityReview.underReview',
      'legalityReview.revisionsRequired',
      'collectiveDecision.preparing',
      'collectiveDecision.scheduled',
      'collectiveDecision.scheduled',
      'collectiveDecision.preparing',
      'collectiveDecision.scheduled',
      'partyCommitteeReport',
      'publication',
      'implementation.inProgress',
      'implementation.inProgress',
      'implementation.suspended',
      'implementation.inProgress',
      'implementation.inProgress',
      'implementation.inProgress',
      'implementation.inProgress',
      'closed',
      'archived',
    ]);
    expect(s.status).toBe('done');
    const c = s.context;
    expect(missingArchiveRecords(c)).toEqual([]);
    // who / when is on every record
    expect(c.start).toMatchObject({ undertakingUnit: '经济发展办', by: ACTORS['town-head'], at: AT });
    expect(c.legalityReview.submissions.map((x) => [x.submittedBy, x.submittedOn, x.minCompletionDate])).toEqual([
      ['u-dept', '2024-03-01', '2024-03-12'],
      ['u-dept', '2024-03-04', '2024-03-13'],
    ]);
    expect(c.participation[0].extensions).toHaveLength(1);
    expect(c.participation[0].closed?.closedOn).toBe('2024-04-09');
    expect(c.meetings).toHaveLength(2);
    expect(c.meetings[0].schedules).toHaveLength(2);
    expect(c.meetings[0].minutes?.decision).toBe('POSTPONED');
    // dissent kept verbatim
    const minutes = c.meetings[1].minutes!;
    expect(minutes.statements).toEqual(valid.RECORD_MEETING('APPROVED').statements);
    expect(minutes.dissentingSpeakers).toEqual(['赵委员']);
    expect(minutes.memberMajority).toBe('SUPPORT');
    expect(c.archive).toMatchObject({ archiveNumber: 'ZQ-ZDJC-2024-001', archivedOn: '2024-03-01' });
    expect(majorDecisionV1.orgUnits!(c)).toEqual(['经济发展办']);
    expect(majorDecisionV1.visibleToReviewers!(c)).toBe(true);
  });

  it('runs initiation → drafting → legalityReview → … → archived with no optional procedure', () => {
    const trail: string[] = [];
    let s = begin();
    expect(majorDecisionV1.visibleToReviewers!(s.context)).toBe(false);
    for (const e of [
      ev('DECIDE_TO_START', valid.DECIDE_TO_START(NO_PROCEDURES)),
      ev('SUBMIT_DRAFT', { title: '草案', documentHash: HASH.draft1, options: [{ title: '方案一', summary: '实施。' }] }),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION'),
      ev('SCHEDULE_MEETING'),
      ev('RECORD_MEETING'),
      ev('RECORD_PARTY_COMMITTEE_REPORT'),
      ev('PUBLISH_DECISION', { publishedAt: '2024-04-25', channels: ['政府网站'] }),
      ev('REPORT_IMPLEMENTATION'),
      ev('CLOSE_CASE'),
      ev('ARCHIVE'),
    ]) {
      s = step(s, e);
      trail.push(leaf(s));
    }
    expect(trail).toEqual([
      'drafting',
      'legalityReview.awaitingSubmission',
      'legalityReview.submitted',
      'legalityReview.underReview',
      'collectiveDecision.preparing',
      'collectiveDecision.scheduled',
      'partyCommitteeReport',
      'publication',
      'implementation.inProgress',
      'implementation.inProgress',
      'closed',
      'archived',
    ]);
    expect(s.status).toBe('done');
  });

  it('keeps the context plain JSON: a persisted snapshot restores and continues', () => {
    const s = atScheduled();
    const persisted = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s)));
    const restored = machine.resolveState(persisted);
    expect(restored.context).toEqual(JSON.parse(JSON.stringify(s.context)));
    expect(leaf(run(restored, ev('RECORD_MEETING')))).toBe('partyCommitteeReport');
  });
});

// ================================================================================================
// (c) every rule refuses, and a valid event passes
// ================================================================================================

interface RuleCase {
  at: () => Snap;
  bad: WorkflowEvent;
  good: WorkflowEvent;
}

const sched = ev('SCHEDULE_MEETING');

const RULE_CASES: Record<MajorDecisionRuleName, RuleCase | RuleCase[]> = {
  proceduresConsistent: [
    {
      at: begin,
      bad: ev('DECIDE_TO_START', valid.DECIDE_TO_START({ ...NO_PROCEDURES, hearing: true })),
      good: ev('DECIDE_TO_START', valid.DECIDE_TO_START(only('publicParticipation', 'hearing'))),
    },
    {
      at: () => atImplementation(NO_PROCEDURES),
      bad: ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MAJOR', only('hearing'))),
      good: ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MAJOR', only('publicParticipation', 'hearing'))),
    },
  ],
  draftHasOptions: {
    at: () => atDrafting(NO_PROCEDURES),
    bad: ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), options: [] }),
    good: ev('SUBMIT_DRAFT'),
  },
  fairCompetitionReviewIncluded: {
    at: () => atDrafting(only('fairCompetitionReview')),
    bad: ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), fairCompetitionReview: undefined }),
    good: ev('SUBMIT_DRAFT'),
  },
  commentPeriodValid: {
    at: atPreparing,
    bad: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-03-01', shortenedReason: '紧急' }),
    good: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-03-10', shortenedReason: '防汛紧急' }),
  },
  commentPeriodLongEnough: [
    {
      // 30 days from 03-01 end on Sun 03-31: the notice must run to Mon 04-01 (CC Art. 203)
      at: atPreparing,
      bad: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-03-31' }),
      good: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-04-01' }),
    },
    {
      at: atPreparing,
      bad: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-03-15' }),
      good: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-03-15', shortenedReason: '上级限期完成，情况紧急。' }),
    },
    {
      // no computed fact → refused (fail closed)
      at: atPreparing,
      bad: ev('PUBLISH_FOR_COMMENT', undefined, { facts: {} }),
      good: ev('PUBLISH_FOR_COMMENT'),
    },
  ],
  commentExtensionLater: {
    at: atCommentOpen,
    bad: ev('EXTEND_COMMENT_PERIOD', { closesAt: '2024-04-01', reason: '延长' }),
    good: ev('EXTEND_COMMENT_PERIOD', { closesAt: '2024-04-02', reason: '延长' }),
  },
  commentPeriodEnded: {
    at: atCommentOpen,
    // the last day (04-01) runs to 24:00
    bad: ev('CLOSE_COMMENT_PERIOD', {}, { today: '2024-04-01' }),
    good: ev('CLOSE_COMMENT_PERIOD', {}, { today: '2024-04-02' }),
  },
  hearingRecordSigned: {
    at: atCommentOpen,
    bad: ev('RECORD_HEARING', { ...valid.RECORD_HEARING(), recordSigned: false }),
    good: ev('RECORD_HEARING'),
  },
  hearingMaterialsServedInTime: {
    at: atCommentOpen,
    // served 03-05, 7 days → hearing on 03-12 at the earliest
    bad: ev('RECORD_HEARING', { ...valid.RECORD_HEARING(), heldAt: '2024-03-11' }),
    good: ev('RECORD_HEARING', { ...valid.RECORD_HEARING(), heldAt: '2024-03-12' }),
  },
  hearingAnnouncedInAdvance: {
    at: atCommentOpen,
    bad: ev('RECORD_HEARING', { ...valid.RECORD_HEARING(), announcedAt: '2024-03-12' }),
    good: ev('RECORD_HEARING', { ...valid.RECORD_HEARING(), announcedAt: '2024-03-04' }),
  },
  hearingParticipantsPublished: {
    at: atCommentOpen,
    bad: ev('RECORD_HEARING', { ...valid.RECORD_HEARING(), participantsSelected: true, selectionMethodPublishedAt: '2024-03-02' }),
    good: ev('RECORD_HEARING', {
      ...valid.RECORD_HEARING(),
      participantsSelected: true,
      selectionMethodPublishedAt: '2024-03-02',
      participantListPublishedAt: '2024-03-04',
    }),
  },
  hearingRecorded: {
    at: () => run(atCommentOpen(), ev('CLOSE_COMMENT_PERIOD')),
    bad: ev('SUBMIT_PARTICIPATION_SUMMARY'),
    good: ev('SUBMIT_PARTICIPATION_SUMMARY'),
  },
  adoptedWithinReceived: {
    at: atCommentClosed,
    bad: ev('SUBMIT_PARTICIPATION_SUMMARY', { received: 3, adopted: 4, summary: '——' }),
    good: ev('SUBMIT_PARTICIPATION_SUMMARY', { received: 4, adopted: 4, summary: '——' }),
  },
  expertWithoutDirectInterest: {
    at: atExpertReview,
    bad: ev('RECORD_EXPERT_OPINION', { ...valid.RECORD_EXPERT_OPINION(), hasDirectInterest: true }),
    good: ev('RECORD_EXPERT_OPINION'),
  },
  expertOpinionSigned: {
    at: atExpertReview,
    bad: ev('RECORD_EXPERT_OPINION', { ...valid.RECORD_EXPERT_OPINION(), signed: false }),
    good: ev('RECORD_EXPERT_OPINION'),
  },
  expertOpinionRecorded: {
    at: atExpertReview,
    bad: ev('SUBMIT_EXPERT_SUMMARY'),
    good: ev('SUBMIT_EXPERT_SUMMARY'),
  },
  riskReportComplete: {
    at: atRiskAssessment,
    bad: ev('SUBMIT_RISK_REPORT', { ...valid.SUBMIT_RISK_REPORT(), riskPoints: [] }),
    good: ev('SUBMIT_RISK_REPORT'),
  },
  draftHashMatches: {
    at: atAwaitingSubmission,
    bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft2)),
    good: ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft1)),
  },
  legalityReviewPeriodSufficient: [
    {
      // submitted Fri 03-01: the 7th working day is Tue 03-12
      at: atAwaitingSubmission,
      bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-11' }),
      good: ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-12' }),
    },
    {
      at: atAwaitingSubmission,
      bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-05' }),
      good: ev('SUBMIT_FOR_LEGALITY_REVIEW', {
        ...valid.SUBMIT_FOR_LEGALITY_REVIEW(),
        requestedCompletionDate: '2024-03-05',
        urgentReason: '防汛应急，须于汛期前实施。',
      }),
    },
  ],
  separationOfDuties: {
    at: atUnderReview,
    // the submitter (u-dept), acting as a legal reviewer
    bad: ev('ISSUE_REVIEW_OPINION', undefined, { actor: { userId: 'u-dept', role: 'legal-reviewer', orgUnit: '司法所' } }),
    good: ev('ISSUE_REVIEW_OPINION'),
  },
  legalAdviserInvolved: {
    at: atUnderReview,
    bad: ev('ISSUE_REVIEW_OPINION', { ...valid.ISSUE_REVIEW_OPINION(), legalAdvisers: [] }),
    good: ev('ISSUE_REVIEW_OPINION'),
  },
  riskStatementDisclosed: {
    at: atUnderReview,
    bad: ev('ISSUE_REVIEW_OPINION', { ...valid.ISSUE_REVIEW_OPINION('EXPLORATORY_RISK_DISCLOSED'), riskStatement: '  ' }),
    good: ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('EXPLORATORY_RISK_DISCLOSED')),
  },
  revisionsApplied: {
    at: atRevisionsRequired,
    bad: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.draft1)),
    good: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.revised)),
  },
  legalityReviewPassed: [
    {
      // defense in depth: an ILLEGAL opinion on record (the machine never gets here that way)
      at: () =>
        withContext(atCollective(), (c) => ({
          legalityReview: { ...c.legalityReview, opinions: c.legalityReview.opinions.map((o) => ({ ...o, outcome: 'ILLEGAL' as const })) },
        })),
      bad: sched,
      good: sched,
    },
    {
      // LEGAL_WITH_REVISIONS passes only after CONFIRM_REVISIONS
      at: () =>
        withContext(run(atRevisionsRequired(), ev('CONFIRM_REVISIONS')), (c) => ({
          legalityReview: { ...c.legalityReview, revisionConfirmations: [] },
        })),
      bad: sched,
      good: sched,
    },
    {
      // EXPLORATORY_RISK_DISCLOSED passes only with a risk statement
      at: () =>
        withContext(run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('EXPLORATORY_RISK_DISCLOSED'))), (c) => ({
          legalityReview: { ...c.legalityReview, opinions: c.legalityReview.opinions.map((o) => ({ ...o, riskStatement: null })) },
        })),
      bad: sched,
      good: sched,
    },
  ],
  riskControllable: {
    at: () =>
      withContext(atCollective(), (c) => ({ riskReports: c.riskReports.map((r) => ({ ...r, controllable: false })) })),
    bad: sched,
    good: sched,
  },
  decisionPackageComplete: [
    {
      at: () => withContext(atCollective(), (c) => ({ participation: c.participation.map((p) => ({ ...p, summary: null })) })),
      bad: sched,
      good: sched,
    },
    {
      at: () => withContext(atCollective(), (c) => ({ expertSummaries: [] })),
      bad: sched,
      good: sched,
    },
    {
      at: () => withContext(atCollective(), () => ({ riskReports: [] })),
      bad: sched,
      good: sched,
    },
    {
      at: () => withContext(atCollective(), (c) => ({ drafts: c.drafts.map((d) => ({ ...d, fairCompetitionReview: null })) })),
      bad: sched,
      good: sched,
    },
  ],
  speakersAttended: {
    at: atScheduled,
    bad: ev('RECORD_MEETING', { ...valid.RECORD_MEETING(), attendees: ['王镇长', '陈副镇长', '刘副镇长'] }),
    good: ev('RECORD_MEETING'),
  },
  membersSpoke: {
    at: atScheduled,
    bad: ev('RECORD_MEETING', { ...valid.RECORD_MEETING(), statements: [{ speaker: '王镇长', role: 'HEAD', position: 'SUPPORT', text: '同意。' }] }),
    good: ev('RECORD_MEETING'),
  },
  singleHeadStatement: {
    at: atScheduled,
    bad: ev('RECORD_MEETING', {
      ...valid.RECORD_MEETING(),
      statements: [
        { speaker: '王镇长', role: 'HEAD', position: 'SUPPORT', text: '先说两句。' },
        ...valid.RECORD_MEETING().statements,
      ],
    }),
    good: ev('RECORD_MEETING'),
  },
  headSpeaksLast: {
    at: atScheduled,
    bad: ev('RECORD_MEETING', { ...valid.RECORD_MEETING(), statements: [...valid.RECORD_MEETING().statements].reverse() }),
    good: ev('RECORD_MEETING'),
  },
  headReasonGiven: {
    at: atScheduled,
    // two of three members support; the head rejects without a reason
    bad: ev('RECORD_MEETING', { ...valid.RECORD_MEETING('REJECTED'), headReason: undefined }),
    good: ev('RECORD_MEETING', valid.RECORD_MEETING('REJECTED')),
  },
  partyCommitteeAgreed: {
    at: () =>
      withContext(atPublication(), (c) => ({
        partyCommitteeReports: c.partyCommitteeReports.map((r) => ({ ...r, outcome: 'DISAGREED' as const })),
      })),
    bad: ev('PUBLISH_DECISION'),
    good: ev('PUBLISH_DECISION'),
  },
  publicationChannelsGiven: {
    at: atPublication,
    bad: ev('PUBLISH_DECISION', { ...valid.PUBLISH_DECISION(), channels: [] }),
    good: ev('PUBLISH_DECISION', { ...valid.PUBLISH_DECISION(), channels: [], nonDisclosureBasis: '《政府信息公开条例》第十四条' }),
  },
  adoptionExplained: {
    at: atPublication,
    bad: ev('PUBLISH_DECISION', { publishedAt: '2024-04-25', channels: ['政府网站'] }),
    good: ev('PUBLISH_DECISION'),
  },
  noPostEvaluationInProgress: [
    {
      at: () => run(atImplementation(), ev('START_POST_EVALUATION')),
      bad: ev('START_POST_EVALUATION', { evaluatorUnit: '宁波市决策咨询研究中心' }),
      good: ev('START_POST_EVALUATION', { evaluatorUnit: '宁波市决策咨询研究中心' }),
    },
    {
      at: () => run(atImplementation(), ev('REPORT_IMPLEMENTATION'), ev('START_POST_EVALUATION')),
      bad: ev('CLOSE_CASE'),
      good: ev('CLOSE_CASE'),
    },
  ],
  evaluatorIndependent: [
    { at: atImplementation, bad: ev('START_POST_EVALUATION', { evaluatorUnit: '经济发展办' }), good: ev('START_POST_EVALUATION') },
    {
      at: atImplementation,
      bad: ev('START_POST_EVALUATION', { evaluatorUnit: ' 慈溪市社会风险评估中心 ' }),
      good: ev('START_POST_EVALUATION'),
    },
    { at: atImplementation, bad: ev('START_POST_EVALUATION', { evaluatorUnit: '宁波大学' }), good: ev('START_POST_EVALUATION') },
  ],
  postEvaluationStarted: {
    at: atImplementation,
    bad: ev('SUBMIT_POST_EVALUATION'),
    good: ev('SUBMIT_POST_EVALUATION'),
  },
  implementationReported: {
    at: atImplementation,
    bad: ev('CLOSE_CASE'),
    good: ev('CLOSE_CASE'),
  },
  archiveComplete: [
    { at: () => withContext(atClosed(), () => ({ publications: [] })), bad: ev('ARCHIVE'), good: ev('ARCHIVE') },
    { at: () => withContext(atClosed(), (c) => ({ participation: c.participation.map((p) => ({ ...p, hearings: [] })) })), bad: ev('ARCHIVE'), good: ev('ARCHIVE') },
    { at: () => withContext(atClosed(), () => ({ expertOpinions: [] })), bad: ev('ARCHIVE'), good: ev('ARCHIVE') },
  ],
};

/** The snapshot where the `good` event is valid, for cases whose `bad` snapshot differs by context only. */
const GOOD_AT: Partial<Record<MajorDecisionRuleName, (i: number) => Snap>> = {
  hearingRecorded: () => run(atCommentOpen(), ev('RECORD_HEARING'), ev('CLOSE_COMMENT_PERIOD')),
  expertOpinionRecorded: () => run(atExpertReview(), ev('RECORD_EXPERT_OPINION')),
  legalityReviewPassed: (i) =>
    [
      atCollective,
      () => run(atRevisionsRequired(), ev('CONFIRM_REVISIONS')),
      () => run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('EXPLORATORY_RISK_DISCLOSED'))),
    ][i](),
  riskControllable: () => atCollective(),
  decisionPackageComplete: () => atCollective(),
  partyCommitteeAgreed: () => atPublication(),
  noPostEvaluationInProgress: (i) =>
    [
      () => run(atImplementation(), ev('START_POST_EVALUATION'), ev('SUBMIT_POST_EVALUATION')),
      () => run(atImplementation(), ev('REPORT_IMPLEMENTATION'), ev('START_POST_EVALUATION'), ev('SUBMIT_POST_EVALUATION')),
    ][i](),
  postEvaluationStarted: () => run(atImplementation(), ev('START_POST_EVALUATION')),
  implementationReported: () => run(atImplementation(), ev('REPORT_IMPLEMENTATION')),
  archiveComplete: () => atClosed(),
};

describe('rules: each refuses in its state, a valid event passes', () => {
  it('covers every rule of the definition', () => {
    expect(Object.keys(RULE_CASES).sort()).toEqual(Object.keys(majorDecisionV1.rules).sort());
  });

  const rows = (Object.entries(RULE_CASES) as Array<[MajorDecisionRuleName, RuleCase | RuleCase[]]>).flatMap(([name, cases]) =>
    (Array.isArray(cases) ? cases : [cases]).map((c, i) => [`${name} #${i + 1} (${majorDecisionRules[name].refusal.code})`, name, c, i] as const),
  );

  it.each(rows)('%s', (_title, name, c, i) => {
    const rule = majorDecisionV1.rules[name];
    const s = c.at();
    expect(rule.check({ context: s.context, event: c.bad })).toBe(false);
    expect(s.can(c.bad as never)).toBe(false);
    // the event names the rule, so the engine answers with this rule's refusal
    expect(majorDecisionV1.events[c.bad.type].rules).toContain(name);

    const good = GOOD_AT[name]?.(i) ?? s;
    expect(leaf(good)).toBe(leaf(s));
    expect(rule.check({ context: good.context, event: c.good })).toBe(true);
    expect(good.can(c.good as never)).toBe(true);
  });

  it.each(Object.entries(majorDecisionV1.rules))('%s has a stable code, an article and clerk-readable messages', (name, rule) => {
    expect(rule.refusal.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(rule.refusal.article).toMatch(/^R713 Art\. \d+$/);
    expect(rule.refusal.zh).toMatch(/《重大行政决策程序暂行条例》第[一二三四五六七八九十]+条/);
    expect(rule.refusal.en.length).toBeGreaterThan(20);
    expect(typeof rule.check).toBe('function');
    // guards are built from the same checks
    expect(typeof (machine.implementations.guards as Record<string, unknown>)[name]).toBe('function');
  });

  it('answers SEPARATION_OF_DUTIES with 403 and guards with the same function results', () => {
    expect(majorDecisionRules.separationOfDuties.refusal).toMatchObject({ code: 'SEPARATION_OF_DUTIES', status: 403 });
    const s = atUnderReview();
    const guards = machine.implementations.guards as Record<string, (a: unknown) => boolean>;
    for (const e of [ev('ISSUE_REVIEW_OPINION'), ev('ISSUE_REVIEW_OPINION', undefined, { actor: ACTORS['department-head'] })]) {
      expect(guards.separationOfDuties({ context: s.context, event: e })).toBe(
        majorDecisionRules.separationOfDuties.check({ context: s.context, event: e }),
      );
    }
  });

  it('a rule that meets a malformed payload refuses instead of throwing', () => {
    const s = atScheduled();
    const bad = ev('RECORD_MEETING', { attendees: 'x', statements: [null, 3], decision: 'APPROVED' });
    expect(s.can(bad as never)).toBe(false);
  });
});

describe('INV-D9 majority (policy P6)', () => {
  const st = (speaker: string, position: string, role = 'MEMBER') => ({ speaker, role, position });
  it.each([
    [[st('a', 'SUPPORT'), st('b', 'SUPPORT'), st('c', 'OPPOSE')], 'SUPPORT'],
    [[st('a', 'SUPPORT'), st('b', 'OPPOSE')], null],
    [[st('a', 'SUPPORT'), st('b', 'ABSTAIN'), st('c', 'ABSTAIN')], 'ABSTAIN'],
    [[st('a', 'SUPPORT'), st('b', 'OPPOSE'), st('c', 'ABSTAIN')], null],
    // a member's last statement counts, the head does not
    [[st('a', 'SUPPORT'), st('a', 'OPPOSE'), st('b', 'OPPOSE'), st('h', 'SUPPORT', 'HEAD')], 'OPPOSE'],
    [[], null],
  ])('%j → %s', (statements, majority) => {
    expect(memberMajority(statements)).toBe(majority);
  });

  it.each([
    ['SUPPORT', 'APPROVED', false],
    ['SUPPORT', 'POSTPONED', true],
    ['SUPPORT', 'REVISE', true],
    ['SUPPORT', 'REJECTED', true],
    ['OPPOSE', 'REJECTED', false],
    ['OPPOSE', 'APPROVED', true],
    ['ABSTAIN', 'APPROVED', false],
    [null, 'APPROVED', false],
  ] as const)('majority %s, decision %s → differs %s', (majority, decision, differs) => {
    expect(decisionDiffersFromMajority(decision, majority)).toBe(differs);
  });
});

// ================================================================================================
// (d) routing
// ================================================================================================

describe('routing', () => {
  const draftTo = (p: Procedures) => leaf(run(atDrafting(p), ev('SUBMIT_DRAFT')));

  it('SUBMIT_DRAFT goes to the first required stage', () => {
    expect(draftTo(ALL_PROCEDURES)).toBe('publicParticipation.preparing');
    expect(draftTo(only('expertReview', 'riskAssessment'))).toBe('expertReview');
    expect(draftTo(only('riskAssessment'))).toBe('riskAssessment');
    expect(draftTo(only('fairCompetitionReview'))).toBe('legalityReview.awaitingSubmission');
    expect(draftTo(NO_PROCEDURES)).toBe('legalityReview.awaitingSubmission');
  });

  it('each stage hands over to the next required one, skipping the others', () => {
    const pp = only('publicParticipation');
    expect(leaf(run(atCommentClosed(pp), ev('SUBMIT_PARTICIPATION_SUMMARY')))).toBe('legalityReview.awaitingSubmission');
    const ppRisk = only('publicParticipation', 'riskAssessment');
    expect(leaf(run(atCommentClosed(ppRisk), ev('SUBMIT_PARTICIPATION_SUMMARY')))).toBe('riskAssessment');
    const experts = only('expertReview');
    expect(leaf(run(atExpertReview(experts), ev('RECORD_EXPERT_OPINION'), ev('SUBMIT_EXPERT_SUMMARY')))).toBe(
      'legalityReview.awaitingSubmission',
    );
  });

  it('risk not controllable → drafting; the next draft is assessed again (INV-D7)', () => {
    const s = run(atRiskAssessment(only('riskAssessment')), ev('SUBMIT_RISK_REPORT', valid.SUBMIT_RISK_REPORT(false)));
    expect(s.context.riskReports[0].controllable).toBe(false);
    expect(leaf(s)).toBe('drafting');
    const again = run(s, ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(HASH.draft2)));
    expect(leaf(again)).toBe('riskAssessment');
    expect(again.context.round).toBe(2);
    const reviewed = run(again, ev('SUBMIT_RISK_REPORT'), ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft2)));
    expect(leaf(reviewed)).toBe('legalityReview.submitted');
  });

  it('ILLEGAL → drafting, and the new draft runs every required stage again (policy P4)', () => {
    const s = run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('ILLEGAL')));
    expect(leaf(s)).toBe('drafting');
    expect(leaf(run(s, ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(HASH.draft2))))).toBe('publicParticipation.preparing');
    // the old draft can no longer be sent to review
    const n = run(atUnderReview(NO_PROCEDURES), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('ILLEGAL')), ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(HASH.draft2)));
    expect(n.can(ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft1)) as never)).toBe(false);
    expect(n.can(ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft2)) as never)).toBe(true);
  });

  it('LEGAL_WITH_REVISIONS waits for CONFIRM_REVISIONS; EXPLORATORY goes to the meeting', () => {
    expect(leaf(atRevisionsRequired())).toBe('legalityReview.revisionsRequired');
    expect(atRevisionsRequired().can(sched as never)).toBe(false);
    const e = run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('EXPLORATORY_RISK_DISCLOSED')));
    expect(leaf(e)).toBe('collectiveDecision.preparing');
    expect(e.can(sched as never)).toBe(true);
  });

  it('RETURN_INCOMPLETE → awaitingSubmission; resubmission restarts the review clock (INV-D3)', () => {
    for (const at of [atSubmitted, atUnderReview]) {
      const s = run(at(NO_PROCEDURES), ev('RETURN_INCOMPLETE'));
      expect(leaf(s)).toBe('legalityReview.awaitingSubmission');
      // resubmitted Mon 03-11: the new minimum is Wed 03-20; the old date (03-12) no longer suffices
      const late = { today: '2024-03-11', facts: { minCompletionDate: '2024-03-20' } };
      expect(s.can(ev('SUBMIT_FOR_LEGALITY_REVIEW', undefined, late) as never)).toBe(false);
      const ok = ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-20' }, late);
      const again = run(s, ok);
      expect(leaf(again)).toBe('legalityReview.submitted');
      expect(again.context.legalityReview.submissions.map((x) => x.minCompletionDate)).toEqual([FACTS.minCompletionDate, '2024-03-20']);
      expect(again.context.legalityReview.returns).toHaveLength(1);
    }
  });

  it('meeting decisions: REVISE → drafting, REJECTED → rejected (final), POSTPONED → preparing', () => {
    expect(leaf(run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('REVISE'))))).toBe('drafting');
    const rejected = run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('REJECTED')));
    expect(leaf(rejected)).toBe('rejected');
    expect(rejected.status).toBe('done');
    expect(leaf(run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('POSTPONED'))))).toBe('collectiveDecision.preparing');
  });

  it('party committee DISAGREED → drafting; publication needs AGREED (INV-D10)', () => {
    const s = run(atPartyCommittee(), ev('RECORD_PARTY_COMMITTEE_REPORT', valid.RECORD_PARTY_COMMITTEE_REPORT('DISAGREED')));
    expect(leaf(s)).toBe('drafting');
  });

  it('PROPOSE_ADJUSTMENT: MINOR is recorded in place, MAJOR re-opens drafting with the re-declared procedures (INV-D13)', () => {
    const minor = run(atImplementation(), ev('SUSPEND'), ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MINOR')));
    expect(leaf(minor)).toBe('implementation.suspended');
    expect(minor.context.adjustments).toHaveLength(1);

    const major = run(atImplementation(), ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MAJOR', only('expertReview'))));
    expect(leaf(major)).toBe('drafting');
    expect(major.context.procedures).toEqual(only('expertReview'));
    const redo = run(major, ev('SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(HASH.draft2), fairCompetitionReview: undefined }));
    expect(leaf(redo)).toBe('expertReview');
    // the earlier rounds' records are kept
    expect(redo.context.publications).toHaveLength(1);
    expect(redo.context.round).toBe(2);

    const keep = run(atImplementation(), ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MAJOR')));
    expect(keep.context.procedures).toEqual(ALL_PROCEDURES);
  });

  it('a MAJOR adjustment while suspended ends the suspension on record', () => {
    const s = run(atImplementation(), ev('SUSPEND'), ev('PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MAJOR')));
    expect(leaf(s)).toBe('drafting');
    expect(s.context.suspensions[0].resumed).not.toBeNull();
  });

  it('DECLINE_TO_START → notStarted (final)', () => {
    const s = run(begin(), ev('DECLINE_TO_START'));
    expect(leaf(s)).toBe('notStarted');
    expect(s.status).toBe('done');
    expect(s.context.declined?.reason).toBe(valid.DECLINE_TO_START().reason);
  });

  describe('WITHDRAW before the meeting has decided (policy P11)', () => {
    const before: Array<[string, () => Snap]> = [
      ['initiation', begin],
      ['drafting', atDrafting],
      ['publicParticipation.preparing', atPreparing],
      ['publicParticipation.commentOpen', atCommentOpen],
      ['publicParticipation.commentClosed', atCommentClosed],
      ['expertReview', atExpertReview],
      ['riskAssessment', atRiskAssessment],
      ['legalityReview.awaitingSubmission', atAwaitingSubmission],
      ['legalityReview.submitted', atSubmitted],
      ['legalityReview.underReview', atUnderReview],
      ['legalityReview.revisionsRequired', atRevisionsRequired],
      ['collectiveDecision.preparing', atCollective],
      ['collectiveDecision.scheduled', atScheduled],
    ];
    it.each(before)('accepted in %s', (path, at) => {
      const s = at();
      expect(leaf(s)).toBe(path);
      const w = run(s, ev('WITHDRAW'));
      expect(leaf(w)).toBe('withdrawn');
      expect(w.status).toBe('done');
      expect(w.context.withdrawal).toMatchObject({ reason: valid.WITHDRAW().reason, by: ACTORS['town-head'] });
    });
    it.each([
      ['partyCommitteeReport', atPartyCommittee],
      ['publication', atPublication],
      ['implementation.inProgress', atImplementation],
      ['closed', atClosed],
    ] as Array<[string, () => Snap]>)('refused in %s', (path, at) => {
      const s = at();
      expect(leaf(s)).toBe(path);
      expect(s.can(ev('WITHDRAW') as never)).toBe(false);
    });
  });
});

// ================================================================================================
// (e) the definition is complete
// ================================================================================================

describe('definition', () => {
  type Node = { path: string[]; states: Record<string, Node>; on: Record<string, unknown>; type: string };
  const nodes = (n: Node): Node[] => Object.values(n.states).flatMap((c) => [c, ...nodes(c)]);
  const allNodes = nodes(machine.root as unknown as Node);

  it('passes the engine’s own contract check and registers', () => {
    expect(definitionProblems(majorDecisionV1)).toEqual([]);
    expect(new WorkflowRegistry(allWorkflows).get('major-decision', 1)).toBe(majorDecisionV1);
    expect(allWorkflows).toContain(majorDecisionV1);
  });

  it('has a label (zh + en) and a declared stage for every state path, and no extra entries', () => {
    const paths = allNodes.map((n) => n.path.join('.'));
    expect(Object.keys(majorDecisionV1.states).sort()).toEqual([...paths].sort());
    for (const [path, meta] of Object.entries(majorDecisionV1.states)) {
      expect([path, meta.label.zh.trim().length > 0, meta.label.en.trim().length > 0]).toEqual([path, true, true]);
      expect(Object.keys(majorDecisionV1.stages)).toContain(meta.stage);
    }
    for (const label of Object.values(majorDecisionV1.stages)) expect(label.zh && label.en).toBeTruthy();
  });

  it('declares every event the machine accepts, and the machine accepts every declared event', () => {
    const used = new Set(allNodes.flatMap((n) => Object.keys(n.on)));
    expect([...used].sort()).toEqual(Object.keys(majorDecisionV1.events).sort());
    expect([...MAJOR_DECISION_EVENT_TYPES].sort()).toEqual(Object.keys(majorDecisionV1.events).sort());
  });

  it('names only existing rules, uses every rule, and gives every event roles, a label and a payload class', () => {
    const usedRules = new Set<string>();
    for (const [type, meta] of Object.entries(majorDecisionV1.events)) {
      for (const r of meta.rules ?? []) {
        expect(majorDecisionV1.rules).toHaveProperty(r);
        usedRules.add(r);
      }
      expect(meta.roles.length).toBeGreaterThan(0);
      expect(meta.roles).not.toContain('auditor');
      expect(meta.roles).not.toContain('admin');
      expect(meta.label.zh && meta.label.en).toBeTruthy();
      expect(typeof meta.payload).toBe('function');
      expect(meta.payload!.name).toBe(
        `${type
          .toLowerCase()
          .split('_')
          .map((w) => w[0].toUpperCase() + w.slice(1))
          .join('')}Payload`,
      );
    }
    expect([...usedRules].sort()).toEqual(Object.keys(majorDecisionV1.rules).sort());
  });

  it('gives the roles of the issue', () => {
    const roles = (t: MajorDecisionEventType) => majorDecisionV1.events[t].roles;
    expect(majorDecisionV1.create).toMatchObject({ type: 'CREATE_CASE', roles: ['department-head'] });
    for (const t of ['DECIDE_TO_START', 'DECLINE_TO_START', 'SUSPEND', 'RESUME', 'PROPOSE_ADJUSTMENT', 'START_POST_EVALUATION', 'CLOSE_CASE', 'WITHDRAW'] as const) {
      expect(roles(t)).toEqual(['town-head']);
    }
    for (const t of ['ACCEPT_FOR_REVIEW', 'RETURN_INCOMPLETE', 'ISSUE_REVIEW_OPINION'] as const) expect(roles(t)).toEqual(['legal-reviewer']);
    for (const t of ['SCHEDULE_MEETING', 'RECORD_MEETING', 'RECORD_PARTY_COMMITTEE_REPORT', 'PUBLISH_DECISION', 'ARCHIVE'] as const) {
      expect(roles(t)).toEqual(['secretary']);
    }
    for (const t of ['SUBMIT_DRAFT', 'PUBLISH_FOR_COMMENT', 'SUBMIT_FOR_LEGALITY_REVIEW', 'CONFIRM_REVISIONS', 'REPORT_IMPLEMENTATION'] as const) {
      expect(roles(t)).toEqual(['department-head']);
    }
  });

  it('declares the facts the rules read', () => {
    expect(majorDecisionV1.events.SUBMIT_FOR_LEGALITY_REVIEW.facts).toEqual({
      minCompletionDate: {
        kind: 'workdaysAfter',
        from: 'today',
        days: { key: 'decision.legalityReview.minWorkdays', default: 7, article: 'R713 Art. 26' },
      },
      // the work liaison form's number, drawn with the submission (workflows/common/legality-review)
      liaisonFormNumber: {
        kind: 'sequence',
        counter: 'review.liaisonForm',
        pattern: { key: 'review.liaisonForm.pattern', default: '联系单〔{year}〕第{seq}号', article: 'SPEC §3.4' },
      },
    });
    expect(majorDecisionV1.events.PUBLISH_FOR_COMMENT.facts).toEqual({
      minClosesAt: {
        kind: 'calendarDaysAfter',
        from: { payload: 'opensAt' },
        days: { key: 'decision.publicComment.minDays', default: 30, article: 'R713 Art. 15' },
        rollToWorkday: true,
      },
    });
    expect(majorDecisionV1.events.RECORD_HEARING.facts?.earliestHearingDate).toMatchObject({ kind: 'calendarDaysAfter', rollToWorkday: false });
  });

  it('marks as precondition only rules that ignore the payload and facts', () => {
    const s = atCollective();
    for (const [name, rule] of Object.entries(majorDecisionV1.rules)) {
      if (!rule.precondition) continue;
      const probe = { type: 'X', payload: {}, actor: ACTORS.secretary, at: AT, today: '2024-04-09', facts: {} };
      const withJunk = { ...probe, payload: { anything: 1, closesAt: '1999-01-01' }, facts: { minClosesAt: '2999-01-01' } };
      expect([name, rule.check({ context: s.context, event: probe })]).toEqual([name, rule.check({ context: s.context, event: withJunk })]);
    }
  });

  it('keeps the machine file pure: only xstate at run time, no clock, no randomness, no console', () => {
    const src = readFileSync(join(__dirname, 'major-decision.machine.ts'), 'utf8');
    const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const runtimeImports = [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['xstate', '../../common/legality-review/legality-review.fragment', '../../common/collective-decision/collective-decision.fragment', '../../common/rule-guards', '../../common/transition-guards', '../../common/machine-helpers', '../../common/stamp']);
    expect(code).not.toMatch(/Date\.now|new Date\(\s*\)|Math\.random|console\.|process\.|require\(/);
  });
});

// ================================================================================================
// through the engine (its pure step functions, with this definition)
// ================================================================================================

describe('through the engine', () => {
  it('refuses with the rule’s code and article, and accepts a valid event', () => {
    const started = startCase(majorDecisionV1, createInput());
    if (!started.ok) throw new Error(JSON.stringify(started.refusal));
    const drafted = [ev('DECIDE_TO_START', valid.DECIDE_TO_START(NO_PROCEDURES)), ev('SUBMIT_DRAFT'), ev('SUBMIT_FOR_LEGALITY_REVIEW'), ev('ACCEPT_FOR_REVIEW')].reduce(
      (snap, e) => {
        const r = stepCase(majorDecisionV1, snap, e);
        if (!r.ok) throw new Error(JSON.stringify(r.refusal));
        return r.snapshot;
      },
      started.snapshot as unknown,
    );
    const sod = stepCase(majorDecisionV1, drafted, ev('ISSUE_REVIEW_OPINION', undefined, { actor: { userId: 'u-dept', role: 'legal-reviewer', orgUnit: '司法所' } }));
    expect(sod).toMatchObject({ ok: false, refusal: { code: 'SEPARATION_OF_DUTIES', status: 403, article: 'R713 Art. 25' } });
    const noAdviser = stepCase(majorDecisionV1, drafted, ev('ISSUE_REVIEW_OPINION', { ...valid.ISSUE_REVIEW_OPINION(), legalAdvisers: [] }));
    expect(noAdviser).toMatchObject({ ok: false, refusal: { code: 'LEGAL_ADVISER_REQUIRED', status: 422, article: 'R713 Art. 28' } });
    const ok = stepCase(majorDecisionV1, drafted, ev('ISSUE_REVIEW_OPINION'));
    expect(ok).toMatchObject({ ok: true, paths: ['collectiveDecision', 'collectiveDecision.preparing'] });
  });

  it('tells the submitter, and only the submitter, that separation of duties blocks the opinion', () => {
    const s = machine.getPersistedSnapshot(atUnderReview());
    const forSubmitter = allowedEvents(majorDecisionV1, s, ['legal-reviewer'], { actor: { userId: 'u-dept', role: 'legal-reviewer', orgUnit: '司法所' }, at: AT });
    const forReviewer = allowedEvents(majorDecisionV1, s, ['legal-reviewer'], { actor: ACTORS['legal-reviewer'], at: AT });
    const opinion = (xs: typeof forReviewer) => xs.find((x) => x.type === 'ISSUE_REVIEW_OPINION')!;
    expect(opinion(forSubmitter).blockedBy.map((r) => r.code)).toEqual(['SEPARATION_OF_DUTIES']);
    expect(opinion(forReviewer).blockedBy).toEqual([]);
    expect(forReviewer.map((x) => x.type).sort()).toEqual(['ISSUE_REVIEW_OPINION', 'RETURN_INCOMPLETE']);
  });

  it('describes the definition (states, events, Mermaid diagram)', () => {
    const d = describeDefinition(majorDecisionV1);
    expect(d.states).toHaveLength(Object.keys(majorDecisionV1.states).length);
    expect(d.mermaid).toContain('archived');
  });
});
