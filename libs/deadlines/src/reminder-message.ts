import type { Label } from '@app/engine';
import type { PlannedReminder, SentAs } from './reminder-plan';

/** What a reminder says about its deadline. */
export interface ReminderFacts {
  caseTitle: string;
  /** what is due, e.g. 出具合法性审查意见 */
  deadline: Label;
  /** the step the case is in */
  step: Label;
  dueDate: string;
  article: string;
  /** who must meet the deadline (named in escalations) */
  responsible: Label[];
}

/** The kind of notification a delivery is, as sent: a reminder or due-day notice sent after the due date is an overdue notice. Pure. */
export type NotificationKind = PlannedReminder['kind'] | 'overdue';

export function notificationKind(delivery: PlannedReminder, sent?: SentAs): NotificationKind {
  return sent?.overdue && (delivery.kind === 'reminder' || delivery.kind === 'due') ? 'overdue' : delivery.kind;
}

const days = (n: number) => `${n} working day${n === 1 ? '' : 's'}`;

export interface ReminderMessage {
  titleZh: string;
  titleEn: string;
  bodyZh: string;
  bodyEn: string;
}

const list = (labels: Label[], lang: 'zh' | 'en') => labels.map((l) => l[lang]).join(lang === 'zh' ? '、' : ', ');

/**
 * The zh-CN text (with English alongside) of one delivery: the case, the step, the due date and
 * the article that sets the period, as it stands on the day it goes out (`sent`, the planned day
 * when omitted): a delivery sent late never says "today" or "N working days left" of a day that has
 * passed; once the due date is past it says how many working days late the deadline is and since
 * which date. Pure.
 */
export function reminderMessage(delivery: PlannedReminder, f: ReminderFacts, sent?: SentAs): ReminderMessage {
  const zhCase = `案件“${f.caseTitle}”（当前环节：${f.step.zh}）`;
  const enCase = `Case "${f.caseTitle}" (step: ${f.step.en})`;
  const zhBasis = `依据：${f.article}。`;
  const enBasis = `Basis: ${f.article}.`;
  const on = sent?.on ?? delivery.date;
  const late = sent?.late ?? false;
  switch (notificationKind(delivery, sent)) {
    case 'reminder': {
      const left = late ? (sent?.workdays ?? delivery.workdays) : delivery.workdays;
      if (left === 0) {
        return {
          titleZh: `【今日到期】${f.deadline.zh}`,
          titleEn: `Due today: ${f.deadline.en}`,
          bodyZh: `${zhCase}的“${f.deadline.zh}”期限今日（${f.dueDate}）北京时间24时届满，请在今日内办理。${zhBasis}`,
          bodyEn: `${enCase}: "${f.deadline.en}" is due today (${f.dueDate}, by 24:00 Asia/Shanghai). ${enBasis}`,
        };
      }
      return {
        titleZh: `【期限提醒】${f.deadline.zh}：还有${left}个工作日到期`,
        titleEn: `Reminder: ${f.deadline.en} due in ${days(left)}`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限于${f.dueDate}（北京时间24时）届满，还有${left}个工作日，请按时办理。${zhBasis}`,
        bodyEn: `${enCase}: "${f.deadline.en}" is due on ${f.dueDate} (24:00 Asia/Shanghai), ${days(left)} from now. ${enBasis}`,
      };
    }
    case 'due':
      return {
        titleZh: `【今日到期】${f.deadline.zh}`,
        titleEn: `Due today: ${f.deadline.en}`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限今日（${f.dueDate}）北京时间24时届满，请在今日内办理。${zhBasis}`,
        bodyEn: `${enCase}: "${f.deadline.en}" is due today (${f.dueDate}, by 24:00 Asia/Shanghai). ${enBasis}`,
      };
    case 'overdue': {
      const n = sent?.workdays;
      // 0: sent on a rest day right after the due date
      const zhLate = n ? `已逾期${n}个工作日` : '已逾期';
      const enLate = n ? `${days(n)} late` : 'overdue';
      return {
        titleZh: `【逾期提醒】${f.deadline.zh}${zhLate}`,
        titleEn: `Overdue: ${f.deadline.en}, ${enLate}`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限已于${f.dueDate}（北京时间24时）届满，至今未办结，截至${on}${zhLate}，请尽快办理。${zhBasis}`,
        bodyEn: `${enCase}: "${f.deadline.en}" was due on ${f.dueDate} (24:00 Asia/Shanghai) and is still not done: ${enLate} as of ${on}. Please act now. ${enBasis}`,
      };
    }
    case 'period-ended':
      if (late) {
        return {
          titleZh: `【期限届满】${f.deadline.zh}`,
          titleEn: `Period ended: ${f.deadline.en}`,
          bodyZh: `${zhCase}的法定期间已于${f.dueDate}北京时间24时届满，可以进行下一步。${zhBasis}`,
          bodyEn: `${enCase}: the statutory period ended on ${f.dueDate} (24:00 Asia/Shanghai); you may proceed. ${enBasis}`,
        };
      }
      return {
        titleZh: `【期限届满】${f.deadline.zh}`,
        titleEn: `Period ends: ${f.deadline.en}`,
        bodyZh: `${zhCase}的法定期间今日（${f.dueDate}）北京时间24时届满，届满后可以进行下一步。${zhBasis}`,
        bodyEn: `${enCase}: the statutory period ends today (${f.dueDate}, 24:00 Asia/Shanghai); once it has ended you may proceed. ${enBasis}`,
      };
    case 'escalation': {
      // a catch-up after downtime (or a cadence day) states the lateness of the day it goes out
      const n = sent?.overdue && sent.workdays !== null ? sent.workdays : delivery.workdays;
      const who = list(f.responsible, 'zh');
      return {
        titleZh: `【逾期督办】${f.deadline.zh}已逾期${n}个工作日`,
        titleEn: `Overdue: ${f.deadline.en}, ${days(n)} late`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限已于${f.dueDate}届满，至今未办结（截至${on}已逾期${n}个工作日）。请${who}立即办理；请督促${who}办理。${zhBasis}`,
        bodyEn: `${enCase}: "${f.deadline.en}" was due on ${f.dueDate} and is still not done (${days(n)} late as of ${on}). The ${list(f.responsible, 'en')}: please act now; supervisors: please follow up with the ${list(f.responsible, 'en')}. ${enBasis}`,
      };
    }
  }
}

/** What the administrators are told about a deadline kept as calendar-missing. */
export interface CalendarMissingFacts {
  caseTitle: string;
  deadline: Label;
  step: Label;
  /** e.g. 20 working days from 2026-12-10 */
  length: number;
  unit: string;
  startsOn: string;
  year: number | null;
  article: string;
}

/** The zh-CN text (English alongside) asking an administrator to load a year's holiday arrangement. Pure. */
export function calendarMissingMessage(f: CalendarMissingFacts): ReminderMessage {
  const zhYear = f.year ? `${f.year}年` : '相应年度';
  const enYear = f.year ? `${f.year}` : 'the year concerned';
  const zhLength = f.unit === 'workdays' ? `${f.length}个工作日` : `${f.length}日`;
  const enLength = f.unit === 'workdays' ? `${f.length} working days` : `${f.length} days`;
  return {
    titleZh: `【缺少节假日数据】${f.deadline.zh}：期限无法计算`,
    titleEn: `Holiday data missing: cannot compute "${f.deadline.en}"`,
    bodyZh:
      `案件“${f.caseTitle}”（当前环节：${f.step.zh}）的“${f.deadline.zh}”期限（自${f.startsOn}起${zhLength}）需要${zhYear}节假日安排数据，` +
      `系统不作推测，暂记为“缺少日历”。请导入国务院办公厅公布的${zhYear}节假日安排，导入后期限自动重新计算。依据：${f.article}。`,
    bodyEn:
      `Case "${f.caseTitle}" (step: ${f.step.en}): the period "${f.deadline.en}" (${enLength} from ${f.startsOn}) needs the holiday arrangement of ${enYear}. ` +
      `Docket does not guess: the deadline is kept as calendar-missing. Load the arrangement published by the General Office of the State Council; the deadline is then recomputed. Basis: ${f.article}.`,
  };
}

/** A reminder as an e-mail: the zh-CN title as subject; the zh-CN text, then the English one. Pure. */
export function reminderEmail(m: ReminderMessage): { subject: string; text: string } {
  return {
    subject: m.titleZh,
    text: `${m.titleZh}\n\n${m.bodyZh}\n\n——\n${m.titleEn}\n\n${m.bodyEn}\n\n（本邮件由 Docket 自动发送，请在系统中办理。 / Sent by Docket; please act in the system.）\n`,
  };
}
