import { BusinessCalendar, CalendarDataImplausibleError, calendarYearProblems, CalendarYearEntry, CalendarYearMissingError, UpdatableBusinessCalendar } from '@app/calendar';
import { WorkflowRegistry } from '@app/engine';
import { CalendarYearEntity, CalendarYearRepository, DEADLINE_REPOSITORY, DeadlineEntity, DeadlineRepository } from '@app/persistence';
import { BUSINESS_CALENDAR, CLOCK, Clock, WORKFLOW_REGISTRY } from '@app/runtime';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CALENDAR_YEAR_REPOSITORY } from './deadlines.di-tokens';
import { deliveriesAt } from './reminder-plan';

export interface LoadCalendarYearCommand {
  year: number;
  holidays: string[];
  workdays: string[];
  /** URL of the State Council General Office's notice */
  source: string;
}

export interface CalendarYearLoaded {
  year: number;
  source: string;
  holidays: number;
  workdays: number;
  /** calendar-missing deadlines that now have a due date (open again) */
  reopened: DeadlineEntity[];
  /** calendar-missing deadlines that still need another year */
  stillMissing: number;
}

/**
 * Holiday arrangements loaded as data: stored in `calendar_years`, added to the process's
 * business calendar at boot and when an administrator loads one, and picked up by other
 * processes (the worker) when the table changes. Loading a year recomputes the deadlines kept
 * as calendar-missing; the caller tells the scheduler about the reopened rows.
 */
@Injectable()
export class CalendarYearsService implements OnModuleInit {
  private readonly logger = new Logger('CalendarYears');
  private version: string | null = null;

  constructor(
    @Inject(CALENDAR_YEAR_REPOSITORY) private readonly years: CalendarYearRepository,
    @Inject(BUSINESS_CALENDAR) private readonly calendar: BusinessCalendar,
    @Inject(DEADLINE_REPOSITORY) private readonly deadlines: DeadlineRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.refresh();
  }

  private get holder(): UpdatableBusinessCalendar | null {
    return this.calendar instanceof UpdatableBusinessCalendar ? this.calendar : null;
  }

  /**
   * Adds the stored years to the calendar when the table changed since the last look (another
   * process may have loaded one). Returns true when it reloaded.
   */
  async refresh(): Promise<boolean> {
    const holder = this.holder;
    if (!holder) return false;
    const version = await this.years.version();
    if (version === this.version) return false;
    for (const row of await this.years.all()) {
      try {
        holder.loadYear(row.year, entryOf(row));
      } catch (e) {
        // validated when loaded; a row edited by hand by mistake must not stop the process
        this.logger.error(`calendar year ${row.year} in calendar_years is invalid and was skipped: ${(e as Error).message}`);
      }
    }
    if (this.version !== null || version !== '0@') this.logger.log(`holiday data: ${holder.coveredYears()[0]}–${holder.coveredYears().at(-1)} (${version.split('@')[0]} year(s) loaded as data)`);
    this.version = version;
    return true;
  }

  /**
   * Validates and stores a year's arrangement, puts it into effect, and recomputes the deadlines
   * that were waiting for it. @throws CalendarDataError / InvalidDateError on bad data, CalendarDataImplausibleError on data that is not plausible (nothing stored).
   */
  async load(cmd: LoadCalendarYearCommand, loadedBy: string): Promise<CalendarYearLoaded> {
    const entry: CalendarYearEntry = { holidays: cmd.holidays, workdays: cmd.workdays, source: cmd.source };
    // refused here, before anything is stored, when the data contradicts itself
    this.calendar.withYear(cmd.year, entry);
    // and when it does not look like a State Council arrangement
    const problems = calendarYearProblems(cmd.year, entry);
    if (problems.length) throw new CalendarDataImplausibleError(cmd.year, problems);
    await this.years.save(
      Object.assign(new CalendarYearEntity(), {
        year: cmd.year,
        holidays: JSON.stringify([...cmd.holidays].sort()),
        workdays: JSON.stringify([...cmd.workdays].sort()),
        source: cmd.source,
        loadedAt: this.clock.now().toISOString(),
        loadedBy,
      }),
    );
    this.holder?.loadYear(cmd.year, entry);
    this.version = await this.years.version();
    this.logger.log(`holiday arrangement ${cmd.year} loaded from ${cmd.source}`);
    const { reopened, stillMissing } = await this.recomputeMissing();
    return { year: cmd.year, source: cmd.source, holidays: cmd.holidays.length, workdays: cmd.workdays.length, reopened, stillMissing };
  }

  /** Gives every calendar-missing deadline whose years are now covered its due date, and opens it. */
  async recomputeMissing(): Promise<{ reopened: DeadlineEntity[]; stillMissing: number }> {
    const reopened: DeadlineEntity[] = [];
    let stillMissing = 0;
    const { items } = await this.deadlines.list({ statuses: ['calendar-missing'], limit: 10_000 });
    for (const row of items) {
      // a row with its due date (e.g. one the case supplies) waited for the years its reminders or lateness need
      if (row.dueDate) {
        const missing = deliveriesAt(row, this.calendar, this.clock.now()).missingYears;
        if (missing.length) stillMissing += 1;
        else if (await this.deadlines.resolveCalendarMissing(row.id, row.dueDate)) {
          reopened.push(Object.assign(new DeadlineEntity(), row, { status: 'open' }));
          this.logger.log(`deadline ${row.id} (${row.key}, case ${row.caseId}) re-planned in working days: due ${row.dueDate}`);
        }
        continue;
      }
      const dueDate = this.dueDateOf(row);
      if (!dueDate) {
        stillMissing += 1;
        continue;
      }
      if (await this.deadlines.resolveCalendarMissing(row.id, dueDate)) {
        reopened.push(Object.assign(new DeadlineEntity(), row, { dueDate, status: 'open' }));
        this.logger.log(`deadline ${row.id} (${row.key}, case ${row.caseId}) recomputed: due ${dueDate}`);
      }
    }
    return { reopened, stillMissing };
  }

  /** The due date of a calendar-missing row with today's calendar, or null while a year is still missing. */
  dueDateOf(row: DeadlineEntity): string | null {
    if (row.dueDate) return row.dueDate;
    return this.computeDueDate(row).dueDate;
  }

  /** The year a calendar-missing row still waits for, if any. */
  missingYearOf(row: DeadlineEntity): number | null {
    return this.computeDueDate(row).missingYear;
  }

  private computeDueDate(row: DeadlineEntity): { dueDate: string | null; missingYear: number | null } {
    let rollToWorkday = false;
    try {
      rollToWorkday = !!this.registry.get(row.workflowKind, row.workflowVersion).deadlines?.find((d) => d.key === row.key)?.rollToWorkday;
    } catch {
      // an unknown workflow version: count without rolling rather than fail
    }
    try {
      const dueDate =
        row.unit === 'workdays' ? this.calendar.addWorkdays(row.startsOn, row.length) : this.calendar.addCalendarDays(row.startsOn, row.length, { rollToWorkday });
      return { dueDate, missingYear: null };
    } catch (e) {
      if (e instanceof CalendarYearMissingError) return { dueDate: null, missingYear: e.year };
      throw e;
    }
  }
}

function entryOf(row: CalendarYearEntity): CalendarYearEntry {
  return { holidays: JSON.parse(row.holidays), workdays: JSON.parse(row.workdays), source: row.source };
}
