/**
 * Pure specs of the normative-document machine: `initialTransition` / `transition` only (no
 * actors, no timers, no clock).
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { WorkflowEvent } from '@app/engine';
import { definitionProblems, describeDefinition, leafPaths, startCase, statePaths, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { machineDriver } from '../../common/testing/machine-driver';
import { describeRuleCases, type RuleCaseOf } from '../../common/testing/rule-cases';
import { NORMATIVE_DOCUMENT_DEADLINES, normativeDocumentV1 } from './normative-document.definition';
import {
  currentDraft,
  NORMATIVE_DOCUMENT_EVENT_TYPES,
  type NormativeDocumentContext,
  type NormativeDocumentEventType,
  type NormativeDocumentRuleName,
  normativeDocumentRules,
  normativeDocumentV1Machine as machine,
} from './normative-document.machine';
import { ACTORS, AT, CAMPAIGN_ID, createInput, createPayload, ev, FACTS, HASH, register, valid } from './testing/normative-document.fixtures';

type Snap = SnapshotFrom<typeof machine>;

// ------------------------------------------------------------------------------------------------
// helpers
// ------------------------------------------------------------------------------------------------

const leaves = (s: Snap): string[] => leafPaths(s.value as never);
/** The single active leaf (the filing state has several: use `leaves`). */
const leaf = (s: Snap): string => leaves(s).join(' + ');

const { begin, step, run, withContext } = machineDriver(machine, createInput);

interface Opts {
  market: boolean;
  lines: string[];
}
const GENERAL: Opts = { market: false, lines: [] };
const MARKET: Opts = { market: true, lines: ['PEOPLES_CONGRESS', 'TOWNSHIP_PRESIDIUM'] };

/** The ordinary next step from the current state. */
function nextEvent(s: Snap, o: Opts): WorkflowEvent {
  const c = s.context;
  const [first] = leaves(s);
  if (first.startsWith('filing.')) {
    const pending = leaves(s).find((l) => l.endsWith('.pending'))!;
    const line = { government: 'GOVERNMENT', peoplesCongress: 'PEOPLES_CONGRESS', townshipPresidium: 'TOWNSHIP_PRESIDIUM' }[pending.split('.')[1]]!;
    return ev('RECORD_FILING', valid.RECORD_FILING(line));
  }
  switch (first) {
    case 'drafting':
      return ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(o.market, c.round % 2 === 0 ? HASH.draft1 : HASH.draft2));
    case 'publicConsultation.preparing':
      return ev('PUBLISH_FOR_COMMENT');
    case 'publicConsultation.commentOpen':
      return ev('CLOSE_COMMENT_PERIOD');
    case 'publicConsultation.commentClosed':
      return ev('SUBMIT_PARTICIPATION_SUMMARY');
    case 'fairCompetitionReview':
      return ev('RECORD_FAIR_COMPETITION_REVIEW');
    case 'legalityReview.awaitingSubmission':
      return ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(currentDraft(c)!.documentHash));
    case 'legalityReview.submitted':
      return ev('ACCEPT_FOR_REVIEW');
    case 'legalityReview.underReview':
      return ev('ISSUE_REVIEW_OPINION');
    case 'legalityReview.revisionsRequired':
      return ev('CONFIRM_REVISIONS');
    case 'collectiveDeliberation.preparing':
      return ev('SCHEDULE_MEETING');
    case 'collectiveDeliberation.scheduled':
      return ev('RECORD_MEETING');
    case 'registration':
      return register(`ZJCX01-2024-${String(c.registrations.length + 3).padStart(4, '0')}`);
    case 'publication':
      return ev('PUBLISH_DOCUMENT', valid.PUBLISH_DOCUMENT(o.lines));
    case 'inForce.effective':
      return ev('RECORD_EXPIRY_EVALUATION');
    case 'inForce.evaluated':
      return ev('DECLARE_EXPIRED');
    default:
      throw new Error(`no next step from ${first}`);
  }
}

function advanceTo(path: string, o: Opts = GENERAL, from: Snap = begin()): Snap {
  let s = from;
  for (let i = 0; !leaves(s).includes(path); i++) {
    if (i > 40) throw new Error(`${path} not reached`);
    s = step(s, nextEvent(s, o));
  }
  return s;
}

const atDrafting = () => begin();
const atPreparing = (o: Opts = GENERAL) => advanceTo('publicConsultation.preparing', o);
const atCommentOpen = (o: Opts = GENERAL) => advanceTo('publicConsultation.commentOpen', o);
const atCommentClosed = (o: Opts = GENERAL) => advanceTo('publicConsultation.commentClosed', o);
const atFcr = () => advanceTo('fairCompetitionReview', MARKET);
const atAwaitingSubmission = (o: Opts = GENERAL) => advanceTo('legalityReview.awaitingSubmission', o);
const atUnderReview = (o: Opts = GENERAL) => advanceTo('legalityReview.underReview', o);
const atRevisionsRequired = () => run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')));
const atDeliberation = (o: Opts = GENERAL) => advanceTo('collectiveDeliberation.preparing', o);
const atScheduled = (o: Opts = GENERAL) => advanceTo('collectiveDeliberation.scheduled', o);
const atRegistration = (o: Opts = GENERAL) => advanceTo('registration', o);
const atPublication = (o: Opts = GENERAL) => advanceTo('publication', o);
const atFiling = (o: Opts = MARKET) => advanceTo('filing.government.pending', o);
const atInForce = (o: Opts = GENERAL) => advanceTo('inForce.effective', o);

// ================================================================================================
// (a) every state is reached
// ================================================================================================

describe('state coverage (xstate/graph)', () => {
  function eventsFor(s: Snap): WorkflowEvent[] {
    const draftHash = currentDraft(s.context)?.documentHash ?? HASH.draft1;
    const nextDraft = draftHash === HASH.draft1 ? HASH.draft2 : HASH.draft1;
    return [
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(false, nextDraft)),
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(true, nextDraft)),
      ev('PUBLISH_FOR_COMMENT'),
      ev('CLOSE_COMMENT_PERIOD'),
      ev('SUBMIT_PARTICIPATION_SUMMARY'),
      ...['COMPLIANT', 'NOT_COMPLIANT'].map((c) => ev('RECORD_FAIR_COMPETITION_REVIEW', valid.RECORD_FAIR_COMPETITION_REVIEW(c))),
      ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(draftHash)),
      ev('ACCEPT_FOR_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ...['LEGAL', 'LEGAL_WITH_REVISIONS', 'ILLEGAL'].map((o) => ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION(o))),
      ev('CONFIRM_REVISIONS'),
      ev('SCHEDULE_MEETING'),
      ...['APPROVED', 'REJECTED', 'POSTPONED', 'REVISE'].map((d) => ev('RECORD_MEETING', valid.RECORD_MEETING(d))),
      register(`ZJCX01-2024-${String(s.context.registrations.length + 1).padStart(4, '0')}`),
      ev('PUBLISH_DOCUMENT', valid.PUBLISH_DOCUMENT([])),
      ev('PUBLISH_DOCUMENT', valid.PUBLISH_DOCUMENT(['PEOPLES_CONGRESS', 'TOWNSHIP_PRESIDIUM'])),
      ...['GOVERNMENT', 'PEOPLES_CONGRESS', 'TOWNSHIP_PRESIDIUM'].map((l) => ev('RECORD_FILING', valid.RECORD_FILING(l))),
      ev('RECORD_EXPIRY_EVALUATION'),
      ev('OPEN_CLEANUP_REVIEW'),
      ev('RECORD_CLEANUP_REVIEW'),
      ev('START_AMENDMENT'),
      ev('REPEAL_DOCUMENT'),
      ev('DECLARE_EXPIRED'),
      ev('WITHDRAW'),
      ...['governmentFiling', 'peoplesCongressFiling', 'townshipPresidiumFiling'].map((k) => ev('MARK_FILING_OVERDUE', valid.MARK_FILING_OVERDUE(k))),
    ];
  }

  // market-relatedness and "a text is in force" steer routing, so they are part of the key
  const serializeState = (s: Snap): string =>
    JSON.stringify([s.value, currentDraft(s.context)?.marketRelated ?? null, s.context.inEffect !== null]);

  it('reaches every state path of the definition, and only those', () => {
    const paths = getShortestPaths(machine, {
      input: createInput(),
      events: (s) => eventsFor(s as Snap) as never[],
      serializeState: (s) => serializeState(s as Snap),
    });
    const reached = new Set(paths.flatMap((p) => statePaths(p.state.value as never)));
    expect([...reached].sort()).toEqual(Object.keys(normativeDocumentV1.states).sort());
  });
});

// ================================================================================================
// (b) happy paths
// ================================================================================================

describe('happy paths', () => {
  it('a general document: drafting → consultation → review → deliberation → number → publication → filing → in force → expired', () => {
    const trail: string[] = [];
    let s = begin();
    expect(normativeDocumentV1.visibleToReviewers!(s.context)).toBe(false);
    for (const e of [
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(false)),
      ev('PUBLISH_FOR_COMMENT', valid.PUBLISH_FOR_COMMENT('2024-03-12')),
      ev('CLOSE_COMMENT_PERIOD', undefined, { today: '2024-03-13' }),
      ev('SUBMIT_PARTICIPATION_SUMMARY', { received: 0, adopted: 0, summary: '未收到意见。' }),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION'),
      ev('SCHEDULE_MEETING'),
      ev('RECORD_MEETING'),
      ev('REGISTER_DOCUMENT'),
      ev('PUBLISH_DOCUMENT'),
      ev('RECORD_FILING'),
      ev('RECORD_EXPIRY_EVALUATION', valid.RECORD_EXPIRY_EVALUATION('KEEP')),
      ev('DECLARE_EXPIRED'),
    ]) {
      s = step(s, e);
      trail.push(leaf(s));
    }
    expect(trail).toEqual([
      'publicConsultation.preparing',
      'publicConsultation.commentOpen',
      'publicConsultation.commentClosed',
      'legalityReview.awaitingSubmission',
      'legalityReview.submitted',
      'legalityReview.underReview',
      'collectiveDeliberation.preparing',
      'collectiveDeliberation.scheduled',
      'registration',
      'publication',
      'filing.government.pending + filing.peoplesCongress.notRequired + filing.townshipPresidium.notRequired',
      'inForce.effective',
      'inForce.evaluated',
      'expired',
    ]);
    expect(s.status).toBe('done');
    const c = s.context;
    expect(c.inEffect).toEqual({ round: 1, unifiedNumber: 'ZJCX01-2024-0003', publishedAt: '2024-04-25', effectiveFrom: '2024-05-01', validUntil: '2029-04-30' });
    expect(c.publications[0]).toMatchObject({ filingLines: ['GOVERNMENT'], filingDue: { GOVERNMENT: '2024-05-27' } });
    expect(c.consultations[0].notice).toMatchObject({ minClosesAt: FACTS.minClosesAt });
    expect(c.legalityReview.submissions[0]).toMatchObject({ minCompletionDate: '2024-03-08', maxCompletionDate: '2024-03-22', submittedBy: 'u-dept' });
    expect(c.expiry).toMatchObject({ expiredOn: '2029-05-01', by: ACTORS.secretary });
    expect(normativeDocumentV1.visibleToReviewers!(c)).toBe(true);
  });

  it('a market-related document: fair-competition review, three filing lines, a cleanup review, an amendment round, repeal', () => {
    let s = begin();
    const trail: string[] = [];
    for (const e of [
      ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(true)),
      ev('PUBLISH_FOR_COMMENT'),
      ev('EXTEND_COMMENT_PERIOD'),
      ev('CLOSE_COMMENT_PERIOD'),
      ev('SUBMIT_PARTICIPATION_SUMMARY'),
      ev('RECORD_FAIR_COMPETITION_REVIEW'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('RETURN_INCOMPLETE'),
      ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      ev('ACCEPT_FOR_REVIEW'),
      ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('LEGAL_WITH_REVISIONS')),
      ev('CONFIRM_REVISIONS'),
      ev('SCHEDULE_MEETING'),
      ev('RECORD_MEETING', valid.RECORD_MEETING('POSTPONED')),
      ev('SCHEDULE_MEETING'),
      ev('RECORD_MEETING'),
      ev('REGISTER_DOCUMENT'),
      ev('PUBLISH_DOCUMENT', valid.PUBLISH_DOCUMENT(['PEOPLES_CONGRESS', 'TOWNSHIP_PRESIDIUM'])),
      ev('RECORD_FILING', valid.RECORD_FILING('TOWNSHIP_PRESIDIUM')),
      ev('RECORD_FILING', valid.RECORD_FILING('GOVERNMENT')),
      ev('RECORD_FILING', valid.RECORD_FILING('PEOPLES_CONGRESS')),
      ev('RECORD_CLEANUP_REVIEW', valid.RECORD_CLEANUP_REVIEW('AMEND')),
      ev('START_AMENDMENT'),
    ]) {
      s = step(s, e);
      trail.push(leaf(s));
    }
    expect(trail.slice(4, 7)).toEqual(['fairCompetitionReview', 'legalityReview.awaitingSubmission', 'legalityReview.submitted']);
    expect(trail.slice(17, 21)).toEqual([
      'filing.government.pending + filing.peoplesCongress.pending + filing.townshipPresidium.pending',
      'filing.government.pending + filing.peoplesCongress.pending + filing.townshipPresidium.filed',
      'filing.government.filed + filing.peoplesCongress.pending + filing.townshipPresidium.filed',
      'inForce.effective',
    ]);
    expect(trail.slice(21)).toEqual(['inForce.effective', 'drafting']);
    // during the amendment round the first text stays in force (policy N7)
    expect(s.context.inEffect?.unifiedNumber).toBe('ZJCX01-2024-0003');
    expect(s.context.publications[0].filingDue).toEqual({ GOVERNMENT: '2024-05-27', PEOPLES_CONGRESS: '2024-05-27', TOWNSHIP_PRESIDIUM: '2024-05-10' });
    s = advanceTo('inForce.effective', MARKET, s);
    expect(s.context.round).toBe(2);
    expect(s.context.inEffect).toMatchObject({ round: 2, unifiedNumber: 'ZJCX01-2024-0004' });
    expect(s.context.registrations.map((r) => r.unifiedNumber)).toEqual(['ZJCX01-2024-0003', 'ZJCX01-2024-0004']);
    s = step(s, ev('REPEAL_DOCUMENT'));
    expect(leaf(s)).toBe('repealed');
    expect(s.status).toBe('done');
    expect(s.context.repeal).toMatchObject({ reason: '上位法废止。', by: ACTORS.secretary });
  });

  it('keeps the context plain JSON: a persisted snapshot restores and continues', () => {
    const s = atFiling();
    const persisted = JSON.parse(JSON.stringify(machine.getPersistedSnapshot(s)));
    const restored = machine.resolveState(persisted);
    expect(restored.context).toEqual(JSON.parse(JSON.stringify(s.context)));
    expect(leaves(run(restored, ev('RECORD_FILING')))).toContain('filing.government.filed');
  });
});

// ================================================================================================
// (c) every rule refuses, and a valid event passes
// ================================================================================================

type RuleCase = RuleCaseOf<Snap>;

const publishDoc = (patch: object) => ev('PUBLISH_DOCUMENT', { ...valid.PUBLISH_DOCUMENT(), ...patch });

const RULE_CASES: Record<NormativeDocumentRuleName, RuleCase | RuleCase[]> = {
  commentPeriodValid: {
    at: () => atPreparing(),
    bad: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-03-01', shortenedReason: '紧急' }),
    good: ev('PUBLISH_FOR_COMMENT'),
  },
  consultationLongEnough: [
    {
      // general document: 7 working days → 03-12; 03-11 is one short
      at: () => atPreparing(),
      bad: ev('PUBLISH_FOR_COMMENT', valid.PUBLISH_FOR_COMMENT('2024-03-11')),
      good: ev('PUBLISH_FOR_COMMENT', valid.PUBLISH_FOR_COMMENT('2024-03-12')),
    },
    {
      at: () => atPreparing(),
      bad: ev('PUBLISH_FOR_COMMENT', valid.PUBLISH_FOR_COMMENT('2024-03-05')),
      good: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT('2024-03-05'), shortenedReason: '防汛应急，须在汛前施行' }),
    },
  ],
  marketConsultationLongEnough: {
    // market-related: 30 days → 04-01, and no shortened route (policy N2)
    at: () => atPreparing(MARKET),
    bad: ev('PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT('2024-03-29'), shortenedReason: '紧急' }),
    good: ev('PUBLISH_FOR_COMMENT', valid.PUBLISH_FOR_COMMENT('2024-04-01')),
  },
  commentExtensionLater: {
    at: () => atCommentOpen(),
    bad: ev('EXTEND_COMMENT_PERIOD', { closesAt: '2024-04-01', reason: '延长' }),
    good: ev('EXTEND_COMMENT_PERIOD'),
  },
  commentPeriodEnded: {
    at: () => atCommentOpen(),
    bad: ev('CLOSE_COMMENT_PERIOD', undefined, { today: '2024-04-01' }),
    good: ev('CLOSE_COMMENT_PERIOD', undefined, { today: '2024-04-02' }),
  },
  marketEntitiesHeard: {
    at: () => atCommentClosed(MARKET),
    bad: ev('SUBMIT_PARTICIPATION_SUMMARY', { ...valid.SUBMIT_PARTICIPATION_SUMMARY(), marketEntitiesHeard: [] }),
    good: ev('SUBMIT_PARTICIPATION_SUMMARY'),
  },
  adoptionFeedbackPublished: {
    at: () => atCommentClosed(MARKET),
    bad: ev('SUBMIT_PARTICIPATION_SUMMARY', { ...valid.SUBMIT_PARTICIPATION_SUMMARY(), adoptionFeedback: undefined }),
    good: ev('SUBMIT_PARTICIPATION_SUMMARY'),
  },
  fairCompetitionReviewPassed: [
    {
      // defense in depth: the state order already requires it
      at: () => withContext(atAwaitingSubmission(MARKET), () => ({ fairCompetitionReviews: [] })),
      bad: ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      good: ev('SUBMIT_FOR_LEGALITY_REVIEW'),
      goodAt: () => atAwaitingSubmission(MARKET),
    },
    {
      at: () => withContext(atPublication(MARKET), (c) => ({ fairCompetitionReviews: c.fairCompetitionReviews.map((r) => ({ ...r, conclusion: 'NOT_COMPLIANT' as const })) })),
      bad: ev('PUBLISH_DOCUMENT'),
      good: ev('PUBLISH_DOCUMENT'),
      goodAt: () => atPublication(MARKET),
    },
  ],
  draftHashMatches: {
    at: () => atAwaitingSubmission(),
    bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', valid.SUBMIT_FOR_LEGALITY_REVIEW(HASH.draft2)),
    good: ev('SUBMIT_FOR_LEGALITY_REVIEW'),
  },
  legalityReviewPeriodSufficient: [
    {
      at: () => atAwaitingSubmission(),
      bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-07' }),
      good: ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-08' }),
    },
    {
      at: () => atAwaitingSubmission(),
      bad: ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-04' }),
      good: ev('SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-03-04', urgentReason: '上级限期出台' }),
    },
  ],
  separationOfDuties: {
    at: () => atUnderReview(),
    bad: ev('ISSUE_REVIEW_OPINION', undefined, { actor: { userId: 'u-dept', role: 'legal-reviewer', orgUnit: '司法所' } }),
    good: ev('ISSUE_REVIEW_OPINION'),
  },
  revisionsApplied: {
    at: () => atRevisionsRequired(),
    bad: ev('CONFIRM_REVISIONS', valid.CONFIRM_REVISIONS(HASH.draft1)),
    good: ev('CONFIRM_REVISIONS'),
  },
  legalityReviewPassed: {
    at: () => withContext(atDeliberation(), (c) => ({ legalityReview: { ...c.legalityReview, opinions: [] } })),
    bad: ev('SCHEDULE_MEETING'),
    good: ev('SCHEDULE_MEETING'),
    goodAt: () => atDeliberation(),
  },
  unifiedNumberAllocated: [
    {
      // the runtime allocated nothing (policy N6: the number is never taken from the client)
      at: () => atRegistration(),
      bad: ev('REGISTER_DOCUMENT', undefined, { facts: {} }),
      good: register(),
    },
    {
      at: () => atRegistration(),
      bad: register('  '),
      good: register('ZJLC01-2024-0001'),
    },
  ],
  unifiedNumberNotReused: {
    at: () => advanceTo('registration', GENERAL, run(atInForce(), ev('START_AMENDMENT'))),
    bad: register('ZJCX01-2024-0003'),
    good: register('ZJCX01-2024-0011'),
  },
  registeredBeforePublication: {
    at: () => withContext(atPublication(), () => ({ registrations: [] })),
    bad: ev('PUBLISH_DOCUMENT'),
    good: ev('PUBLISH_DOCUMENT'),
    goodAt: () => atPublication(),
  },
  effectiveAfterPublication: {
    at: () => atPublication(),
    bad: publishDoc({ effectiveFrom: '2024-04-24' }),
    good: publishDoc({ effectiveFrom: '2024-04-25' }),
  },
  validityPeriodValid: {
    at: () => atPublication(),
    bad: publishDoc({ validUntil: '2024-04-30' }),
    good: publishDoc({ validUntil: '2024-05-01' }),
  },
  validityWithinLimit: [
    {
      at: () => atPublication(),
      // in force from 2024-05-01: five years end on 2029-04-30 (CC Arts. 201–202)
      bad: publishDoc({ validUntil: '2029-05-01' }),
      good: publishDoc({ validUntil: '2029-04-30' }),
    },
    {
      // 暂行 in the title: 2 years (policy N8)
      at: () => advanceTo('publication', GENERAL, run(begin(), ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(false, HASH.draft1, '掌起镇农村宅基地管理暂行办法')))),
      bad: publishDoc({ validUntil: '2026-05-01' }),
      good: publishDoc({ validUntil: '2026-04-30' }),
    },
    {
      // a history written before the cap was counted in years: the day after a cap in days (replays unchanged)
      at: () => atPublication(),
      bad: ev('PUBLISH_DOCUMENT', { ...valid.PUBLISH_DOCUMENT(), validUntil: '2029-05-02' }, { facts: { validityLimit: '2029-05-02', provisionalValidityLimit: '2026-05-02' } }),
      good: ev('PUBLISH_DOCUMENT', { ...valid.PUBLISH_DOCUMENT(), validUntil: '2029-05-01' }, { facts: { validityLimit: '2029-05-02', provisionalValidityLimit: '2026-05-02' } }),
    },
  ],
  cleanupReviewNotYetOpened: {
    // a campaign opens one review per document (policy N10)
    at: () => run(atInForce(), ev('OPEN_CLEANUP_REVIEW')),
    bad: ev('OPEN_CLEANUP_REVIEW'),
    good: ev('OPEN_CLEANUP_REVIEW', valid.OPEN_CLEANUP_REVIEW('0c9a3b8e-2d4f-4e61-8a1b-7d5e6f708192')),
  },
  cleanupCampaignOpen: [
    {
      // a conclusion for a campaign that opened no review here
      at: () => atInForce(),
      bad: ev('RECORD_CLEANUP_REVIEW', { ...valid.RECORD_CLEANUP_REVIEW(), campaignId: CAMPAIGN_ID }),
      good: ev('RECORD_CLEANUP_REVIEW'),
    },
    {
      // …or whose conclusion is already recorded
      at: () => run(atInForce(), ev('OPEN_CLEANUP_REVIEW'), ev('RECORD_CLEANUP_REVIEW', { ...valid.RECORD_CLEANUP_REVIEW(), campaignId: CAMPAIGN_ID })),
      bad: ev('RECORD_CLEANUP_REVIEW', { ...valid.RECORD_CLEANUP_REVIEW(), campaignId: CAMPAIGN_ID }),
      good: ev('RECORD_CLEANUP_REVIEW'),
    },
  ],
  validityEnded: {
    at: () => atInForce(),
    bad: ev('DECLARE_EXPIRED', undefined, { today: '2029-04-30' }),
    good: ev('DECLARE_EXPIRED', undefined, { today: '2029-05-01' }),
  },
  filingPeriodPassed: [
    {
      // on the due date itself the period has not passed yet
      at: atFiling,
      bad: ev('MARK_FILING_OVERDUE', undefined, { today: '2024-05-27' }),
      good: ev('MARK_FILING_OVERDUE'),
    },
    {
      // the due date named must be this publication's
      at: atFiling,
      bad: ev('MARK_FILING_OVERDUE', valid.MARK_FILING_OVERDUE('governmentFiling', '2024-05-26')),
      good: ev('MARK_FILING_OVERDUE', valid.MARK_FILING_OVERDUE('townshipPresidiumFiling')),
    },
    {
      // a line the publication did not name has no period
      at: () => advanceTo('filing.government.pending', GENERAL),
      bad: ev('MARK_FILING_OVERDUE', valid.MARK_FILING_OVERDUE('peoplesCongressFiling')),
      good: ev('MARK_FILING_OVERDUE', valid.MARK_FILING_OVERDUE('governmentFiling')),
    },
  ],
};

describe('rules: each refuses in its state, a valid event passes', () => {
  describeRuleCases(normativeDocumentV1, RULE_CASES, { stepCase, leaf });

  it.each(Object.entries(normativeDocumentV1.rules))('%s has a stable code, an article and clerk-readable messages', (name, rule) => {
    expect(rule.refusal.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(rule.refusal.article).toBeTruthy();
    expect(rule.refusal.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(rule.refusal.zh).toMatch(/《[^》]+》/); // names the instrument
    expect(rule.refusal.en.length).toBeGreaterThan(20);
    expect(typeof (machine.implementations.guards as Record<string, unknown>)[name]).toBe('function');
  });

  it('answers SEPARATION_OF_DUTIES with 403', () => {
    expect(normativeDocumentRules.separationOfDuties.refusal).toMatchObject({ code: 'SEPARATION_OF_DUTIES', status: 403 });
  });

  it('a rule that meets a malformed payload refuses instead of throwing', () => {
    expect(atPublication().can(ev('PUBLISH_DOCUMENT', { publishedAt: 5, channels: 'x' }) as never)).toBe(false);
  });
});

// ================================================================================================
// (d) routing
// ================================================================================================

describe('routing', () => {
  it('a general document skips the fair-competition review; a market-related one goes through it', () => {
    expect(leaf(run(atCommentClosed(), ev('SUBMIT_PARTICIPATION_SUMMARY')))).toBe('legalityReview.awaitingSubmission');
    expect(leaf(run(atCommentClosed(MARKET), ev('SUBMIT_PARTICIPATION_SUMMARY')))).toBe('fairCompetitionReview');
  });

  it('NOT_COMPLIANT, ILLEGAL and meeting REVISE go back to drafting; the next draft opens a new round (policy N4)', () => {
    const fcr = run(atFcr(), ev('RECORD_FAIR_COMPETITION_REVIEW', valid.RECORD_FAIR_COMPETITION_REVIEW('NOT_COMPLIANT')));
    expect(leaf(fcr)).toBe('drafting');
    const illegal = run(atUnderReview(), ev('ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('ILLEGAL')));
    expect(leaf(illegal)).toBe('drafting');
    const revise = run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('REVISE')));
    expect(leaf(revise)).toBe('drafting');
    const again = run(illegal, ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(false, HASH.draft2)));
    expect([leaf(again), again.context.round]).toEqual(['publicConsultation.preparing', 2]);
  });

  it('a meeting REJECTs a first text for good, an amendment back to the text in force (policy N11)', () => {
    expect(leaf(run(atScheduled(), ev('RECORD_MEETING', valid.RECORD_MEETING('REJECTED'))))).toBe('rejected');
    const amending = advanceTo('collectiveDeliberation.scheduled', GENERAL, run(atInForce(), ev('START_AMENDMENT')));
    const back = run(amending, ev('RECORD_MEETING', valid.RECORD_MEETING('REJECTED')));
    expect([leaf(back), back.context.inEffect?.round]).toEqual(['inForce.effective', 1]);
  });

  it('WITHDRAW: a first text is withdrawn, an amendment is abandoned; not after the meeting approved', () => {
    for (const at of [atDrafting, () => atCommentOpen(), atFcr, () => atUnderReview(), () => atScheduled()]) {
      expect(leaf(run(at(), ev('WITHDRAW')))).toBe('withdrawn');
    }
    const amending = run(atInForce(), ev('START_AMENDMENT'), ev('SUBMIT_DRAFT', valid.SUBMIT_DRAFT(false, HASH.draft2)));
    const abandoned = run(amending, ev('WITHDRAW'));
    expect([leaf(abandoned), abandoned.context.withdrawals.length]).toEqual(['inForce.effective', 1]);
    for (const at of [() => atRegistration(), () => atPublication(), () => atFiling(), () => atInForce()]) {
      expect(at().can(ev('WITHDRAW') as never)).toBe(false);
    }
  });

  it('each filing line is filed on its own; a line the publication did not name is not accepted', () => {
    const general = advanceTo('filing.government.pending', GENERAL);
    expect(leaves(general)).toEqual(['filing.government.pending', 'filing.peoplesCongress.notRequired', 'filing.townshipPresidium.notRequired']);
    expect(general.can(ev('RECORD_FILING', valid.RECORD_FILING('PEOPLES_CONGRESS')) as never)).toBe(false);
    const market = atFiling();
    const once = run(market, ev('RECORD_FILING', valid.RECORD_FILING('PEOPLES_CONGRESS')));
    expect(once.can(ev('RECORD_FILING', valid.RECORD_FILING('PEOPLES_CONGRESS')) as never)).toBe(false);
    expect(once.context.filings.map((f) => f.line)).toEqual(['PEOPLES_CONGRESS']);
  });

  it('policy N13: a filing line whose period passed unfiled is marked overdue by the system, once; the late filing is still recorded', () => {
    const market = atFiling();
    const s = run(market, ev('MARK_FILING_OVERDUE', valid.MARK_FILING_OVERDUE('townshipPresidiumFiling')));
    expect(leaves(s)).toEqual(['filing.government.pending', 'filing.peoplesCongress.pending', 'filing.townshipPresidium.overdue']);
    expect(s.context.filingOverdue).toEqual([
      { by: ACTORS.system, at: AT, round: market.context.round, line: 'TOWNSHIP_PRESIDIUM', deadlineKey: 'townshipPresidiumFiling', dueDate: '2024-05-10' },
    ]);
    expect(s.can(ev('MARK_FILING_OVERDUE', valid.MARK_FILING_OVERDUE('townshipPresidiumFiling')) as never)).toBe(false);
    expect(run(market, ev('RECORD_FILING')).context.filingOverdue).toBeUndefined();
    const late = run(s, ev('RECORD_FILING', valid.RECORD_FILING('TOWNSHIP_PRESIDIUM')), ev('RECORD_FILING'), ev('RECORD_FILING', valid.RECORD_FILING('PEOPLES_CONGRESS')));
    expect(leaves(late)[0]).toMatch(/^inForce/);
    for (const role of ['secretary', 'town-head'] as const) {
      const r = stepCase(normativeDocumentV1, machine.getPersistedSnapshot(market), ev('MARK_FILING_OVERDUE', undefined, { actor: ACTORS[role] }));
      expect(r).toMatchObject({ ok: false, refusal: { code: 'ROLE_NOT_ALLOWED' } });
    }
  });

  it('in force: evaluations and cleanup reviews are recorded in place; DECLARE_EXPIRED only after validUntil', () => {
    const s = run(atInForce(), ev('RECORD_CLEANUP_REVIEW'), ev('RECORD_EXPIRY_EVALUATION'), ev('RECORD_EXPIRY_EVALUATION', valid.RECORD_EXPIRY_EVALUATION('AMEND')));
    // no campaign: the context has no campaign key at all (cases from before campaigns keep their snapshots)
    expect('cleanupCampaigns' in s.context).toBe(false);
    expect(leaf(s)).toBe('inForce.evaluated');
    expect(s.context.cleanupReviews).toHaveLength(1);
    expect(s.context.expiryEvaluations.map((e) => e.conclusion)).toEqual(['KEEP', 'AMEND']);
    expect(s.can(ev('DECLARE_EXPIRED', undefined, { today: '2029-04-30' }) as never)).toBe(false);
    expect(s.context.cleanupReviews[0]).not.toHaveProperty('campaignId');
  });

  it('a cleanup campaign opens a review on a document in force, once; the conclusion with its campaignId closes it (policy N10)', () => {
    const opened = run(atInForce(), ev('OPEN_CLEANUP_REVIEW', undefined, { today: '2024-06-03' }));
    expect(leaf(opened)).toBe('inForce.effective');
    expect(opened.context.cleanupCampaigns).toEqual([
      { by: ACTORS['legal-reviewer'], at: AT, campaignId: CAMPAIGN_ID, campaign: '2024年度行政规范性文件清理', round: 1, openedOn: '2024-06-03', reviewedOn: null },
    ]);
    const concluded = run(opened, ev('RECORD_CLEANUP_REVIEW', { conclusion: 'REPEAL', reasons: '上位法已废止。', campaignId: CAMPAIGN_ID }, { today: '2024-06-20' }));
    expect(concluded.context.cleanupReviews[0]).toMatchObject({ conclusion: 'REPEAL', campaign: '2024年度行政规范性文件清理', campaignId: CAMPAIGN_ID, reviewedOn: '2024-06-20' });
    expect(concluded.context.cleanupCampaigns![0].reviewedOn).toBe('2024-06-20');
    // only a document in force: not during drafting or filing
    expect(atFiling().can(ev('OPEN_CLEANUP_REVIEW') as never)).toBe(false);
    expect(atDrafting().can(ev('OPEN_CLEANUP_REVIEW') as never)).toBe(false);
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
    expect(definitionProblems(normativeDocumentV1)).toEqual([]);
    expect(new WorkflowRegistry(allWorkflows).get('normative-document', 1)).toBe(normativeDocumentV1);
  });

  it('has a label (zh + en) and a declared stage for every state path, and no extra entries', () => {
    const paths = allNodes.map((n) => n.path.join('.'));
    expect(Object.keys(normativeDocumentV1.states).sort()).toEqual([...paths].sort());
    for (const [path, meta] of Object.entries(normativeDocumentV1.states)) {
      expect([path, meta.label.zh.trim().length > 0, meta.label.en.trim().length > 0]).toEqual([path, true, true]);
      expect(Object.keys(normativeDocumentV1.stages)).toContain(meta.stage);
    }
  });

  it('declares every event the machine accepts, and the machine accepts every declared event', () => {
    const used = new Set(allNodes.flatMap((n) => Object.keys(n.on)).filter((t) => !t.startsWith('xstate.')));
    expect([...used].sort()).toEqual(Object.keys(normativeDocumentV1.events).sort());
    expect([...NORMATIVE_DOCUMENT_EVENT_TYPES].sort()).toEqual(Object.keys(normativeDocumentV1.events).sort());
  });

  it('names only existing rules, uses every rule, and gives every event roles, a label and a payload class', () => {
    const usedRules = new Set<string>();
    for (const [type, meta] of Object.entries(normativeDocumentV1.events)) {
      for (const r of meta.rules ?? []) {
        expect(normativeDocumentV1.rules).toHaveProperty(r);
        usedRules.add(r);
      }
      expect(meta.roles.length).toBeGreaterThan(0);
      expect(meta.roles).not.toContain('auditor');
      expect(meta.roles).not.toContain('admin');
      expect(meta.label.zh && meta.label.en).toBeTruthy();
      const pascal = type.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
      expect(meta.payload!.name).toBe(`${pascal}Payload`);
    }
    expect([...usedRules].sort()).toEqual(Object.keys(normativeDocumentV1.rules).sort());
  });

  it('uses the review-desk event names and roles of major-decision v1', () => {
    const roles = (t: NormativeDocumentEventType) => normativeDocumentV1.events[t].roles;
    for (const t of ['ACCEPT_FOR_REVIEW', 'RETURN_INCOMPLETE', 'ISSUE_REVIEW_OPINION'] as const) expect(roles(t)).toEqual(['legal-reviewer']);
    for (const t of ['SUBMIT_FOR_LEGALITY_REVIEW', 'CONFIRM_REVISIONS', 'SUBMIT_DRAFT'] as const) expect(roles(t)).toEqual(['department-head']);
    for (const t of ['SCHEDULE_MEETING', 'RECORD_MEETING', 'REGISTER_DOCUMENT', 'PUBLISH_DOCUMENT', 'RECORD_FILING'] as const) {
      expect(roles(t)).toEqual(['secretary']);
    }
    const md = allWorkflows.find((d) => d.kind === 'major-decision')!;
    for (const t of ['SUBMIT_FOR_LEGALITY_REVIEW', 'ACCEPT_FOR_REVIEW', 'RETURN_INCOMPLETE', 'ISSUE_REVIEW_OPINION', 'CONFIRM_REVISIONS'] as const) {
      expect(roles(t)).toEqual(md.events[t].roles);
    }
  });

  it('declares the configurable figures with the spec’s defaults', () => {
    const facts = { ...normativeDocumentV1.events.PUBLISH_FOR_COMMENT.facts, ...normativeDocumentV1.events.SUBMIT_FOR_LEGALITY_REVIEW.facts };
    expect(facts.minClosesAt).toMatchObject({ kind: 'workdaysAfter', from: { payload: 'opensAt' }, days: { key: 'normdoc.publicComment.minWorkdays', default: 7 } });
    expect(facts.minMarketClosesAt).toMatchObject({ kind: 'calendarDaysAfter', rollToWorkday: true, days: { key: 'normdoc.marketRelated.minDays', default: 30 } });
    expect(facts.minCompletionDate).toMatchObject({ days: { key: 'normdoc.legalityReview.minWorkdays', default: 5 } });
    expect(facts.maxCompletionDate).toMatchObject({ days: { key: 'normdoc.legalityReview.maxWorkdays', default: 15 } });
    const publish = normativeDocumentV1.events.PUBLISH_DOCUMENT.facts!;
    expect(publish.validityLastDay).toMatchObject({ kind: 'yearsAfter', startDayCounted: true, years: { key: 'normdoc.validity.years', default: 5 } });
    expect(publish.provisionalValidityLastDay).toMatchObject({ kind: 'yearsAfter', startDayCounted: true, years: { key: 'normdoc.validity.provisionalYears', default: 2 } });
    // the unified number: drawn by the runtime from a central counter, pattern and region configurable (policy N6)
    expect(normativeDocumentV1.events.REGISTER_DOCUMENT.facts!.unifiedNumber).toEqual({
      kind: 'sequence',
      counter: 'normdoc.unifiedNumber',
      pattern: { key: 'normdoc.unifiedNumber.pattern', default: '{region}-{year}-{seq:4}', article: '国办发〔2018〕37号' },
      vars: { region: { key: 'normdoc.unifiedNumber.region', default: 'ZJLC01', article: '国办发〔2018〕37号' } },
    });
  });

  it('registers under the allocated number; a history written before central allocation replays with the payload’s number', () => {
    const s = step(atRegistration(), register('ZJLC01-2024-0007'));
    expect(s.context.registrations[0]).toMatchObject({ unifiedNumber: 'ZJLC01-2024-0007', documentNumber: '掌政发〔2024〕5号', registeredOn: '2024-03-01' });
    const legacy = step(atRegistration(), ev('REGISTER_DOCUMENT', { unifiedNumber: 'ZJCX01-2024-0003', documentNumber: '掌政发〔2024〕5号' }, { facts: {} }));
    expect(legacy.context.registrations[0].unifiedNumber).toBe('ZJCX01-2024-0003');
    // the allocated number wins over anything a payload might carry
    const both = step(atRegistration(), ev('REGISTER_DOCUMENT', { unifiedNumber: 'FAKE01-2024-9999' }, { facts: { unifiedNumber: 'ZJLC01-2024-0008' } }));
    expect(both.context.registrations[0].unifiedNumber).toBe('ZJLC01-2024-0008');
  });

  it('declares one deadline per filing line, each due on its own date from the publication (INV-N3)', () => {
    const s = atFiling();
    const byKey = Object.fromEntries(NORMATIVE_DOCUMENT_DEADLINES.map((d) => [d.key, d]));
    expect(byKey.governmentFiling).toMatchObject({
      states: ['filing.government.pending', 'filing.government.overdue'],
      unit: 'calendarDays',
      length: { default: 30 },
      onMissed: { event: 'MARK_FILING_OVERDUE' },
    });
    expect(byKey.peoplesCongressFiling.states).toEqual(['filing.peoplesCongress.pending', 'filing.peoplesCongress.overdue']);
    expect(byKey.townshipPresidiumFiling).toMatchObject({ states: ['filing.townshipPresidium.pending', 'filing.townshipPresidium.overdue'], length: { default: 15 } });
    expect(['governmentFiling', 'peoplesCongressFiling', 'townshipPresidiumFiling'].map((k) => byKey[k].dueDate!(s.context))).toEqual([
      '2024-05-27',
      '2024-05-27',
      '2024-05-10',
    ]);
    // the review opinion is due on the requested date, capped by the 15th working day
    const under = atUnderReview();
    expect(byKey.legalityReviewOpinion.dueDate!(under.context)).toBe('2024-03-08');
    const late = withContext(under, (c) => ({
      legalityReview: { ...c.legalityReview, submissions: c.legalityReview.submissions.map((x) => ({ ...x, requestedCompletionDate: '2024-04-30' })) },
    }));
    expect(byKey.legalityReviewOpinion.dueDate!(late.context)).toBe('2024-03-22');
    expect(byKey.expiryEvaluation.dueDate!(atInForce().context)).toBe('2029-04-30');
    for (const d of NORMATIVE_DOCUMENT_DEADLINES) for (const p of d.states) expect(Object.keys(normativeDocumentV1.states)).toContain(p);
  });

  it('marks as precondition only rules that ignore the payload and facts', () => {
    const s = atInForce();
    for (const [name, rule] of Object.entries(normativeDocumentV1.rules)) {
      if (!rule.precondition) continue;
      const probe = { type: 'X', payload: {}, actor: ACTORS.secretary, at: AT, today: '2024-04-09', facts: {} };
      const withJunk = { ...probe, payload: { closesAt: '1999-01-01', validUntil: '1999-01-01' }, facts: { validityLastDay: '2999-01-01', unifiedNumber: 'X' } };
      expect([name, rule.check({ context: s.context, event: probe })]).toEqual([name, rule.check({ context: s.context, event: withJunk })]);
    }
  });

  it('accepts the fixtures’ payloads with the payload classes (what the API lets through)', () => {
    const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
    for (const [type, make] of Object.entries(valid)) {
      const cls = normativeDocumentV1.events[type].payload!;
      expect([type, validateSync(plainToInstance(cls, (make as () => object)()) as object, OPTIONS)]).toEqual([type, []]);
    }
    expect(validateSync(plainToInstance(normativeDocumentV1.create.payload!, createPayload()) as object, OPTIONS)).toEqual([]);
    const bad = validateSync(plainToInstance(normativeDocumentV1.events.PUBLISH_DOCUMENT.payload!, { ...valid.PUBLISH_DOCUMENT(), additionalFilingLines: ['GOVERNMENT'] }) as object, OPTIONS);
    expect(bad.map((e) => e.property)).toEqual(['additionalFilingLines']);
  });

  it('keeps the machine file pure: only xstate at run time, no clock, no randomness, no console', () => {
    const src = readFileSync(join(__dirname, 'normative-document.machine.ts'), 'utf8');
    const code = src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    const runtimeImports = [...code.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(runtimeImports).toEqual(['xstate', '../../common/legality-review/legality-review.fragment', '../../common/collective-decision/collective-decision.fragment', '../../common/rule-guards', '../../common/transition-guards', '../../common/machine-helpers', '../../common/stamp']);
    expect(code).not.toMatch(/Date\.now|new Date\(\s*\)|Math\.random|console\.|process\.|require\(/);
  });
});

// ================================================================================================
// through the engine
// ================================================================================================

describe('through the engine', () => {
  it('creates a case and runs the parallel filing state to in force', () => {
    const started = startCase(normativeDocumentV1, createInput());
    if (!started.ok) throw new Error(JSON.stringify(started.refusal));
    expect(started.paths).toEqual(['drafting']);
    const filing = machine.getPersistedSnapshot(atFiling({ market: false, lines: ['TOWNSHIP_PRESIDIUM'] }));
    const r1 = stepCase(normativeDocumentV1, filing, ev('RECORD_FILING', valid.RECORD_FILING('TOWNSHIP_PRESIDIUM')));
    if (!r1.ok) throw new Error(JSON.stringify(r1.refusal));
    expect(r1.paths).toContain('filing.townshipPresidium.filed');
    const r2 = stepCase(normativeDocumentV1, r1.snapshot, ev('RECORD_FILING'));
    expect(r2).toMatchObject({ ok: true, paths: ['inForce', 'inForce.effective'] });
    // a line that is not required: every region stays, the machine's guard says no (409)
    const r3 = stepCase(normativeDocumentV1, r1.snapshot, ev('RECORD_FILING', valid.RECORD_FILING('PEOPLES_CONGRESS')));
    expect(r3).toMatchObject({ ok: false, refusal: { code: 'EVENT_NOT_ALLOWED_IN_STATE', status: 409 } });
  });

  it('describes the definition (states, events, Mermaid diagram)', () => {
    const d = describeDefinition(normativeDocumentV1);
    expect(d.states).toHaveLength(Object.keys(normativeDocumentV1.states).length);
    expect(d.mermaid).toContain('townshipPresidium');
  });
});
