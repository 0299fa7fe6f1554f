/**
 * The normative-document workflow, version 2 (issue 9 §11): version 1 plus the validity end.
 * - `validityEnd`: a deadline on the last day of validity whose due event is EXPIRE, sent by
 *   Docket itself (the `system` actor, through the runtime) the day after: the case moves to
 *   `expired`, attributed to the system (系统（期限监控）) in the history.
 * - cleanup reviews also on a published document awaiting filing (it is 现行有效).
 * - a market-related consultation may be shortened with a reason stated in the notice (§14a).
 * Version 1 stays registered: its cases and golden histories replay on it; a running v1 case moves
 * to v2 by MIGRATE_WORKFLOW (same states, same context).
 */
import type { DeadlineDeclaration, EventMeta, RuleDefinition, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev } from '../../common/definition-helpers';
import {
  NORMATIVE_DOCUMENT_DEADLINES,
  NORMATIVE_DOCUMENT_EVENTS,
  NORMATIVE_DOCUMENT_PARAMS,
  NORMATIVE_DOCUMENT_STAGES,
  NORMATIVE_DOCUMENT_STATES,
  normativeDocumentV1,
} from '../v1/normative-document.definition';
import type { NormativeDocumentContext } from '../v1/normative-document.machine';
import { DeadlineMissedPayload } from '../../common/deadline-missed.payload';
import { sameStatesMigration } from '../../common/same-states-migration';
import { normativeDocumentV2Machine, normativeDocumentV2Rules } from './normative-document.v2.machine';

/** Sent by Docket itself the day after the validity ended (`validityEnd` deadline's onMissed). */
export class ExpirePayload extends DeadlineMissedPayload {}

/** OBE Art. 62 一般不少于30日: the shortest market-related consultation with a stated reason (0: no bound beyond it). */
export const SHORTENED_MARKET_CONSULTATION_MIN_DAYS = { key: 'normdoc.marketRelated.shortenedMinDays', default: 0, article: 'OBE Art. 62' } as const;

export const NORMATIVE_DOCUMENT_V2_EVENTS: Record<string, EventMeta> = {
  ...NORMATIVE_DOCUMENT_EVENTS,
  PUBLISH_FOR_COMMENT: {
    ...NORMATIVE_DOCUMENT_EVENTS.PUBLISH_FOR_COMMENT,
    facts: {
      ...NORMATIVE_DOCUMENT_EVENTS.PUBLISH_FOR_COMMENT.facts,
      minShortenedMarketClosesAt: { kind: 'calendarDaysAfter', from: { payload: 'opensAt' }, days: SHORTENED_MARKET_CONSULTATION_MIN_DAYS, rollToWorkday: false },
    },
  },
  EXPIRE: { ...ev('有效期届满失效', 'Expire at the end of validity', ['system'], ExpirePayload), rules: ['validityEndReached'] },
};

export const NORMATIVE_DOCUMENT_V2_DEADLINES: DeadlineDeclaration<NormativeDocumentContext>[] = [
  ...NORMATIVE_DOCUMENT_DEADLINES,
  {
    key: 'validityEnd',
    label: { zh: '有效期届满', en: 'End of validity' },
    // the text in force: while the case is in force (an amendment round keeps the old text, but
    // the case is then elsewhere; it returns to inForce, where the deadline opens again)
    states: ['inForce'],
    type: 'due',
    unit: 'calendarDays',
    length: NORMATIVE_DOCUMENT_PARAMS.validityMaxDays,
    dueDate: (ctx) => ctx.inEffect?.validUntil,
    // nobody has to act: Docket expires the document itself (no reminders, no overdue notices)
    responsible: [],
    supervisor: [],
    reminders: [],
    escalate: false,
    // N14: the day after the last day of validity, Docket expires the document
    onMissed: { event: 'EXPIRE' },
    // reached, not late: the expiry it waits for closes it as met
    metOn: ['EXPIRE'],
    article: '浙江省人民政府令第372号; CC Art. 203',
  },
];

export const normativeDocumentV2: WorkflowDefinition<NormativeDocumentContext> = {
  ...normativeDocumentV1,
  version: 2,
  machine: normativeDocumentV2Machine,
  states: NORMATIVE_DOCUMENT_STATES,
  stages: NORMATIVE_DOCUMENT_STAGES,
  events: NORMATIVE_DOCUMENT_V2_EVENTS,
  rules: normativeDocumentV2Rules as Record<string, RuleDefinition<NormativeDocumentContext>>,
  deadlines: NORMATIVE_DOCUMENT_V2_DEADLINES,
  migrations: [
    sameStatesMigration(normativeDocumentV1.machine, 1, {
      zh: '新版本：有效期届满由系统自动使文件失效；已公布待备案的文件纳入清理（现行有效的统一口径）；与市场主体密切相关的文件征求意见期限可说明理由后缩短',
      en: 'New version: the system expires a document at the end of its validity; published documents awaiting filing are included in cleanups (one definition of in force); a market-related consultation may be shortened with a stated reason',
    }),
  ],
};
