/**
 * Major administrative enforcement decision, version 2: the states and events of version 1 with
 * the collective discussion of heavier penalties (issue 9 §13). Version 1 recorded
 * `collectiveDiscussion: false` for any decision.
 *
 * PURE: imports the version-1 machine module (xstate and types only) and the shared helpers.
 *
 * Policy decisions (added to v1's E1–E6):
 *  E7  APL Art. 57 ¶2: a penalty (行政处罚决定) for a complex case (情节复杂: the case's major ground
 *      COMPLEX_OR_MULTIPLE_RELATIONS, APL Art. 58 ¶1 (3)) or for a serious violation (重大违法行为,
 *      `seriousViolation` on the proposed decision the review examined) is decided collectively by
 *      the organ's heads: RECORD_DECISION without `collectiveDiscussion: true` is refused
 *      COLLECTIVE_DISCUSSION_REQUIRED (422). The article covers penalties only: other decision
 *      types record whether they were discussed collectively, as in v1.
 *  E8  The seriousness is the investigation's finding, recorded with each draft (round): a later
 *      round's draft states it again. A draft of v1 (before migration) counts as not serious.
 *  E9  APL Art. 58 ¶2 (issue 9 §14 b): the first-time reviewer's legal professional qualification is
 *      required for the decision types it covers, 行政处罚决定 (PENALTY) by default; the types are
 *      configuration (DOCKET_RULES `enforcement.reviewerQualification.decisionTypes`, e.g.
 *      ["PENALTY","COMPULSORY_MEASURE"] where a local rule extends it), passed on ISSUE_REVIEW_OPINION
 *      as `facts.qualificationDecisionTypes` (fact kind `text`, a list) and kept in the history. An
 *      event without the fact (none is recorded so) requires the qualification, as v1 did.
 */
import type { RuleDefinition, WorkflowEvent } from '@app/engine';
import { assign } from 'xstate';
import {
  currentDraft,
  reviewerQualificationOf,
  reviewerQualified,
  draftRecordOf,
  ENFORCEMENT_DECISION_EVENT_RULES,
  enforcementDecisionActions,
  enforcementDecisionMachine,
  enforcementDecisionRules,
  type DraftRecord,
  type EnforcementDecisionContext,
  type EnforcementDecisionEventType,
} from '../v1/enforcement-decision.machine';
import type { DecisionType, RecordDecisionPayload, SubmitDraftPayload } from './enforcement-decision.payloads';
import { payloadOf } from '../../common/machine-helpers';

/** A v2 draft: v1's record and the investigation's finding of a serious violation (policy E8). */
export interface DraftRecordV2 extends DraftRecord {
  seriousViolation: boolean;
}

type Ctx = EnforcementDecisionContext;
type Rule = RuleDefinition<Ctx>;
const APL = '《中华人民共和国行政处罚法》';

/** APL Art. 57 ¶2 as policy E7 reads it: a penalty, complex or for a serious violation. */
export function collectiveDiscussionRequired(ctx: Ctx): boolean {
  if (ctx.proposal?.decisionType !== 'PENALTY') return false;
  const draft = currentDraft(ctx) as Partial<DraftRecordV2> | undefined;
  return ctx.proposal.majorGround === 'COMPLEX_OR_MULTIPLE_RELATIONS' || draft?.seriousViolation === true;
}

/** The configuration of policy E9: the decision types whose reviewers need the qualification. */
export const REVIEWER_QUALIFICATION_TYPES = { key: 'enforcement.reviewerQualification.decisionTypes', default: 'PENALTY', article: 'APL Art. 58 ¶2' } as const;

/** Policy E9: whether the reviewer of this case needs the qualification, by the configured decision types on the event. */
export function qualificationRequired(ctx: Ctx, event: { facts?: Record<string, unknown> }): boolean {
  const types = event.facts?.qualificationDecisionTypes;
  if (!Array.isArray(types)) return true;
  return types.includes(ctx.proposal?.decisionType as DecisionType);
}

export const enforcementDecisionV2Rules = {
  ...enforcementDecisionRules,
  reviewerQualified: {
    ...enforcementDecisionRules.reviewerQualified,
    check: ({ context, event }) => !qualificationRequired(context, event) || reviewerQualified(reviewerQualificationOf(event), String(event.today ?? '')),
  },
  collectiveDiscussionHeld: {
    check: ({ context, event }) => !collectiveDiscussionRequired(context) || payloadOf<RecordDecisionPayload>(event).collectiveDiscussion === true,
    refusal: {
      code: 'COLLECTIVE_DISCUSSION_REQUIRED',
      article: 'APL Art. 57 ¶2',
      zh: `对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定；本案应当经集体讨论后再作出处罚决定（${APL}第五十七条第二款）`,
      en: 'A penalty for a complex case or a serious violation is decided collectively by the heads of the organ: hold the collective discussion before recording the decision (Administrative Penalty Law Art. 57 ¶2).',
    },
  },
} satisfies Record<string, Rule>;

export type EnforcementDecisionV2RuleName = keyof typeof enforcementDecisionV2Rules;

export const ENFORCEMENT_DECISION_V2_EVENT_RULES = {
  ...ENFORCEMENT_DECISION_EVENT_RULES,
  RECORD_DECISION: ['legalReviewPassed', 'decisionTextReviewed', 'decisionDateValid', 'collectiveDiscussionHeld'],
} as const satisfies Record<EnforcementDecisionEventType, readonly EnforcementDecisionV2RuleName[]>;

/** The draft SUBMIT_DRAFT records in v2 (policy E8). */
export function draftRecordV2Of(context: Ctx, event: WorkflowEvent): DraftRecordV2 {
  return { ...draftRecordOf(context, event), seriousViolation: payloadOf<SubmitDraftPayload>(event).seriousViolation === true };
}

const actions: typeof enforcementDecisionActions = {
  ...enforcementDecisionActions,
  recordDraft: assign(({ context, event }: { context: Ctx; event: WorkflowEvent }) => {
    const draft = draftRecordV2Of(context, event);
    return { round: draft.round, drafts: [...context.drafts, draft] };
  }) as unknown as typeof enforcementDecisionActions.recordDraft,
};

export const enforcementDecisionV2Machine = enforcementDecisionMachine<EnforcementDecisionV2RuleName>(enforcementDecisionV2Rules, ENFORCEMENT_DECISION_V2_EVENT_RULES, actions);
