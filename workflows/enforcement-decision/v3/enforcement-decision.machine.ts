/**
 * Major administrative enforcement decision, version 3 (issue 16): version 2's states and rules up
 * to the decision, and the case continues past it — service (送达), publication where required
 * (公示), execution (执行) and archiving (归档). `decided` is no longer final.
 *
 * PURE: imports xstate, types and the version-2 machine module.
 *
 * Policy decisions (added to v2's E1–E9):
 *  E10 APL Art. 61: the decision is served on a day neither before the decision nor in the future
 *      (SERVICE_DATE_INVALID); the method is one of the Civil Procedure Law's (CPL Arts. 87–95).
 *      Electronic service needs the party's consent and signed confirmation (APL Art. 61 ¶2,
 *      ELECTRONIC_SERVICE_CONSENT_REQUIRED); service by public notice states why the party cannot
 *      be served otherwise (CPL Art. 95, PUBLIC_NOTICE_GROUNDS_REQUIRED).
 *  E11 APL Art. 48 ¶1: whether the decision has a certain social impact and is published is stated
 *      at service (`publicationRequired`). A decision to publish waits in `publication` (deadline
 *      enforcement.publication.workdays, UNCONFIRMED, default 7 working days); the publication day
 *      is neither before the decision nor in the future (PUBLICATION_DATE_INVALID).
 *  E12 APL Arts. 66–73: the execution is recorded once — performed by the party, enforced by the
 *      organ, or an application to the court — on a day neither before service nor in the future
 *      (EXECUTION_DATE_INVALID). A court application (ACL Art. 53) comes only once the party let the
 *      statutory periods pass without review or suit; the longest, six months from service (ALA
 *      Art. 46), is the bound checked: the application day must be after the day six months after
 *      service (COURT_APPLICATION_PREMATURE), and it names the court.
 *  E13 APL Art. 47: the case is archived with its archive number on a day neither before the
 *      execution nor in the future (ARCHIVE_DATE_INVALID); `archived` is final.
 */
import { type AnyStateMachine, assign, setup } from 'xstate';
import type { RuleDefinition, WorkflowEvent, WorkflowInput } from '@app/engine';
import { enforcementDecisionV2Machine, ENFORCEMENT_DECISION_V2_EVENT_RULES, enforcementDecisionV2Rules } from '../v2/enforcement-decision.machine';
import { ENFORCEMENT_DECISION_EVENT_TYPES, type EnforcementDecisionContext } from '../v1/enforcement-decision.machine';
import type { ArchiveCasePayload, ExecutionMode, PublishDecisionNoticePayload, RecordExecutionPayload, ServeDecisionPayload, ServiceMethod } from './enforcement-decision.payloads';
import type { CreateEnforcementDecisionPayload } from '../v1/enforcement-decision.payloads';
import { isDay, nonEmpty, orNull, payloadOf } from '../../common/machine-helpers';
import { ruleGuards } from '../../common/rule-guards';
import { whenOf } from '../../common/transition-guards';
import { stamp, type Stamp } from '../../common/stamp';

export const ENFORCEMENT_DECISION_V3_EVENT_TYPES = [...ENFORCEMENT_DECISION_EVENT_TYPES, 'SERVE_DECISION', 'PUBLISH_DECISION_NOTICE', 'RECORD_EXECUTION', 'ARCHIVE_CASE'] as const;
export type EnforcementDecisionV3EventType = (typeof ENFORCEMENT_DECISION_V3_EVENT_TYPES)[number];

export interface ServiceRecord extends Stamp {
  servedOn: string;
  method: ServiceMethod;
  recipient: string;
  electronicConsent: boolean;
  publicNoticeGrounds: string | null;
  receiptHash: string | null;
  publicationRequired: boolean;
}
export interface PublicationRecord extends Stamp {
  publishedOn: string;
  channel: string;
  url: string | null;
}
export interface ExecutionRecord extends Stamp {
  mode: ExecutionMode;
  executedOn: string;
  court: string | null;
  note: string | null;
}
export interface ArchiveRecord extends Stamp {
  archiveNumber: string;
  archivedOn: string;
}

/** v2's context and the records after the decision (null until made). */
export interface EnforcementDecisionV3Context extends EnforcementDecisionContext {
  service: ServiceRecord | null;
  publication: PublicationRecord | null;
  execution: ExecutionRecord | null;
  archive: ArchiveRecord | null;
}

type Ctx = EnforcementDecisionV3Context;
type Rule = RuleDefinition<Ctx>;

/** The fields v3 adds, for the context a v1/v2 case brings on migration. */
export const AFTER_DECISION_RECORDS = { service: null, publication: null, execution: null, archive: null } as const;

// ================================================================================================
// Pure helpers
// ================================================================================================

/** `day` plus `months` calendar months; a missing corresponding day is the month's last (CC Art. 202). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** ALA Art. 46 (policy E12): the last day the party may sue, six months from service. */
export const LITIGATION_PERIOD_MONTHS = 6;
export function litigationPeriodEnds(servedOn: string): string {
  return addMonths(servedOn, LITIGATION_PERIOD_MONTHS);
}

const within = (day: unknown, from: unknown, today: unknown): boolean => isDay(day) && isDay(from) && isDay(today) && day >= from && day <= today;

// ================================================================================================
// Rules
// ================================================================================================

const APL = '《中华人民共和国行政处罚法》';
const APL_61 = `${APL}第六十一条`;
const APL_61_2 = `${APL}第六十一条第二款`;
const CPL_95 = '《中华人民共和国民事诉讼法》第九十五条';
const APL_48 = `${APL}第四十八条第一款`;
const APL_66 = `${APL}第六十六条`;
const COURT = `${APL}第七十二条第一款第（四）项；《中华人民共和国行政强制法》第五十三条；《中华人民共和国行政诉讼法》第四十六条`;
const APL_47 = `${APL}第四十七条`;

export const enforcementDecisionV3OwnRules = {
  serviceDateValid: {
    check: ({ context, event }) => within(payloadOf<ServeDecisionPayload>(event).servedOn, context.decision?.decidedOn, event.today),
    refusal: {
      code: 'SERVICE_DATE_INVALID',
      article: 'APL Art. 61',
      zh: `送达日期不得早于作出决定之日，也不得晚于今天（${APL_61}）`,
      en: 'The day of service can be neither before the decision nor in the future (Administrative Penalty Law Art. 61).',
    },
  },
  electronicServiceConsented: {
    check: ({ event }) => {
      const p = payloadOf<ServeDecisionPayload>(event);
      return p.method !== 'ELECTRONIC' || p.electronicConsent === true;
    },
    refusal: {
      code: 'ELECTRONIC_SERVICE_CONSENT_REQUIRED',
      article: 'APL Art. 61 ¶2',
      zh: `采用电子方式送达行政处罚决定书，应当经当事人同意并签订确认书；请登记当事人的同意，或者改用其他方式送达（${APL_61_2}）`,
      en: 'Electronic service of the decision needs the party’s consent and a signed confirmation: record the consent or serve by another method (Administrative Penalty Law Art. 61 ¶2).',
    },
  },
  publicNoticeGroundsStated: {
    check: ({ event }) => {
      const p = payloadOf<ServeDecisionPayload>(event);
      return p.method !== 'PUBLIC_NOTICE' || nonEmpty(p.publicNoticeGrounds);
    },
    refusal: {
      code: 'PUBLIC_NOTICE_GROUNDS_REQUIRED',
      article: 'CPL Art. 95',
      zh: `受送达人下落不明，或者用其他方式无法送达的，才可以公告送达；请写明公告送达的理由（${CPL_95}）`,
      en: 'Service by public notice is for a party whose whereabouts are unknown or who cannot be served otherwise: state why (Civil Procedure Law Art. 95).',
    },
  },
  publicationDateValid: {
    check: ({ context, event }) => within(payloadOf<PublishDecisionNoticePayload>(event).publishedOn, context.decision?.decidedOn, event.today),
    refusal: {
      code: 'PUBLICATION_DATE_INVALID',
      article: 'APL Art. 48 ¶1',
      zh: `公示日期不得早于作出决定之日，也不得晚于今天（${APL_48}）`,
      en: 'The day of publication can be neither before the decision nor in the future (Administrative Penalty Law Art. 48 ¶1).',
    },
  },
  executionDateValid: {
    check: ({ context, event }) => within(payloadOf<RecordExecutionPayload>(event).executedOn, context.service?.servedOn, event.today),
    refusal: {
      code: 'EXECUTION_DATE_INVALID',
      article: 'APL Art. 66',
      zh: `执行（或者申请强制执行）日期不得早于决定送达之日，也不得晚于今天（${APL_66}）`,
      en: 'The day of execution (or of the application for enforcement) can be neither before service nor in the future (Administrative Penalty Law Art. 66).',
    },
  },
  courtApplicationAfterPeriod: {
    check: ({ context, event }) => {
      const p = payloadOf<RecordExecutionPayload>(event);
      if (p.mode !== 'COURT_APPLICATION') return true;
      const served = context.service?.servedOn;
      return isDay(served) && isDay(p.executedOn) && p.executedOn > litigationPeriodEnds(served) && nonEmpty(p.court);
    },
    refusal: {
      code: 'COURT_APPLICATION_PREMATURE',
      article: 'APL Art. 72 ¶1 (4); ACL Art. 53; ALA Art. 46',
      zh: `当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政决定的，行政机关才可以自期限届满之日起申请人民法院强制执行；起诉期限为自送达之日起六个月，期限届满后方可申请，并写明受理申请的人民法院（${COURT}）`,
      en: 'The organ applies to the court for enforcement only once the party let the periods for review and suit pass and did not perform; the period for suit is six months from service: apply after it has ended, naming the court (Administrative Penalty Law Art. 72 ¶1 (4); Administrative Compulsion Law Art. 53; Administrative Litigation Law Art. 46).',
    },
  },
  archiveDateValid: {
    check: ({ context, event }) => within(payloadOf<ArchiveCasePayload>(event).archivedOn, context.execution?.executedOn, event.today),
    refusal: {
      code: 'ARCHIVE_DATE_INVALID',
      article: 'APL Art. 47',
      zh: `归档日期不得早于执行之日，也不得晚于今天（${APL_47}）`,
      en: 'The day of archiving can be neither before the execution nor in the future (Administrative Penalty Law Art. 47).',
    },
  },
} satisfies Record<string, Rule>;

export const enforcementDecisionV3Rules = { ...(enforcementDecisionV2Rules as Record<keyof typeof enforcementDecisionV2Rules, Rule>), ...enforcementDecisionV3OwnRules };
export type EnforcementDecisionV3RuleName = keyof typeof enforcementDecisionV3Rules;

export const ENFORCEMENT_DECISION_V3_EVENT_RULES = {
  ...ENFORCEMENT_DECISION_V2_EVENT_RULES,
  SERVE_DECISION: ['serviceDateValid', 'electronicServiceConsented', 'publicNoticeGroundsStated'],
  PUBLISH_DECISION_NOTICE: ['publicationDateValid'],
  RECORD_EXECUTION: ['executionDateValid', 'courtApplicationAfterPeriod'],
  ARCHIVE_CASE: ['archiveDateValid'],
} as const satisfies Record<EnforcementDecisionV3EventType, readonly EnforcementDecisionV3RuleName[]>;

// ================================================================================================
// Actions
// ================================================================================================

type Args = { context: Ctx; event: WorkflowEvent };
const record = (fn: (args: Args) => Partial<Ctx>) => assign(fn as never) as never;

const v3Actions = {
  recordService: record(({ event }) => {
    const p = payloadOf<ServeDecisionPayload>(event);
    return {
      service: {
        ...stamp(event),
        servedOn: String(p.servedOn),
        method: p.method as ServiceMethod,
        recipient: String(p.recipient ?? ''),
        electronicConsent: p.electronicConsent === true,
        publicNoticeGrounds: orNull(p.publicNoticeGrounds),
        receiptHash: orNull(p.receiptHash),
        publicationRequired: p.publicationRequired === true,
      },
    };
  }),
  recordPublication: record(({ event }) => {
    const p = payloadOf<PublishDecisionNoticePayload>(event);
    return { publication: { ...stamp(event), publishedOn: String(p.publishedOn), channel: String(p.channel ?? ''), url: orNull(p.url) } };
  }),
  recordExecution: record(({ event }) => {
    const p = payloadOf<RecordExecutionPayload>(event);
    return { execution: { ...stamp(event), mode: p.mode as ExecutionMode, executedOn: String(p.executedOn), court: orNull(p.court), note: orNull(p.note) } };
  }),
  recordArchive: record(({ event }) => {
    const p = payloadOf<ArchiveCasePayload>(event);
    return { archive: { ...stamp(event), archiveNumber: String(p.archiveNumber ?? ''), archivedOn: String(p.archivedOn) } };
  }),
};

const routingGuards = {
  publicationRequired: ({ event }: Args) => payloadOf<ServeDecisionPayload>(event).publicationRequired === true,
};

// ================================================================================================
// The machine: v2's states up to the decision, then service, publication, execution, archive
// ================================================================================================

const base = enforcementDecisionV2Machine;
const when = whenOf<EnforcementDecisionV3EventType, EnforcementDecisionV3RuleName | keyof typeof routingGuards>(ENFORCEMENT_DECISION_V3_EVENT_RULES);

export const enforcementDecisionV3Machine = setup({
  types: {} as {
    context: Ctx;
    events: WorkflowEvent & { type: EnforcementDecisionV3EventType };
    input: WorkflowInput<CreateEnforcementDecisionPayload>;
  },
  guards: { ...(base.implementations.guards as Record<string, never>), ...ruleGuards(enforcementDecisionV3Rules), ...routingGuards },
  actions: { ...(base.implementations.actions as Record<string, never>), ...v3Actions },
}).createMachine({
  ...(base.config as object),
  context: (args: { input: WorkflowInput<CreateEnforcementDecisionPayload> }) => {
    const init = (base.config.context as (a: unknown) => EnforcementDecisionContext)(args);
    return args.input ? { ...init, ...AFTER_DECISION_RECORDS } : (init as Ctx);
  },
  states: {
    ...(base.config.states as object),
    decided: {
      on: {
        SERVE_DECISION: [
          { guard: when('SERVE_DECISION', 'publicationRequired'), target: 'publication', actions: 'recordService' },
          { guard: when('SERVE_DECISION'), target: 'execution', actions: 'recordService' },
        ],
      },
    },
    publication: {
      on: { PUBLISH_DECISION_NOTICE: { guard: when('PUBLISH_DECISION_NOTICE'), target: 'execution', actions: 'recordPublication' } },
    },
    execution: {
      on: { RECORD_EXECUTION: { guard: when('RECORD_EXECUTION'), target: 'executed', actions: 'recordExecution' } },
    },
    executed: {
      on: { ARCHIVE_CASE: { guard: when('ARCHIVE_CASE'), target: 'archived', actions: 'recordArchive' } },
    },
    archived: { type: 'final' },
  },
} as never) as unknown as AnyStateMachine;
