/**
 * Who did a step and when: the stamp every workflow record starts with (`by`, then `at`), and its
 * builder from an event or a case's input. The actor is copied field by field (userId, role,
 * orgUnit, in that order), so records hold exactly these keys and histories replay to the same
 * context (and the same state hashes). Pure: imports types only; no I/O, no clock, no randomness.
 */
import type { Actor } from '@app/engine';

export interface Stamp {
  by: Actor;
  at: string;
}

/** The stamp of an event (or a case's input): its actor and its `at`. */
export function stamp(event: { actor: Actor; at: string }): Stamp {
  return { by: { userId: event.actor.userId, role: event.actor.role, orgUnit: event.actor.orgUnit }, at: event.at };
}
