/**
 * The payload of the machine event Docket sends itself when a deadline declaring `onMissed` has
 * passed unmet (e.g. MARK_OVERDUE): which deadline, and the due date that passed. Sent by the
 * `system` actor only; validated like any user's payload.
 */
import 'reflect-metadata';
import { IsString, Matches, MaxLength } from 'class-validator';
import { DATE_ONLY, IsRealDate } from './payload-validators';

export class DeadlineMissedPayload {
  /** the deadline declaration's key, e.g. partyFiling */
  @IsString() @Matches(/^[A-Za-z][A-Za-z0-9]{0,63}$/) @MaxLength(64)
  deadlineKey: string;

  /** the due date that has passed (YYYY-MM-DD) */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  dueDate: string;
}
