import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsString, MaxLength, validateSync } from 'class-validator';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  collectiveDecisionState,
  meetingApproved,
  meetingHeldAt,
  meetingPostponed,
  meetingRejected,
  meetingRevise,
  openMeeting,
  recordMinutes,
  scheduleMeeting,
  type MeetingRecordOf,
} from './collective-decision.fragment';
import { collectiveDecisionEvents, collectiveDecisionStateMeta } from './collective-decision.meta';
import {
  MEETING_DECISIONS,
  MEETING_TYPES,
  MeetingAttendees,
  MeetingDecisionOf,
  MeetingHeldAt,
  MinutesHash,
  ScheduleMeetingPayload,
} from './collective-decision.payloads';

type S = { by: { userId: string; role: string; orgUnit: string }; at: string };
type M = { heldAt: string; decision: string };
const stamp = (at: string): S => ({ by: { userId: 'u-secretary', role: 'secretary', orgUnit: '党政办' }, at });
const schedule = (meetingType: string, scheduledAt: string) => ({ payload: { meetingType, scheduledAt } });
const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function stripComments(file: string): string {
  return readFileSync(join(__dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}
const runtimeImports = (code: string) =>
  [...code.matchAll(/^import\s+(?!type\b)(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1]);

describe('collective-decision fragment', () => {
  it('is pure: the machine side imports types and the shared pure helpers only, the payloads only the decorator libraries and common helpers; no clock, no randomness', () => {
    const fragment = stripComments('collective-decision.fragment.ts');
    expect(runtimeImports(fragment)).toEqual(['../machine-helpers']);
    const payloads = stripComments('collective-decision.payloads.ts');
    expect(runtimeImports(payloads)).toEqual(['reflect-metadata', 'class-validator', '../payload-validators', '../legality-review/legality-review.payloads']);
    const meta = stripComments('collective-decision.meta.ts');
    expect(runtimeImports(meta)).toEqual(['./collective-decision.payloads']);
    for (const code of [fragment, payloads, meta]) expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });

  it('keeps every (re)scheduling of the round in one record, keys in the order the workflows wrote them', () => {
    let meetings: Array<MeetingRecordOf<S, M>> = [];
    meetings = scheduleMeeting(meetings, 1, stamp('t1'), schedule('STANDING_MEETING', '2026-03-05T01:00:00Z')).meetings;
    meetings = scheduleMeeting(meetings, 1, stamp('t2'), schedule('PLENARY_MEETING', '2026-03-06T01:00:00Z')).meetings;
    expect(meetings).toEqual([
      {
        round: 1,
        schedules: [
          { ...stamp('t1'), meetingType: 'STANDING_MEETING', scheduledAt: '2026-03-05T01:00:00Z' },
          { ...stamp('t2'), meetingType: 'PLENARY_MEETING', scheduledAt: '2026-03-06T01:00:00Z' },
        ],
        minutes: null,
      },
    ]);
    expect(Object.keys(meetings[0])).toEqual(['round', 'schedules', 'minutes']);
    expect(Object.keys(meetings[0].schedules[0])).toEqual(['by', 'at', 'meetingType', 'scheduledAt']);
    expect(openMeeting(meetings, 1)).toBe(meetings[0]);
    expect(openMeeting(meetings, 2)).toBeUndefined();

    // the minutes go into the open meeting; the next scheduling (or round) opens a new record
    const held = recordMinutes(meetings, 1, { heldAt: 'h', decision: 'POSTPONED' }).meetings;
    expect(held).toHaveLength(1);
    expect(held[0]).toEqual({ ...meetings[0], minutes: { heldAt: 'h', decision: 'POSTPONED' } });
    expect(Object.keys(held[0])).toEqual(['round', 'schedules', 'minutes']);
    expect(openMeeting(held, 1)).toBeUndefined();
    const again = scheduleMeeting(held, 1, stamp('t3'), schedule('STANDING_MEETING', '2026-03-09T01:00:00Z')).meetings;
    expect(again.map((m) => [m.round, m.schedules.length, m.minutes === null])).toEqual([
      [1, 2, false],
      [1, 1, true],
    ]);
    expect(meetings).toHaveLength(1); // inputs are not changed

    // minutes without a schedule open a record of their own; a malformed payload still records strings
    expect(recordMinutes(held, 2, { heldAt: 'x', decision: 'APPROVED' }).meetings[1]).toEqual({ round: 2, schedules: [], minutes: { heldAt: 'x', decision: 'APPROVED' } });
    expect(scheduleMeeting([], 3, stamp('t'), { payload: null }).meetings[0].schedules[0]).toEqual({ ...stamp('t'), meetingType: undefined, scheduledAt: 'undefined' });
  });

  it('holds the meeting at the given time, else the last scheduled time, else the event time', () => {
    const m = { schedules: [{ scheduledAt: 'a' }, { scheduledAt: 'b' }] };
    expect(meetingHeldAt('given', m, 'at')).toBe('given');
    expect(meetingHeldAt('  ', m, 'at')).toBe('b');
    expect(meetingHeldAt(undefined, undefined, 'at')).toBe('at');
    expect(meetingHeldAt(undefined, { schedules: [] }, 'at')).toBe('at');
  });

  it('routes RECORD_MEETING on the decision', () => {
    const on = (decision: unknown) => [meetingApproved, meetingRejected, meetingPostponed, meetingRevise].map((g) => g({ event: { payload: { decision } } }));
    expect(on('APPROVED')).toEqual([true, false, false, false]);
    expect(on('REJECTED')).toEqual([false, true, false, false]);
    expect(on('POSTPONED')).toEqual([false, false, true, false]);
    expect(on('REVISE')).toEqual([false, false, false, true]);
    expect(on('approved')).toEqual([false, false, false, false]);
    expect(meetingApproved({ event: {} })).toBe(false);
  });

  it('builds the deliberation node: preparing → scheduled, re-scheduling, RECORD_MEETING as the workflow routes it', () => {
    const when = (type: string) => `rules:${type}`;
    const record = [{ guard: 'g', target: '#x.done', actions: 'recordMeeting' }];
    const node = collectiveDecisionState(when, { WITHDRAW: { target: '#x.withdrawn' } }, record);
    expect(node).toEqual({
      initial: 'preparing',
      on: { WITHDRAW: { target: '#x.withdrawn' } },
      states: {
        preparing: { on: { SCHEDULE_MEETING: { guard: 'rules:SCHEDULE_MEETING', target: 'scheduled', actions: 'recordSchedule' } } },
        scheduled: {
          on: {
            SCHEDULE_MEETING: { guard: 'rules:SCHEDULE_MEETING', actions: 'recordSchedule' },
            RECORD_MEETING: record,
          },
        },
      },
    });
    expect(Object.keys(node)).toEqual(['initial', 'on', 'states']);
    expect(Object.keys(node.states.scheduled.on)).toEqual(['SCHEDULE_MEETING', 'RECORD_MEETING']);
    expect(Object.keys(node.states.preparing.on.SCHEDULE_MEETING)).toEqual(['guard', 'target', 'actions']);
  });

  it('declares the states and events as the workflows do', () => {
    const states = collectiveDecisionStateMeta('collectiveDeliberation', { zh: '集体审议', en: 'Collective deliberation' });
    expect(states).toEqual({
      collectiveDeliberation: { stage: 'collectiveDeliberation', label: { zh: '集体审议', en: 'Collective deliberation' } },
      'collectiveDeliberation.preparing': { stage: 'collectiveDeliberation', label: { zh: '待安排会议', en: 'Meeting to be scheduled' } },
      'collectiveDeliberation.scheduled': { stage: 'collectiveDeliberation', label: { zh: '已安排会议', en: 'Meeting scheduled' } },
    });
    expect(Object.keys(states)).toEqual(['collectiveDeliberation', 'collectiveDeliberation.preparing', 'collectiveDeliberation.scheduled']);
    class Minutes {
      @IsString()
      x: string;
    }
    const events = collectiveDecisionEvents({
      schedule: { label: { zh: 's', en: 'S' } },
      record: { label: { zh: 'r', en: 'R' }, payload: Minutes },
    });
    expect(events).toEqual({
      SCHEDULE_MEETING: { label: { zh: 's', en: 'S' }, roles: ['secretary'], payload: ScheduleMeetingPayload },
      RECORD_MEETING: { label: { zh: 'r', en: 'R' }, roles: ['secretary'], payload: Minutes },
    });
    expect(Object.keys(events)).toEqual(['SCHEDULE_MEETING', 'RECORD_MEETING']);
    expect(Object.keys(events.SCHEDULE_MEETING)).toEqual(['label', 'roles', 'payload']);
  });

  it('validates SCHEDULE_MEETING and the shared RECORD_MEETING fields exactly as the written-out decorators did', () => {
    expect(MEETING_TYPES).toEqual(['STANDING_MEETING', 'PLENARY_MEETING', 'LEADERSHIP_MEETING', 'TOWN_HEAD_OFFICE_MEETING']);
    expect(MEETING_DECISIONS).toEqual(['APPROVED', 'REJECTED', 'POSTPONED', 'REVISE']);
    const errors = (cls: new () => object, plain: object) =>
      validateSync(plainToInstance(cls, plain) as object, OPTIONS).map((e) => [e.property, Object.keys(e.constraints ?? {}), Object.values(e.constraints ?? {})]);
    expect(errors(ScheduleMeetingPayload, { meetingType: 'STANDING_MEETING', scheduledAt: '2026-03-05T09:00:00+08:00' })).toEqual([]);
    expect(errors(ScheduleMeetingPayload, { meetingType: 'X', scheduledAt: '2026-03-05 09:00', extra: 1 })).toEqual([
      ['extra', ['whitelistValidation'], ['property extra should not exist']],
      ['meetingType', ['isIn'], ['meetingType must be one of the following values: STANDING_MEETING, PLENARY_MEETING, LEADERSHIP_MEETING, TOWN_HEAD_OFFICE_MEETING']],
      ['scheduledAt', ['matches'], [expect.stringContaining('scheduledAt must match')]],
    ]);
    expect(errors(ScheduleMeetingPayload, { meetingType: 'STANDING_MEETING', scheduledAt: '2026-02-30T09:00:00Z' })).toEqual([
      ['scheduledAt', ['isIso8601'], ['scheduledAt must be a valid ISO 8601 date string']],
    ]);
    expect(errors(ScheduleMeetingPayload, {})).toEqual([
      ['meetingType', ['isIn'], [expect.any(String)]],
      ['scheduledAt', ['matches', 'isIso8601', 'isString'], [expect.any(String), expect.any(String), 'scheduledAt must be a string']],
    ]);

    class Shared {
      @MeetingAttendees()
      attendees: string[];
      @MeetingDecisionOf()
      decision: string;
      @IsString() @IsNotEmpty() @MaxLength(10)
      summary: string;
      @MeetingHeldAt()
      heldAt?: string;
      @MinutesHash()
      minutesHash?: string;
    }
    expect(errors(Shared, { attendees: ['a'], decision: 'APPROVED', summary: 's' })).toEqual([]);
    expect(errors(Shared, { attendees: [], decision: 'NO', summary: 's', heldAt: 'x', minutesHash: 'y' })).toEqual([
      ['attendees', ['arrayMinSize'], ['attendees must contain at least 1 elements']],
      ['decision', ['isIn'], ['decision must be one of the following values: APPROVED, REJECTED, POSTPONED, REVISE']],
      ['heldAt', ['matches', 'isIso8601'], [expect.any(String), 'heldAt must be a valid ISO 8601 date string']],
      ['minutesHash', ['matches'], [expect.any(String)]],
    ]);
    expect(errors(Shared, { attendees: [''], decision: 'REVISE', summary: 's' })).toEqual([['attendees', ['isNotEmpty'], ['each value in attendees should not be empty']]]);
  });
});
