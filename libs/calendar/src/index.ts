export { BusinessCalendar } from './business-calendar';
export { UpdatableBusinessCalendar } from './updatable-business-calendar';
export type { AddCalendarDaysOptions, AddYearsOptions, CalendarData, CalendarYearEntry } from './business-calendar';
export { addYearsToDate } from './calendar-date';
export { CalendarDataError, CalendarDataImplausibleError, CalendarYearMissingError, InvalidDateError } from './calendar.errors';
export { calendarYearProblems, PLAUSIBLE_NET_REST_DAYS } from './calendar-plausibility';
export type { CalendarYearProblem } from './calendar-plausibility';
export { CALENDAR_DAYS } from './calendar-days-basis';
