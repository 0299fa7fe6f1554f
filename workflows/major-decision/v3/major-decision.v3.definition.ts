/**
 * The major-decision workflow, version 3 (issue 13): version 2 plus the comment docket — the close
 * seals every comment received (count and RFC 6962 root, `commentSeal`), the participation summary
 * is computed from the docket (`participationSummary`) and refused while any comment is unanswered
 * (COMMENTS_UNDISPOSED, R713 Art. 17). SUBMIT_PARTICIPATION_SUMMARY carries only the text.
 *
 * v1 and v2 stay registered: their cases and golden histories replay on them. A running case moves
 * to v3 by MIGRATE_WORKFLOW (same states; v1's start gets v2's unit id). A case migrated before its
 * close is sealed at the close; one migrated after it has no seal (nothing to verify) and its summary
 * is computed from the docket all the same.
 */
import type { EventMeta, RuleDefinition, WorkflowDefinition } from '@app/engine';
import { SEAL_FACT, SUMMARY_FACT } from '../../common/comment-docket';
import { sameStatesMigration } from '../../common/same-states-migration';
import { majorDecisionV1 } from '../v1/major-decision.definition';
import type { MajorDecisionContext } from '../v1/major-decision.machine';
import { MAJOR_DECISION_V1_TO_V2, majorDecisionV2 } from '../v2/major-decision.v2.definition';
import type { MajorDecisionV2Context } from '../v2/major-decision.v2.machine';
import { MAJOR_DECISION_V3_EVENT_RULES, majorDecisionV3Machine, majorDecisionV3Rules, type MajorDecisionV3Context } from './major-decision.v3.machine';
import { SubmitParticipationSummaryV3Payload } from './major-decision.v3.payloads';

const V2_EVENTS = majorDecisionV2.events;

export const MAJOR_DECISION_V3_EVENTS: Record<string, EventMeta> = {
  ...V2_EVENTS,
  CLOSE_COMMENT_PERIOD: { ...V2_EVENTS.CLOSE_COMMENT_PERIOD, rules: [...MAJOR_DECISION_V3_EVENT_RULES.CLOSE_COMMENT_PERIOD], facts: { ...V2_EVENTS.CLOSE_COMMENT_PERIOD.facts, commentSeal: SEAL_FACT } },
  SUBMIT_PARTICIPATION_SUMMARY: {
    ...V2_EVENTS.SUBMIT_PARTICIPATION_SUMMARY,
    payload: SubmitParticipationSummaryV3Payload,
    rules: [...MAJOR_DECISION_V3_EVENT_RULES.SUBMIT_PARTICIPATION_SUMMARY],
    facts: { ...V2_EVENTS.SUBMIT_PARTICIPATION_SUMMARY.facts, participationSummary: SUMMARY_FACT },
  },
};

const REASON = {
  zh: '新版本：结束征求意见时封存收到的全部意见（数量及默克尔根）；意见研究采纳情况的数量由系统根据意见台账计算，尚有意见未答复的不能报送',
  en: 'New version: the close seals every comment received (count and Merkle root); the participation summary is computed from the comment docket and refused while any comment is unanswered',
};

export const majorDecisionV3: WorkflowDefinition<MajorDecisionV3Context> = {
  ...(majorDecisionV2 as unknown as WorkflowDefinition<MajorDecisionV3Context>),
  version: 3,
  machine: majorDecisionV3Machine,
  events: MAJOR_DECISION_V3_EVENTS,
  rules: majorDecisionV3Rules as unknown as Record<string, RuleDefinition<MajorDecisionV3Context>>,
  migrations: [
    sameStatesMigration<MajorDecisionV2Context, MajorDecisionV3Context>(majorDecisionV2.machine, 2, REASON, (c) => c as unknown as MajorDecisionV3Context),
    sameStatesMigration<MajorDecisionContext, MajorDecisionV3Context>(majorDecisionV1.machine, 1, REASON, (c) => MAJOR_DECISION_V1_TO_V2.context!(c) as unknown as MajorDecisionV3Context),
  ],
};
