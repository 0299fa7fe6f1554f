/**
 * Small pure helpers the workflow machines share: reading a payload defensively, and the list and
 * value shapes their records use. No imports, no clock, no randomness.
 */

/** The event's payload as an object (an absent or non-object payload reads as `{}`). */
export function payloadOf<T>(event: { payload?: unknown }): Partial<T> {
  const p = event.payload;
  return p !== null && typeof p === 'object' ? (p as Partial<T>) : {};
}

export const nonEmpty = (s: unknown): s is string => typeof s === 'string' && s.trim().length > 0;
export const isDay = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
export const strings = (xs: unknown): string[] => (Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string') : []);
export const orNull = <T>(v: T | undefined | null): T | null => (v === undefined ? null : v);
export const lastOf = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];
export const ofRound = <T extends { round: number }>(xs: readonly T[], round: number): T[] => xs.filter((x) => x.round === round);
