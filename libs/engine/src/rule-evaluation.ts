import { InvalidWorkflowDefinitionError } from './engine.errors';
import type { Refusal, WorkflowDefinition, WorkflowEvent } from './types';
import { unavailableFactRefusal } from './unavailable-facts';

/**
 * Runs a rule's `check` defensively: a rule that throws (e.g. on a payload missing a field) counts
 * as failing, so a bad payload can never crash the engine. Truthiness matches XState guard semantics.
 * Pure as long as the rule is (definitions must be).
 */
export function rulePasses(check: (args: { context: any; event: WorkflowEvent }) => boolean, context: unknown, event: WorkflowEvent): boolean {
  try {
    return Boolean(check({ context, event }));
  } catch {
    return false;
  }
}

/**
 * The refusal a failing rule answers with: the rule's own, status 422 unless it says otherwise;
 * `details.field` names the payload field that carries the missing record when the rule declares it.
 */
export function ruleRefusal(name: string, refusal: Refusal, eventType: string, field?: string): Refusal {
  return {
    ...refusal,
    status: refusal.status ?? 422,
    details: { ...(refusal.details ?? {}), rule: name, event: eventType, ...(field ? { field } : {}) },
  };
}

/**
 * Evaluates the named rules of an event in order and returns the refusals of the failing ones.
 * A rule whose `appliesIn` names none of the active `paths` is skipped. With `preconditionsOnly`
 * only rules marked `precondition: true` are evaluated. With `firstOnly` evaluation stops at the
 * first failure. A rule that reads an unavailable fact (`guardUnavailableFacts`) answers with that
 * fact's refusal instead of its own. Pure. Throws `InvalidWorkflowDefinitionError` for a rule name the definition lacks.
 */
export function failingRules(
  def: WorkflowDefinition,
  ruleNames: readonly string[] | undefined,
  context: unknown,
  event: WorkflowEvent,
  paths: readonly string[],
  options: { preconditionsOnly?: boolean; firstOnly?: boolean } = {},
): Refusal[] {
  const refusals: Refusal[] = [];
  for (const name of ruleNames ?? []) {
    const rule = Object.prototype.hasOwnProperty.call(def.rules, name) ? def.rules[name] : undefined;
    if (!rule) {
      throw new InvalidWorkflowDefinitionError(def.kind, def.version, [`event ${event.type} names unknown rule "${name}"`]);
    }
    if (options.preconditionsOnly && !rule.precondition) continue;
    if (rule.appliesIn && !rule.appliesIn.some((p) => paths.includes(p))) continue;
    let passes: boolean;
    try {
      passes = Boolean(rule.check({ context, event }));
    } catch (e) {
      // a rule that needs a fact the runtime could not compute refuses with that fact's refusal
      const unavailable = unavailableFactRefusal(e);
      if (unavailable) {
        refusals.push({ ...unavailable, status: unavailable.status ?? 422, details: { ...(unavailable.details ?? {}), rule: name, event: event.type } });
        if (options.firstOnly) break;
        continue;
      }
      passes = false;
    }
    if (!passes) {
      refusals.push(ruleRefusal(name, rule.refusal, event.type, rule.field));
      if (options.firstOnly) break;
    }
  }
  return refusals;
}
