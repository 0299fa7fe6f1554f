/**
 * The normative-document machine, version 2: version 1 (policies N1–N13, unchanged) plus
 *
 *  N14 Validity end (issue 9 §11): the day after the last day of validity (`inEffect.validUntil`,
 *      CC Art. 203: it runs to 24:00), Docket itself (the `system` actor, the `validityEnd`
 *      deadline's `onMissed`) sends EXPIRE and the case moves to `expired`. EXPIRE is refused before
 *      the validity has ended (VALIDITY_END_NOT_REACHED) and by anyone but the system; the
 *      secretary's DECLARE_EXPIRED stays for histories and for a document whose case must be ended
 *      by hand.
 *  N16 A market-related consultation shorter than 30 days (OBE Art. 62 一般不少于30日) is accepted
 *      with a `shortenedReason` published in the notice, down to normdoc.marketRelated.shortenedMinDays
 *      (default 0) counted by the runtime (`facts.minShortenedMarketClosesAt`) (issue 9 §14a).
 *  N15 Cleanup reviews are opened and concluded on a published document still awaiting filing too:
 *      it is 现行有效 (workflows/common/in-force.ts), so a campaign reviews it.
 *
 * Built from version 1's configuration and implementations, so every other transition is
 * version 1's. Pure: no I/O, no clock.
 */
import { assign, createMachine } from 'xstate';
import { currentDraft, normativeDocumentRules, normativeDocumentV1Machine, type NormativeDocumentContext } from '../v1/normative-document.machine';
import { isDay, payloadOf } from '../../common/machine-helpers';
import { stamp } from '../../common/stamp';

export const V2_EVENT_TYPES = ['EXPIRE'] as const;

const OBE = '《优化营商环境条例》';

export const normativeDocumentV2Rules = {
  ...normativeDocumentRules,
  // N16 (issue 9 §14a): OBE Art. 62 says 一般不少于30日 — a shorter period is lawful with a reason
  // stated in the notice (as R713 Art. 15 for decisions), never shorter than
  // normdoc.marketRelated.shortenedMinDays (default 0: no lower bound beyond the configuration)
  marketConsultationLongEnough: {
    check: ({ context, event }: { context: NormativeDocumentContext; event: { facts?: Record<string, unknown>; payload?: unknown } }) => {
      if (currentDraft(context)?.marketRelated !== true) return true;
      const p = payloadOf<{ closesAt?: string; shortenedReason?: string }>(event);
      const min = typeof p.shortenedReason === 'string' && p.shortenedReason.trim() ? event.facts?.minShortenedMarketClosesAt : event.facts?.minMarketClosesAt;
      return isDay(min) && isDay(p.closesAt) && p.closesAt >= min;
    },
    refusal: {
      code: 'MARKET_CONSULTATION_TOO_SHORT',
      article: 'OBE Art. 62',
      zh: `与市场主体生产经营活动密切相关的行政规范性文件，向社会公开征求意见的期限一般不少于30日；确需缩短的，应当在征求意见公告中说明理由（shortenedReason），且不得短于配置的最短期限（${OBE}第六十二条）`,
      en: 'A normative document closely related to market entities’ business is open for comment for at least 30 days as a rule; a shorter period needs a reason stated in the notice (shortenedReason) and may not be shorter than the configured minimum (Regulations on Optimizing the Business Environment Art. 62).',
    },
  },
  validityEndReached: {
    check: ({ context, event }: { context: NormativeDocumentContext; event: { today: string; payload?: unknown } }) => {
      const until = context.inEffect?.validUntil;
      const p = payloadOf<{ dueDate?: string }>(event);
      return isDay(until) && isDay(event.today) && event.today > until && p.dueDate === until;
    },
    refusal: {
      code: 'VALIDITY_END_NOT_REACHED',
      article: 'CC Art. 203',
      zh: '文件有效期尚未届满（有效期的最后一日截止到二十四时），或者所称的届满日与现行文本的有效期不符，不能使文件失效（《民法典》第二百零三条）',
      en: 'The validity of the document has not ended yet (its last day runs until 24:00), or the date named is not the end of the text in force (Civil Code Art. 203).',
    },
  },
};

type AnyConfig = Record<string, any>;
const guard = (check: (args: any) => unknown) => (args: any) => {
  try {
    return Boolean(check(args));
  } catch {
    return false;
  }
};
const v1 = normativeDocumentV1Machine as unknown as { config: AnyConfig; implementations: { guards: AnyConfig; actions: AnyConfig } };
const cfg = v1.config;
const inForce = cfg.states.inForce;
const cleanup = { OPEN_CLEANUP_REVIEW: inForce.on.OPEN_CLEANUP_REVIEW, RECORD_CLEANUP_REVIEW: inForce.on.RECORD_CLEANUP_REVIEW };

export const normativeDocumentV2Machine = createMachine(
  {
    ...cfg,
    states: {
      ...cfg.states,
      // N15: a published document awaiting filing is in force: cleanup reviews apply to it
      filing: { ...cfg.states.filing, on: { ...(cfg.states.filing.on ?? {}), ...cleanup } },
      inForce: {
        ...inForce,
        on: {
          ...inForce.on,
          // N14: the system expires the document the day after its validity ended
          EXPIRE: { guard: 'validityEndReached', target: 'expired', actions: 'recordSystemExpiry' },
        },
      },
    },
  } as any,
  {
    guards: {
      ...v1.implementations.guards,
      validityEndReached: guard(normativeDocumentV2Rules.validityEndReached.check),
      marketConsultationLongEnough: guard(normativeDocumentV2Rules.marketConsultationLongEnough.check),
    },
    actions: {
      ...v1.implementations.actions,
      recordSystemExpiry: assign(({ event }: any) => ({
        expiry: { ...stamp(event), expiredOn: event.today, note: '有效期届满，由系统标记失效' },
      })),
    },
  } as any,
);
