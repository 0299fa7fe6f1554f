/**
 * The enforcement-decision workflow, version 2 (issue 9 §13, §14 b): version 1's states, events and
 * deadline; the proposed decision states whether the violation is serious, and a penalty for a
 * complex case or a serious violation is decided collectively (policies E7–E8); the reviewer's
 * qualification is required for the configured decision types, penalties by default (E9). Running v1 cases
 * move to v2 by an administrator's migration, to the same state, their drafts not serious.
 */
import type { EventMeta, RuleDefinition, WorkflowDefinition } from '@app/engine';
import { withRules } from '../../common/definition-helpers';
import { sameStatesMigration } from '../../common/same-states-migration';
import {
  ENFORCEMENT_DECISION_EVENTS,
  type EnforcementDecisionContext,
  type EnforcementDecisionEventType,
  enforcementDecisionV1,
  enforcementDecisionV1Machine,
} from '../v1';
import { ENFORCEMENT_DECISION_V2_EVENT_RULES, enforcementDecisionV2Machine, enforcementDecisionV2Rules, REVIEWER_QUALIFICATION_TYPES } from './enforcement-decision.machine';
import * as P from './enforcement-decision.payloads';

/** What v2 changes in v1's events (policies E8, E9). */
const CHANGED: Partial<Record<EnforcementDecisionEventType, Partial<EventMeta>>> = {
  SUBMIT_DRAFT: { payload: P.SubmitDraftPayload },
  ISSUE_REVIEW_OPINION: {
    facts: {
      ...ENFORCEMENT_DECISION_EVENTS.ISSUE_REVIEW_OPINION.facts,
      // APL Art. 58 ¶2: the decision types whose first-time reviewers need the qualification (configuration, kept in the history)
      qualificationDecisionTypes: { kind: 'text', text: REVIEWER_QUALIFICATION_TYPES, listOf: P.DECISION_TYPES },
    },
  },
};

/** v1's events without their rules (v2 attaches its own), with v2's changes. */
const EVENTS = Object.fromEntries(
  Object.entries(ENFORCEMENT_DECISION_EVENTS).map(([type, { rules: _rules, ...meta }]) => [type, { ...meta, ...CHANGED[type as EnforcementDecisionEventType] }]),
) as Record<EnforcementDecisionEventType, Omit<EventMeta, 'rules'>>;

export const ENFORCEMENT_DECISION_V2_EVENTS: Record<EnforcementDecisionEventType, EventMeta> = withRules(EVENTS, ENFORCEMENT_DECISION_V2_EVENT_RULES);

export const enforcementDecisionV2: WorkflowDefinition<EnforcementDecisionContext> = {
  ...enforcementDecisionV1,
  version: 2,
  machine: enforcementDecisionV2Machine,
  events: ENFORCEMENT_DECISION_V2_EVENTS,
  rules: enforcementDecisionV2Rules as Record<string, RuleDefinition<EnforcementDecisionContext>>,
  migrations: [
    sameStatesMigration<EnforcementDecisionContext>(
      enforcementDecisionV1Machine,
      1,
      {
        zh: '对情节复杂或者重大违法行为给予行政处罚，应当由行政机关负责人集体讨论决定（《中华人民共和国行政处罚法》第五十七条第二款）；拟作出的决定载明是否属于重大违法行为',
        en: 'A penalty for a complex case or a serious violation is decided collectively by the heads of the organ (Administrative Penalty Law Art. 57 ¶2); the proposed decision states whether the violation is serious',
      },
      (c) => ({ ...c, drafts: c.drafts.map((d) => ({ ...d, seriousViolation: false })) }),
    ),
  ],
};
