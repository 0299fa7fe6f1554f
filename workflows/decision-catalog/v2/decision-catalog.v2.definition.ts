/**
 * The decision-catalog workflow, version 2 (issue 9 §7): an item's undertaking unit (its id, or its
 * exact name) is resolved by the runtime to a unit of the org-units table (fact kind `orgUnit`;
 * unknown → 422 UNKNOWN_ORG_UNIT with the list of units); the item keeps the unit's id (access)
 * and its name (display). Everything else is v1; v1 stays registered, and a v1 catalog may be
 * migrated (its items keep the unit they were given).
 */
import type { EventMeta, RuleDefinition, WorkflowDefinition, WorkflowMigration } from '@app/engine';
import { sameStatesMigration } from '../../common/same-states-migration';
import { DECISION_CATALOG_EVENTS, decisionCatalogV1 } from '../v1/decision-catalog.definition';
import type { DecisionCatalogContext } from '../v1/decision-catalog.machine';
import { decisionCatalogV2Machine, decisionCatalogV2Rules } from './decision-catalog.v2.machine';

const EVENTS: Record<string, EventMeta> = {
  ...DECISION_CATALOG_EVENTS,
  ADD_ITEM: { ...DECISION_CATALOG_EVENTS.ADD_ITEM, facts: { ...DECISION_CATALOG_EVENTS.ADD_ITEM.facts, undertakingUnit: { kind: 'orgUnit', from: { payload: 'item.undertakingUnit' } } } },
  ADJUST_ITEM: { ...DECISION_CATALOG_EVENTS.ADJUST_ITEM, facts: { ...DECISION_CATALOG_EVENTS.ADJUST_ITEM.facts, undertakingUnit: { kind: 'orgUnit', from: { payload: 'changes.undertakingUnit' } } } },
};

/** v1 → v2: the same state, the items as they are (an item without a unit id keeps comparing its typed unit). */
export const DECISION_CATALOG_V1_TO_V2: WorkflowMigration<DecisionCatalogContext, DecisionCatalogContext> = sameStatesMigration(decisionCatalogV1.machine, 1, {
  zh: '目录事项的承办单位按机构登记簿核对，记录其代码（用于权限）和名称（用于显示）；已列入的事项保持原承办单位',
  en: 'Catalog items name their undertaking unit from the org units, by id (access) and name (display); existing items keep their unit',
});

export const decisionCatalogV2: WorkflowDefinition<DecisionCatalogContext> = {
  ...decisionCatalogV1,
  version: 2,
  machine: decisionCatalogV2Machine,
  events: EVENTS,
  rules: decisionCatalogV2Rules as Record<string, RuleDefinition<DecisionCatalogContext>>,
  migrations: [DECISION_CATALOG_V1_TO_V2],
};
