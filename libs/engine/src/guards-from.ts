import type { RuleDefinition, WorkflowEvent } from './types';
import { FactUnavailableError } from './unavailable-facts';

/** An XState guard predicate built from a rule. */
export type RuleGuard<C = any> = (args: { context: C; event: any }) => boolean;

type ContextOf<R> = R extends RuleDefinition<infer C> ? C : never;

/**
 * Turns a definition's named rules into XState guards for `setup({ guards: guardsFrom(rules) })`,
 * so the machine refuses exactly what the engine explains. A throwing `check` yields `false`, as
 * in the engine. Pure.
 */
export function guardsFrom<R extends Record<string, RuleDefinition<any>>>(rules: R): { [K in keyof R]: RuleGuard<ContextOf<R[K]>> } {
  const guards: Record<string, RuleGuard> = {};
  for (const [name, rule] of Object.entries(rules)) {
    guards[name] = ({ context, event }) => {
      try {
        return Boolean(rule.check({ context, event: event as WorkflowEvent }));
      } catch (e) {
        // a fact the runtime could not compute: the step refuses with its refusal
        if (e instanceof FactUnavailableError) throw e;
        return false;
      }
    };
  }
  return guards as { [K in keyof R]: RuleGuard<ContextOf<R[K]>> };
}
