export { BusinessCalendar } from './business-calendar';
export { UpdatableBusinessCalendar } from './updatable-business-calendar';
export type { AddCalendarDaysOptions, CalendarData, CalendarYearEntry } from './business-calendar';
export { CalendarDataError, CalendarYearMissingError, InvalidDateError } from './calendar.errors';
