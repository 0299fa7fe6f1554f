import type { Effect } from './types';

/** The shape of an action returned by xstate's pure `initialTransition` / `transition`. */
export interface ExecutableActionLike {
  type: string;
  params?: unknown;
}

const plain = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/**
 * Maps the actions returned by xstate's pure transition to effects for the runtime. Pure: nothing
 * is executed.
 * - `xstate.raise` with a `delay` (also `after` transitions) → `schedule`; its `id` is the raise
 *   `id` (`xstate.after.<delay>.<stateId>` for `after`), or the event type when none was given.
 * - `xstate.cancel` → `cancel` (`sendId`).
 * - `xstate.emit` → `emit` named after the emitted event's type, with the event's other fields.
 * - any other non-builtin (named) action → `emit` with its resolved `params` (`{}` when none).
 * Other builtins (`xstate.assign`, `xstate.log`, immediate `xstate.raise`, `xstate.sendTo`, …) and
 * anonymous inline functions produce nothing: a pure machine has no business running them.
 */
export function effectsOf(actions: readonly ExecutableActionLike[]): Effect[] {
  const effects: Effect[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, any>;
    switch (action.type) {
      case 'xstate.raise':
        if (params.delay !== undefined && params.delay !== null) {
          const event = plain(params.event) as { type: string };
          effects.push({ type: 'schedule', id: String(params.id ?? event.type), delay: params.delay, event });
        }
        break;
      case 'xstate.cancel':
        effects.push({ type: 'cancel', id: String(params.sendId) });
        break;
      case 'xstate.emit': {
        const { type, ...rest } = plain(params.event ?? {}) as Record<string, unknown>;
        effects.push({ type: 'emit', name: String(type), params: rest });
        break;
      }
      default:
        if (action.type.startsWith('xstate.') || action.type === '(anonymous)') break;
        effects.push({ type: 'emit', name: action.type, params: plain(params) ?? {} });
    }
  }
  return effects;
}
