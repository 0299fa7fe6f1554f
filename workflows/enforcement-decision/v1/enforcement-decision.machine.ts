/**
 * Major administrative enforcement decision (重大行政执法决定), version 1: SPEC §7 — the enforcement
 * unit investigates and proposes a decision; the legal review (法制审核) comes before the decision,
 * by a reviewer who, reviewing for the first time, holds the legal professional qualification
 * (APL Art. 58); without a passing review no decision is made.
 *
 * PURE: imports xstate and types only. The rules below are both guards and refusal reasons.
 *
 * Source: 《行政处罚法》 (2021) Art. 58 [CONFIRMED]; Zhejiang extends the prior review to other
 * major enforcement decisions from 2023 (SPEC §7), hence `decisionType` beyond penalties.
 *
 * Policy decisions:
 *  E1  The qualification is an attribute of the user, recorded by an administrator
 *      (PUT /users/:id/qualifications): the runtime passes the acting reviewer's record on
 *      ISSUE_REVIEW_OPINION as `facts.reviewer` (fact kind `actor`), REVIEWER_QUALIFICATION_REQUIRED
 *      checks it, and the opinion keeps what it was. A qualification in the payload proves nothing
 *      and is ignored (older clients may still send `reviewerQualification`). Histories written
 *      before the record existed carry no `facts.reviewer`; they replay with the payload's
 *      declaration, as they were accepted.
 *  E2  "First-time" (初次从事) reviewers need the certificate (obtained no later than the review).
 *      A reviewer recorded as doing these reviews since before APL 2021 took effect (2021-07-15) is
 *      not first-time. The certificate number's official format is not verified here: 6–32
 *      letters, digits or hyphens.
 *  E3  The decision recorded must be the text that passed review (`decisionHash`), made no earlier
 *      than the day it passed and not in the future. A decision-maker who wants a different
 *      decision sends it back (RETURN_FOR_REVISION): a new round, reviewed again.
 *  E4  ILLEGAL returns to investigation for a new proposal; WITHDRAW (town head, 撤销案件) ends the
 *      case at any point before the decision.
 *  E5  Separation of duties as in major-decision P8 (403): the case handler who submitted may not
 *      review.
 *  E6  The review period has no figure in the spec: the opinion is due on the requested date, else
 *      after enforcement.legalReview.maxWorkdays (default 15, SPEC §3.4).
 */
import { assign, setup } from 'xstate';
import type { ActorProfile, RuleDefinition, WorkflowEvent, WorkflowInput } from '@app/engine';
// LR: the legality-review fragment the matter workflows share (records, shared rules, the legalityReview state)
import * as LR from '../../common/legality-review/legality-review.fragment';
import { ruleGuards } from '../../common/rule-guards';
import { whenOf } from '../../common/transition-guards';
import type {
  CreateEnforcementDecisionPayload,
  DecisionType,
  IssueReviewOpinionPayload,
  MajorGround,
  RecordDecisionPayload,
  ReturnForRevisionPayload,
  ReviewOutcome,
  SubmitDraftPayload,
} from './enforcement-decision.payloads';
import { isDay, nonEmpty, orNull, payloadOf, strings } from '../../common/machine-helpers';
import { stamp, type Stamp, withdrawal, type WithdrawalRecordOf } from '../../common/stamp';

export const ENFORCEMENT_DECISION_EVENT_TYPES = [
  'SUBMIT_DRAFT',
  'SUBMIT_FOR_LEGALITY_REVIEW',
  'ACCEPT_FOR_REVIEW',
  'RETURN_INCOMPLETE',
  'ISSUE_REVIEW_OPINION',
  'CONFIRM_REVISIONS',
  'RECORD_DECISION',
  'RETURN_FOR_REVISION',
  'WITHDRAW',
] as const;
export type EnforcementDecisionEventType = (typeof ENFORCEMENT_DECISION_EVENT_TYPES)[number];

export type EnforcementDecisionEvent = {
  [K in EnforcementDecisionEventType]: WorkflowEvent & { type: K };
}[EnforcementDecisionEventType];

// ================================================================================================
// Context
// ================================================================================================

export type { Stamp } from '../../common/stamp';

export interface DraftRecord extends Stamp {
  round: number;
  title: string;
  documentHash: string;
  factsFound: string;
  evidence: string[];
  proposedDecision: string;
  hearingHeld: boolean;
}

export interface ReviewOpinionRecord extends Stamp {
  round: number;
  issuedOn: string;
  outcome: ReviewOutcome;
  reasons: string;
  legalBasis: string[];
  legalAdvisers: string[];
  suggestions: string | null;
  /**
   * the reviewer's qualification as checked (policy E1): from the user record (`userId`,
   * `obtainedOn` present), or, in histories written before, as declared on the event
   */
  reviewerQualification: ReviewerQualification | null;
  documentHash: string | null;
  reviewedDraftHash: string | null;
}

export interface ReviewerQualification {
  holderName: string;
  certificateNumber: string | null;
  reviewingSince: string | null;
  obtainedOn?: string | null;
  userId?: string;
}

/** The shared review records (workflows/common/legality-review); confirmations keep their day. */
export interface LegalityReviewRecords
  extends LR.LegalityReviewRecordsOf<
    LR.LegalitySubmissionOf<Stamp>,
    LR.LegalityAcceptanceOf<Stamp>,
    LR.LegalityReturnOf<Stamp>,
    ReviewOpinionRecord,
    LR.DatedRevisionConfirmationOf<Stamp>
  > {}

export interface EnforcementDecisionContext {
  caseId: string;
  title: string;
  created: Stamp;
  proposal: { party: string; decisionType: DecisionType; majorGround: MajorGround; matter: string };
  round: number;
  drafts: DraftRecord[];
  legalityReview: LegalityReviewRecords;
  sentBack: Array<Stamp & { round: number; reason: string }>;
  decision: (Stamp & { round: number; decidedOn: string; documentNumber: string; decisionHash: string; collectiveDiscussion: boolean; summary: string | null }) | null;
  withdrawal: WithdrawalRecordOf<Stamp> | null;
}

// ================================================================================================
// Pure helpers
// ================================================================================================

type Ctx = EnforcementDecisionContext;

/** 《行政处罚法》 (2021 revision) took effect on this day; reviewers from before it are not first-time (policy E2). */
export const APL_2021_EFFECTIVE = '2021-07-15';
const CERTIFICATE_NUMBER = /^[A-Za-z0-9-]{6,32}$/;

/** APL Art. 58 ¶2 as modelled by policy E2. */
export function reviewerQualified(
  q: { certificateNumber?: unknown; obtainedOn?: unknown; reviewingSince?: unknown } | null | undefined,
  today: string,
): boolean {
  if (!q) return false;
  const certified = typeof q.certificateNumber === 'string' && CERTIFICATE_NUMBER.test(q.certificateNumber.trim());
  if (certified && (!isDay(q.obtainedOn) || q.obtainedOn <= today)) return true;
  return isDay(q.reviewingSince) && q.reviewingSince < APL_2021_EFFECTIVE && q.reviewingSince <= today;
}

/**
 * The qualification of the reviewer who issues an opinion (policy E1): the user record the runtime
 * read (`facts.reviewer`, an ActorProfile); only a history written before the record existed falls
 * back to the payload's declaration.
 */
export function reviewerQualificationOf(event: { payload?: unknown; facts?: Record<string, unknown> }): ReviewerQualification | null {
  if (event.facts && 'reviewer' in event.facts) {
    const r = event.facts.reviewer as Partial<ActorProfile> | null | undefined;
    if (!r || typeof r !== 'object') return null;
    const q = r.legalProfessionalQualification;
    return {
      holderName: String(r.displayName ?? ''),
      certificateNumber: q && nonEmpty(q.certificateNumber) ? q.certificateNumber : null,
      obtainedOn: q && isDay(q.obtainedOn) ? q.obtainedOn : null,
      reviewingSince: isDay(r.legalReviewSince) ? r.legalReviewSince : null,
      userId: String(r.userId ?? ''),
    };
  }
  const d = payloadOf<IssueReviewOpinionPayload>(event).reviewerQualification;
  return d ? { holderName: String(d.holderName ?? ''), certificateNumber: nonEmpty(d.certificateNumber) ? d.certificateNumber : null, reviewingSince: orNull(d.reviewingSince) } : null;
}

export function currentDraft(ctx: Ctx): DraftRecord | undefined {
  return ctx.drafts.find((d) => d.round === ctx.round);
}

export function currentOpinion(ctx: Ctx): ReviewOpinionRecord | undefined {
  return LR.opinionOfRound(ctx.legalityReview, ctx.round);
}

const currentConfirmation = (ctx: Ctx) => LR.confirmationOfRound(ctx.legalityReview, ctx.round);
const currentDraftHash = (ctx: Ctx) => currentDraft(ctx)?.documentHash;

/** APL Art. 58: a passing legal review of the current proposal. */
export function legalReviewPassed(ctx: Ctx): boolean {
  return LR.reviewPassedInRound(ctx.legalityReview, ctx.round);
}

export function approvedTextHash(ctx: Ctx): string | undefined {
  if (!legalReviewPassed(ctx)) return undefined;
  return currentConfirmation(ctx)?.documentHash ?? currentDraft(ctx)?.documentHash;
}

function reviewPassedOn(ctx: Ctx): string | undefined {
  if (!legalReviewPassed(ctx)) return undefined;
  return currentOpinion(ctx)?.outcome === 'LEGAL' ? currentOpinion(ctx)?.issuedOn : currentConfirmation(ctx)?.confirmedOn;
}

// ================================================================================================
// Rules
// ================================================================================================

type Rule = RuleDefinition<EnforcementDecisionContext>;
const APL = '《中华人民共和国行政处罚法》';

export const enforcementDecisionRules = {
  draftHashMatches: LR.draftHashMatchesRule<Ctx>(currentDraftHash, {
    code: 'DRAFT_HASH_MISMATCH',
    article: 'APL Art. 58',
    zh: `送请法制审核的拟作出决定与本案当前登记的文本不一致，请送审当前文本（${APL}第五十八条）`,
    en: 'The proposed decision submitted for legal review is not the text on record; submit the current text (Administrative Penalty Law Art. 58).',
  }),
  separationOfDuties: LR.separationOfDutiesRule<Ctx>({
    code: 'SEPARATION_OF_DUTIES',
    article: 'APL Art. 58',
    status: 403,
    zh: `送请法制审核的办案人员不得审核本案，法制审核应当由法制审核人员进行（${APL}第五十八条）`,
    en: 'The case handler who submitted the case may not review it: the legal review is done by the legal reviewers (Administrative Penalty Law Art. 58).',
  }),
  reviewerQualified: {
    check: ({ event }) => reviewerQualified(reviewerQualificationOf(event), String(event.today ?? '')),
    refusal: {
      code: 'REVIEWER_QUALIFICATION_REQUIRED',
      article: 'APL Art. 58',
      zh: `初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格；您的用户信息中没有登记法律职业资格（或2021年7月15日前即从事法制审核的记录），请系统管理员登记后再出具审核意见（${APL}第五十八条第二款）`,
      en: 'A first-time legal reviewer must hold the legal professional qualification (national unified legal professional qualification exam); your user record holds no such qualification (nor legal review work since before 15 July 2021): an administrator must record it before you issue the opinion (Administrative Penalty Law Art. 58 ¶2).',
    },
  },
  revisionsApplied: LR.revisionsAppliedRule<Ctx>(currentDraftHash, {
    code: 'REVISION_HASH_UNCHANGED',
    article: 'APL Art. 58',
    zh: `应当根据法制审核意见修改拟作出的决定；所报修改稿与送审稿相同（${APL}第五十八条）`,
    en: 'The proposed decision must be revised according to the review opinion; the text given is identical to the reviewed one (Administrative Penalty Law Art. 58).',
  }),
  legalReviewPassed: LR.reviewPassedRule<Ctx>(legalReviewPassed, {
    code: 'LEGAL_REVIEW_REQUIRED',
    article: 'APL Art. 58',
    zh: `作出重大执法决定之前，应当进行法制审核；未经法制审核或者审核未通过的，不得作出决定（${APL}第五十八条第一款）`,
    en: 'A major enforcement decision needs a prior legal review; without one, or if it fails, no decision may be made (Administrative Penalty Law Art. 58 ¶1).',
  }),
  decisionTextReviewed: {
    check: ({ context, event }) => payloadOf<RecordDecisionPayload>(event).decisionHash === approvedTextHash(context),
    refusal: {
      code: 'DECISION_TEXT_NOT_REVIEWED',
      article: 'APL Art. 58',
      zh: `作出的决定应当是经法制审核通过的文本；需要作出不同决定的，应当退回修改并重新审核（${APL}第五十八条第一款）`,
      en: 'The decision made must be the text that passed legal review; a different decision goes back for revision and a new review (Administrative Penalty Law Art. 58 ¶1).',
    },
  },
  decisionDateValid: {
    check: ({ context, event }) => {
      const d = payloadOf<RecordDecisionPayload>(event).decidedOn;
      const passed = reviewPassedOn(context);
      return isDay(d) && isDay(passed) && isDay(event.today) && d >= passed && d <= event.today;
    },
    refusal: {
      code: 'DECISION_DATE_INVALID',
      article: 'APL Art. 58',
      zh: `决定日期不得早于法制审核通过之日，也不得晚于今天（${APL}第五十八条第一款）`,
      en: 'The decision day can be neither before the day the legal review passed nor in the future (Administrative Penalty Law Art. 58 ¶1).',
    },
  },
} satisfies Record<string, Rule>;

export type EnforcementDecisionRuleName = keyof typeof enforcementDecisionRules;

export const ENFORCEMENT_DECISION_EVENT_RULES = {
  SUBMIT_DRAFT: [],
  SUBMIT_FOR_LEGALITY_REVIEW: ['draftHashMatches'],
  ACCEPT_FOR_REVIEW: [],
  RETURN_INCOMPLETE: [],
  ISSUE_REVIEW_OPINION: ['separationOfDuties', 'reviewerQualified'],
  CONFIRM_REVISIONS: ['revisionsApplied'],
  RECORD_DECISION: ['legalReviewPassed', 'decisionTextReviewed', 'decisionDateValid'],
  RETURN_FOR_REVISION: [],
  WITHDRAW: [],
} as const satisfies Record<EnforcementDecisionEventType, readonly EnforcementDecisionRuleName[]>;

// ================================================================================================
// Guards
// ================================================================================================

type GuardArgs = { context: EnforcementDecisionContext; event: EnforcementDecisionEvent };
const routingGuards = {
  opinionIllegal: LR.opinionIllegal,
  opinionWithRevisions: LR.opinionWithRevisions,
  opinionLegal: LR.opinionLegal,
};
type GuardName = EnforcementDecisionRuleName | keyof typeof routingGuards;

// ================================================================================================
// Actions
// ================================================================================================

type ActionArgs = { context: EnforcementDecisionContext; event: EnforcementDecisionEvent };
const record = (fn: (args: ActionArgs) => Partial<EnforcementDecisionContext>) =>
  assign<EnforcementDecisionContext, EnforcementDecisionEvent, undefined, EnforcementDecisionEvent, never>(fn);

/** The draft SUBMIT_DRAFT records (the next round's proposed decision). */
export function draftRecordOf(context: EnforcementDecisionContext, event: WorkflowEvent): DraftRecord {
  const p = payloadOf<SubmitDraftPayload>(event);
  return {
    ...stamp(event),
    round: context.round + 1,
    title: String(p.title ?? ''),
    documentHash: String(p.documentHash ?? ''),
    factsFound: String(p.factsFound ?? ''),
    evidence: strings(p.evidence),
    proposedDecision: String(p.proposedDecision ?? ''),
    hearingHeld: p.hearingHeld === true,
  };
}

/** Version 1's actions: a later version may replace some (see `enforcementDecisionMachine`). */
export const enforcementDecisionActions = {
  recordDraft: record(({ context, event }) => {
    const draft = draftRecordOf(context, event);
    return { round: draft.round, drafts: [...context.drafts, draft] };
  }),
  recordLegalitySubmission: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'submissions', LR.legalitySubmission(stamp(event), context.round, event)),
  ),
  recordAcceptance: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'acceptances', LR.legalityAcceptance(stamp(event), context.round, event)),
  ),
  recordReturn: record(({ context, event }) => LR.appendReviewRecord(context.legalityReview, 'returns', LR.legalityReturn(stamp(event), context.round, event))),
  recordOpinion: record(({ context, event }) => {
    const p = payloadOf<IssueReviewOpinionPayload>(event);
    const opinion: ReviewOpinionRecord = {
      ...stamp(event),
      round: context.round,
      issuedOn: event.today,
      ...LR.opinionBasics<ReviewOutcome>(event),
      suggestions: orNull(p.suggestions),
      reviewerQualification: reviewerQualificationOf(event),
      documentHash: orNull(p.documentHash),
      reviewedDraftHash: LR.reviewedDraftHash(context.legalityReview, context.round),
    };
    return LR.appendReviewRecord(context.legalityReview, 'opinions', opinion);
  }),
  recordRevisions: record(({ context, event }) =>
    LR.appendReviewRecord(context.legalityReview, 'revisionConfirmations', LR.datedRevisionConfirmation(stamp(event), context.round, event)),
  ),
  recordDecision: record(({ context, event }) => {
    const p = payloadOf<RecordDecisionPayload>(event);
    return {
      decision: {
        ...stamp(event),
        round: context.round,
        decidedOn: String(p.decidedOn),
        documentNumber: String(p.documentNumber ?? ''),
        decisionHash: String(p.decisionHash),
        collectiveDiscussion: p.collectiveDiscussion === true,
        summary: orNull(p.summary),
      },
    };
  }),
  recordSentBack: record(({ context, event }) => ({
    sentBack: [...context.sentBack, { ...stamp(event), round: context.round, reason: String(payloadOf<ReturnForRevisionPayload>(event).reason ?? '') }],
  })),
  recordWithdrawal: record(({ event }) => ({
    withdrawal: withdrawal(stamp(event), event),
  })),
};

// ================================================================================================
// The machine
// ================================================================================================

const ROOT = '#enforcement-decision';

/**
 * The machine with a version's rules: `rules` (each a guard of the same name), per event the rules
 * checked in order (`eventRules`), and the actions of this version (`actions`, by default v1's).
 * Version 1 is built with its own below; a later version that changes what an event requires or
 * records builds the same states with its own (workflows/enforcement-decision/v2).
 */
export function enforcementDecisionMachine<N extends string>(
  rules: Record<N, Rule>,
  eventRules: { readonly [K in EnforcementDecisionEventType]: readonly N[] },
  actions: typeof enforcementDecisionActions = enforcementDecisionActions,
) {
  const when = whenOf<EnforcementDecisionEventType, N | GuardName>(eventRules);
  const WITHDRAW = { WITHDRAW: { guard: when('WITHDRAW'), target: `${ROOT}.withdrawn`, actions: 'recordWithdrawal' } } as const;

  return setup({
    types: {} as {
      context: EnforcementDecisionContext;
      events: EnforcementDecisionEvent;
      input: WorkflowInput<CreateEnforcementDecisionPayload>;
    },
    guards: { ...ruleGuards(rules), ...routingGuards },
    actions,
  }).createMachine({
    id: 'enforcement-decision',
    initial: 'investigation',
    context: ({ input }) => {
      if (!input) return {} as EnforcementDecisionContext;
      const proposal = (input.payload?.proposal ?? {}) as Partial<CreateEnforcementDecisionPayload['proposal']>;
      return {
        caseId: input.caseId,
        title: String(input.payload?.title ?? ''),
        created: stamp(input),
        proposal: {
          party: String(proposal.party ?? ''),
          decisionType: (proposal.decisionType ?? 'OTHER') as DecisionType,
          majorGround: (proposal.majorGround ?? 'REQUIRED_BY_LAW') as MajorGround,
          matter: String(proposal.matter ?? ''),
        },
        round: 0,
        drafts: [],
        legalityReview: LR.noLegalityReview(),
        sentBack: [],
        decision: null,
        withdrawal: null,
      };
    },
    states: {
      investigation: {
        on: {
          SUBMIT_DRAFT: { guard: when('SUBMIT_DRAFT'), target: 'legalityReview', actions: 'recordDraft' },
          ...WITHDRAW,
        },
      },
      legalityReview: LR.legalityReviewState(when, { ...WITHDRAW }, {
        opinion: [
          { guard: when('ISSUE_REVIEW_OPINION', 'opinionIllegal'), target: `${ROOT}.investigation`, actions: 'recordOpinion' },
          { guard: when('ISSUE_REVIEW_OPINION', 'opinionWithRevisions'), target: 'revisionsRequired', actions: 'recordOpinion' },
          { guard: when('ISSUE_REVIEW_OPINION', 'opinionLegal'), target: `${ROOT}.decision`, actions: 'recordOpinion' },
        ],
        revisions: { guard: when('CONFIRM_REVISIONS'), target: `${ROOT}.decision`, actions: 'recordRevisions' },
      }),
      decision: {
        on: {
          RECORD_DECISION: { guard: when('RECORD_DECISION'), target: 'decided', actions: 'recordDecision' },
          RETURN_FOR_REVISION: { guard: when('RETURN_FOR_REVISION'), target: 'investigation', actions: 'recordSentBack' },
          ...WITHDRAW,
        },
      },
      decided: { type: 'final' },
      withdrawn: { type: 'final' },
    },
  });
}

export const enforcementDecisionV1Machine = enforcementDecisionMachine(enforcementDecisionRules, ENFORCEMENT_DECISION_EVENT_RULES);
