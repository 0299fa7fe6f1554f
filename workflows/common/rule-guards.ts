/**
 * Each named rule's `check` as an XState guard of the same name, for `setup({ guards })`, so the
 * machine refuses exactly what the engine explains. Like the engine's rule evaluation, a check that
 * throws (a malformed payload) counts as failing instead of crashing the transition. Pure.
 */
export function ruleGuards<R extends Record<string, { check: (args: any) => unknown }>>(rules: R): { [K in keyof R]: R[K]['check'] } {
  const guards: Record<string, (args: unknown) => boolean> = {};
  for (const name of Object.keys(rules)) {
    const check = rules[name].check;
    guards[name] = (args) => {
      try {
        return Boolean(check(args));
      } catch {
        return false;
      }
    };
  }
  return guards as { [K in keyof R]: R[K]['check'] };
}
