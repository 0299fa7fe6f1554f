import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { InvalidSnapshotError } from './engine.errors';
import type { PersistedSnapshot } from './types';

/**
 * A deep, plain-JSON copy of `value` (what a database round trip yields). Pure. Used so that the
 * engine never shares (and a machine can never mutate) the caller's objects.
 */
export function toPlainJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Rebuilds a machine snapshot from a persisted one with `machine.resolveState`. The persisted
 * value is first deep-copied, so the caller's object is never mutated.
 *
 * Why not plain `resolveState(persisted)`: it passes `historyValue` through as-is, but the persisted
 * form holds `{ id }` references, not state nodes, and xstate crashes entering a history state
 * (`stateNodeToEnter.entry is not iterable`, xstate 5.33). We revive them with the public
 * `machine.getStateNodeById`. Pure; throws `InvalidSnapshotError` on a snapshot that does not fit.
 */
export function resolvePersisted(machine: AnyStateMachine, persisted: unknown): AnyMachineSnapshot {
  if (!persisted || typeof persisted !== 'object' || !('value' in persisted)) {
    throw new InvalidSnapshotError('not an object with a `value`');
  }
  let plain: PersistedSnapshot;
  try {
    plain = toPlainJson(persisted as PersistedSnapshot);
  } catch (e) {
    throw new InvalidSnapshotError(`not JSON: ${(e as Error).message}`);
  }
  try {
    const historyValue: Record<string, unknown[]> = {};
    for (const [key, refs] of Object.entries(plain.historyValue ?? {})) {
      historyValue[key] = (refs ?? []).map((ref) => machine.getStateNodeById(ref.id));
    }
    return machine.resolveState({
      value: plain.value,
      context: plain.context ?? {},
      status: plain.status as any,
      output: plain.output,
      error: plain.error,
      historyValue,
    } as any);
  } catch (e) {
    throw new InvalidSnapshotError((e as Error).message);
  }
}
