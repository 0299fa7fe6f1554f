import { articleZh } from '@app/engine';
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
  /** the short reference (e.g. `R713 Art. 26`): the zh-CN text cites it as 《…》第N条, the English as it is */
  article: string;
  /** who must meet the deadline (named in escalations) */
  responsible: Label[];
  /** the people who hold that role for the case, by name and unit (named in escalations, never by id) */
  responsiblePeople?: Array<{ displayName: string; unit: Label | null }>;
  /** years without holiday data the working-day count needs (a delivery then counts in calendar days) */
  missingYears?: number[];
  /** the due date itself is an estimate in calendar days (its working-day count needs a year without data) */
  estimatedDueDate?: boolean;
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

/** The responsible roles, then the people who hold them when known: 部门负责人张三（经济发展办）、李四（党政办）. */
function responsibleText(f: ReminderFacts, lang: 'zh' | 'en'): string {
  const roles = list(f.responsible, lang);
  const people = f.responsiblePeople ?? [];
  if (!people.length) return roles;
  const named = people.map((p) => (p.unit ? (lang === 'zh' ? `${p.displayName}（${p.unit.zh}）` : `${p.displayName} (${p.unit.en})`) : p.displayName));
  return lang === 'zh' ? `${roles}${named.join('、')}` : `${roles} ${named.join(', ')}`;
}

/**
 * The zh-CN text (with English alongside) of one delivery: the case, the step, the due date and
 * the article that sets the period, as it stands on the day it goes out (`sent`, the planned day
 * when omitted): a delivery sent late never says "today" or "N working days left" of a day that has
 * passed; once the due date is past it says how many working days late the deadline is and since
 * which date. Pure.
 */
export function reminderMessage(delivery: PlannedReminder, f: ReminderFacts, sent?: SentAs): ReminderMessage {
  if (delivery.basis === 'calendar-days') return calendarDaysMessage(delivery, f);
  const zhCase = `案件“${f.caseTitle}”（当前环节：${f.step.zh}）`;
  const enCase = `Case "${f.caseTitle}" (step: ${f.step.en})`;
  const zhBasis = `依据：${articleZh(f.article)}。`;
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
      const who = responsibleText(f, 'zh');
      const whoEn = responsibleText(f, 'en');
      return {
        titleZh: `【逾期督办】${f.deadline.zh}已逾期${n}个工作日`,
        titleEn: `Overdue: ${f.deadline.en}, ${days(n)} late`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限已于${f.dueDate}届满，至今未办结（截至${on}已逾期${n}个工作日）。请${who}立即办理；请督促${who}办理。${zhBasis}`,
        bodyEn: `${enCase}: "${f.deadline.en}" was due on ${f.dueDate} and is still not done (${days(n)} late as of ${on}). The ${whoEn}: please act now; supervisors: please follow up with the ${whoEn}. ${enBasis}`,
      };
    }
  }
}

/**
 * A delivery counted in calendar days because a year it needs has no holiday data: the count is
 * stated as calendar days (自然日), with the reason, so that nobody reads it as working days. Pure.
 */
function calendarDaysMessage(delivery: PlannedReminder, f: ReminderFacts): ReminderMessage {
  const years = f.missingYears?.length ? f.missingYears : [];
  const zhYears = years.length ? years.map((y) => `${y}年`).join('、') : '相应年度';
  const enYears = years.length ? years.join(', ') : 'the year concerned';
  const zhCase = `案件“${f.caseTitle}”（当前环节：${f.step.zh}）`;
  const enCase = `Case "${f.caseTitle}" (step: ${f.step.en})`;
  const zhDue = f.estimatedDueDate ? `按自然日估算于${f.dueDate}` : `于${f.dueDate}`;
  const enDue = f.estimatedDueDate ? `estimated in calendar days as ${f.dueDate}` : `${f.dueDate}`;
  const zhWhy = `因缺少${zhYears}节假日安排数据，暂按自然日计算（含周末和节假日），管理员导入该年度数据后按工作日重新计算。依据：${articleZh(f.article)}。`;
  const enWhy = `Counted in calendar days (weekends and holidays included) because the holiday arrangement of ${enYears} is not loaded; recounted in working days once an administrator loads it. Basis: ${f.article}.`;
  const n = delivery.workdays;
  const days = (k: number) => `${k} calendar day${k === 1 ? '' : 's'}`;
  switch (delivery.kind) {
    case 'escalation':
      return {
        titleZh: `【逾期督办】${f.deadline.zh}已逾期${n}日（自然日）`,
        titleEn: `Overdue: ${f.deadline.en}, ${days(n)} late`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限${zhDue}届满，至今未办结（逾期第${n}日，按自然日计），请督促${responsibleText(f, 'zh')}办理。${zhWhy}`,
        bodyEn: `${enCase}: "${f.deadline.en}" was due ${f.estimatedDueDate ? '' : 'on '}${enDue} and is still not done (${days(n)} after the due date); please follow up with the ${responsibleText(f, 'en')}. ${enWhy}`,
      };
    case 'reminder':
      return {
        titleZh: `【期限提醒】${f.deadline.zh}：还有${n}日到期（自然日）`,
        titleEn: `Reminder: ${f.deadline.en} due in ${days(n)}`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限${zhDue}（北京时间24时）届满，还有${n}日（自然日），请按时办理。${zhWhy}`,
        bodyEn: `${enCase}: "${f.deadline.en}" is due ${f.estimatedDueDate ? '' : 'on '}${enDue} (24:00 Asia/Shanghai), ${days(n)} from now. ${enWhy}`,
      };
    default:
      return {
        titleZh: `【今日到期】${f.deadline.zh}（按自然日估算）`,
        titleEn: `Due today (estimated in calendar days): ${f.deadline.en}`,
        bodyZh: `${zhCase}的“${f.deadline.zh}”期限按自然日估算今日（${f.dueDate}）北京时间24时届满，请在今日内办理。${zhWhy}`,
        bodyEn: `${enCase}: "${f.deadline.en}" is due today by an estimate in calendar days (${f.dueDate}, by 24:00 Asia/Shanghai). ${enWhy}`,
      };
  }
}

/** The administrators' call that loads a year's holiday arrangement (POST /api/v1/admin/calendar-years). */
export function loadYearCall(year: number): string {
  return `POST /api/v1/admin/calendar-years {"year": ${year}, "holidays": ["${year}-01-01", …], "workdays": [ …], "source": "https://www.gov.cn/…"}`;
}

/** What the administrators are told, once per year, about a year without holiday data. */
export interface CalendarYearMissingFacts {
  year: number;
  /** the last year the calendar covers */
  coveredTo: number | undefined;
  /** deadlines already kept as calendar-missing for it (0 when it is only coming: the November notice) */
  deadlines: number;
}

/**
 * The zh-CN text (English alongside) asking the administrators to load a year's holiday
 * arrangement: where in the console (zh-CN), and the exact API call (English, for operators). Sent once per missing year: from November for the next year,
 * or as soon as a deadline needs it. Pure.
 */
export function calendarYearMissingMessage(f: CalendarYearMissingFacts): ReminderMessage {
  const zhNow = f.deadlines
    ? `已有${f.deadlines}项期限需要该年度数据，暂记为“缺少日历”，其提醒和督办暂按自然日计算（含周末和节假日），不会中断。`
    : `进入该年度后，需要该年度数据的期限将暂记为“缺少日历”，其提醒和督办暂按自然日计算。`;
  const enNow = f.deadlines
    ? `${f.deadlines} deadline(s) already need it: they are kept as calendar-missing and remind and escalate in calendar days (weekends and holidays included) meanwhile.`
    : `Deadlines that need it will be kept as calendar-missing and remind and escalate in calendar days meanwhile.`;
  return {
    titleZh: `【缺少节假日数据】请导入${f.year}年节假日安排`,
    titleEn: `Holiday data missing: load the ${f.year} holiday arrangement`,
    bodyZh:
      `系统尚无${f.year}年节假日安排数据${f.coveredTo ? `（现有数据至${f.coveredTo}年）` : ''}，工作日期限不作推测。${zhNow}` +
      `请在国务院办公厅公布${f.year}年部分节假日安排的通知后，由管理员在控制台“管理 → 日历年度”中按通知导入全部放假日期和调休上班日期。导入后，相关期限自动按工作日重新计算。`,
    bodyEn:
      `Docket has no holiday arrangement for ${f.year}${f.coveredTo ? ` (data up to ${f.coveredTo})` : ''} and does not guess working days. ${enNow} ` +
      `Once the General Office of the State Council publishes the ${f.year} arrangement, an administrator loads every rest day and make-up workday of the notice: ${loadYearCall(f.year)}. The deadlines concerned are then recounted in working days.`,
  };
}

/** A reminder as an e-mail: the zh-CN title as subject; the zh-CN text, then the English one. Pure. */
export function reminderEmail(m: ReminderMessage): { subject: string; text: string } {
  return {
    subject: m.titleZh,
    text: `${m.titleZh}\n\n${m.bodyZh}\n\n——\n${m.titleEn}\n\n${m.bodyEn}\n\n（本邮件由 Docket 自动发送，请在系统中办理。 / Sent by Docket; please act in the system.）\n`,
  };
}
