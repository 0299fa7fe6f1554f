/**
 * The normative-document machine, version 3 (issue 13): version 2 plus the comment docket.
 *
 *  N17 CLOSE_COMMENT_PERIOD records the seal of the round's docket (`facts.commentSeal`, fact kind
 *      `commentDocket`): the number of comments received and the RFC 6962 Merkle root over all of
 *      them, hidden and late ones included, in `consultations[round].closed.seal`. A close without
 *      the seal is refused (COMMENT_SEAL_MISSING).
 *  N18 SUBMIT_PARTICIPATION_SUMMARY records the summary computed from the docket
 *      (`facts.participationSummary`) and is refused while any comment (not hidden) is unanswered
 *      (COMMENTS_UNDISPOSED, OBE Art. 62). The typed-in `received` / `adopted` are gone.
 *
 * Built from version 2's configuration and implementations, so every other transition is version 2's.
 * Pure: no I/O, no clock.
 */
import { assign, createMachine } from 'xstate';
import { commentsDisposedRule, computedSummary, sealFact, summaryFact, type CommentSealRecord, type ComputedSummaryRecord } from '../../common/comment-docket';
import { payloadOf, strings } from '../../common/machine-helpers';
import { stamp } from '../../common/stamp';
import { ruleGuards } from '../../common/rule-guards';
import { guardOf } from '../../common/transition-guards';
import { NORMATIVE_DOCUMENT_EVENT_RULES, type ConsultationRecord, type NormativeDocumentContext } from '../v1/normative-document.machine';
import { normativeDocumentV2Machine, normativeDocumentV2Rules } from '../v2/normative-document.v2.machine';
import type { SubmitParticipationSummaryV3Payload } from './normative-document.v3.payloads';

/** A consultation round of v3: the close carries the seal, the summary is computed. */
export type ConsultationRecordV3 = Omit<ConsultationRecord, 'closed' | 'summary'> & {
  closed: (ConsultationRecord['closed'] & { seal?: CommentSealRecord | null }) | null;
  summary: (NonNullable<ConsultationRecord['summary']> & Partial<ComputedSummaryRecord>) | null;
};

export type NormativeDocumentV3Context = Omit<NormativeDocumentContext, 'consultations'> & { consultations: ConsultationRecordV3[] };

/** the article as a clerk reads it */
const OBE_ART_62_ZH = '《优化营商环境条例》第六十二条';

type Ctx = NormativeDocumentV3Context;

export const normativeDocumentV3Rules = {
  ...normativeDocumentV2Rules,
  commentSealGiven: {
    check: ({ context, event }: { context: Ctx; event: any }) => sealFact(event, context.round) !== null,
    refusal: {
      status: 422 as const,
      code: 'COMMENT_SEAL_MISSING',
      article: 'OBE Art. 62',
      zh: `结束征求意见时应当对收到的全部意见封存（数量及默克尔根），未取得意见台账，不能结束征求意见（${OBE_ART_62_ZH}）`,
      en: 'Closing the consultation seals every comment received (count and Merkle root); the comment docket was not available (Regulations on Optimizing the Business Environment Art. 62).',
    },
  },
  commentsDisposed: commentsDisposedRule<Ctx>('OBE Art. 62', OBE_ART_62_ZH, 'Regulations on Optimizing the Business Environment Art. 62'),
};

/** The rules of the events v3 changes, in order. */
export const NORMATIVE_DOCUMENT_V3_EVENT_RULES = {
  CLOSE_COMMENT_PERIOD: [...NORMATIVE_DOCUMENT_EVENT_RULES.CLOSE_COMMENT_PERIOD, 'commentSealGiven'],
  SUBMIT_PARTICIPATION_SUMMARY: [...NORMATIVE_DOCUMENT_EVENT_RULES.SUBMIT_PARTICIPATION_SUMMARY, 'commentsDisposed'],
} as const;

const onRound = (ctx: Ctx, fn: (c: ConsultationRecordV3) => ConsultationRecordV3): ConsultationRecordV3[] =>
  ctx.consultations.map((c) => (c.round === ctx.round ? fn(c) : c));

type AnyConfig = Record<string, any>;
const v2 = normativeDocumentV2Machine as unknown as { config: AnyConfig; implementations: { guards: AnyConfig; actions: AnyConfig } };
const cfg = v2.config;
const pc = cfg.states.publicConsultation;
const ROOT = '#normative-document';
const SUMMARY_RULES = NORMATIVE_DOCUMENT_V3_EVENT_RULES.SUBMIT_PARTICIPATION_SUMMARY;

export const normativeDocumentV3Machine = createMachine(
  {
    ...cfg,
    states: {
      ...cfg.states,
      publicConsultation: {
        ...pc,
        states: {
          ...pc.states,
          commentOpen: {
            ...pc.states.commentOpen,
            on: {
              ...pc.states.commentOpen.on,
              CLOSE_COMMENT_PERIOD: { guard: guardOf(NORMATIVE_DOCUMENT_V3_EVENT_RULES.CLOSE_COMMENT_PERIOD), target: 'commentClosed', actions: 'recordCommentSealed' },
            },
          },
          commentClosed: {
            ...pc.states.commentClosed,
            on: {
              ...pc.states.commentClosed.on,
              SUBMIT_PARTICIPATION_SUMMARY: [
                { guard: guardOf(SUMMARY_RULES, ['draftMarketRelated']), target: `${ROOT}.fairCompetitionReview`, actions: 'recordComputedSummary' },
                { guard: guardOf(SUMMARY_RULES), target: `${ROOT}.legalityReview`, actions: 'recordComputedSummary' },
              ],
            },
          },
        },
      },
    },
  } as any,
  {
    guards: { ...v2.implementations.guards, ...ruleGuards({ commentSealGiven: normativeDocumentV3Rules.commentSealGiven, commentsDisposed: normativeDocumentV3Rules.commentsDisposed }) },
    actions: {
      ...v2.implementations.actions,
      recordCommentSealed: assign(({ context, event }: { context: Ctx; event: any }) => ({
        consultations: onRound(context, (c) => ({ ...c, closed: { ...stamp(event), closedOn: event.today, seal: sealFact(event, context.round) } })),
      })),
      recordComputedSummary: assign(({ context, event }: { context: Ctx; event: any }) => {
        const p = payloadOf<SubmitParticipationSummaryV3Payload>(event);
        const f = p.adoptionFeedback;
        const computed = computedSummary(summaryFact(event, context.round)!, String(p.summary ?? ''));
        return {
          consultations: onRound(context, (c) => ({
            ...c,
            summary: {
              ...stamp(event),
              ...computed,
              marketEntitiesHeard: strings(p.marketEntitiesHeard),
              adoptionFeedback: f ? { publishedAt: String(f.publishedAt), channel: String(f.channel), summary: String(f.summary) } : null,
            },
          })),
        };
      }),
    },
  } as any,
);
