/**
 * Who did a step and when: the stamp every workflow record starts with (`by`, then `at`), and its
 * builder from an event or a case's input. The actor is copied field by field (userId, role,
 * orgUnit, in that order), so records hold exactly these keys and histories replay to the same
 * context (and the same state hashes). Also the withdrawal record every workflow keeps (the stamp,
 * the round where the workflow counts rounds, the reason). Pure: imports types and the shared
 * machine helpers only; no I/O, no clock, no randomness.
 */
import type { Actor } from '@app/engine';
import { payloadOf } from './machine-helpers';

export interface Stamp {
  by: Actor;
  at: string;
}

/** The stamp of an event (or a case's input): its actor and its `at`. */
export function stamp(event: { actor: Actor; at: string }): Stamp {
  return { by: { userId: event.actor.userId, role: event.actor.role, orgUnit: event.actor.orgUnit }, at: event.at };
}

/** WITHDRAW: who withdrew the case, when, and why. */
export type WithdrawalRecordOf<S> = S & { reason: string };
/** WITHDRAW in a workflow that counts rounds: who, when, in which round, and why. */
export type RoundWithdrawalRecordOf<S> = S & { round: number; reason: string };

const reasonOf = (event: { payload?: unknown }): string => String(payloadOf<{ reason: string }>(event).reason ?? '');

/** The withdrawal record (keys: the stamp's, then `reason`). */
export function withdrawal<S extends object>(stamp: S, event: { payload?: unknown }): WithdrawalRecordOf<S> {
  return { ...stamp, reason: reasonOf(event) };
}

/** The withdrawal record of a round (keys: the stamp's, then `round`, `reason`). */
export function roundWithdrawal<S extends object>(stamp: S, round: number, event: { payload?: unknown }): RoundWithdrawalRecordOf<S> {
  return { ...stamp, round, reason: reasonOf(event) };
}
