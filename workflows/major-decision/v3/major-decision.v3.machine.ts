/**
 * The major-decision machine, version 3 (issue 13): version 2 plus the comment docket.
 *
 *  P13 CLOSE_COMMENT_PERIOD records the seal of the round's docket (`facts.commentSeal`, fact kind
 *      `commentDocket`): the number of comments received and the RFC 6962 Merkle root over all of
 *      them, hidden and late ones included, in `participation[round].closed.seal`. A close without
 *      the seal is refused (COMMENT_SEAL_MISSING).
 *  P14 SUBMIT_PARTICIPATION_SUMMARY records the summary computed from the docket
 *      (`facts.participationSummary`): received, by source, by disposition, hidden, late. It is
 *      refused while any comment (not hidden) is unanswered (COMMENTS_UNDISPOSED, R713 Art. 17).
 *      The typed-in `received` / `adopted` of versions 1–2 are gone; the text stays.
 *
 * Built from version 2's configuration and implementations, so every other transition is version 2's.
 * Pure: no I/O, no clock.
 */
import { assign, createMachine } from 'xstate';
import { commentsDisposedRule, computedSummary, sealFact, summaryFact, type CommentSealRecord, type ComputedSummaryRecord } from '../../common/comment-docket';
import { payloadOf } from '../../common/machine-helpers';
import { stamp } from '../../common/stamp';
import { ruleGuards } from '../../common/rule-guards';
import { guardOf } from '../../common/transition-guards';
import { majorDecisionRules, type ParticipationRecord } from '../v1/major-decision.machine';
import { majorDecisionV2Machine, type MajorDecisionV2Context } from '../v2/major-decision.v2.machine';

/** A round of v3: the close carries the seal, the summary is computed. */
export type ParticipationRecordV3 = Omit<ParticipationRecord, 'closed' | 'summary'> & {
  closed: (ParticipationRecord['closed'] & { seal?: CommentSealRecord | null }) | null;
  summary: (NonNullable<ParticipationRecord['summary']> & Partial<ComputedSummaryRecord>) | null;
};

export type MajorDecisionV3Context = Omit<MajorDecisionV2Context, 'participation'> & { participation: ParticipationRecordV3[] };

/** the article as a clerk reads it */
const R713_ART_17_ZH = '《重大行政决策程序暂行条例》第十七条';

type Ctx = MajorDecisionV3Context;

/** v1's rules without the typed-in counts' (ADOPTED_EXCEEDS_RECEIVED: v3 takes no counts), plus v3's. */
const { adoptedWithinReceived: _typedInCounts, ...v1Rules } = majorDecisionRules;

export const majorDecisionV3Rules = {
  ...v1Rules,
  commentSealGiven: {
    check: ({ context, event }: { context: Ctx; event: any }) => sealFact(event, context.round) !== null,
    refusal: {
      status: 422 as const,
      code: 'COMMENT_SEAL_MISSING',
      article: 'R713 Art. 17',
      zh: `结束征求意见时应当对收到的全部意见封存（数量及默克尔根），未取得意见台账，不能结束征求意见（${R713_ART_17_ZH}）`,
      en: 'Closing the comment period seals every comment received (count and Merkle root); the comment docket was not available (R713 Art. 17).',
    },
  },
  commentsDisposed: commentsDisposedRule<Ctx>('R713 Art. 17', R713_ART_17_ZH, 'R713 Art. 17'),
};

/** The rules of the events v3 changes, in order. */
export const MAJOR_DECISION_V3_EVENT_RULES = {
  CLOSE_COMMENT_PERIOD: ['commentPeriodEnded', 'commentSealGiven'],
  SUBMIT_PARTICIPATION_SUMMARY: ['hearingRecorded', 'commentsDisposed'],
} as const;

const onRound = (ctx: Ctx, fn: (p: ParticipationRecordV3) => ParticipationRecordV3): ParticipationRecordV3[] =>
  ctx.participation.map((p) => (p.round === ctx.round ? fn(p) : p));

type AnyConfig = Record<string, any>;
const v2 = majorDecisionV2Machine as unknown as { config: AnyConfig; implementations: { guards: AnyConfig; actions: AnyConfig } };
const cfg = v2.config;
const pp = cfg.states.publicParticipation;
const ROOT = '#major-decision';
/** P14: the routes after the participation summary as v1 has them (experts → risk → legality review), with v3's rules. */
const summaryRoutes = [
  ['expertReview', 'requiresExpertReview'],
  ['riskAssessment', 'requiresRiskAssessment'],
  ['legalityReview', null],
].map(([stage, routing]) => ({
  guard: guardOf(MAJOR_DECISION_V3_EVENT_RULES.SUBMIT_PARTICIPATION_SUMMARY, routing ? [routing] : []),
  target: `${ROOT}.${stage}`,
  actions: 'recordComputedSummary',
}));

export const majorDecisionV3Machine = createMachine(
  {
    ...cfg,
    states: {
      ...cfg.states,
      publicParticipation: {
        ...pp,
        states: {
          ...pp.states,
          commentOpen: {
            ...pp.states.commentOpen,
            on: {
              ...pp.states.commentOpen.on,
              CLOSE_COMMENT_PERIOD: { guard: guardOf(MAJOR_DECISION_V3_EVENT_RULES.CLOSE_COMMENT_PERIOD), target: 'commentClosed', actions: 'recordCommentSealed' },
            },
          },
          commentClosed: { ...pp.states.commentClosed, on: { ...pp.states.commentClosed.on, SUBMIT_PARTICIPATION_SUMMARY: summaryRoutes } },
        },
      },
    },
  } as any,
  {
    guards: { ...v2.implementations.guards, ...ruleGuards({ commentSealGiven: majorDecisionV3Rules.commentSealGiven, commentsDisposed: majorDecisionV3Rules.commentsDisposed }) },
    actions: {
      ...v2.implementations.actions,
      recordCommentSealed: assign(({ context, event }: { context: Ctx; event: any }) => ({
        participation: onRound(context, (r) => ({ ...r, closed: { ...stamp(event), closedOn: event.today, seal: sealFact(event, context.round) } })),
      })),
      recordComputedSummary: assign(({ context, event }: { context: Ctx; event: any }) => {
        const f = summaryFact(event, context.round)!;
        const text = String(payloadOf<{ summary?: string }>(event).summary ?? '');
        return { participation: onRound(context, (r) => ({ ...r, summary: { ...stamp(event), ...computedSummary(f, text) } })) };
      }),
    },
  } as any,
);

