import type { Refusal } from './types';

/**
 * A fact the runtime could not compute for this event (e.g. a period touching a year without
 * holiday data) was read by a rule or an action. The event is refused with the fact's own refusal
 * — only when something that applies actually needs the fact; an event none of whose applying
 * rules reads it goes through.
 */
export class FactUnavailableError extends Error {
  constructor(
    readonly fact: string,
    readonly refusal: Refusal,
  ) {
    super(`fact ${fact} is unavailable: ${refusal.en}`);
    this.name = 'FactUnavailableError';
  }
}

interface WithFacts {
  facts: Record<string, unknown>;
  unavailableFacts?: Record<string, Refusal>;
}

/**
 * The event (or creation input) whose `facts` throw `FactUnavailableError` when one of its
 * `unavailableFacts` is read. Without unavailable facts the event itself. Pure: the event is not
 * modified; the returned facts hold the same values (and serialise without the unavailable ones).
 */
export function guardUnavailableFacts<E extends WithFacts>(event: E): E {
  const missing = event.unavailableFacts;
  if (!missing || !Object.keys(missing).length) return event;
  const has = (key: string) => Object.prototype.hasOwnProperty.call(missing, key);
  const facts = new Proxy(event.facts ?? {}, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !Object.prototype.hasOwnProperty.call(target, key) && has(key)) throw new FactUnavailableError(key, missing[key]);
      return Reflect.get(target, key, receiver);
    },
  });
  return { ...event, facts };
}

/** The refusal carried by an unavailable fact's error (also when xstate wraps it), else null. */
export function unavailableFactRefusal(e: unknown): Refusal | null {
  for (let cur: unknown = e, depth = 0; cur && depth < 5; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (cur instanceof FactUnavailableError) return cur.refusal;
  }
  return null;
}
