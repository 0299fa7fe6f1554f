/**
 * Test fixtures for the administrative-contract workflow: valid payloads for every event and a
 * builder for `WorkflowEvent`s with a fixed time and actor. Pure data, no I/O.
 */
import type { Actor, Role, WorkflowEvent, WorkflowInput } from '@app/engine';
import type { AdministrativeContractEventType } from '../administrative-contract.machine';

export const AT = '2024-03-01T02:00:00.000Z';
export const TODAY = '2024-03-01';

export const ACTORS: Record<Exclude<Role, 'auditor' | 'admin' | 'system'>, Actor> = {
  'department-head': { userId: 'u-dept', role: 'department-head', orgUnit: '经济发展办' },
  'town-head': { userId: 'u-town', role: 'town-head', orgUnit: '党政办' },
  'legal-reviewer': { userId: 'u-reviewer', role: 'legal-reviewer', orgUnit: '司法所' },
  secretary: { userId: 'u-secretary', role: 'secretary', orgUnit: '党政办' },
};

export const ROLE_OF: Record<AdministrativeContractEventType, keyof typeof ACTORS> = {
  RECORD_DUE_DILIGENCE: 'department-head',
  SUBMIT_DRAFT: 'department-head',
  SUBMIT_FOR_LEGALITY_REVIEW: 'department-head',
  ACCEPT_FOR_REVIEW: 'legal-reviewer',
  RETURN_INCOMPLETE: 'legal-reviewer',
  ISSUE_REVIEW_OPINION: 'legal-reviewer',
  CONFIRM_REVISIONS: 'department-head',
  SCHEDULE_MEETING: 'secretary',
  RECORD_MEETING: 'secretary',
  SIGN_CONTRACT: 'town-head',
  REGISTER_ON_PLATFORM: 'department-head',
  RECORD_FILING: 'department-head',
  REPORT_PERFORMANCE: 'department-head',
  PROPOSE_CHANGE: 'department-head',
  CLOSE_CONTRACT: 'department-head',
  WITHDRAW: 'town-head',
};

export const HASH = { draft1: 'a'.repeat(64), draft2: 'b'.repeat(64), revised: 'c'.repeat(64), change: 'd'.repeat(64) };

export const createPayload = () => ({
  title: '掌起镇工业园区标准厂房租赁合同',
  proposal: {
    counterparty: '宁波某电器有限公司',
    contractType: 'STATE_ASSET_LEASE_OR_TRANSFER',
    subjectMatter: '出租镇属标准厂房 3 号楼，租期 5 年',
    amountYuan: 1_800_000,
  },
});

export const createInput = (overrides: Partial<WorkflowInput> = {}): WorkflowInput => ({
  caseId: 'case-ac-1',
  payload: createPayload(),
  actor: ACTORS['department-head'],
  at: AT,
  today: TODAY,
  facts: {},
  ...overrides,
});

export const CHECKLIST = (organGuarantee = false) => ({
  subjectQualified: true,
  termsLawfulAndReasonable: true,
  textStandard: true,
  disputeClauseSound: true,
  organGuarantee,
  exceedsAuthority: false,
});

export const valid = {
  RECORD_DUE_DILIGENCE: (conclusion = 'SATISFACTORY') => ({
    counterparty: '宁波某电器有限公司',
    assets: '注册资本 2000 万元，资产状况良好',
    qualification: '营业执照有效，经营范围相符',
    credit: '无失信被执行记录',
    performanceCapacity: '近三年租金均按期支付',
    conclusion,
  }),
  SUBMIT_DRAFT: (major = false, documentHash: string = HASH.draft1) => ({
    title: '标准厂房租赁合同',
    documentHash,
    major,
    modelTextUsed: true,
    disputeResolution: 'LITIGATION',
  }),
  SUBMIT_FOR_LEGALITY_REVIEW: (draftHash: string = HASH.draft1) => ({
    materials: { draftHash, legalBasis: ['《中华人民共和国民法典》合同编'], procedureStatement: '已完成尽职调查', otherMaterials: ['对方营业执照'] },
    requestedCompletionDate: '2024-03-08',
  }),
  ACCEPT_FOR_REVIEW: () => ({}),
  RETURN_INCOMPLETE: () => ({ missing: ['资产评估报告'] }),
  ISSUE_REVIEW_OPINION: (outcome = 'LEGAL', organGuarantee = false) => ({
    outcome,
    reasons: '主体适格，条款合法，文本规范。',
    legalBasis: ['《中华人民共和国民法典》第七百零三条'],
    checklist: CHECKLIST(organGuarantee),
  }),
  CONFIRM_REVISIONS: (documentHash: string = HASH.revised, guaranteeClauseRemoved?: boolean) => ({
    documentHash,
    note: '已按审查意见修改。',
    ...(guaranteeClauseRemoved === undefined ? {} : { guaranteeClauseRemoved }),
  }),
  SCHEDULE_MEETING: () => ({ meetingType: 'TOWN_HEAD_OFFICE_MEETING', scheduledAt: '2024-03-05T01:30:00.000Z' }),
  RECORD_MEETING: (decision = 'APPROVED') => ({ attendees: ['王镇长', '陈副镇长'], decision, summary: '同意签订。' }),
  SIGN_CONTRACT: (signedDocumentHash: string = HASH.draft1, signedOn = '2024-03-01') => ({ signedOn, signedDocumentHash, signatories: ['王镇长', '对方法定代表人'] }),
  REGISTER_ON_PLATFORM: () => ({ platform: '慈溪市行政机关合同管理平台', registrationNumber: 'HT-2024-0031' }),
  RECORD_FILING: () => ({ filedOn: '2024-03-01', filedWith: '慈溪市司法局' }),
  REPORT_PERFORMANCE: () => ({ report: '租金按期支付。' }),
  PROPOSE_CHANGE: (major = false, documentHash: string = HASH.change) => ({
    description: '调整租金支付方式为按季度支付。',
    title: '标准厂房租赁合同补充协议',
    documentHash,
    major,
  }),
  CLOSE_CONTRACT: () => ({ outcome: 'PERFORMED', closedOn: '2029-03-01', summary: '合同履行完毕。', archiveNumber: 'HT-GD-2029-01' }),
  WITHDRAW: () => ({ reason: '对方放弃租赁。' }),
} satisfies Record<AdministrativeContractEventType, (...args: any[]) => object>;

export function ev(type: AdministrativeContractEventType, payload?: object, overrides: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    payload: payload ?? (valid[type] as () => object)(),
    actor: ACTORS[ROLE_OF[type]],
    at: AT,
    today: TODAY,
    facts: {},
    ...overrides,
  };
}
