/**
 * Test fixtures for the normative-document workflow: valid payloads for every event and a builder
 * for `WorkflowEvent`s with a fixed time, actor and facts. Pure data, no I/O.
 */
import type { Actor, Role, WorkflowEvent, WorkflowInput } from '@app/engine';
import type { NormativeDocumentEventType } from '../normative-document.machine';

export const AT = '2024-03-01T02:00:00.000Z';
/** Fri 2024-03-01 in Asia/Shanghai */
export const TODAY = '2024-03-01';

/** Facts as the runtime computes them for TODAY / the default payloads (2024 CN calendar, default config). */
export const FACTS = {
  /** 7th working day after opensAt 2024-03-01 */
  minClosesAt: '2024-03-12',
  /** 2024-03-01 + 30 days = Sun 03-31 → Mon 04-01 */
  minMarketClosesAt: '2024-04-01',
  /** 5th / 15th working day after TODAY */
  minCompletionDate: '2024-03-08',
  maxCompletionDate: '2024-03-22',
  /** the last day of 5 / 2 years whose first day is effectiveFrom 2024-05-01 */
  validityLastDay: '2029-04-30',
  provisionalValidityLastDay: '2026-04-30',
  /** the unified number the runtime allocates on REGISTER_DOCUMENT */
  unifiedNumber: 'ZJCX01-2024-0003',
  /** publishedAt 2024-04-25 + 30 days = Sat 05-25 → Mon 05-27; + 15 days = Fri 05-10 */
  governmentFilingDue: '2024-05-27',
  peoplesCongressFilingDue: '2024-05-27',
  townshipPresidiumFilingDue: '2024-05-10',
};

/** a cleanup campaign (POST /cleanup-campaigns) */
export const CAMPAIGN_ID = '5b0d7c1e-4a59-4f8e-9a57-0c7f2f1d9e21';

export const ACTORS: Record<Exclude<Role, 'auditor' | 'admin'>, Actor> = {
  'department-head': { userId: 'u-dept', role: 'department-head', orgUnit: '经济发展办' },
  'town-head': { userId: 'u-town', role: 'town-head', orgUnit: '党政办' },
  'legal-reviewer': { userId: 'u-reviewer', role: 'legal-reviewer', orgUnit: '司法所' },
  secretary: { userId: 'u-secretary', role: 'secretary', orgUnit: '党政办' },
  system: { userId: 'system:deadlines', role: 'system', orgUnit: '经济发展办' },
};

export const ROLE_OF: Record<NormativeDocumentEventType, keyof typeof ACTORS> = {
  SUBMIT_DRAFT: 'department-head',
  PUBLISH_FOR_COMMENT: 'department-head',
  EXTEND_COMMENT_PERIOD: 'department-head',
  CLOSE_COMMENT_PERIOD: 'department-head',
  SUBMIT_PARTICIPATION_SUMMARY: 'department-head',
  RECORD_FAIR_COMPETITION_REVIEW: 'department-head',
  SUBMIT_FOR_LEGALITY_REVIEW: 'department-head',
  ACCEPT_FOR_REVIEW: 'legal-reviewer',
  RETURN_INCOMPLETE: 'legal-reviewer',
  ISSUE_REVIEW_OPINION: 'legal-reviewer',
  CONFIRM_REVISIONS: 'department-head',
  SCHEDULE_MEETING: 'secretary',
  RECORD_MEETING: 'secretary',
  REGISTER_DOCUMENT: 'secretary',
  PUBLISH_DOCUMENT: 'secretary',
  RECORD_FILING: 'secretary',
  RECORD_EXPIRY_EVALUATION: 'department-head',
  OPEN_CLEANUP_REVIEW: 'legal-reviewer',
  RECORD_CLEANUP_REVIEW: 'secretary',
  START_AMENDMENT: 'town-head',
  REPEAL_DOCUMENT: 'secretary',
  DECLARE_EXPIRED: 'secretary',
  WITHDRAW: 'town-head',
  MARK_FILING_OVERDUE: 'system',
};

export const HASH = {
  draft1: 'a'.repeat(64),
  draft2: 'b'.repeat(64),
  revised: 'c'.repeat(64),
};

export const createPayload = () => ({
  title: '掌起镇农村宅基地管理办法',
  proposal: {
    purpose: '规范农村宅基地审批和使用管理。',
    legalBasis: '《中华人民共和国土地管理法》第六十二条',
    mainContent: '明确宅基地申请条件、审批程序和监督管理。',
  },
});

export const createInput = (overrides: Partial<WorkflowInput> = {}): WorkflowInput => ({
  caseId: 'case-nd-1',
  payload: createPayload(),
  actor: ACTORS['department-head'],
  at: AT,
  today: TODAY,
  facts: {},
  ...overrides,
});

/** Valid payloads, by event type (functions, so each test gets a fresh object). */
export const valid = {
  SUBMIT_DRAFT: (marketRelated = false, documentHash: string = HASH.draft1, title = '掌起镇农村宅基地管理办法') => ({
    title,
    documentHash,
    marketRelated,
    explanation: '起草说明：依据上位法，结合本镇实际。',
  }),
  PUBLISH_FOR_COMMENT: (closesAt = '2024-04-01') => ({ opensAt: '2024-03-01', closesAt, channels: ['掌起镇人民政府网站'] }),
  EXTEND_COMMENT_PERIOD: () => ({ closesAt: '2024-04-08', reason: '群众要求延长。' }),
  CLOSE_COMMENT_PERIOD: () => ({}),
  SUBMIT_PARTICIPATION_SUMMARY: () => ({
    received: 8,
    adopted: 3,
    summary: '收到意见8条，采纳3条。',
    marketEntitiesHeard: ['慈溪市家电行业协会'],
    adoptionFeedback: { publishedAt: '2024-04-10', channel: '掌起镇人民政府网站', summary: '意见采纳情况已反馈。' },
  }),
  RECORD_FAIR_COMPETITION_REVIEW: (conclusion = 'COMPLIANT') => ({ conclusion, summary: '不含排除、限制竞争内容。', reviewedOn: '2024-04-11' }),
  SUBMIT_FOR_LEGALITY_REVIEW: (draftHash: string = HASH.draft1) => ({
    materials: { draftHash, legalBasis: ['《中华人民共和国土地管理法》'], procedureStatement: '已公开征求意见。' },
    requestedCompletionDate: '2024-03-08',
  }),
  ACCEPT_FOR_REVIEW: () => ({ receiptNumber: 'LXD-2024-007' }),
  RETURN_INCOMPLETE: () => ({ missing: ['起草说明'] }),
  ISSUE_REVIEW_OPINION: (outcome = 'LEGAL') => ({
    outcome,
    reasons: '制定主体适格，程序完备，内容合法。',
    legalBasis: ['《中华人民共和国土地管理法》'],
    contentLimits: {
      createsLicensing: false,
      createsPenalty: false,
      createsCompulsoryMeasure: false,
      reducesRightsOrAddsObligationsWithoutBasis: false,
      restrictsMarketEntryOrExit: false,
    },
  }),
  CONFIRM_REVISIONS: (documentHash: string = HASH.revised) => ({ documentHash, note: '已按审核意见修改第五条。' }),
  SCHEDULE_MEETING: () => ({ meetingType: 'TOWN_HEAD_OFFICE_MEETING', scheduledAt: '2024-04-20T01:30:00.000Z' }),
  RECORD_MEETING: (decision = 'APPROVED') => ({
    attendees: ['王镇长', '陈副镇长', '司法所 李所长'],
    decision,
    summary: '会议审议并原则通过。',
    reviewerAttended: true,
  }),
  REGISTER_DOCUMENT: () => ({ documentNumber: '掌政发〔2024〕5号' }),
  PUBLISH_DOCUMENT: (lines: string[] = []) => ({
    publishedAt: '2024-04-25',
    channels: ['掌起镇人民政府网站'],
    effectiveFrom: '2024-05-01',
    validUntil: '2029-04-30',
    ...(lines.length ? { additionalFilingLines: lines } : {}),
  }),
  RECORD_FILING: (line = 'GOVERNMENT') => ({ line, filedOn: '2024-05-06', filedWith: '慈溪市司法局' }),
  RECORD_EXPIRY_EVALUATION: (conclusion = 'KEEP') => ({ conclusion, report: '实施效果良好。' }),
  OPEN_CLEANUP_REVIEW: (campaignId = CAMPAIGN_ID) => ({ campaignId, campaign: '2024年度行政规范性文件清理' }),
  RECORD_CLEANUP_REVIEW: (conclusion = 'KEEP') => ({ conclusion, reasons: '与上位法一致，继续有效。', campaign: '2024年度规范性文件清理' }),
  START_AMENDMENT: () => ({ ground: 'HIGHER_LAW_CHANGED', reason: '上位法修改。' }),
  REPEAL_DOCUMENT: () => ({ reason: '上位法废止。', publishedAt: '2026-01-10', channels: ['掌起镇人民政府网站'] }),
  DECLARE_EXPIRED: () => ({}),
  WITHDRAW: () => ({ reason: '上级已出台统一规定，不再制定。' }),
  MARK_FILING_OVERDUE: (deadlineKey = 'governmentFiling', dueDate?: string) => ({
    deadlineKey,
    dueDate:
      dueDate ??
      ({ governmentFiling: FACTS.governmentFilingDue, peoplesCongressFiling: FACTS.peoplesCongressFilingDue, townshipPresidiumFiling: FACTS.townshipPresidiumFilingDue } as Record<string, string>)[
        deadlineKey
      ],
  }),
} satisfies Record<NormativeDocumentEventType, (...args: any[]) => object>;

/** The facts the runtime passes for an event type (only the declared ones). */
export const FACTS_OF: Partial<Record<NormativeDocumentEventType, Record<string, unknown>>> = {
  PUBLISH_FOR_COMMENT: { minClosesAt: FACTS.minClosesAt, minMarketClosesAt: FACTS.minMarketClosesAt },
  SUBMIT_FOR_LEGALITY_REVIEW: { minCompletionDate: FACTS.minCompletionDate, maxCompletionDate: FACTS.maxCompletionDate },
  REGISTER_DOCUMENT: { unifiedNumber: FACTS.unifiedNumber },
  PUBLISH_DOCUMENT: {
    validityLastDay: FACTS.validityLastDay,
    provisionalValidityLastDay: FACTS.provisionalValidityLastDay,
    governmentFilingDue: FACTS.governmentFilingDue,
    peoplesCongressFilingDue: FACTS.peoplesCongressFilingDue,
    townshipPresidiumFilingDue: FACTS.townshipPresidiumFilingDue,
  },
};

/** Days some events need: after the consultation (extended to 04-08) and after the validity. */
const TODAY_OF: Partial<Record<NormativeDocumentEventType, string>> = {
  CLOSE_COMMENT_PERIOD: '2024-04-09',
  DECLARE_EXPIRED: '2029-05-01',
  // the day after the government and people's congress lines' periods ended (05-27)
  MARK_FILING_OVERDUE: '2024-05-28',
};

/**
 * A `WorkflowEvent` with a fixed `at` / `today`, the usual actor for the type and its facts.
 * `payload` defaults to the valid payload; `overrides` replaces any top-level field.
 */
export function ev(type: NormativeDocumentEventType, payload?: object, overrides: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    payload: payload ?? (valid[type] as () => object)(),
    actor: ACTORS[ROLE_OF[type]],
    at: AT,
    today: TODAY_OF[type] ?? TODAY,
    facts: { ...(FACTS_OF[type] ?? {}) },
    ...overrides,
  };
}

/** REGISTER_DOCUMENT with the unified number the runtime allocated (`facts.unifiedNumber`, policy N6). */
export function register(unifiedNumber: string = FACTS.unifiedNumber): WorkflowEvent {
  return ev('REGISTER_DOCUMENT', undefined, { facts: { unifiedNumber } });
}
