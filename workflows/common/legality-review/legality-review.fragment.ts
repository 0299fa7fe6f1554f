/**
 * The legality-review fragment the five matter workflows share (合法性审查 / 合法性审核 / 前置审核 /
 * 法制审核): the records it keeps in `context.legalityReview`, the builders of those records, the
 * rules whose check is the same everywhere (each workflow gives its own refusal: code, article,
 * zh / en), the routing guards on the opinion's outcome and the `legalityReview` state node
 * (awaitingSubmission → submitted → underReview → revisionsRequired).
 *
 * What differs stays with each workflow, explicit at the call site: the refusals and articles, the
 * opinion record (its own checklist, `issuedOn` or not), extra fields of a submission or
 * confirmation, where an opinion leads, and further rules.
 *
 * Every builder returns objects with their keys in the order the workflows wrote them before, so
 * histories replay to the same context (and the same state hashes).
 *
 * PURE: imports types only. No I/O, no clock, no randomness.
 */
import type { Refusal, RuleDefinition, WorkflowEvent } from '@app/engine';
import type {
  AcceptForReviewPayload,
  ConfirmRevisionsPayload,
  ReturnIncompletePayload,
  SubmitForLegalityReviewPayload,
} from './legality-review.payloads';
import { isDay, lastOf, nonEmpty, ofRound, orNull, payloadOf, strings } from '../machine-helpers';

// ================================================================================================
// Records
// ================================================================================================

export interface LegalityReviewMaterials {
  draftHash: string;
  legalBasis: string[];
  procedureStatement: string;
  otherMaterials: string[];
}

/** A submission for review (`S` is the workflow's stamp: who, when). */
export type LegalitySubmissionOf<S> = S & {
  round: number;
  /** user id of the submitter (separation of duties) */
  submittedBy: string;
  /** the submission day (Asia/Shanghai) from which the review period runs */
  submittedOn: string;
  materials: LegalityReviewMaterials;
  requestedCompletionDate: string;
  urgentReason: string | null;
};
export type LegalityAcceptanceOf<S> = S & { round: number; receiptNumber: string | null };
export type LegalityReturnOf<S> = S & { round: number; missing: string[]; note: string | null };
export type RevisionConfirmationOf<S> = S & { round: number; documentHash: string; note: string };
/** A confirmation of revisions that keeps its day (the day the review passed). */
export type DatedRevisionConfirmationOf<S> = S & { round: number; confirmedOn: string; documentHash: string; note: string };

/** `context.legalityReview`: every step of every round, in order. */
export interface LegalityReviewRecordsOf<Sub, Acc, Ret, Op, Conf> {
  submissions: Sub[];
  acceptances: Acc[];
  returns: Ret[];
  opinions: Op[];
  revisionConfirmations: Conf[];
}

type AnyRecords = LegalityReviewRecordsOf<unknown, unknown, unknown, unknown, unknown>;

/** The records of a new case. */
export function noLegalityReview(): { submissions: []; acceptances: []; returns: []; opinions: []; revisionConfirmations: [] } {
  return { submissions: [], acceptances: [], returns: [], opinions: [], revisionConfirmations: [] };
}

/** The context patch that appends `record` to one list of `context.legalityReview`. */
export function appendReviewRecord<R extends AnyRecords, K extends keyof AnyRecords>(records: R, key: K, record: R[K][number]): { legalityReview: R } {
  return { legalityReview: { ...records, [key]: [...records[key], record] } };
}

// ------------------------------------------------------------------------------------------------
// The event as the record builders read it

type ReviewEvent = { actor: { userId: string }; today: string; payload?: unknown };

// ------------------------------------------------------------------------------------------------
// Record builders: `stamp` is the workflow's own (who and when), `round` the case's current round

/** SUBMIT_FOR_LEGALITY_REVIEW: a workflow adds its own fields after these (e.g. facts it keeps). */
export function legalitySubmission<S extends object>(stamp: S, round: number, event: ReviewEvent): LegalitySubmissionOf<S> {
  const p = payloadOf<SubmitForLegalityReviewPayload>(event);
  return {
    ...stamp,
    round,
    submittedBy: event.actor.userId,
    submittedOn: event.today,
    materials: {
      draftHash: String(p.materials?.draftHash ?? ''),
      legalBasis: strings(p.materials?.legalBasis),
      procedureStatement: String(p.materials?.procedureStatement ?? ''),
      otherMaterials: strings(p.materials?.otherMaterials),
    },
    requestedCompletionDate: String(p.requestedCompletionDate),
    urgentReason: orNull(p.urgentReason),
  };
}

/** ACCEPT_FOR_REVIEW. */
export function legalityAcceptance<S extends object>(stamp: S, round: number, event: ReviewEvent): LegalityAcceptanceOf<S> {
  return { ...stamp, round, receiptNumber: orNull(payloadOf<AcceptForReviewPayload>(event).receiptNumber) };
}

/** RETURN_INCOMPLETE. */
export function legalityReturn<S extends object>(stamp: S, round: number, event: ReviewEvent): LegalityReturnOf<S> {
  const p = payloadOf<ReturnIncompletePayload>(event);
  return { ...stamp, round, missing: strings(p.missing), note: orNull(p.note) };
}

/** CONFIRM_REVISIONS, without a day of its own. */
export function revisionConfirmation<S extends object>(stamp: S, round: number, event: ReviewEvent): RevisionConfirmationOf<S> {
  const p = payloadOf<ConfirmRevisionsPayload>(event);
  return { ...stamp, round, documentHash: String(p.documentHash), note: String(p.note ?? '') };
}

/** CONFIRM_REVISIONS, keeping the day it was confirmed (`confirmedOn`, the day the review passed). */
export function datedRevisionConfirmation<S extends object>(stamp: S, round: number, event: ReviewEvent): DatedRevisionConfirmationOf<S> {
  const p = payloadOf<ConfirmRevisionsPayload>(event);
  return { ...stamp, round, confirmedOn: event.today, documentHash: String(p.documentHash), note: String(p.note ?? '') };
}

/** The fields every ISSUE_REVIEW_OPINION records, in this order, after the stamp and round (and `issuedOn`). */
export function opinionBasics<O extends string>(
  event: { payload?: unknown },
): { outcome: O; reasons: string; legalBasis: string[]; legalAdvisers: string[] } {
  const p = payloadOf<{ outcome: O; reasons: string; legalBasis: string[]; legalAdvisers: string[] }>(event);
  return { outcome: p.outcome as O, reasons: String(p.reasons ?? ''), legalBasis: strings(p.legalBasis), legalAdvisers: strings(p.legalAdvisers) };
}

/** The draft hash of the submission an opinion of this round answers. */
export function reviewedDraftHash(records: { submissions: ReadonlyArray<{ round: number; materials: { draftHash: string } }> }, round: number): string | null {
  return lastOf(ofRound(records.submissions, round))?.materials.draftHash ?? null;
}

// ------------------------------------------------------------------------------------------------
// Reading the records

/** The opinion of the round (the last one). */
export function opinionOfRound<O extends { round: number }>(records: { opinions: readonly O[] }, round: number): O | undefined {
  return lastOf(ofRound(records.opinions, round));
}

/** The confirmation of revisions of the round (the last one). */
export function confirmationOfRound<C extends { round: number }>(records: { revisionConfirmations: readonly C[] }, round: number): C | undefined {
  return lastOf(ofRound(records.revisionConfirmations, round));
}

/** A passing review of the round: LEGAL, or LEGAL_WITH_REVISIONS once the revisions are confirmed. */
export function reviewPassedInRound(
  records: { opinions: ReadonlyArray<{ round: number; outcome: string }>; revisionConfirmations: ReadonlyArray<{ round: number }> },
  round: number,
): boolean {
  const o = opinionOfRound(records, round);
  if (o?.outcome === 'LEGAL') return true;
  if (o?.outcome === 'LEGAL_WITH_REVISIONS') return confirmationOfRound(records, round) !== undefined;
  return false;
}

// ================================================================================================
// Rules: the same checks everywhere; each workflow names its refusal
// ================================================================================================

/** What the review rules read of a workflow's context. */
export interface ReviewContext {
  round: number;
  legalityReview: {
    submissions: ReadonlyArray<{ submittedBy: string }>;
    opinions: ReadonlyArray<{ round: number; reviewedDraftHash: string | null }>;
  };
}

/** SUBMIT_FOR_LEGALITY_REVIEW: the materials name the draft on record (`draftHash` of the context). */
export function draftHashMatchesRule<C>(draftHash: (context: C) => string | undefined, refusal: Refusal): RuleDefinition<C> {
  return {
    check: ({ context, event }) => {
      const hash = payloadOf<SubmitForLegalityReviewPayload>(event).materials?.draftHash;
      return typeof hash === 'string' && hash === draftHash(context);
    },
    refusal,
  };
}

/**
 * SUBMIT_FOR_LEGALITY_REVIEW: the requested completion date leaves the minimum review period
 * (`facts.minCompletionDate`, counted by the runtime) unless an urgent reason is given.
 */
export function reviewPeriodSufficientRule<C>(refusal: Refusal): RuleDefinition<C> {
  return {
    check: ({ event }) => {
      const p = payloadOf<SubmitForLegalityReviewPayload>(event);
      if (nonEmpty(p.urgentReason)) return true;
      const min = event.facts?.minCompletionDate;
      return isDay(min) && isDay(p.requestedCompletionDate) && p.requestedCompletionDate >= min;
    },
    refusal,
  };
}

/** ISSUE_REVIEW_OPINION (a precondition, 403): whoever submitted the case for review may not review it. */
export function separationOfDutiesRule<C extends ReviewContext>(refusal: Refusal): RuleDefinition<C> {
  return {
    precondition: true,
    check: ({ context, event }) => {
      const userId = event.actor?.userId;
      return typeof userId !== 'string' || !context.legalityReview.submissions.some((s) => s.submittedBy === userId);
    },
    refusal,
  };
}

/** CONFIRM_REVISIONS: the revised text differs from the one reviewed (else from the draft on record). */
export function revisionsAppliedRule<C extends ReviewContext>(draftHash: (context: C) => string | undefined, refusal: Refusal): RuleDefinition<C> {
  return {
    check: ({ context, event }) => {
      const hash = payloadOf<ConfirmRevisionsPayload>(event).documentHash;
      const reviewed = opinionOfRound(context.legalityReview, context.round)?.reviewedDraftHash ?? draftHash(context);
      return typeof hash === 'string' && hash !== reviewed;
    },
    refusal,
  };
}

/** The step after review (meeting, signing, issuance, decision) needs a passing review (a precondition). */
export function reviewPassedRule<C>(passed: (context: C) => boolean, refusal: Refusal): RuleDefinition<C> {
  return {
    precondition: true,
    check: ({ context }) => passed(context),
    refusal,
  };
}

// ================================================================================================
// Routing guards (they only choose a target; the rules refuse)
// ================================================================================================

const outcomeOf = (event: WorkflowEvent | { payload?: unknown }): unknown => payloadOf<{ outcome: string }>(event).outcome;

export const opinionIllegal = ({ event }: { event: { payload?: unknown } }): boolean => outcomeOf(event) === 'ILLEGAL';
export const opinionWithRevisions = ({ event }: { event: { payload?: unknown } }): boolean => outcomeOf(event) === 'LEGAL_WITH_REVISIONS';
export const opinionLegal = ({ event }: { event: { payload?: unknown } }): boolean => outcomeOf(event) === 'LEGAL';

// ================================================================================================
// The state node
// ================================================================================================

export type LegalityReviewEventType =
  | 'SUBMIT_FOR_LEGALITY_REVIEW'
  | 'ACCEPT_FOR_REVIEW'
  | 'RETURN_INCOMPLETE'
  | 'ISSUE_REVIEW_OPINION'
  | 'CONFIRM_REVISIONS';

/**
 * The `legalityReview` state: submission, acceptance or return of incomplete materials, the
 * opinion, the confirmation of revisions. `when` is the workflow's guard for an event (its rules);
 * `on` what the whole node also accepts (e.g. WITHDRAW); `opinion` and `revisions` the workflow's
 * transitions for ISSUE_REVIEW_OPINION and CONFIRM_REVISIONS (where a passing or failing review
 * leads). The actions are the workflow's `recordLegalitySubmission`, `recordAcceptance`,
 * `recordReturn` (and, in its transitions, `recordOpinion` / `recordRevisions`).
 */
export function legalityReviewState<const On, const Opinion, const Revisions>(
  when: (type: LegalityReviewEventType) => any,
  on: On,
  transitions: { opinion: Opinion; revisions: Revisions },
) {
  return {
    initial: 'awaitingSubmission',
    on,
    states: {
      awaitingSubmission: {
        on: {
          SUBMIT_FOR_LEGALITY_REVIEW: { guard: when('SUBMIT_FOR_LEGALITY_REVIEW'), target: 'submitted', actions: 'recordLegalitySubmission' },
        },
      },
      submitted: {
        on: {
          ACCEPT_FOR_REVIEW: { guard: when('ACCEPT_FOR_REVIEW'), target: 'underReview', actions: 'recordAcceptance' },
          RETURN_INCOMPLETE: { guard: when('RETURN_INCOMPLETE'), target: 'awaitingSubmission', actions: 'recordReturn' },
        },
      },
      underReview: {
        on: {
          RETURN_INCOMPLETE: { guard: when('RETURN_INCOMPLETE'), target: 'awaitingSubmission', actions: 'recordReturn' },
          ISSUE_REVIEW_OPINION: transitions.opinion,
        },
      },
      revisionsRequired: {
        on: { CONFIRM_REVISIONS: transitions.revisions },
      },
    },
  } as const;
}
