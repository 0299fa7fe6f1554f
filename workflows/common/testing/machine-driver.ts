/**
 * Driving a workflow machine in a spec through xstate's pure functions, as every matter workflow's
 * spec did for itself: `begin()` a case from the fixtures' input, `step` an event that must be
 * accepted (it throws, naming the event and state, otherwise), `run` several, and `withContext` for
 * a snapshot in the same state with a changed context (to show defence-in-depth guards).
 *
 * Test code. Imports xstate only at run time; no clock, no randomness.
 */
import { initialTransition, transition, type AnyStateMachine, type ContextFrom, type SnapshotFrom } from 'xstate';
import type { WorkflowEvent, WorkflowInput } from '@app/engine';

export interface MachineDriver<M extends AnyStateMachine> {
  begin(): SnapshotFrom<M>;
  step(s: SnapshotFrom<M>, e: WorkflowEvent): SnapshotFrom<M>;
  run(s: SnapshotFrom<M>, ...events: WorkflowEvent[]): SnapshotFrom<M>;
  withContext(s: SnapshotFrom<M>, patch: (c: ContextFrom<M>) => Partial<ContextFrom<M>>): SnapshotFrom<M>;
}

export function machineDriver<M extends AnyStateMachine>(machine: M, createInput: () => WorkflowInput): MachineDriver<M> {
  type Snap = SnapshotFrom<M>;
  const m = machine as AnyStateMachine;
  const begin = (): Snap => initialTransition(m, createInput())[0] as Snap;
  /** Sends an event that must be accepted (fails loudly otherwise). */
  function step(s: Snap, e: WorkflowEvent): Snap {
    const snap = s as any;
    if (!snap.can(e as never)) throw new Error(`${e.type} refused in ${JSON.stringify(snap.value)}`);
    return transition(m, snap, e as never)[0] as Snap;
  }
  const run = (s: Snap, ...events: WorkflowEvent[]): Snap => events.reduce(step, s);
  function withContext(s: Snap, patch: (c: ContextFrom<M>) => Partial<ContextFrom<M>>): Snap {
    const snap = s as any;
    return m.resolveState({ value: snap.value, context: { ...snap.context, ...patch(snap.context) } }) as Snap;
  }
  return { begin, step, run, withContext };
}
