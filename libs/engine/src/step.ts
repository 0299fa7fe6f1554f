import { initialTransition, transition } from 'xstate';
import type { AnyMachineSnapshot } from 'xstate';
import { effectsOf } from './effects';
import { stateHash } from './hash-chain';
import { acceptsEvent } from './machine-nodes';
import {
  eventNotAllowedInStateRefusal,
  roleNotAllowedRefusal,
  transitionFailedRefusal,
  unknownEventRefusal,
} from './refusals';
import { resolvePersisted, toPlainJson } from './resolve-snapshot';
import { failingRules } from './rule-evaluation';
import { guardUnavailableFacts, unavailableFactRefusal } from './unavailable-facts';
import { leafPaths, shanghaiDate, stateMetaOf, statePaths } from './state-paths';
import type {
  Actor,
  AllowedEvent,
  EventMeta,
  Label,
  PersistedSnapshot,
  Refusal,
  Role,
  StateValue,
  StepOutcome,
  WorkflowDefinition,
  WorkflowEvent,
  WorkflowInput,
} from './types';

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

const refuse = (refusal: Refusal): StepOutcome => ({ ok: false, refusal });

/** The active step as a clerk sees it: first leaf path plus its (nearest) label. */
function currentStep(def: WorkflowDefinition, value: StateValue): { path: string; label: Label } {
  const path = leafPaths(value)[0] ?? '';
  const meta = stateMetaOf(def, value);
  return { path, label: meta?.label ?? { zh: path, en: path } };
}

/** Builds the accepted outcome from xstate's `[snapshot, actions]`; refuses a snapshot xstate marks as failed. */
function accept(def: WorkflowDefinition, eventType: string, label: Label, next: AnyMachineSnapshot, actions: any[]): StepOutcome {
  let snapshot: PersistedSnapshot;
  try {
    // JSON round trip: the caller stores exactly what was hashed (and shares nothing with xstate).
    snapshot = toPlainJson(def.machine.getPersistedSnapshot(next) as unknown as PersistedSnapshot);
  } catch (e) {
    return refuse(transitionFailedRefusal(eventType, label, e));
  }
  if (snapshot.status !== 'active' && snapshot.status !== 'done') {
    const unavailable = unavailableFactRefusal(next.error);
    if (unavailable) return refuse(unavailable);
    return refuse(transitionFailedRefusal(eventType, label, next.error ?? `snapshot status ${snapshot.status}`));
  }
  return {
    ok: true,
    snapshot,
    value: snapshot.value,
    paths: statePaths(snapshot.value),
    status: snapshot.status,
    context: snapshot.context,
    effects: effectsOf(actions),
    stateHash: stateHash(snapshot),
  };
}

/**
 * Creates a case: checks that `input.actor.role` is among `def.create.roles` (403 ROLE_NOT_ALLOWED),
 * evaluates `def.create.rules` (with an empty context; `appliesIn` rules are skipped), then runs
 * xstate's pure `initialTransition(def.machine, input)`.
 *
 * This is a pure function: it reads no clock, performs no effect and does not modify its arguments;
 * the returned `effects` are for the runtime to perform after it has committed the snapshot.
 */
export function startCase(def: WorkflowDefinition, input: WorkflowInput): StepOutcome {
  const create = def.create;
  const role = input?.actor?.role;
  if (!create.roles.includes(role as Role)) {
    return refuse(roleNotAllowedRefusal(create.type, create.label, role, create.roles));
  }
  let plainInput: WorkflowInput;
  try {
    plainInput = toPlainJson(input);
  } catch (e) {
    return refuse(transitionFailedRefusal(create.type, create.label, e));
  }
  plainInput = guardUnavailableFacts(plainInput);
  const event: WorkflowEvent = { type: create.type, ...plainInput };
  const [refusal] = failingRules(def, create.rules, {}, event, [], { firstOnly: true });
  if (refusal) return refuse(refusal);
  try {
    const [snapshot, actions] = initialTransition(def.machine, plainInput);
    return accept(def, create.type, create.label, snapshot, actions);
  } catch (e) {
    return refuse(unavailableFactRefusal(e) ?? transitionFailedRefusal(create.type, create.label, e));
  }
}

/**
 * Applies an event to a case. Checks, in order:
 * 1. the type is one of `def.events` — else 400 UNKNOWN_EVENT;
 * 2. `event.actor.role` is among the event's roles — else 403 ROLE_NOT_ALLOWED;
 * 3. an active state node (or an ancestor) has a transition for the type — else 409 EVENT_NOT_ALLOWED_IN_STATE;
 * 4. the event's named rules, in order, skipping those whose `appliesIn` names no active path —
 *    the first failing rule's refusal (422 unless the rule says otherwise, with its `article`);
 *    a rule that throws fails;
 * 5. `snapshot.can(event)` — a guard without a named rule refuses with 409 EVENT_NOT_ALLOWED_IN_STATE;
 * then xstate's pure `transition`. A machine that throws (e.g. an `assign` reading a missing
 * payload field) yields 422 TRANSITION_FAILED instead of an exception.
 *
 * This is a pure function: no clock, no effect, the arguments are not modified (the persisted
 * snapshot and the event are deep-copied first). Throws `InvalidSnapshotError` if `persisted` does
 * not fit the machine — a data fault, not a refusal.
 */
export function stepCase(def: WorkflowDefinition, persisted: unknown, event: WorkflowEvent): StepOutcome {
  const snapshot = resolvePersisted(def.machine, persisted);
  const type = event?.type;
  const meta: EventMeta | undefined = typeof type === 'string' ? own(def.events, type) : undefined;
  if (!meta) return refuse(unknownEventRefusal(String(type)));

  const role = event.actor?.role;
  if (!meta.roles.includes(role as Role)) return refuse(roleNotAllowedRefusal(type, meta.label, role, meta.roles));

  const value = snapshot.value as StateValue;
  if (snapshot.status !== 'active' || !acceptsEvent(def.machine, value, type)) {
    // A failing precondition (a rule that reads only the case) says *why* better than the state
    // does: SCHEDULE_MEETING while revisions are pending is refused with R713 Art. 25, not a bare 409.
    if (snapshot.status === 'active') {
      const [pre] = failingRules(def, meta.rules, snapshot.context, event, statePaths(value), {
        firstOnly: true,
        preconditionsOnly: true,
      });
      if (pre) return refuse(pre);
    }
    return refuse(eventNotAllowedInStateRefusal(type, meta.label, currentStep(def, value)));
  }

  let plainEvent: WorkflowEvent;
  try {
    plainEvent = guardUnavailableFacts(toPlainJson(event));
  } catch (e) {
    return refuse(transitionFailedRefusal(type, meta.label, e));
  }
  const paths = statePaths(value);
  const [refusal] = failingRules(def, meta.rules, snapshot.context, plainEvent, paths, { firstOnly: true });
  if (refusal) return refuse(refusal);

  try {
    if (!snapshot.can(plainEvent)) {
      return refuse(eventNotAllowedInStateRefusal(type, meta.label, currentStep(def, value), 'GUARD'));
    }
    const [next, actions] = transition(def.machine, snapshot, plainEvent);
    return accept(def, type, meta.label, next, actions);
  } catch (e) {
    return refuse(unavailableFactRefusal(e) ?? transitionFailedRefusal(type, meta.label, e));
  }
}

/**
 * The events an actor holding any of `roles` may send now, in definition order: those some active
 * state node accepts (guards are not evaluated, since they may depend on the payload) and whose roles
 * intersect `roles`. `blockedBy` lists the failing `precondition: true` rules, evaluated against the
 * context with a probe event (`payload: {}`, `facts: {}`; `actor`, `at` and `today` from `probe`
 * when given, `today` derived from `at` otherwise). A finished case allows nothing.
 *
 * This is a pure function: no clock, no effect, the arguments are not modified.
 */
export function allowedEvents(
  def: WorkflowDefinition,
  persisted: unknown,
  roles: readonly Role[],
  probe: { actor?: Actor; at?: string; today?: string } = {},
): AllowedEvent[] {
  const snapshot = resolvePersisted(def.machine, persisted);
  if (snapshot.status !== 'active') return [];
  const value = snapshot.value as StateValue;
  const paths = statePaths(value);
  const today = probe.today ?? (probe.at ? shanghaiDate(probe.at) : '');
  const result: AllowedEvent[] = [];
  for (const [type, meta] of Object.entries(def.events)) {
    const asRole = meta.roles.find((r) => roles.includes(r));
    if (!asRole || !acceptsEvent(def.machine, value, type)) continue;
    const dummy: WorkflowEvent = {
      type,
      payload: {},
      actor: probe.actor ?? { userId: '', role: asRole, orgUnit: '' },
      at: probe.at ?? '',
      today,
      facts: {},
    };
    const blockedBy = failingRules(def, meta.rules, snapshot.context, dummy, paths, { preconditionsOnly: true });
    result.push({ type, label: meta.label, roles: [...meta.roles], blockedBy });
  }
  return result;
}
