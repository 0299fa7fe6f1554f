export { BusinessCalendar } from './business-calendar';
export { UpdatableBusinessCalendar } from './updatable-business-calendar';
export type { AddCalendarDaysOptions, AddYearsOptions, CalendarData, CalendarYearEntry } from './business-calendar';
export { addYearsToDate } from './calendar-date';
export { CalendarDataError, CalendarYearMissingError, InvalidDateError } from './calendar.errors';
