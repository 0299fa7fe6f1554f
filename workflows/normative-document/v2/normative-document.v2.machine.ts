/**
 * The normative-document machine, version 2: version 1 (policies N1–N13, unchanged) plus
 *
 *  N14 Validity end (issue 9 §11): the day after the last day of validity (`inEffect.validUntil`,
 *      CC Art. 203: it runs to 24:00), Docket itself (the `system` actor, the `validityEnd`
 *      deadline's `onMissed`) sends EXPIRE and the case moves to `expired`. EXPIRE is refused before
 *      the validity has ended (VALIDITY_END_NOT_REACHED) and by anyone but the system; the
 *      secretary's DECLARE_EXPIRED stays for histories and for a document whose case must be ended
 *      by hand.
 *  N15 Cleanup reviews are opened and concluded on a published document still awaiting filing too:
 *      it is 现行有效 (workflows/common/in-force.ts), so a campaign reviews it.
 *
 * Built from version 1's configuration and implementations, so every other transition is
 * version 1's. Pure: no I/O, no clock.
 */
import { assign, createMachine } from 'xstate';
import { normativeDocumentRules, normativeDocumentV1Machine, type NormativeDocumentContext } from '../v1/normative-document.machine';
import { isDay, payloadOf } from '../../common/machine-helpers';
import { stamp } from '../../common/stamp';

export const V2_EVENT_TYPES = ['EXPIRE'] as const;

export const normativeDocumentV2Rules = {
  ...normativeDocumentRules,
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
    guards: { ...v1.implementations.guards, validityEndReached: (args: any) => {
      try {
        return Boolean(normativeDocumentV2Rules.validityEndReached.check(args));
      } catch {
        return false;
      }
    } },
    actions: {
      ...v1.implementations.actions,
      recordSystemExpiry: assign(({ event }: any) => ({
        expiry: { ...stamp(event), expiredOn: event.today, note: '有效期届满，由系统标记失效' },
      })),
    },
  } as any,
);
