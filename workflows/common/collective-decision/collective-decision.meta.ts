/**
 * The definition side of the collective-deliberation fragment (workflows/common/collective-decision):
 * the labels and stage of the deliberation states and the two meeting events (labels, roles,
 * payload classes), as the workflows with a meeting declare them. Each workflow names its node
 * (`collectiveDecision`, `collectiveDeliberation`, also its stage), the node's label, the events'
 * words (集体讨论决定 / 集体审议) and its RECORD_MEETING payload; what is left here is what they all
 * declare alike: the sub-states' labels, the secretary's role and the SCHEDULE_MEETING payload.
 *
 * Objects are built with their keys in the order the workflows wrote them. Pure: no I/O, no clock.
 */
import type { EventMeta, Label, StateMeta } from '@app/engine';
import { ScheduleMeetingPayload } from './collective-decision.payloads';

type EventEntry = Omit<EventMeta, 'rules'>;

/** The deliberation node `name` (also its stage) with its label, and its sub-states `preparing` and `scheduled`. */
export function collectiveDecisionStateMeta(name: string, label: Label): Record<string, StateMeta> {
  return {
    [name]: { stage: name, label: { zh: label.zh, en: label.en } },
    [`${name}.preparing`]: { stage: name, label: { zh: '待安排会议', en: 'Meeting to be scheduled' } },
    [`${name}.scheduled`]: { stage: name, label: { zh: '已安排会议', en: 'Meeting scheduled' } },
  };
}

/** SCHEDULE_MEETING and RECORD_MEETING, both the secretary's. */
export function collectiveDecisionEvents(events: {
  schedule: { label: Label };
  record: { label: Label; payload: NonNullable<EventMeta['payload']> };
}): Record<'SCHEDULE_MEETING' | 'RECORD_MEETING', EventEntry> {
  return {
    SCHEDULE_MEETING: { label: events.schedule.label, roles: ['secretary'], payload: ScheduleMeetingPayload },
    RECORD_MEETING: { label: events.record.label, roles: ['secretary'], payload: events.record.payload },
  };
}
