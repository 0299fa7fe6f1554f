/**
 * The guard of a transition as every machine writes it: the event's rules (its `*_EVENT_RULES`
 * entry) in order, then the routing guards that choose among its targets. No guard is
 * `undefined`, one guard its name, several `and([...])` of their names in that order, so the
 * machine refuses exactly what the engine explains. Pure: imports xstate only; no clock.
 */
import { and } from 'xstate';

/** The guard of one transition: `rules`, then `routing`. */
export function guardOf(rules: readonly string[], routing: readonly string[] = []): any {
  const names = [...rules, ...routing];
  if (names.length === 0) return undefined;
  if (names.length === 1) return names[0];
  return and(names as any);
}

/**
 * A machine's `when(type, ...routing)`: the guard of a transition taken on event `type` (its rules
 * from `eventRules`), then the routing guards named.
 */
export function whenOf<T extends string, G extends string>(eventRules: { readonly [K in T]: readonly G[] }): (type: T, ...routing: G[]) => any {
  return (type, ...routing) => guardOf(eventRules[type], routing);
}
