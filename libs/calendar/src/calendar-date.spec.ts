import { formatDate, fromDayNumber, isoWeekday, parseDate, toDayNumber } from './calendar-date';

describe('calendar-date', () => {
  it('matches UTC Date arithmetic for every day of 1999–2031', () => {
    for (let ms = Date.UTC(1999, 0, 1); ms <= Date.UTC(2031, 11, 31); ms += 86_400_000) {
      const utc = new Date(ms);
      const date = utc.toISOString().slice(0, 10);
      const dayNumber = ms / 86_400_000;
      expect(toDayNumber(parseDate(date))).toBe(dayNumber);
      expect(formatDate(fromDayNumber(dayNumber))).toBe(date);
      expect(isoWeekday(dayNumber) % 7).toBe(utc.getUTCDay());
    }
  });

  it.each([
    { date: '1970-01-01', dayNumber: 0 },
    { date: '1969-12-31', dayNumber: -1 },
    { date: '2000-02-29', dayNumber: 11016 },
    { date: '0001-01-01', dayNumber: -719162 },
  ])('$date is day $dayNumber', ({ date, dayNumber }) => {
    expect(toDayNumber(parseDate(date))).toBe(dayNumber);
    expect(formatDate(fromDayNumber(dayNumber))).toBe(date);
  });

  it.each(['1900-02-29', '2100-02-29', '2019-04-31'])('rejects %p', (date) => {
    expect(() => parseDate(date)).toThrow('Invalid date');
  });
});
