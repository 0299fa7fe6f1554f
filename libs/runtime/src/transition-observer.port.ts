/**
 * Told of every transition the runtime decides (a case created, an event, a workflow migration):
 * accepted once its transaction has committed, refused with the refusal's stable code. The metrics
 * plug in here; the runtime works the same without one.
 *
 * `kind` and `event` are the workflow's own names, or `unknown` when the case or the event type
 * does not exist (a caller's text never becomes a label).
 */
export interface TransitionObserver {
  accepted(t: { kind: string; event: string }): void;
  refused(t: { kind: string; event: string; code: string }): void;
}

export const TRANSITION_OBSERVER = Symbol('TRANSITION_OBSERVER');
