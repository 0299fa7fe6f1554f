/**
 * The decision-catalog machine, version 2 (issue 9 §7): an item's undertaking unit is the org unit
 * the runtime resolved (`facts.undertakingUnit`, fact kind `orgUnit`) — the item keeps its id
 * (`undertakingUnitId`, what "only the item's undertaking unit may propose it" compares) and its
 * name (`undertakingUnit`, for display). Otherwise the states, rules and actions of v1.
 */
import { assign } from 'xstate';
import type { OrgUnitRecord, RuleDefinition } from '@app/engine';
import { ruleGuards } from '../../common/rule-guards';
import {
  catalogActionBodies,
  type DecisionCatalogContext,
  type DecisionCatalogEvent,
  decisionCatalogRules,
  decisionCatalogV1Machine,
} from '../v1/decision-catalog.machine';

type ActionArgs = { context: DecisionCatalogContext; event: DecisionCatalogEvent };

const resolvedUnit = (event: DecisionCatalogEvent): OrgUnitRecord | undefined =>
  (event.facts as Record<string, unknown> | undefined)?.undertakingUnit as OrgUnitRecord | undefined;

/**
 * The event as v1's actions and rules should read it: the unit the payload names (`item` of
 * ADD_ITEM, `changes` of ADJUST_ITEM) replaced by the resolved unit's name and id. Pure.
 */
export function withResolvedUnit(event: DecisionCatalogEvent, field: 'item' | 'changes'): DecisionCatalogEvent {
  const unit = resolvedUnit(event);
  const payload = (event.payload ?? {}) as Record<string, unknown>;
  const part = payload[field];
  if (!unit || !part || typeof part !== 'object') return event;
  return { ...event, payload: { ...payload, [field]: { ...part, undertakingUnit: unit.nameZh, undertakingUnitId: unit.id } } } as DecisionCatalogEvent;
}

const record = (fn: (args: ActionArgs) => Partial<DecisionCatalogContext>) =>
  assign<DecisionCatalogContext, DecisionCatalogEvent, undefined, DecisionCatalogEvent, never>(fn);

const actions = {
  addItem: record(({ context, event }) => catalogActionBodies.addItem({ context, event: withResolvedUnit(event, 'item') })),
  adjustItem: record(({ context, event }) => catalogActionBodies.adjustItem({ context, event: withResolvedUnit(event, 'changes') })),
};

const v1Adjustment = decisionCatalogRules.adjustmentChangesSomething;

/** v1's rules; an adjustment is compared with the item after the named unit is resolved (naming the same unit by id or name changes nothing). */
export const decisionCatalogV2Rules = {
  ...decisionCatalogRules,
  adjustmentChangesSomething: {
    ...v1Adjustment,
    check: ({ context, event }) => v1Adjustment.check({ context, event: withResolvedUnit(event as DecisionCatalogEvent, 'changes') }),
  } satisfies RuleDefinition<DecisionCatalogContext>,
};

export const decisionCatalogV2Machine = decisionCatalogV1Machine.provide({
  actions,
  guards: { adjustmentChangesSomething: ruleGuards({ adjustmentChangesSomething: decisionCatalogV2Rules.adjustmentChangesSomething }).adjustmentChangesSomething },
});
