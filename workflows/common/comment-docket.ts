/**
 * The comment docket in the workflows (issue 13, docs/participation.md): from version 3 of
 * major-decision and normative-document, the runtime passes the docket to two events as facts of
 * kind `commentDocket`, recorded in the case's history:
 * - CLOSE_COMMENT_PERIOD: `commentSeal`, the count and RFC 6962 Merkle root over every comment of
 *   the round received up to the close, hidden and late ones included;
 * - SUBMIT_PARTICIPATION_SUMMARY: `participationSummary`, the counts computed from the docket
 *   (received, by source, by disposition, undisposed); refused while any comment is unanswered.
 * The typed-in counts (`received`, `adopted`) of versions 1 and 2 are gone. Pure: no I/O, no clock.
 */
import type { CommentDocketFactDeclaration, CommentSealFact, ParticipationSummaryFact, Refusal, RuleDefinition, WorkflowEvent } from '@app/engine';

export const SEAL_FACT = { kind: 'commentDocket', what: 'seal' } as const satisfies CommentDocketFactDeclaration;
export const SUMMARY_FACT = { kind: 'commentDocket', what: 'summary' } as const satisfies CommentDocketFactDeclaration;

/** The seal the close recorded: what the history holds (`closed.seal` of the round). */
export type CommentSealRecord = CommentSealFact;

/** The computed summary as the round records it (with the text the department wrote). */
export interface ComputedSummaryRecord {
  received: number;
  /** adopted in full (采纳) */
  adopted: number;
  partiallyAdopted: number;
  notAdopted: number;
  outOfScope: number;
  late: number;
  hidden: number;
  bySource: Record<string, number>;
  byDisposition: Record<string, number>;
  hiddenByReason: Record<string, number>;
  /** 社会公众提出的主要意见的研究采纳情况 (the department's text) */
  summary: string;
  /** the counts come from the docket, not from typed-in numbers */
  computed: true;
}

const isCount = (n: unknown): n is number => Number.isInteger(n) && (n as number) >= 0;

/** The seal fact of an event, when the runtime gave a well-formed one for the round. */
export function sealFact(event: Pick<WorkflowEvent, 'facts'>, round: number): CommentSealFact | null {
  const f = (event.facts as Record<string, unknown> | undefined)?.commentSeal as CommentSealFact | undefined;
  return f && f.round === round && isCount(f.count) && typeof f.root === 'string' && /^[0-9a-f]{64}$/.test(f.root)
    ? { round: f.round, count: f.count, root: f.root, scheme: String(f.scheme) }
    : null;
}

/** The summary fact of an event, when the runtime gave a well-formed one for the round. */
export function summaryFact(event: Pick<WorkflowEvent, 'facts'>, round: number): ParticipationSummaryFact | null {
  const f = (event.facts as Record<string, unknown> | undefined)?.participationSummary as ParticipationSummaryFact | undefined;
  return f && f.round === round && isCount(f.received) && isCount(f.undisposed) ? f : null;
}

/** The round's summary record from the summary fact and the department's text. */
export function computedSummary(f: ParticipationSummaryFact, text: string): ComputedSummaryRecord {
  const by = f.byDisposition ?? {};
  return {
    received: f.received,
    adopted: by.ADOPTED ?? 0,
    partiallyAdopted: by.PARTIALLY_ADOPTED ?? 0,
    notAdopted: by.NOT_ADOPTED ?? 0,
    outOfScope: by.OUT_OF_SCOPE ?? 0,
    late: f.late ?? 0,
    hidden: f.hidden ?? 0,
    bySource: { ...(f.bySource ?? {}) },
    byDisposition: { ...by },
    hiddenByReason: { ...(f.hiddenByReason ?? {}) },
    summary: text,
    computed: true,
  };
}

/**
 * COMMENTS_UNDISPOSED: the summary is refused while any comment of the round (not hidden) has no
 * answer, by itself or through its group — and when the runtime gave no docket at all.
 */
export function commentsDisposedRule<C extends { round: number }>(article: string, cited: string, en: string): RuleDefinition<C> {
  const refusal: Refusal = {
    status: 422,
    code: 'COMMENTS_UNDISPOSED',
    article,
    zh: `征求意见收到的每一条意见都应当研究答复（采纳、部分采纳、未采纳或者不属于本次征求范围），尚有意见未答复，不能报送意见研究采纳情况（${cited}）`,
    en: `Every comment received must be answered (adopted, partly adopted, not adopted or out of scope) before the participation summary is submitted; some are still unanswered (${en}).`,
  };
  return {
    check: ({ context, event }) => summaryFact(event, context.round)?.undisposed === 0,
    refusal,
  };
}
