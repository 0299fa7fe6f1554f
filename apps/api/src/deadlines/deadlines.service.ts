import type { AuthenticatedUser } from '@app/auth';
import { BusinessCalendar, CalendarYearMissingError } from '@app/calendar';
import { shanghaiDate } from '@app/engine';
import { DEADLINE_REPOSITORY, DeadlineListFilter, DeadlineRepository } from '@app/persistence';
import { BUSINESS_CALENDAR, CLOCK, Clock } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { listScope } from '../cases/case-access.policy';
import { toDeadlineResponse } from './deadline.mapper';
import { DeadlineView, ListDeadlinesRequestDto } from './dto/list-deadlines.request.dto';

/** Working days counted as "due soon". */
export const DUE_SOON_WORKDAYS = 3;

@Injectable()
export class DeadlinesService {
  constructor(
    @Inject(DEADLINE_REPOSITORY) private readonly deadlines: DeadlineRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUSINESS_CALENDAR) private readonly calendar: BusinessCalendar,
  ) {}

  today(): string {
    return shanghaiDate(this.clock.now().toISOString());
  }

  private viewFilter(view: DeadlineView, today: string): DeadlineListFilter {
    switch (view) {
      case 'open':
        return { statuses: ['open'] };
      case 'overdue':
        return { statuses: ['open'], dueBefore: today };
      case 'due-soon': {
        let horizon: string;
        try {
          horizon = this.calendar.addWorkdays(today, DUE_SOON_WORKDAYS);
        } catch (e) {
          // near the end of the covered years: fall back to calendar days rather than fail the view
          if (!(e instanceof CalendarYearMissingError)) throw e;
          horizon = this.calendar.addCalendarDays(today, DUE_SOON_WORKDAYS + 2, { rollToWorkday: false });
        }
        return { statuses: ['open'], dueOnOrBefore: horizon };
      }
      case 'all':
        return {};
      default:
        return { statuses: [view] };
    }
  }

  async list(user: AuthenticatedUser, q: ListDeadlinesRequestDto) {
    const today = this.today();
    const { items, total } = await this.deadlines.list({
      ...this.viewFilter(q.status ?? 'open', today),
      caseId: q.caseId,
      // exactly the deadlines of the cases the user sees on /cases
      scope: listScope(user),
      limit: q.limit,
      offset: q.offset,
    });
    return { today, total, items: items.map((d) => toDeadlineResponse(d, today, this.calendar)) };
  }

  /** Each case's most pressing open time limit (the earliest due date), as the list's clock shows it. */
  async nearestOpen(caseIds: string[]) {
    const out = new Map<string, ReturnType<typeof toDeadlineResponse>>();
    if (!caseIds.length) return out;
    const today = this.today();
    const { items } = await this.deadlines.list({ statuses: ['open'], caseIds, limit: 10_000 });
    // ordered by due date: the first with a date is the nearest
    for (const d of items) if (d.dueDate && !out.has(d.caseId)) out.set(d.caseId, toDeadlineResponse(d, today, this.calendar));
    return out;
  }

  async forCase(caseId: string) {
    const today = this.today();
    return (await this.deadlines.forCase(caseId)).map((d) => toDeadlineResponse(d, today, this.calendar));
  }
}
