/**
 * Test fixtures for the major-decision workflow: valid payloads for every event and a builder for
 * `WorkflowEvent`s with a fixed time, actor and facts. Used by the specs (and usable by API e2e
 * tests); pure data, no I/O.
 */
import type { Actor, Role, WorkflowEvent, WorkflowInput } from '@app/engine';
import type { MajorDecisionEventType, Procedures } from '../major-decision.machine';

export const AT = '2024-03-01T02:00:00.000Z';
/** Fri 2024-03-01 in Asia/Shanghai */
export const TODAY = '2024-03-01';

/** Facts as the runtime would compute them for TODAY / the default payloads (2024 CN calendar). */
export const FACTS = {
  /** 7th working day after Fri 2024-03-01 */
  minCompletionDate: '2024-03-12',
  /** 2024-03-01 + 30 days = Sun 2024-03-31 → rolls to Mon 2024-04-01 */
  minClosesAt: '2024-04-01',
  /** materials served 2024-03-05 + 7 days */
  earliestHearingDate: '2024-03-12',
};

export const ACTORS: Record<Exclude<Role, 'auditor' | 'admin' | 'system'>, Actor> = {
  'department-head': { userId: 'u-dept', role: 'department-head', orgUnit: '经济发展办' },
  'town-head': { userId: 'u-town', role: 'town-head', orgUnit: '党政办' },
  'legal-reviewer': { userId: 'u-reviewer', role: 'legal-reviewer', orgUnit: '司法所' },
  secretary: { userId: 'u-secretary', role: 'secretary', orgUnit: '党政办' },
};

export const ROLE_OF: Record<MajorDecisionEventType, keyof typeof ACTORS> = {
  DECIDE_TO_START: 'town-head',
  DECLINE_TO_START: 'town-head',
  SUBMIT_DRAFT: 'department-head',
  PUBLISH_FOR_COMMENT: 'department-head',
  EXTEND_COMMENT_PERIOD: 'department-head',
  CLOSE_COMMENT_PERIOD: 'department-head',
  RECORD_HEARING: 'department-head',
  SUBMIT_PARTICIPATION_SUMMARY: 'department-head',
  RECORD_EXPERT_OPINION: 'department-head',
  SUBMIT_EXPERT_SUMMARY: 'department-head',
  SUBMIT_RISK_REPORT: 'department-head',
  SUBMIT_FOR_LEGALITY_REVIEW: 'department-head',
  ACCEPT_FOR_REVIEW: 'legal-reviewer',
  RETURN_INCOMPLETE: 'legal-reviewer',
  ISSUE_REVIEW_OPINION: 'legal-reviewer',
  CONFIRM_REVISIONS: 'department-head',
  SCHEDULE_MEETING: 'secretary',
  RECORD_MEETING: 'secretary',
  RECORD_PARTY_COMMITTEE_REPORT: 'secretary',
  PUBLISH_DECISION: 'secretary',
  REPORT_IMPLEMENTATION: 'department-head',
  START_POST_EVALUATION: 'town-head',
  SUBMIT_POST_EVALUATION: 'secretary',
  SUSPEND: 'town-head',
  RESUME: 'town-head',
  PROPOSE_ADJUSTMENT: 'town-head',
  CLOSE_CASE: 'town-head',
  ARCHIVE: 'secretary',
  WITHDRAW: 'town-head',
};

export const HASH = {
  draft1: 'a'.repeat(64),
  draft2: 'b'.repeat(64),
  revised: 'c'.repeat(64),
};

export const ALL_PROCEDURES: Procedures = {
  publicParticipation: true,
  hearing: true,
  expertReview: true,
  riskAssessment: true,
  fairCompetitionReview: true,
};
export const NO_PROCEDURES: Procedures = {
  publicParticipation: false,
  hearing: false,
  expertReview: false,
  riskAssessment: false,
  fairCompetitionReview: false,
};
export const only = (...names: Array<keyof Procedures>): Procedures =>
  Object.fromEntries(Object.keys(NO_PROCEDURES).map((k) => [k, names.includes(k as keyof Procedures)])) as unknown as Procedures;

export const createPayload = () => ({
  title: '掌起镇工业特色型美丽城镇样板镇创建',
  proposal: {
    problem: '镇区工业园区配套设施不足，道路与管网老化。',
    reasons: '落实省美丽城镇建设行动要求。',
    legalBasis: '《浙江省美丽城镇建设指南》',
    solution: '分三年实施园区道路、管网和公共空间改造。',
    necessity: '改善营商环境和居民生活条件。',
  },
});

export const createInput = (overrides: Partial<WorkflowInput> = {}): WorkflowInput => ({
  caseId: 'case-1',
  payload: createPayload(),
  actor: ACTORS['department-head'],
  at: AT,
  today: TODAY,
  facts: {},
  ...overrides,
});

const statements = (head: { position: string; text?: string }, members: Array<[string, string]>) => [
  ...members.map(([speaker, position]) => ({ speaker, role: 'MEMBER', position, text: `${speaker}：${position === 'OPPOSE' ? '我不同意，理由是资金来源尚不明确。' : '同意。'}` })),
  { speaker: '王镇长', role: 'HEAD', position: head.position, text: head.text ?? '综合大家的意见，我的意见如下。' },
];

/** Valid payloads, by event type (functions, so each test gets a fresh object). */
export const valid = {
  DECIDE_TO_START: (procedures: Procedures = ALL_PROCEDURES) => ({ undertakingUnit: '经济发展办', procedures: { ...procedures } }),
  DECLINE_TO_START: () => ({ reason: '不属于重大行政决策事项目录范围。' }),
  SUBMIT_DRAFT: (documentHash: string = HASH.draft1) => ({
    title: '掌起镇美丽城镇样板镇创建实施方案（草案）',
    documentHash,
    options: [{ title: '方案一', summary: '三年分步实施。' }],
    fairCompetitionReview: { conclusion: 'COMPLIANT', summary: '不含排除、限制竞争内容。', reviewedOn: '2024-02-28' },
  }),
  PUBLISH_FOR_COMMENT: () => ({ opensAt: '2024-03-01', closesAt: '2024-04-01', channels: ['掌起镇人民政府网站', '政务微信公众号'] }),
  EXTEND_COMMENT_PERIOD: () => ({ closesAt: '2024-04-08', reason: '群众要求延长。' }),
  CLOSE_COMMENT_PERIOD: () => ({}),
  RECORD_HEARING: () => ({
    heldAt: '2024-03-12',
    materialsServedAt: '2024-03-05',
    participants: ['村民代表甲', '企业代表乙'],
    recordSigned: true,
  }),
  SUBMIT_PARTICIPATION_SUMMARY: () => ({ received: 12, adopted: 5, summary: '收到意见12条，采纳5条，未采纳的已说明理由。' }),
  RECORD_EXPERT_OPINION: () => ({
    expert: '张教授',
    institution: '宁波大学',
    hasDirectInterest: false,
    opinion: '方案总体可行，建议优化分期安排。',
    signed: true,
  }),
  SUBMIT_EXPERT_SUMMARY: () => ({ adoptionSummary: '专家意见均已采纳。' }),
  SUBMIT_RISK_REPORT: (controllable = true) => ({
    riskLevel: 'MEDIUM',
    controllable,
    riskPoints: ['施工期间交通影响'],
    measures: '分段施工，提前公告。',
    assessorUnit: '慈溪市社会风险评估中心',
  }),
  SUBMIT_FOR_LEGALITY_REVIEW: (draftHash: string = HASH.draft1) => ({
    materials: { draftHash, legalBasis: ['《重大行政决策程序暂行条例》'], procedureStatement: '已履行公众参与、专家论证、风险评估程序。' },
    requestedCompletionDate: '2024-03-12',
  }),
  ACCEPT_FOR_REVIEW: () => ({}),
  RETURN_INCOMPLETE: () => ({ missing: ['风险评估报告原件'] }),
  ISSUE_REVIEW_OPINION: (outcome = 'LEGAL') => ({
    outcome,
    reasons: '主体适格，程序完备，内容合法。',
    legalBasis: ['《重大行政决策程序暂行条例》第二十五条'],
    legalAdvisers: ['李律师（镇法律顾问）'],
    ...(outcome === 'EXPLORATORY_RISK_DISCLOSED' ? { riskStatement: '国家尚无明确规定，存在被确认违法的风险。' } : {}),
  }),
  CONFIRM_REVISIONS: (documentHash: string = HASH.revised) => ({ documentHash, note: '已按审查意见修改第三条。' }),
  SCHEDULE_MEETING: () => ({ meetingType: 'STANDING_MEETING', scheduledAt: '2024-04-20T01:30:00.000Z' }),
  RECORD_MEETING: (decision = 'APPROVED') => ({
    attendees: ['王镇长', '陈副镇长', '刘副镇长', '赵委员'],
    statements: statements({ position: decision === 'APPROVED' ? 'SUPPORT' : 'OPPOSE' }, [
      ['陈副镇长', 'SUPPORT'],
      ['刘副镇长', 'SUPPORT'],
      ['赵委员', 'OPPOSE'],
    ]),
    decision,
    ...(decision === 'APPROVED' ? {} : { headReason: '资金安排尚需论证。' }),
  }),
  RECORD_PARTY_COMMITTEE_REPORT: (outcome = 'AGREED') => ({ reportedAt: '2024-04-22', outcome }),
  PUBLISH_DECISION: () => ({
    publishedAt: '2024-04-25',
    channels: ['掌起镇人民政府网站'],
    adoptionExplanation: '公众意见采纳5条，专家意见全部采纳。',
  }),
  REPORT_IMPLEMENTATION: () => ({ report: '一期工程已开工。' }),
  START_POST_EVALUATION: () => ({ evaluatorUnit: '慈溪市社会科学院' }),
  SUBMIT_POST_EVALUATION: () => ({ report: '决策实施效果良好。', recommendation: 'CONTINUE' }),
  SUSPEND: () => ({ reason: '汛期施工安全风险。' }),
  RESUME: () => ({}),
  PROPOSE_ADJUSTMENT: (scope = 'MINOR', procedures?: Procedures) => ({
    scope,
    description: '调整二期施工时序。',
    ...(procedures ? { procedures: { ...procedures } } : {}),
  }),
  CLOSE_CASE: () => ({}),
  ARCHIVE: () => ({ archiveNumber: 'ZQ-ZDJC-2024-001' }),
  WITHDRAW: () => ({ reason: '上级政策调整，不再推进。' }),
} satisfies Record<MajorDecisionEventType, (...args: any[]) => object>;

/** The facts the runtime passes for an event type (only the declared ones). */
export const FACTS_OF: Partial<Record<MajorDecisionEventType, Record<string, unknown>>> = {
  SUBMIT_FOR_LEGALITY_REVIEW: { minCompletionDate: FACTS.minCompletionDate },
  PUBLISH_FOR_COMMENT: { minClosesAt: FACTS.minClosesAt },
  RECORD_HEARING: { earliestHearingDate: FACTS.earliestHearingDate },
};

/**
 * A `WorkflowEvent` with a fixed `at` / `today`, the usual actor for the type and its facts.
 * `payload` defaults to the valid payload; `overrides` replaces any top-level field.
 */
export function ev(type: MajorDecisionEventType, payload?: object, overrides: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    payload: payload ?? (valid[type] as () => object)(),
    actor: ACTORS[ROLE_OF[type]],
    at: AT,
    // the comment period must have ended for CLOSE_COMMENT_PERIOD (after the extension to 04-08)
    today: type === 'CLOSE_COMMENT_PERIOD' ? '2024-04-09' : TODAY,
    facts: { ...(FACTS_OF[type] ?? {}) },
    ...overrides,
  };
}
