/**
 * Test fixtures for the enforcement-decision workflow: valid payloads for every event and a
 * builder for `WorkflowEvent`s with a fixed time and actor. Pure data, no I/O.
 */
import type { Actor, ActorProfile, Role, WorkflowEvent, WorkflowInput } from '@app/engine';
import type { EnforcementDecisionEventType } from '../enforcement-decision.machine';

export const AT = '2024-03-01T02:00:00.000Z';
export const TODAY = '2024-03-01';

export const ACTORS: Record<Exclude<Role, 'auditor' | 'admin' | 'system'>, Actor> = {
  'department-head': { userId: 'u-dept', role: 'department-head', orgUnit: '综合行政执法队' },
  'town-head': { userId: 'u-town', role: 'town-head', orgUnit: '党政办' },
  'legal-reviewer': { userId: 'u-reviewer', role: 'legal-reviewer', orgUnit: '司法所' },
  secretary: { userId: 'u-secretary', role: 'secretary', orgUnit: '党政办' },
};

export const ROLE_OF: Record<EnforcementDecisionEventType, keyof typeof ACTORS> = {
  SUBMIT_DRAFT: 'department-head',
  SUBMIT_FOR_LEGALITY_REVIEW: 'department-head',
  ACCEPT_FOR_REVIEW: 'legal-reviewer',
  RETURN_INCOMPLETE: 'legal-reviewer',
  ISSUE_REVIEW_OPINION: 'legal-reviewer',
  CONFIRM_REVISIONS: 'department-head',
  RECORD_DECISION: 'town-head',
  RETURN_FOR_REVISION: 'town-head',
  WITHDRAW: 'town-head',
};

export const HASH = { draft1: 'a'.repeat(64), draft2: 'b'.repeat(64), revised: 'c'.repeat(64) };

/** A qualification as the payload used to declare it (ignored now, policy E1; only old histories carry it). */
export const QUALIFIED = { holderName: '李审核', certificateNumber: 'A20193302100123' };

/** The reviewer's user record as the runtime passes it (`facts.reviewer`, fact kind `actor`). */
export const profile = (patch: Partial<ActorProfile> = {}): ActorProfile => ({
  userId: 'u-reviewer',
  displayName: '李审核',
  legalProfessionalQualification: { certificateNumber: 'A20193302100123', obtainedOn: '2019-12-20' },
  legalReviewSince: null,
  ...patch,
});
/** a recorded user without any qualification */
export const UNQUALIFIED = profile({ displayName: '新审核', legalProfessionalQualification: null, legalReviewSince: null });

export const createPayload = () => ({
  title: '某建材公司违法占用耕地案',
  proposal: {
    party: '慈溪市某建材有限公司',
    decisionType: 'PENALTY',
    majorGround: 'MAJOR_RIGHTS_AFTER_HEARING',
    matter: '未经批准占用耕地 12 亩堆放建材。',
  },
});

export const createInput = (overrides: Partial<WorkflowInput> = {}): WorkflowInput => ({
  caseId: 'case-ed-1',
  payload: createPayload(),
  actor: ACTORS['department-head'],
  at: AT,
  today: TODAY,
  facts: {},
  ...overrides,
});

export const valid = {
  SUBMIT_DRAFT: (documentHash: string = HASH.draft1) => ({
    title: '行政处罚决定书（拟）',
    documentHash,
    factsFound: '当事人未经批准占用耕地 12 亩。',
    evidence: ['现场勘验笔录', '询问笔录', '测绘报告'],
    proposedDecision: '责令退还土地，罚款 24 万元。',
    hearingHeld: true,
  }),
  SUBMIT_FOR_LEGALITY_REVIEW: (draftHash: string = HASH.draft1) => ({
    materials: { draftHash, legalBasis: ['《中华人民共和国土地管理法》第七十七条'], procedureStatement: '已告知陈述申辩和听证权利，已举行听证。' },
    requestedCompletionDate: '2024-03-08',
  }),
  ACCEPT_FOR_REVIEW: () => ({}),
  RETURN_INCOMPLETE: () => ({ missing: ['听证笔录'] }),
  ISSUE_REVIEW_OPINION: (outcome = 'LEGAL', reviewerQualification?: object) => ({
    outcome,
    reasons: '事实清楚，证据确凿，程序合法，适用依据正确，裁量适当。',
    legalBasis: ['《中华人民共和国行政处罚法》第五十八条'],
    ...(reviewerQualification ? { reviewerQualification: { ...reviewerQualification } } : {}),
  }),
  CONFIRM_REVISIONS: (documentHash: string = HASH.revised) => ({ documentHash, note: '已按审核意见调整罚款数额说理。' }),
  RECORD_DECISION: (decisionHash: string = HASH.draft1, decidedOn = '2024-03-01') => ({
    decidedOn,
    documentNumber: '慈掌综执罚决字〔2024〕第 3 号',
    decisionHash,
    collectiveDiscussion: true,
  }),
  RETURN_FOR_REVISION: () => ({ reason: '裁量说理不充分，重新拟定。' }),
  WITHDRAW: () => ({ reason: '当事人已在立案前整改，撤销立案。' }),
} satisfies Record<EnforcementDecisionEventType, (...args: any[]) => object>;

export function ev(type: EnforcementDecisionEventType, payload?: object, overrides: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    payload: payload ?? (valid[type] as () => object)(),
    actor: ACTORS[ROLE_OF[type]],
    at: AT,
    today: TODAY,
    facts: type === 'ISSUE_REVIEW_OPINION' ? { reviewer: profile() } : {},
    ...overrides,
  };
}

/** ISSUE_REVIEW_OPINION by a reviewer whose user record is `reviewer`; `payload` may add a (ignored) declaration. */
export function opinion(reviewer: ActorProfile, payload: object = valid.ISSUE_REVIEW_OPINION()): WorkflowEvent {
  return ev('ISSUE_REVIEW_OPINION', payload, { facts: { reviewer } });
}
