/**
 * Test fixtures for the party-normative-document workflow: valid payloads for every event and a
 * builder for `WorkflowEvent`s with a fixed time, actor and facts. Pure data, no I/O.
 */
import type { Actor, Role, WorkflowEvent, WorkflowInput } from '@app/engine';
import type { PartyNormativeDocumentEventType } from '../party-normative-document.machine';

export const AT = '2024-03-01T02:00:00.000Z';
export const TODAY = '2024-03-01';

/** issuedAt 2024-03-01 + 30 days = Sun 03-31 → Mon 04-01 */
export const FACTS = { filingDue: '2024-04-01' };

export const ACTORS: Record<Exclude<Role, 'auditor' | 'admin'>, Actor> = {
  'department-head': { userId: 'u-dept', role: 'department-head', orgUnit: '党政办' },
  'town-head': { userId: 'u-town', role: 'town-head', orgUnit: '党政办' },
  'legal-reviewer': { userId: 'u-reviewer', role: 'legal-reviewer', orgUnit: '司法所' },
  secretary: { userId: 'u-secretary', role: 'secretary', orgUnit: '党政办' },
  system: { userId: 'system:deadlines', role: 'system', orgUnit: '党政办' },
};

export const ROLE_OF: Record<PartyNormativeDocumentEventType, keyof typeof ACTORS> = {
  SUBMIT_DRAFT: 'department-head',
  SUBMIT_FOR_LEGALITY_REVIEW: 'department-head',
  ACCEPT_FOR_REVIEW: 'legal-reviewer',
  RETURN_INCOMPLETE: 'legal-reviewer',
  ISSUE_REVIEW_OPINION: 'legal-reviewer',
  CONFIRM_REVISIONS: 'department-head',
  ISSUE_DOCUMENT: 'secretary',
  RECORD_FILING: 'secretary',
  RECORD_FILING_REVIEW_RESULT: 'secretary',
  START_AMENDMENT: 'town-head',
  REPEAL_DOCUMENT: 'town-head',
  WITHDRAW: 'town-head',
  MARK_OVERDUE: 'system',
};

export const HASH = { draft1: 'a'.repeat(64), draft2: 'b'.repeat(64), revised: 'c'.repeat(64) };

export const createPayload = () => ({
  title: '中共掌起镇委员会关于进一步加强村级组织建设的若干规定',
  proposal: {
    issuingBody: '中共掌起镇委员会',
    purpose: '规范村级组织运行。',
    mainContent: '村级组织议事规则、监督机制。',
  },
});

export const createInput = (overrides: Partial<WorkflowInput> = {}): WorkflowInput => ({
  caseId: 'case-pnd-1',
  payload: createPayload(),
  actor: ACTORS['department-head'],
  at: AT,
  today: TODAY,
  facts: {},
  ...overrides,
});

export const EXEMPTION = { category: 'MEETING_NOTICE_OR_MINUTES', justification: '本件为镇党委会议纪要，不具有普遍约束力。' };

export const valid = {
  SUBMIT_DRAFT: (filingScope = 'REQUIRED', documentHash: string = HASH.draft1) => ({
    title: '关于进一步加强村级组织建设的若干规定',
    documentHash,
    filingScope,
    ...(filingScope === 'EXEMPT' ? { exemption: { ...EXEMPTION } } : {}),
  }),
  SUBMIT_FOR_LEGALITY_REVIEW: (draftHash: string = HASH.draft1) => ({
    materials: { draftHash, legalBasis: ['《中国共产党农村基层组织工作条例》'], procedureStatement: '已征求各村党组织意见。' },
    requestedCompletionDate: '2024-03-08',
  }),
  ACCEPT_FOR_REVIEW: () => ({}),
  RETURN_INCOMPLETE: () => ({ missing: ['起草说明'] }),
  ISSUE_REVIEW_OPINION: (outcome = 'LEGAL', exemptionRejected?: boolean) => ({
    outcome,
    reasons: '未发现明显不当，符合党章党规和上级精神。',
    legalBasis: ['《中国共产党农村基层组织工作条例》'],
    checks: {
      withinAuthorityAndProcedure: true,
      consistentWithConstitutionAndLaw: true,
      consistentWithPartyConstitutionAndPolicy: true,
      consistentWithHigherPartyRules: true,
      noObviousImpropriety: true,
    },
    ...(exemptionRejected === undefined ? {} : { exemptionRejected }),
  }),
  CONFIRM_REVISIONS: (documentHash: string = HASH.revised) => ({ documentHash, note: '已按审核意见修改。' }),
  ISSUE_DOCUMENT: (issuedAt = '2024-03-01') => ({ issuedAt, documentNumber: '掌党发〔2024〕3号' }),
  RECORD_FILING: (filedOn = '2024-03-15') => ({ filedOn, filedWith: '中共慈溪市委办公室', receiptNumber: 'BA-2024-021' }),
  RECORD_FILING_REVIEW_RESULT: (result = 'APPROVED') => ({ result, receivedOn: '2024-04-20' }),
  START_AMENDMENT: () => ({ reason: '按备案审查意见修改。' }),
  REPEAL_DOCUMENT: () => ({ reason: '已被新规定替代。', repealedOn: '2025-01-10' }),
  WITHDRAW: () => ({ reason: '不再制定。' }),
  MARK_OVERDUE: (dueDate: string = FACTS.filingDue) => ({ deadlineKey: 'partyFiling', dueDate }),
} satisfies Record<PartyNormativeDocumentEventType, (...args: any[]) => object>;

export const FACTS_OF: Partial<Record<PartyNormativeDocumentEventType, Record<string, unknown>>> = {
  ISSUE_DOCUMENT: { filingDue: FACTS.filingDue },
};

const TODAY_OF: Partial<Record<PartyNormativeDocumentEventType, string>> = {
  RECORD_FILING: '2024-03-15',
  // the day after the filing period ended
  MARK_OVERDUE: '2024-04-02',
};

export function ev(type: PartyNormativeDocumentEventType, payload?: object, overrides: Partial<WorkflowEvent> = {}): WorkflowEvent {
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
