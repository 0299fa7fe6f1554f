/**
 * The definition side of the legality-review fragment (workflows/common/legality-review): the
 * labels and stage of the `legalityReview` states, the five review events (labels, roles, payload
 * classes, facts) and the review-opinion deadline, as the five matter workflows declare them.
 * Each workflow names its own words (合法性审查 / 合法性审核 / 前置审核 / 法制审核), its opinion and
 * confirmation payloads, facts, the deadline's key, period, reminders and article; what is left
 * here is what they all declare alike: the desk's roles, the acceptance and return events, the
 * states the deadline runs in and what restarts or cancels it.
 *
 * Objects are built with their keys in the order the workflows wrote them. Pure: no I/O, no clock.
 */
import type { ConfigParam, DeadlineDeclaration, EventMeta, Label, SequenceFactDeclaration, StateMeta } from '@app/engine';
import { scheduled } from '../legal-dates';
import { AcceptForReviewPayload, ReturnIncompletePayload, SubmitForLegalityReviewPayload } from './legality-review.payloads';

type EventEntry = Omit<EventMeta, 'rules'>;
type Payload = NonNullable<EventMeta['payload']>;

const entry = (label: Label, roles: EventMeta['roles'], payload: Payload, facts?: EventMeta['facts']): EventEntry => ({
  label,
  roles,
  payload,
  ...(facts ? { facts } : {}),
});

const state = (stage: string, zh: string, en: string): StateMeta => ({ stage, label: { zh, en } });

/**
 * The `legalityReview` state and its four sub-states, all in stage `legalityReview`: the review's
 * name, the waiting-for-submission label, and the zh of "under review" and "revisions required"
 * (审查中 / 审核中, 待按审查意见修改 / 待按审核意见修改).
 */
export function legalityReviewStateMeta(words: {
  review: Label;
  awaitingSubmission: Label;
  underReview: string;
  revisionsRequired: string;
}): Record<string, StateMeta> {
  const stage = 'legalityReview';
  return {
    legalityReview: state(stage, words.review.zh, words.review.en),
    'legalityReview.awaitingSubmission': state(stage, words.awaitingSubmission.zh, words.awaitingSubmission.en),
    'legalityReview.submitted': state(stage, '已送审（待签收）', 'Submitted (awaiting acceptance)'),
    'legalityReview.underReview': state(stage, words.underReview, 'Under review'),
    'legalityReview.revisionsRequired': state(stage, words.revisionsRequired, 'Revisions required'),
  };
}

/**
 * The number of the work liaison form (工作联系单, SPEC §3.4) a submission to review is: drawn by
 * the runtime from a central counter inside the submission's own transaction and recorded in the
 * submission's `facts.liaisonFormNumber` — committed with the submission or not at all, never
 * given twice, restarting each year (`{year}` is the year of the submission, Asia/Shanghai).
 * Every submission is a form of its own: a resubmission after RETURN_INCOMPLETE, with its new
 * materials and requested completion date, gets a new number. The machines never read it (their
 * context and state hashes do not depend on it), so histories recorded before it replay unchanged.
 */
export const LIAISON_FORM_NUMBER_FACT = 'liaisonFormNumber';
export const LIAISON_FORM_NUMBER: SequenceFactDeclaration = {
  kind: 'sequence',
  counter: 'review.liaisonForm',
  pattern: { key: 'review.liaisonForm.pattern', default: '联系单〔{year}〕第{seq}号', article: 'SPEC §3.4' },
};

/**
 * The five review events in the desk's order, with the desk's roles: the department head submits
 * (the submission carries its liaison form number, `LIAISON_FORM_NUMBER`, after the workflow's own
 * facts) and confirms revisions, the legal reviewer accepts, returns and issues the opinion.
 */
export function legalityReviewEvents(events: {
  submit: { label: Label; facts?: EventMeta['facts'] };
  opinion: { label: Label; payload: Payload; facts?: EventMeta['facts'] };
  confirm: { label: Label; payload: Payload };
}): Record<'SUBMIT_FOR_LEGALITY_REVIEW' | 'ACCEPT_FOR_REVIEW' | 'RETURN_INCOMPLETE' | 'ISSUE_REVIEW_OPINION' | 'CONFIRM_REVISIONS', EventEntry> {
  return {
    SUBMIT_FOR_LEGALITY_REVIEW: {
      ...entry(events.submit.label, ['department-head'], SubmitForLegalityReviewPayload, {
        ...events.submit.facts,
        [LIAISON_FORM_NUMBER_FACT]: LIAISON_FORM_NUMBER,
      }),
      // issue 10: with an urgentReason any requested date was accepted, even a past one; the
      // requested completion date is a date set ahead (a past one only as 补录, issue 9 §9)
      legalDates: [REQUESTED_COMPLETION_DATE],
    },
    ACCEPT_FOR_REVIEW: entry({ zh: '签收送审材料', en: 'Accept for review' }, ['legal-reviewer'], AcceptForReviewPayload),
    RETURN_INCOMPLETE: entry({ zh: '退回补充材料', en: 'Return as incomplete' }, ['legal-reviewer'], ReturnIncompletePayload),
    ISSUE_REVIEW_OPINION: entry(events.opinion.label, ['legal-reviewer'], events.opinion.payload, events.opinion.facts),
    CONFIRM_REVISIONS: entry(events.confirm.label, ['department-head'], events.confirm.payload),
  };
}

/** The requested completion date of a submission: a date set ahead, not before the day of submission. */
export const REQUESTED_COMPLETION_DATE = scheduled('requestedCompletionDate', '要求完成审查日期', 'Requested completion date', { article: 'SPEC §3.4' });

/** What the review deadline reads of a workflow's context. */
export interface ReviewDeadlineContext {
  round: number;
  legalityReview: { submissions: ReadonlyArray<{ round: number; requestedCompletionDate: string }> };
}

/** The last submission, if it belongs to the current round. */
export function submissionOfRound<S extends { round: number }>(ctx: { round: number; legalityReview: { submissions: readonly S[] } }): S | undefined {
  const s = ctx.legalityReview.submissions[ctx.legalityReview.submissions.length - 1];
  return s && s.round === ctx.round ? s : undefined;
}

/** The opinion is due on the completion date the submission requested. */
export function requestedCompletionDate(ctx: ReviewDeadlineContext): string | undefined {
  return submissionOfRound(ctx)?.requestedCompletionDate;
}

/**
 * The review-opinion deadline: runs while the case is submitted or under review, owed by the legal
 * reviewer and supervised by the town head, escalated when missed, restarted when the materials are
 * returned and cancelled by a withdrawal. `length` is the maximum when no date was requested;
 * `dueDate` defaults to the requested completion date.
 */
export function legalityReviewDeadline<C extends ReviewDeadlineContext>(d: {
  key: string;
  label: Label;
  length: ConfigParam;
  dueDate?: (context: C) => string | undefined;
  reminders: number[];
  article: string;
}): DeadlineDeclaration<C> {
  return {
    key: d.key,
    label: d.label,
    states: ['legalityReview.submitted', 'legalityReview.underReview'],
    type: 'due',
    unit: 'workdays',
    length: d.length,
    dueDate: d.dueDate ?? requestedCompletionDate,
    responsible: ['legal-reviewer'],
    supervisor: ['town-head'],
    reminders: d.reminders,
    escalate: true,
    restartOn: ['RETURN_INCOMPLETE'],
    cancelOn: ['WITHDRAW'],
    article: d.article,
  };
}
