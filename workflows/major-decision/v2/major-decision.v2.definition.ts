/**
 * The major-decision workflow, version 2 (issue 9 §7): DECIDE_TO_START's `undertakingUnit` (a unit's
 * id, or its exact name) is resolved by the runtime to a unit of the org-units table (fact kind
 * `orgUnit`; unknown → 422 UNKNOWN_ORG_UNIT with the list of units). The case stores the unit's id
 * as its unit (access compares ids) and keeps the name for display. Everything else is v1.
 *
 * v1 stays registered: its cases replay on v1 and may be migrated (an administrator's
 * MIGRATE_WORKFLOW), keeping the unit v1 gave them (v1 used the typed text as the unit's id).
 */
import type { EventMeta, WorkflowDefinition, WorkflowMigration } from '@app/engine';
import { sameStatesMigration } from '../../common/same-states-migration';
import { MAJOR_DECISION_EVENTS, majorDecisionV1 } from '../v1/major-decision.definition';
import type { MajorDecisionContext } from '../v1/major-decision.machine';
import { majorDecisionV2Machine, type MajorDecisionV2Context, type StartRecordV2 } from './major-decision.v2.machine';

/** The facts of v2's start decision: the undertaking unit as a unit record. */
export const MAJOR_DECISION_V2_START_FACTS = {
  undertakingUnit: { kind: 'orgUnit', from: { payload: 'undertakingUnit' } },
} as const satisfies EventMeta['facts'];

const MAJOR_DECISION_V2_EVENTS: Record<string, EventMeta> = {
  ...MAJOR_DECISION_EVENTS,
  DECIDE_TO_START: { ...MAJOR_DECISION_EVENTS.DECIDE_TO_START, facts: { ...MAJOR_DECISION_EVENTS.DECIDE_TO_START.facts, ...MAJOR_DECISION_V2_START_FACTS } },
};

/** v1 → v2: every state stays where it is; a start decision keeps the unit v1 gave the case (as its id). */
export const MAJOR_DECISION_V1_TO_V2: WorkflowMigration<MajorDecisionContext, MajorDecisionV2Context> = sameStatesMigration(
  majorDecisionV1.machine,
  1,
  {
    zh: '决策承办单位按机构登记簿核对：案件记录承办单位的代码（用于权限）和名称（用于显示）；原案件的承办单位保持不变',
    en: 'The undertaking unit is checked against the org units: the case records its id (for access) and its name (for display); a migrated case keeps its unit',
  },
  (ctx: MajorDecisionContext): MajorDecisionV2Context => ({
    ...ctx,
    start: ctx.start ? ({ ...ctx.start, undertakingUnitId: ctx.start.undertakingUnit } satisfies StartRecordV2) : null,
  }),
);

export const majorDecisionV2: WorkflowDefinition<MajorDecisionV2Context> = {
  ...(majorDecisionV1 as unknown as WorkflowDefinition<MajorDecisionV2Context>),
  version: 2,
  machine: majorDecisionV2Machine,
  events: MAJOR_DECISION_V2_EVENTS,
  orgUnits: (ctx) => (ctx.start ? [ctx.start.undertakingUnitId ?? ctx.start.undertakingUnit] : []),
  migrations: [MAJOR_DECISION_V1_TO_V2],
};
