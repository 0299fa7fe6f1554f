import { ENGINE_REFUSAL_CODES, ROLE_LABELS } from './types';
import type { Label, Refusal, Role } from './types';

/**
 * Builders of the refusals the engine itself produces. Pure. Messages are written for a clerk:
 * they name the step and the operation in the definition's own labels.
 */

const roleLabel = (role: string): Label => ROLE_LABELS[role as Role] ?? { zh: role, en: role };

/** 400: the definition has no such event. */
export function unknownEventRefusal(type: string): Refusal {
  return {
    code: ENGINE_REFUSAL_CODES.UNKNOWN_EVENT,
    status: 400,
    zh: `未知的操作“${type}”`,
    en: `Unknown event "${type}"`,
    details: { event: type },
  };
}

/** 403: the actor's role is not among the roles that may send the event. */
export function roleNotAllowedRefusal(type: string, event: Label, role: string, allowed: readonly Role[]): Refusal {
  const r = roleLabel(role);
  return {
    code: ENGINE_REFUSAL_CODES.ROLE_NOT_ALLOWED,
    status: 403,
    zh: `“${r.zh}”无权执行“${event.zh}”操作，该操作限${allowed.map((a) => `“${roleLabel(a).zh}”`).join('、')}执行`,
    en: `The role "${r.en}" may not perform "${event.en}"; allowed: ${allowed.map((a) => roleLabel(a).en).join(', ')}`,
    details: { event: type, role, allowedRoles: [...allowed] },
  };
}

/** 409: no active state accepts the event, or a guard without a named rule refused it. */
export function eventNotAllowedInStateRefusal(
  type: string,
  event: Label,
  state: { path: string; label: Label },
  reason: 'STATE' | 'GUARD' = 'STATE',
): Refusal {
  return {
    code: ENGINE_REFUSAL_CODES.EVENT_NOT_ALLOWED_IN_STATE,
    status: 409,
    zh:
      reason === 'STATE'
        ? `当前环节（${state.label.zh}）不能执行“${event.zh}”操作`
        : `当前环节（${state.label.zh}）暂不满足执行“${event.zh}”操作的条件`,
    en:
      reason === 'STATE'
        ? `"${event.en}" is not possible in the current step (${state.label.en})`
        : `The conditions for "${event.en}" are not met in the current step (${state.label.en})`,
    details: { state: state.path, event: type, reason },
  };
}

/** 422: the machine threw while computing the transition (typically a payload it cannot read). */
export function transitionFailedRefusal(type: string, event: Label, error: unknown): Refusal {
  return {
    code: ENGINE_REFUSAL_CODES.TRANSITION_FAILED,
    status: 422,
    zh: `无法处理“${event.zh}”操作：提交的数据不完整或格式不正确`,
    en: `"${event.en}" could not be processed: the submitted data is incomplete or malformed`,
    details: { event: type, error: error instanceof Error ? error.message : String(error) },
  };
}
