/**
 * The normative-document workflow, version 3 (issue 13): version 2 plus the comment docket — the
 * close seals every comment received (count and RFC 6962 root, `commentSeal`), the participation
 * summary is computed from the docket (`participationSummary`) and refused while any comment is
 * unanswered (COMMENTS_UNDISPOSED, OBE Art. 62). SUBMIT_PARTICIPATION_SUMMARY carries no counts.
 *
 * v1 and v2 stay registered: their cases replay on them. A running case moves to v3 by
 * MIGRATE_WORKFLOW (same states, same context).
 */
import type { EventMeta, RuleDefinition, WorkflowDefinition } from '@app/engine';
import { SEAL_FACT, SUMMARY_FACT } from '../../common/comment-docket';
import { sameStatesMigration } from '../../common/same-states-migration';
import { normativeDocumentV1 } from '../v1/normative-document.definition';
import { normativeDocumentV2 } from '../v2/normative-document.v2.definition';
import { NORMATIVE_DOCUMENT_V3_EVENT_RULES, normativeDocumentV3Machine, normativeDocumentV3Rules, type NormativeDocumentV3Context } from './normative-document.v3.machine';
import { SubmitParticipationSummaryV3Payload } from './normative-document.v3.payloads';

const V2_EVENTS = normativeDocumentV2.events;

export const NORMATIVE_DOCUMENT_V3_EVENTS: Record<string, EventMeta> = {
  ...V2_EVENTS,
  CLOSE_COMMENT_PERIOD: { ...V2_EVENTS.CLOSE_COMMENT_PERIOD, rules: [...NORMATIVE_DOCUMENT_V3_EVENT_RULES.CLOSE_COMMENT_PERIOD], facts: { ...V2_EVENTS.CLOSE_COMMENT_PERIOD.facts, commentSeal: SEAL_FACT } },
  SUBMIT_PARTICIPATION_SUMMARY: {
    ...V2_EVENTS.SUBMIT_PARTICIPATION_SUMMARY,
    payload: SubmitParticipationSummaryV3Payload,
    rules: [...NORMATIVE_DOCUMENT_V3_EVENT_RULES.SUBMIT_PARTICIPATION_SUMMARY],
    facts: { ...V2_EVENTS.SUBMIT_PARTICIPATION_SUMMARY.facts, participationSummary: SUMMARY_FACT },
  },
};

const REASON = {
  zh: '新版本：结束征求意见时封存收到的全部意见（数量及默克尔根）；意见研究采纳情况的数量由系统根据意见台账计算，尚有意见未答复的不能报送',
  en: 'New version: the close seals every comment received (count and Merkle root); the participation summary is computed from the comment docket and refused while any comment is unanswered',
};

export const normativeDocumentV3: WorkflowDefinition<NormativeDocumentV3Context> = {
  ...(normativeDocumentV2 as unknown as WorkflowDefinition<NormativeDocumentV3Context>),
  version: 3,
  machine: normativeDocumentV3Machine,
  events: NORMATIVE_DOCUMENT_V3_EVENTS,
  rules: normativeDocumentV3Rules as unknown as Record<string, RuleDefinition<NormativeDocumentV3Context>>,
  migrations: [sameStatesMigration(normativeDocumentV2.machine, 2, REASON), sameStatesMigration(normativeDocumentV1.machine, 1, REASON)],
};
