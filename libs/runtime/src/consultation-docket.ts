import { commentsSealedAt, sealComments } from '@app/audit';
import type { CommentDocketFactDeclaration, CommentSealFact, FactDeclaration, ParticipationSummaryFact } from '@app/engine';
import type { CommentGroupRow, ConsultationCommentRepository, ConsultationCommentRow } from '@app/persistence';

/** Where the runtime reads a consultation's comment docket (fact kind `commentDocket`). */
export interface ConsultationDocket {
  /** the comments of one round of a case, and its groups of duplicates */
  round(caseId: string, round: number): Promise<{ comments: ConsultationCommentRow[]; groups: CommentGroupRow[] }>;
}

/** The consultation_comments and consultation_comment_groups tables. */
export class TableConsultationDocket implements ConsultationDocket {
  constructor(private readonly comments: Pick<ConsultationCommentRepository, 'forRound' | 'groupsOfRound'>) {}

  async round(caseId: string, round: number) {
    const [comments, groups] = await Promise.all([this.comments.forRound(caseId, round), this.comments.groupsOfRound(caseId, round)]);
    return { comments, groups };
  }
}

const tally = (values: Array<string | null | undefined>): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const v of values) if (v) out[v] = (out[v] ?? 0) + 1;
  return out;
};

/**
 * A comment's answer: its own or, when grouped, its group's; null when unanswered. A hidden comment
 * needs none (the moderation reason is its answer). Pure.
 */
export function dispositionOf(c: ConsultationCommentRow, groups: ReadonlyMap<string, CommentGroupRow>): string | null {
  const g = c.groupId ? groups.get(c.groupId) : undefined;
  return (g ? g.disposition : c.disposition) ?? null;
}

/** The participation summary of one round computed from its docket (R713 Art. 17; OBE Art. 62). Pure. */
export function docketSummary(round: number, comments: readonly ConsultationCommentRow[], groups: readonly CommentGroupRow[]): ParticipationSummaryFact {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const shown = comments.filter((c) => !c.hiddenReason);
  return {
    round,
    received: comments.length,
    late: comments.filter((c) => c.late).length,
    hidden: comments.length - shown.length,
    bySource: tally(comments.map((c) => c.source)),
    bySubmitterType: tally(comments.map((c) => c.submitterType)),
    hiddenByReason: tally(comments.map((c) => c.hiddenReason)),
    byDisposition: tally(shown.map((c) => dispositionOf(c, byId))),
    groups: groups.length,
    undisposed: shown.filter((c) => !dispositionOf(c, byId)).length,
  };
}

/** The seal of one round at `at`: count and RFC 6962 root over every comment received up to then. Pure. */
export function docketSeal(round: number, comments: readonly ConsultationCommentRow[], at: string): CommentSealFact {
  return { round, ...sealComments(commentsSealedAt(comments, at)) };
}

/**
 * The `commentDocket` facts of an event: the summary or the seal of the case's current round
 * (`round`), read now, so the machine decides on the docket as it is and the history records it.
 * Without a docket no fact is given.
 */
export async function resolveDocketFacts(
  decls: Record<string, FactDeclaration> | undefined,
  caseId: string,
  round: number,
  at: string,
  docket: ConsultationDocket | undefined,
): Promise<Record<string, ParticipationSummaryFact | CommentSealFact>> {
  const wanted = Object.entries(decls ?? {}).filter((e): e is [string, CommentDocketFactDeclaration] => e[1].kind === 'commentDocket');
  const facts: Record<string, ParticipationSummaryFact | CommentSealFact> = {};
  // without a docket nothing is given: the machine refuses (COMMENT_SEAL_MISSING, COMMENTS_UNDISPOSED), never seals an empty set
  if (!wanted.length || !docket) return facts;
  const { comments, groups } = await docket.round(caseId, round);
  for (const [name, d] of wanted) facts[name] = d.what === 'seal' ? docketSeal(round, comments, at) : docketSummary(round, comments, groups);
  return facts;
}
