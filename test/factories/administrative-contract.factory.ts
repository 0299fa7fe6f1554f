import { createHash } from 'crypto';
import type { ApiClient } from '../setup/api-client';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const CONTRACT_PROPOSAL = {
  counterparty: '宁波某电器有限公司',
  contractType: 'STATE_ASSET_LEASE_OR_TRANSFER',
  subjectMatter: '出租镇属工业园区标准厂房 3 号楼，租期 5 年',
  amountYuan: 1_800_000,
};

export interface Step {
  name: string;
  user: string;
  type: string;
  payload: Record<string, unknown>;
  clock?: string;
}

export const CONTRACT_HASH = {
  draft: sha('contract-v1: 标准厂房租赁合同（送审稿）'),
  revised: sha('contract-v2: 标准厂房租赁合同（删除担保条款）'),
  change: sha('contract-change-1: 标准厂房租赁合同补充协议'),
};

const CHECKLIST = (organGuarantee: boolean) => ({
  subjectQualified: true,
  termsLawfulAndReasonable: true,
  textStandard: true,
  disputeClauseSound: true,
  organGuarantee,
  exceedsAuthority: false,
});

/**
 * A major lease contract in 2020: reviewed with a guarantee clause found and removed, decided
 * collectively, signed 07-10, entered and filed (due 07-17, 5 working days), then a change in 2021
 * reviewed and signed again (INV-C4), and closed in 2025.
 */
export function contractSteps(): Step[] {
  const review = (name: string, draftHash: string, clock: string, requested: string): Step => ({
    name,
    user: 'dept-head',
    type: 'SUBMIT_FOR_LEGALITY_REVIEW',
    clock,
    payload: {
      materials: { draftHash, legalBasis: ['《中华人民共和国民法典》合同编'], procedureStatement: '已完成对方当事人尽职调查', otherMaterials: ['对方营业执照', '资产评估报告'] },
      requestedCompletionDate: requested,
    },
  });
  return [
    {
      name: 'diligence',
      user: 'dept-head',
      type: 'RECORD_DUE_DILIGENCE',
      payload: {
        counterparty: '宁波某电器有限公司',
        assets: '注册资本 2000 万元',
        qualification: '营业执照有效，经营范围相符',
        credit: '无失信被执行记录',
        performanceCapacity: '近三年经营正常',
        conclusion: 'SATISFACTORY',
      },
    },
    {
      name: 'draft',
      user: 'dept-head',
      type: 'SUBMIT_DRAFT',
      payload: { title: '标准厂房租赁合同', documentHash: CONTRACT_HASH.draft, major: true, modelTextUsed: true, disputeResolution: 'LITIGATION' },
    },
    review('submitReview', CONTRACT_HASH.draft, '2020-07-02T02:00:00Z', '2020-07-09'),
    { name: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      name: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      clock: '2020-07-07T02:00:00Z',
      payload: {
        outcome: 'LEGAL_WITH_REVISIONS',
        reasons: '第十二条约定镇政府为承租方贷款提供担保，违反规定，应予删除',
        legalBasis: ['《中华人民共和国民法典》第六百八十三条'],
        suggestions: '删除第十二条',
        checklist: CHECKLIST(true),
      },
    },
    {
      name: 'revise',
      user: 'dept-head',
      type: 'CONFIRM_REVISIONS',
      payload: { documentHash: CONTRACT_HASH.revised, note: '已删除第十二条担保条款', guaranteeClauseRemoved: true },
    },
    { name: 'schedule', user: 'secretary', type: 'SCHEDULE_MEETING', payload: { meetingType: 'TOWN_HEAD_OFFICE_MEETING', scheduledAt: '2020-07-10T01:00:00Z' } },
    {
      name: 'meeting',
      user: 'secretary',
      type: 'RECORD_MEETING',
      clock: '2020-07-10T03:00:00Z',
      payload: { attendees: ['镇长 陈某', '副镇长 周某'], decision: 'APPROVED', summary: '同意按修改稿签订' },
    },
    {
      name: 'sign',
      user: 'town-head',
      type: 'SIGN_CONTRACT',
      payload: { signedOn: '2020-07-10', signedDocumentHash: CONTRACT_HASH.revised, signatories: ['镇长 陈某', '宁波某电器有限公司 法定代表人'] },
    },
    { name: 'register', user: 'dept-head', type: 'REGISTER_ON_PLATFORM', payload: { platform: '慈溪市行政机关合同管理平台', registrationNumber: 'CX-HT-2020-0117' } },
    { name: 'file', user: 'dept-head', type: 'RECORD_FILING', clock: '2020-07-14T02:00:00Z', payload: { filedOn: '2020-07-14', filedWith: '慈溪市司法局' } },
    { name: 'report', user: 'dept-head', type: 'REPORT_PERFORMANCE', clock: '2021-01-05T02:00:00Z', payload: { report: '2020 年度租金已按期支付' } },
    {
      name: 'change',
      user: 'dept-head',
      type: 'PROPOSE_CHANGE',
      payload: { description: '租金支付方式由按年改为按季度', title: '标准厂房租赁合同补充协议', documentHash: CONTRACT_HASH.change, major: false },
    },
    review('submitChange', CONTRACT_HASH.change, '2021-01-06T02:00:00Z', '2021-01-13'),
    { name: 'acceptChange', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      name: 'opinionChange',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      clock: '2021-01-11T02:00:00Z',
      payload: { outcome: 'LEGAL', reasons: '变更内容合法', legalBasis: ['《中华人民共和国民法典》第五百四十三条'], checklist: CHECKLIST(false) },
    },
    {
      name: 'signChange',
      user: 'town-head',
      type: 'SIGN_CONTRACT',
      payload: { signedOn: '2021-01-11', signedDocumentHash: CONTRACT_HASH.change, signatories: ['镇长 陈某', '宁波某电器有限公司 法定代表人'] },
    },
    { name: 'registerChange', user: 'dept-head', type: 'REGISTER_ON_PLATFORM', payload: { platform: '慈溪市行政机关合同管理平台', registrationNumber: 'CX-HT-2021-0004' } },
    { name: 'fileChange', user: 'dept-head', type: 'RECORD_FILING', payload: { filedOn: '2021-01-11', filedWith: '慈溪市司法局' } },
    {
      name: 'close',
      user: 'dept-head',
      type: 'CLOSE_CONTRACT',
      // recorded on the day it closed (a past closing day would be a 补录, issue 9 §9)
      clock: '2025-07-10T02:00:00Z',
      payload: { outcome: 'PERFORMED', closedOn: '2025-07-10', summary: '租期届满，厂房已收回', archiveNumber: 'ZQ-HT-2025-009' },
    },
  ];
}

export async function createContract(api: ApiClient, title = '掌起镇工业园区标准厂房租赁合同'): Promise<string> {
  await api.setClock('2020-07-01T01:00:00Z');
  const res = await api.post('dept-head', '/cases', { kind: 'administrative-contract', title, proposal: CONTRACT_PROPOSAL });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function runStep(api: ApiClient, id: string, s: Step) {
  if (s.clock) await api.setClock(s.clock);
  return api.ok(s.user, id, s.type, s.payload);
}
