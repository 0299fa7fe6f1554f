/**
 * The small builders every workflow definition wrote for itself: a state's meta (stage and zh / en
 * label), an event's meta (label, roles, payload class, facts when it declares any), and the event
 * table with each event's rules attached (a `rules` list only where the event has rules). Objects
 * are built with their keys in the order the definitions wrote them. Pure: imports types only; no
 * I/O, no clock.
 */
import type { EventMeta, StateMeta } from '@app/engine';

/** An event's meta before its rules are attached. */
export type EventEntry = Omit<EventMeta, 'rules'>;

/** A state in `stage`, labelled in Chinese and English. */
export const stateMeta = (stage: string, zh: string, en: string): StateMeta => ({ stage, label: { zh, en } });

/** An event, labelled in Chinese and English, for `roles`, with its payload class and (when given) the facts the runtime computes for it. */
export const eventEntry = (zh: string, en: string, roles: EventMeta['roles'], payload: EventMeta['payload'], facts?: EventMeta['facts']): EventEntry => ({
  label: { zh, en },
  roles,
  payload,
  ...(facts ? { facts } : {}),
});

/** The events, in their order, each with its rules (from the machine's `*_EVENT_RULES`) where it has any. */
export function withRules<T extends string>(events: Record<T, EventEntry>, eventRules: { readonly [K in T]: readonly string[] }): Record<T, EventMeta> {
  return Object.fromEntries(
    (Object.keys(events) as T[]).map((type) => {
      const rules: readonly string[] = eventRules[type];
      return [type, rules.length > 0 ? { ...events[type], rules: [...rules] } : events[type]];
    }),
  ) as Record<T, EventMeta>;
}
