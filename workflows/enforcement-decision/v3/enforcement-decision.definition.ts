/**
 * The enforcement-decision workflow, version 3 (issue 16, "enforcement after the legal review"):
 * version 2's states, events, rules and review deadline, and the case goes on past the decision —
 * service (送达), publication where required (公示), execution (执行) and archiving (归档), with
 * their rules (policies E10–E13), legal dates and deadlines. Running v1 and v2 cases keep their
 * version; an administrator may move them to v3, to the same state (their drafts not serious).
 */
import type { DeadlineDeclaration, EventMeta, Label, LegalDateDeclaration, RuleDefinition, StateMeta, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev, type EventEntry, stateMeta as state, withRules } from '../../common/definition-helpers';
import { done, prior, withLegalDates } from '../../common/legal-dates';
import { sameStatesMigration } from '../../common/same-states-migration';
import { ENFORCEMENT_DECISION_DEADLINES, ENFORCEMENT_DECISION_STAGES, ENFORCEMENT_DECISION_STATES, type EnforcementDecisionContext, enforcementDecisionV1Machine } from '../v1';
import { ENFORCEMENT_DECISION_V2_EVENTS, enforcementDecisionV2, enforcementDecisionV2Machine } from '../v2';
import {
  AFTER_DECISION_RECORDS,
  ENFORCEMENT_DECISION_V3_EVENT_RULES,
  type EnforcementDecisionV3Context,
  type EnforcementDecisionV3EventType,
  enforcementDecisionV3Machine,
  enforcementDecisionV3Rules,
} from './enforcement-decision.machine';
import { ENFORCEMENT_DECISION_V3_DOSSIER } from './enforcement-decision.dossier';
import * as P from './enforcement-decision.payloads';

type Ctx = EnforcementDecisionV3Context;

/** v1's stages with 送达 / 公示 / 执行 / 归档 in pipeline order, before the end. */
export const ENFORCEMENT_DECISION_V3_STAGES: Record<string, Label> = {
  investigation: ENFORCEMENT_DECISION_STAGES.investigation,
  legalityReview: ENFORCEMENT_DECISION_STAGES.legalityReview,
  decision: ENFORCEMENT_DECISION_STAGES.decision,
  service: { zh: '送达', en: 'Service' },
  publication: { zh: '公示', en: 'Publication' },
  execution: { zh: '执行', en: 'Execution' },
  archive: { zh: '归档', en: 'Archiving' },
  ended: ENFORCEMENT_DECISION_STAGES.ended,
};

export const ENFORCEMENT_DECISION_V3_STATES: Record<string, StateMeta> = {
  ...ENFORCEMENT_DECISION_STATES,
  decided: state('service', '已作出决定（待送达）', 'Decided (awaiting service)'),
  publication: state('publication', '已送达（待公示）', 'Served (awaiting publication)'),
  execution: state('execution', '待执行', 'Awaiting execution'),
  executed: state('archive', '已执行（待归档）', 'Executed (awaiting archiving)'),
  archived: state('archive', '已归档', 'Archived'),
};

export const ENFORCEMENT_DECISION_V3_PARAMS = {
  // APL Art. 61 ¶1: served within seven days when the party was not present; "七日" are working days (APL Art. 85)
  serviceWorkdays: { key: 'enforcement.service.workdays', default: 7, article: 'APL Art. 61 ¶1; APL Art. 85' },
  // APL Art. 48 sets no period: the town's 行政执法公示 rule decides it (UNCONFIRMED, 7 working days by default)
  publicationWorkdays: { key: 'enforcement.publication.workdays', default: 7, article: 'APL Art. 48 ¶1 (period UNCONFIRMED)' },
} as const;

const NEW_EVENTS: Record<Exclude<EnforcementDecisionV3EventType, keyof typeof ENFORCEMENT_DECISION_V2_EVENTS>, EventEntry> = {
  SERVE_DECISION: ev('送达执法决定书', 'Serve the decision', ['department-head'], P.ServeDecisionPayload),
  PUBLISH_DECISION_NOTICE: ev('公示执法决定', 'Publish the decision', ['secretary'], P.PublishDecisionNoticePayload),
  RECORD_EXECUTION: ev('登记执行情况', 'Record the execution', ['department-head'], P.RecordExecutionPayload),
  ARCHIVE_CASE: ev('案卷归档', 'Archive the case file', ['secretary'], P.ArchiveCasePayload),
};

const decided = prior<Ctx>('执法决定作出日', 'decision', (c) => c.decision?.decidedOn, 'APL Art. 57');
const served = prior<Ctx>('决定书送达日', 'service', (c) => c.service?.servedOn, 'APL Art. 61');
const executed = prior<Ctx>('执行日', 'execution', (c) => c.execution?.executedOn, 'APL Art. 66');

/** The legal dates of the events after the decision, checked by the runtime (docs/legal-dates.md). */
export const ENFORCEMENT_DECISION_V3_LEGAL_DATES: Partial<Record<EnforcementDecisionV3EventType, LegalDateDeclaration[]>> = {
  SERVE_DECISION: [done<Ctx>('servedOn', '决定书送达日', 'Service', { notBefore: [decided], article: 'APL Art. 61' })],
  PUBLISH_DECISION_NOTICE: [done<Ctx>('publishedOn', '执法决定公示日', 'Publication', { notBefore: [decided], article: 'APL Art. 48 ¶1' })],
  RECORD_EXECUTION: [done<Ctx>('executedOn', '执行日', 'Execution', { notBefore: [served], article: 'APL Art. 66' })],
  ARCHIVE_CASE: [done<Ctx>('archivedOn', '归档日', 'Archiving', { notBefore: [executed], article: 'APL Art. 47' })],
};

export const ENFORCEMENT_DECISION_V3_EVENTS: Record<EnforcementDecisionV3EventType, EventMeta> = {
  ...ENFORCEMENT_DECISION_V2_EVENTS,
  ...withLegalDates(withRules(NEW_EVENTS, ENFORCEMENT_DECISION_V3_EVENT_RULES), ENFORCEMENT_DECISION_V3_LEGAL_DATES),
};

export const ENFORCEMENT_DECISION_V3_DEADLINES: DeadlineDeclaration<Ctx>[] = [
  ...(ENFORCEMENT_DECISION_DEADLINES as DeadlineDeclaration<Ctx>[]),
  {
    key: 'decisionService',
    label: { zh: '送达执法决定书', en: 'Serve the decision' },
    states: ['decided'],
    type: 'due',
    unit: 'workdays',
    length: ENFORCEMENT_DECISION_V3_PARAMS.serviceWorkdays,
    responsible: ['department-head'],
    supervisor: ['town-head'],
    reminders: [2, 0],
    escalate: true,
    metBy: { payload: 'servedOn' },
    article: 'APL Art. 61 ¶1',
  },
  {
    key: 'decisionPublicNotice',
    label: { zh: '公示执法决定', en: 'Publish the decision' },
    states: ['publication'],
    type: 'due',
    unit: 'workdays',
    length: ENFORCEMENT_DECISION_V3_PARAMS.publicationWorkdays,
    responsible: ['secretary'],
    supervisor: ['town-head'],
    reminders: [2, 0],
    escalate: true,
    metBy: { payload: 'publishedOn' },
    article: 'APL Art. 48 ¶1',
  },
];

const REASON: Label = {
  zh: '重大执法决定作出后继续办理送达、公示、执行和归档（《中华人民共和国行政处罚法》第四十七条、第四十八条、第六十一条、第六十六条至第七十三条）',
  en: 'After the decision the case continues with service, publication, execution and archiving (Administrative Penalty Law Arts. 47, 48, 61, 66–73)',
};

export const enforcementDecisionV3: WorkflowDefinition<Ctx> = {
  ...(enforcementDecisionV2 as unknown as WorkflowDefinition<Ctx>),
  version: 3,
  machine: enforcementDecisionV3Machine,
  states: ENFORCEMENT_DECISION_V3_STATES,
  stages: ENFORCEMENT_DECISION_V3_STAGES,
  dossier: ENFORCEMENT_DECISION_V3_DOSSIER,
  events: ENFORCEMENT_DECISION_V3_EVENTS,
  rules: enforcementDecisionV3Rules as Record<string, RuleDefinition<Ctx>>,
  deadlines: ENFORCEMENT_DECISION_V3_DEADLINES,
  migrations: [
    sameStatesMigration<EnforcementDecisionContext, Ctx>(enforcementDecisionV1Machine, 1, REASON, (c) => ({
      ...c,
      drafts: c.drafts.map((d) => ({ ...d, seriousViolation: false })),
      ...AFTER_DECISION_RECORDS,
    })),
    sameStatesMigration<EnforcementDecisionContext, Ctx>(enforcementDecisionV2Machine, 2, REASON, (c) => ({ ...c, ...AFTER_DECISION_RECORDS })),
  ],
};
