import type { AuthenticatedUser } from '@app/auth';
import { BusinessCalendar, CalendarDataError, CalendarDataImplausibleError, InvalidDateError } from '@app/calendar';
import { CALENDAR_YEAR_REPOSITORY, CalendarYearsService as CalendarYears } from '@app/deadlines';
import { CalendarYearRepository } from '@app/persistence';
import { BUSINESS_CALENDAR, DEADLINE_SCHEDULER, DeadlineScheduler, DocketError } from '@app/runtime';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { LoadCalendarYearRequestDto } from './dto/load-calendar-year.request.dto';

@Injectable()
export class CalendarYearsAdminService {
  private readonly logger = new Logger('CalendarYears');

  constructor(
    private readonly years: CalendarYears,
    @Inject(CALENDAR_YEAR_REPOSITORY) private readonly stored: CalendarYearRepository,
    @Inject(BUSINESS_CALENDAR) private readonly calendar: BusinessCalendar,
    @Optional() @Inject(DEADLINE_SCHEDULER) private readonly scheduler?: DeadlineScheduler,
  ) {}

  async list() {
    const covered = this.calendar.coveredYears();
    return {
      covered: { from: covered[0], to: covered.at(-1) },
      loaded: (await this.stored.all()).map((y) => ({
        year: y.year,
        source: y.source,
        holidays: JSON.parse(y.holidays).length,
        workdays: JSON.parse(y.workdays).length,
        loadedAt: y.loadedAt,
      })),
    };
  }

  async load(user: AuthenticatedUser, dto: LoadCalendarYearRequestDto) {
    let result;
    try {
      result = await this.years.load({ year: dto.year, holidays: dto.holidays, workdays: dto.workdays, source: dto.source }, user.id);
    } catch (e) {
      if (e instanceof CalendarDataImplausibleError) {
        throw new DocketError(422, e.code, e.zh, e.en, undefined, { year: e.year, problems: e.problems.map((p) => ({ zh: p.zh, en: p.en })) });
      }
      if (e instanceof CalendarDataError || e instanceof InvalidDateError) throw new DocketError(400, e.code, e.zh, e.en);
      throw e;
    }
    // The reopened deadlines get their reminders like any newly opened one.
    for (const row of result.reopened) {
      try {
        await this.scheduler?.deadlinesChanged(row.caseId, { open: [row], close: [] });
      } catch (e) {
        this.logger.error(`reminders of deadline ${row.id} not planned now (reconciliation will): ${(e as Error).message}`);
      }
    }
    return {
      year: result.year,
      source: result.source,
      holidays: result.holidays,
      workdays: result.workdays,
      recomputed: result.reopened.map((d) => ({ deadlineId: d.id, caseId: d.caseId, key: d.key, dueDate: d.dueDate })),
      stillMissing: result.stillMissing,
    };
  }
}
