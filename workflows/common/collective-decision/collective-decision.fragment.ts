/**
 * The collective-deliberation fragment (集体讨论决定 / 集体审议) the workflows with a meeting share
 * (major decisions, normative documents, major administrative contracts): the meeting records they
 * keep in `context.meetings`, the builders of those records, the routing guards on the meeting's
 * decision and the deliberation state node (preparing → scheduled; re-scheduling keeps every date;
 * RECORD_MEETING routed by the decision).
 *
 * What differs stays with each workflow, explicit at the call site: the node's name
 * (`collectiveDecision`, `collectiveDeliberation`), its guards (rules) and where each decision
 * leads, what else the node accepts (WITHDRAW), the minutes it records (statements and the head's
 * reason, a summary, the reviewer's attendance) and its rules and articles.
 *
 * Every builder returns objects with their keys in the order the workflows wrote them before, so
 * histories replay to the same context (and the same state hashes).
 *
 * PURE: imports types and the shared machine helpers only. No I/O, no clock, no randomness.
 */
import type { MeetingDecision, MeetingType, ScheduleMeetingPayload } from './collective-decision.payloads';
import { lastOf, nonEmpty, payloadOf } from '../machine-helpers';

// ================================================================================================
// Records
// ================================================================================================

/** One (re)scheduling of the meeting (`S` is the workflow's stamp: who, when). */
export type MeetingScheduleOf<S> = S & { meetingType: MeetingType; scheduledAt: string };

/** The meeting of a round: every (re)scheduling, the current one last, and its minutes once held. */
export interface MeetingRecordOf<S, M> {
  round: number;
  schedules: Array<MeetingScheduleOf<S>>;
  minutes: M | null;
}

type AnyMeeting = { round: number; schedules: ReadonlyArray<{ scheduledAt: string }>; minutes: unknown };

/** The meeting of the round that is scheduled and not yet held, if any (the last record). */
export function openMeeting<R extends AnyMeeting>(meetings: readonly R[], round: number): R | undefined {
  const last = lastOf(meetings);
  return last && last.round === round && last.minutes === null ? last : undefined;
}

/**
 * SCHEDULE_MEETING: the context patch that adds the schedule to the open meeting of the round, or
 * opens a new meeting record with it.
 */
export function scheduleMeeting<S extends object, M>(
  meetings: ReadonlyArray<MeetingRecordOf<S, M>>,
  round: number,
  stamp: S,
  event: { payload?: unknown },
): { meetings: Array<MeetingRecordOf<S, M>> } {
  const p = payloadOf<ScheduleMeetingPayload>(event);
  const schedule: MeetingScheduleOf<S> = { ...stamp, meetingType: p.meetingType as MeetingType, scheduledAt: String(p.scheduledAt) };
  const last = lastOf(meetings);
  if (last && last.round === round && last.minutes === null) {
    return { meetings: [...meetings.slice(0, -1), { ...last, schedules: [...last.schedules, schedule] }] };
  }
  return { meetings: [...meetings, { round, schedules: [schedule], minutes: null }] };
}

/**
 * When the meeting was held: the payload's `heldAt`, else the last time `meeting` was scheduled
 * for, else the event's time.
 */
export function meetingHeldAt(heldAt: unknown, meeting: { schedules: ReadonlyArray<{ scheduledAt: string }> } | undefined, at: string): string {
  return nonEmpty(heldAt) ? heldAt : (lastOf(meeting?.schedules ?? [])?.scheduledAt ?? at);
}

/**
 * RECORD_MEETING: the context patch that puts the minutes into the open meeting of the round, or
 * records a meeting that was never scheduled.
 */
export function recordMinutes<S, M>(meetings: ReadonlyArray<MeetingRecordOf<S, M>>, round: number, minutes: M): { meetings: Array<MeetingRecordOf<S, M>> } {
  const open = openMeeting(meetings, round);
  return open
    ? { meetings: [...meetings.slice(0, -1), { ...open, minutes }] }
    : { meetings: [...meetings, { round, schedules: [], minutes }] };
}

// ================================================================================================
// Routing guards (they only choose a target; the rules refuse)
// ================================================================================================

const decisionOf = (event: { payload?: unknown }): unknown => payloadOf<{ decision: MeetingDecision }>(event).decision;

export const meetingApproved = ({ event }: { event: { payload?: unknown } }): boolean => decisionOf(event) === 'APPROVED';
export const meetingRejected = ({ event }: { event: { payload?: unknown } }): boolean => decisionOf(event) === 'REJECTED';
export const meetingPostponed = ({ event }: { event: { payload?: unknown } }): boolean => decisionOf(event) === 'POSTPONED';
export const meetingRevise = ({ event }: { event: { payload?: unknown } }): boolean => decisionOf(event) === 'REVISE';

// ================================================================================================
// The state node
// ================================================================================================

export type CollectiveDecisionEventType = 'SCHEDULE_MEETING' | 'RECORD_MEETING';

/**
 * The deliberation state: `preparing` until the meeting is scheduled, then `scheduled`, where it
 * may be re-scheduled (every earlier date stays in the record) and its minutes recorded. `when` is
 * the workflow's guard for an event (its rules); `on` what the whole node also accepts (e.g.
 * WITHDRAW); `recordMeeting` the workflow's transitions for RECORD_MEETING (where each decision
 * leads). The actions are the workflow's `recordSchedule` (and, in its transitions, `recordMeeting`).
 */
export function collectiveDecisionState<const On, const RecordMeeting>(
  when: (type: CollectiveDecisionEventType) => any,
  on: On,
  recordMeeting: RecordMeeting,
) {
  return {
    initial: 'preparing',
    on,
    states: {
      preparing: {
        on: {
          SCHEDULE_MEETING: { guard: when('SCHEDULE_MEETING'), target: 'scheduled', actions: 'recordSchedule' },
        },
      },
      scheduled: {
        on: {
          // re-scheduling keeps every earlier date in the record
          SCHEDULE_MEETING: { guard: when('SCHEDULE_MEETING'), actions: 'recordSchedule' },
          RECORD_MEETING: recordMeeting,
        },
      },
    },
  } as const;
}
