/**
 * The comment period of a case as its history recorded it: the notice (PUBLISH_FOR_COMMENT), its
 * extensions (EXTEND_COMMENT_PERIOD) and the close (CLOSE_COMMENT_PERIOD) of the current round. Major
 * decisions keep these in `participation`, normative documents in `consultations`; the docket reads
 * them from the case's snapshot and never keeps a second copy of the dates.
 */
import { articleZh, shanghaiDate } from '@app/engine';
import { DocketError } from '@app/runtime';

/** The workflows whose cases are published for comment. */
export const CONSULTATION_KINDS = ['major-decision', 'normative-document'] as const;

/** The article behind the period per kind (major decisions R713 Art. 15, normative documents OBE Art. 62). */
export const PERIOD_ARTICLE: Record<string, string> = { 'major-decision': 'R713 Art. 15', 'normative-document': 'OBE Art. 62' };

interface Notice {
  opensAt: string;
  closesAt: string;
  channels?: string[];
}
interface RoundRecord {
  round: number;
  notice: Notice | null;
  extensions?: Array<{ closesAt: string; previousClosesAt: string; at?: string }>;
  closed: { closedOn: string; at?: string } | null;
}
interface DraftLike {
  round: number;
  title?: string;
  documentHash?: string;
  explanation?: string | null;
}

export interface ConsultationPeriod {
  round: number;
  opensAt: string;
  /** the last day, extensions included (it runs to 24:00 Beijing time, CC Art. 203) */
  closesAt: string;
  /** the first published last day, and every extension (old and new date) */
  originalClosesAt: string;
  extensions: Array<{ previousClosesAt: string; closesAt: string }>;
  channels: string[];
  /** the day CLOSE_COMMENT_PERIOD was recorded, if it was */
  closedOn: string | null;
  draft: { title: string; documentHash: string | null; explanation: string | null } | null;
}

/** The current round's comment period of a case, or null when no notice was published in it. */
export function periodOf(kind: string, snapshotJson: string): ConsultationPeriod | null {
  if (!(CONSULTATION_KINDS as readonly string[]).includes(kind)) return null;
  let ctx: Record<string, unknown>;
  try {
    ctx = (JSON.parse(snapshotJson) as { context: Record<string, unknown> }).context ?? {};
  } catch {
    return null;
  }
  const records = (kind === 'major-decision' ? ctx.participation : ctx.consultations) as RoundRecord[] | undefined;
  const round = Number(ctx.round ?? 0);
  const rec = (records ?? []).find((r) => r.round === round);
  if (!rec?.notice) return null;
  const extensions = (rec.extensions ?? []).map((e) => ({ previousClosesAt: e.previousClosesAt, closesAt: e.closesAt }));
  const draft = ((ctx.drafts as DraftLike[] | undefined) ?? []).find((d) => d.round === round);
  return {
    round,
    opensAt: rec.notice.opensAt,
    closesAt: extensions.length ? extensions[extensions.length - 1].closesAt : rec.notice.closesAt,
    originalClosesAt: rec.notice.closesAt,
    extensions,
    channels: rec.notice.channels ?? [],
    closedOn: rec.closed?.closedOn ?? null,
    draft: draft ? { title: String(draft.title ?? ''), documentHash: draft.documentHash ?? null, explanation: draft.explanation ?? null } : null,
  };
}

/** The seal recorded at the close of round `round` (v3 and later), with the instant of the close; null before it or on older versions. */
export function sealOf(kind: string, snapshotJson: string, round: number): { round: number; count: number; root: string; scheme: string; sealedAt: string } | null {
  if (!(CONSULTATION_KINDS as readonly string[]).includes(kind)) return null;
  try {
    const ctx = (JSON.parse(snapshotJson) as { context: Record<string, unknown> }).context ?? {};
    const records = (kind === 'major-decision' ? ctx.participation : ctx.consultations) as Array<{ round: number; closed?: { at?: string; seal?: { count: number; root: string; scheme: string } | null } | null }> | undefined;
    const closed = (records ?? []).find((r) => r.round === round)?.closed;
    const seal = closed?.seal;
    if (!seal || typeof closed?.at !== 'string') return null;
    return { round, count: seal.count, root: seal.root, scheme: seal.scheme, sealedAt: closed.at };
  } catch {
    return null;
  }
}

export type PeriodPhase = 'NOT_OPEN' | 'OPEN' | 'CLOSED';

/**
 * Where `now` falls: before the first day, within the period (the last day to 24:00 Beijing time),
 * or after it. A recorded CLOSE_COMMENT_PERIOD closes the period whatever the date.
 */
export function phaseAt(p: ConsultationPeriod, now: Date): PeriodPhase {
  if (p.closedOn) return 'CLOSED';
  const today = shanghaiDate(now.toISOString());
  if (today < p.opensAt) return 'NOT_OPEN';
  return today > p.closesAt ? 'CLOSED' : 'OPEN';
}

/** Whole days left including today (剩余 N 天); 0 once closed. */
export function daysLeft(p: ConsultationPeriod, now: Date): number {
  if (phaseAt(p, now) === 'CLOSED') return 0;
  const today = shanghaiDate(now.toISOString());
  const from = Date.parse(`${today > p.opensAt ? today : p.opensAt}T00:00:00Z`);
  return Math.round((Date.parse(`${p.closesAt}T00:00:00Z`) - from) / 86_400_000) + 1;
}

export const noConsultation = (caseId: string) =>
  new DocketError(404, 'CONSULTATION_NOT_FOUND', '没有正在公开征求意见的事项', 'No consultation is published for this case', undefined, { caseId });

export function periodClosed(kind: string, p: ConsultationPeriod) {
  const article = PERIOD_ARTICLE[kind] ?? 'R713 Art. 15';
  return new DocketError(
    422,
    'COMMENT_PERIOD_CLOSED',
    `征求意见已于${p.closedOn ?? p.closesAt}截止，不再接收意见（${articleZh(article)}）`,
    `The comment period closed on ${p.closedOn ?? p.closesAt} (24:00 Beijing time); no more comments are accepted (${article}).`,
    article,
    { closesAt: p.closesAt, closedOn: p.closedOn },
  );
}

export function periodNotOpen(kind: string, p: ConsultationPeriod) {
  const article = PERIOD_ARTICLE[kind] ?? 'R713 Art. 15';
  return new DocketError(
    422,
    'COMMENT_PERIOD_NOT_OPEN',
    `征求意见自${p.opensAt}开始，尚未开始接收意见（${articleZh(article)}）`,
    `The comment period opens on ${p.opensAt}; comments are not accepted yet (${article}).`,
    article,
    { opensAt: p.opensAt },
  );
}
