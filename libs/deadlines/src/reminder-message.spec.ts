import { BusinessCalendar } from '@app/calendar';
import { notificationKind, ReminderFacts, reminderMessage } from './reminder-message';
import { ReminderPlanRow, reminderPlan, sentAs } from './reminder-plan';

const calendar = BusinessCalendar.fromChineseDays();

/** The evaluation before a document's validity ends on 2025-05-21: reminded before, on the day, no escalation. */
const evaluation: ReminderPlanRow = { type: 'due', dueDate: '2025-05-21', reminders: '[60,20,5,0]', escalate: false, openedAt: '2020-05-22T02:00:00.000Z' };
const review: ReminderPlanRow = { type: 'due', dueDate: '2020-10-16', reminders: '[3,0]', escalate: true, openedAt: '2020-09-29T02:00:00.000Z' };

const facts = (dueDate: string): ReminderFacts => ({
  caseTitle: '掌起镇临时摊点管理办法',
  deadline: { zh: '有效期届满前评估', en: 'Evaluation before expiry' },
  step: { zh: '现行有效', en: 'In force' },
  dueDate,
  article: '浙江省人民政府令第372号',
  responsible: [{ zh: '部门负责人', en: 'department head' }],
});

describe('reminderMessage as sent', () => {
  const due = reminderPlan(evaluation, calendar).find((p) => p.reminderKey === 'due')!;

  it('on the due date: due today', () => {
    const sent = sentAs(due, evaluation, calendar, new Date(due.at));
    expect(notificationKind(due, sent)).toBe('due');
    expect(reminderMessage(due, facts('2025-05-21'), sent).bodyZh).toContain('期限今日（2025-05-21）北京时间24时届满，请在今日内办理');
  });

  it('18 months late: an overdue notice with the working days late and the due date, never "today"', () => {
    const now = new Date('2026-12-03T02:00:00.000Z');
    const sent = sentAs(due, evaluation, calendar, now);
    const late = calendar.workdaysBetween('2025-05-21', '2026-12-03');
    const m = reminderMessage(due, facts('2025-05-21'), sent);
    expect(notificationKind(due, sent)).toBe('overdue');
    expect(m.titleZh).toBe(`【逾期提醒】有效期届满前评估已逾期${late}个工作日`);
    expect(m.bodyZh).toContain(`期限已于2025-05-21（北京时间24时）届满，至今未办结，截至2026-12-03已逾期${late}个工作日，请尽快办理。`);
    expect(`${m.titleZh}${m.bodyZh}`).not.toMatch(/今日|还有/);
    expect(m.bodyEn).toContain(`${late} working days late as of 2026-12-03`);
  });

  it('a reminder sent late, still before the due date, counts the days left from the day it goes out', () => {
    const before5 = reminderPlan(evaluation, calendar).find((p) => p.reminderKey === 'before-5')!;
    const on = calendar.workdaysBefore('2025-05-21', 2);
    const m = reminderMessage(before5, facts('2025-05-21'), sentAs(before5, evaluation, calendar, new Date(`${on}T02:00:00.000Z`)));
    expect(m.titleZh).toBe('【期限提醒】有效期届满前评估：还有2个工作日到期');
  });

  it('an escalation sent after its day says how late the deadline is that day and asks the responsible party to act', () => {
    const [, , escalation1] = reminderPlan(review, calendar);
    const m = reminderMessage(escalation1, facts('2020-10-16'), sentAs(escalation1, review, calendar, new Date('2020-10-22T01:30:00.000Z')));
    expect(m.titleZh).toBe('【逾期督办】有效期届满前评估已逾期4个工作日');
    expect(m.bodyZh).toContain('已于2020-10-16届满，至今未办结（截至2020-10-22已逾期4个工作日）。请部门负责人立即办理；请督促部门负责人办理。');
  });

  it('an escalation names the people who must act by name and unit', () => {
    const [, , escalation1] = reminderPlan(review, calendar);
    const people = [
      { displayName: '张三', unit: { zh: '经济发展办', en: 'Economic Development Office' } },
      { displayName: '李四', unit: null },
    ];
    const m = reminderMessage(escalation1, { ...facts('2020-10-16'), responsiblePeople: people }, sentAs(escalation1, review, calendar, new Date('2020-10-22T01:30:00.000Z')));
    expect(m.bodyZh).toContain('请部门负责人张三（经济发展办）、李四立即办理；请督促部门负责人张三（经济发展办）、李四办理。');
    expect(m.bodyEn).toContain('The department head 张三 (Economic Development Office), 李四: please act now');
  });
});

describe('reminderMessage: the article it rests on', () => {
  const review: ReminderPlanRow = { type: 'due', dueDate: '2020-10-16', reminders: '[3,0]', escalate: true, openedAt: '2020-09-29T02:00:00.000Z' };
  const opinion = (article: string): ReminderFacts => ({
    caseTitle: '掌起镇垃圾分类实施方案',
    deadline: { zh: '出具合法性审查意见', en: 'Legality review opinion' },
    step: { zh: '审查中', en: 'Under review' },
    dueDate: '2020-10-16',
    article,
    responsible: [{ zh: '合法性审查人员（司法所）', en: 'legal reviewer' }],
  });

  it.each([
    ['R713 Art. 26', '依据：《重大行政决策程序暂行条例》第二十六条。'],
    ['浙江省人民政府令第372号', '依据：《浙江省行政规范性文件管理办法》（浙江省人民政府令第372号）。'],
    ['R713 Art. 32; OGI Art. 26', '依据：《重大行政决策程序暂行条例》第三十二条；《中华人民共和国政府信息公开条例》第二十六条。'],
    ['SPEC §6 (illustrative, UNCONFIRMED)', '依据：本镇行政机关合同管理规则（期限为示例值，可配置）。'],
  ])('%s: the zh-CN text cites %s, the English the reference', (article, zh) => {
    for (const delivery of reminderPlan(review, calendar)) {
      const m = reminderMessage(delivery, opinion(article));
      expect(m.bodyZh).toContain(zh);
      expect(m.bodyZh).not.toContain(`依据：${article}。`);
      expect(m.bodyEn).toContain(`Basis: ${article}.`);
    }
  });

  it('a delivery counted in calendar days cites the article in zh-CN too', () => {
    const delivery = { ...reminderPlan(review, calendar)[0], basis: 'calendar-days' as const };
    const m = reminderMessage(delivery, { ...opinion('R713 Art. 26'), missingYears: [2021] });
    expect(m.bodyZh).toContain('依据：《重大行政决策程序暂行条例》第二十六条。');
    expect(m.bodyZh).not.toContain('R713');
    expect(m.bodyEn).toContain('Basis: R713 Art. 26.');
  });
});
