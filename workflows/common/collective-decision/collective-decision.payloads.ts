/**
 * The payloads of collective deliberation (集体讨论决定 / 集体审议) that the workflows with a meeting
 * share (major decisions, normative documents, major administrative contracts): the meeting types
 * and decisions, SCHEDULE_MEETING (the same fields everywhere, so each workflow re-exports the
 * class) and the property decorators of the RECORD_MEETING fields they all record (attendees, the
 * decision, when it was held, the minutes' hash). RECORD_MEETING differs per workflow (statements
 * and the head's reason, a summary, the reviewer's attendance): each keeps its own class and
 * builds the common fields with these decorators, which stack exactly the decorators written out
 * before (same checks, same messages, same order). Pure decorators: no I/O, no clock.
 */
import 'reflect-metadata';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { INSTANT, MAX_ITEMS, SHA256_HEX, SHORT_TEXT } from '../payload-validators';
import { stacked } from '../legality-review/legality-review.payloads';

/** 常务会议 / 全体会议 (R713 Art. 30); 镇班子领导会议 / 镇长办公会议 (township practice, SPEC §2.4 row 6). */
export const MEETING_TYPES = ['STANDING_MEETING', 'PLENARY_MEETING', 'LEADERSHIP_MEETING', 'TOWN_HEAD_OFFICE_MEETING'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const MEETING_DECISIONS = ['APPROVED', 'REJECTED', 'POSTPONED', 'REVISE'] as const;
export type MeetingDecision = (typeof MEETING_DECISIONS)[number];

/** An instant with an explicit offset: `@IsString() @IsISO8601({ strict: true }) @Matches(INSTANT)`. */
const Instant = (): PropertyDecorator => stacked(IsString(), IsISO8601({ strict: true }), Matches(INSTANT));

/** RECORD_MEETING `attendees`: a non-empty list of names. */
export const MeetingAttendees = (): PropertyDecorator =>
  stacked(IsArray(), ArrayMinSize(1), ArrayMaxSize(MAX_ITEMS), IsString({ each: true }), IsNotEmpty({ each: true }), MaxLength(SHORT_TEXT, { each: true }));
/** RECORD_MEETING `decision`: `@IsIn(MEETING_DECISIONS)`. */
export const MeetingDecisionOf = (): PropertyDecorator => IsIn(MEETING_DECISIONS as unknown as string[]);
/** RECORD_MEETING `heldAt` (optional; defaults to the scheduled time). */
export const MeetingHeldAt = (): PropertyDecorator => stacked(IsOptional(), Instant());
/** RECORD_MEETING `minutesHash` (optional SHA-256 of the minutes). */
export const MinutesHash = (): PropertyDecorator => stacked(IsOptional(), IsString(), Matches(SHA256_HEX));

export class ScheduleMeetingPayload {
  @IsIn(MEETING_TYPES)
  meetingType: MeetingType;

  @Instant()
  scheduledAt: string;
}
