/** A made-up but plausible 2027 arrangement (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day). */
export const PLAUSIBLE_2027 = {
  holidays: [
    '2027-01-01', '2027-01-02', '2027-01-03',
    '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12', '2027-02-13', '2027-02-14',
    '2027-04-03', '2027-04-04', '2027-04-05',
    '2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04', '2027-05-05',
    '2027-06-09',
    '2027-09-15',
    '2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07',
  ],
  workdays: ['2027-01-31', '2027-02-20', '2027-04-25', '2027-05-08', '2027-09-26', '2027-10-09'],
};

/** The body of POST /admin/calendar-years for PLAUSIBLE_2027. */
export const LOAD_2027 = { year: 2027, ...PLAUSIBLE_2027, source: 'https://www.gov.cn/zhengce/content/test-2027-notice.htm' };
