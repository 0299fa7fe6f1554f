/**
 * The legal dates of an event (issue 9 §9), checked in one place for every workflow: after the
 * machine's own rules accepted the event and before anything is written. Pure: declarations,
 * payload, the case's context before the event and the day in; the 补录 (backfill) record out, or a
 * DocketError.
 *
 * - no date may precede a prior fact it follows (`notBefore`): LEGAL_DATE_BEFORE_PRIOR_FACT;
 * - a `done` date may not lie after the day of the event: LEGAL_DATE_IN_FUTURE;
 * - a `done` or `scheduled` date before the day of the event records a past act (补录): accepted only
 *   with `backfill.reason` (BACKFILL_REASON_REQUIRED) and at most `records.backfill.maxDays` calendar
 *   days back (BACKFILL_WINDOW_EXCEEDED); a backfill on an event without such a date is refused
 *   (BACKFILL_NOT_APPLICABLE), so that 补录 in the history always means a past date was recorded.
 * `stated` dates (what the document says: in force from, valid until) are checked only against
 * their bounds. The zh-CN messages name the dates; the API adds the article's zh-CN citation
 * (（依据：《…》）, apps/api/src/common/error-body.ts).
 */
import { type ConfigParam, type LegalDateDeclaration, shanghaiDate } from '@app/engine';
import { DocketError } from './runtime.errors';

/** The window of a 补录, in calendar days before the day it is recorded (DOCKET_RULES). */
export const BACKFILL_MAX_DAYS: ConfigParam = { key: 'records.backfill.maxDays', default: 365 };

export interface BackfillRequest {
  reason: string;
}

/** What a history entry records of a 补录 (`facts.backfill`). */
export interface BackfillFact {
  reason: string;
  /** the day it was recorded (Asia/Shanghai) */
  recordedOn: string;
  dates: Array<{ field: string; label: string; date: string; daysBefore: number }>;
}

export interface LegalDateCheck {
  declarations: LegalDateDeclaration[] | undefined;
  payload: unknown;
  /** the case's context before the event */
  context: unknown;
  today: string;
  backfill?: BackfillRequest;
  params: Record<string, number>;
}

const read = (obj: unknown, path: string): unknown => {
  let v = obj;
  for (const k of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return v;
};

/** A YYYY-MM-DD day, or the Asia/Shanghai day of an ISO time; null when the value is not a date. */
export function dayOf(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return v;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : shanghaiDate(new Date(t).toISOString());
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

export function checkLegalDates(c: LegalDateCheck): BackfillFact | null {
  const past: BackfillFact['dates'] = [];
  let pastArticle: string | undefined;
  for (const d of c.declarations ?? []) {
    const day = dayOf(read(c.payload, d.payload));
    if (!day) continue;
    for (const prior of d.notBefore ?? []) {
      const bound = dayOf(prior.date({ context: c.context, payload: c.payload }));
      if (bound && day < bound) {
        const article = prior.article ?? d.article;
        throw new DocketError(
          422,
          'LEGAL_DATE_BEFORE_PRIOR_FACT',
          `${d.label.zh}（${day}）不得早于${prior.label.zh}（${bound}）：日期不能先于它所依据的事实`,
          `The ${d.label.en.toLowerCase()} (${day}) cannot precede the ${prior.label.en.toLowerCase()} (${bound})${article ? ` (${article})` : ''}.`,
          article,
          { field: d.payload, date: day, priorFact: prior.label, priorDate: bound },
        );
      }
    }
    if (d.kind === 'done' && day > c.today) {
      throw new DocketError(
        422,
        'LEGAL_DATE_IN_FUTURE',
        `${d.label.zh}（${day}）晚于今日（${c.today}）：只能记录已经发生的事项`,
        `The ${d.label.en.toLowerCase()} (${day}) is after today (${c.today}): record what has happened, not a future date${d.article ? ` (${d.article})` : ''}.`,
        d.article,
        { field: d.payload, date: day, today: c.today },
      );
    }
    if (d.kind !== 'stated' && day < c.today) {
      past.push({ field: d.payload, label: d.label.zh, date: day, daysBefore: daysBetween(day, c.today) });
      pastArticle ??= d.article;
    }
  }
  const reason = c.backfill?.reason?.trim();
  if (!past.length) {
    if (c.backfill) {
      throw new DocketError(
        422,
        'BACKFILL_NOT_APPLICABLE',
        '本事件没有早于今日的日期，不是补录：请去掉 backfill 后重新提交',
        'This event records no date before today, so it is not a backfill: send it without `backfill`.',
        // the rule of the event's dates, if it has any
        c.declarations?.find((d) => d.article)?.article,
      );
    }
    return null;
  }
  const first = past[0];
  if (!reason) {
    throw new DocketError(
      422,
      'BACKFILL_REASON_REQUIRED',
      `${first.label}（${first.date}）早于今日（${c.today}）：补录过去的事项须说明理由（backfill.reason），补录情况将记入案卷历史`,
      `The ${first.field} (${first.date}) is before today (${c.today}): recording a past act needs a stated reason (backfill.reason), shown as 补录 in the history${pastArticle ? ` (${pastArticle})` : ''}.`,
      pastArticle,
      { dates: past, today: c.today },
    );
  }
  const max = c.params[BACKFILL_MAX_DAYS.key] ?? BACKFILL_MAX_DAYS.default;
  const oldest = past.reduce((a, b) => (b.daysBefore > a.daysBefore ? b : a));
  if (oldest.daysBefore > max) {
    throw new DocketError(
      422,
      'BACKFILL_WINDOW_EXCEEDED',
      `${oldest.label}（${oldest.date}）距今已${oldest.daysBefore}日，超过可补录的期限（${max}日，配置项 ${BACKFILL_MAX_DAYS.key}）`,
      `The ${oldest.field} (${oldest.date}) is ${oldest.daysBefore} days ago, beyond the backfill window of ${max} days (${BACKFILL_MAX_DAYS.key}).`,
      pastArticle,
      { dates: past, maxDays: max, today: c.today },
    );
  }
  return { reason: reason, recordedOn: c.today, dates: past };
}
