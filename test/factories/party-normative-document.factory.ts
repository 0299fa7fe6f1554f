import { createHash } from 'crypto';
import type { ApiClient } from '../setup/api-client';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const PARTY_DOCUMENT_PROPOSAL = {
  issuingBody: '中共掌起镇委员会',
  purpose: '规范村级重大事项决策程序',
  mainContent: '村级重大事项“五议两公开”程序、监督和责任',
};

export interface Step {
  name: string;
  user: string;
  type: string;
  payload: Record<string, unknown>;
  clock?: string;
}

export const PARTY_DRAFT_HASH = sha('party-v1: 关于规范村级重大事项决策程序的规定');

/**
 * A party normative document in the seed year: pre-review sent 2020-06-02, issued 06-10, so the
 * filing is due 07-10 (30 days, INV-P2); filed 07-01, approved 07-20, repealed in 2022.
 */
export function partyDocumentSteps(scope: 'REQUIRED' | 'EXEMPT' = 'REQUIRED'): Step[] {
  const steps: Step[] = [
    {
      name: 'draft',
      user: 'dept-head',
      type: 'SUBMIT_DRAFT',
      payload: {
        title: '关于规范村级重大事项决策程序的规定',
        documentHash: PARTY_DRAFT_HASH,
        filingScope: scope,
        ...(scope === 'EXEMPT'
          ? { exemption: { category: 'MEETING_NOTICE_OR_MINUTES', justification: '本件为镇党委会议纪要，仅记载议定事项，不具有普遍约束力' } }
          : {}),
      },
    },
    {
      name: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      clock: '2020-06-02T02:00:00Z',
      payload: {
        materials: { draftHash: PARTY_DRAFT_HASH, legalBasis: ['《中国共产党农村基层组织工作条例》'], procedureStatement: '已征求各村党组织意见' },
        requestedCompletionDate: '2020-06-09',
      },
    },
    { name: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      name: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      clock: '2020-06-08T02:00:00Z',
      payload: { outcome: 'LEGAL', reasons: '未发现明显不当，与党章党规和上级文件一致', legalBasis: ['《中国共产党农村基层组织工作条例》'] },
    },
    { name: 'issue', user: 'secretary', type: 'ISSUE_DOCUMENT', clock: '2020-06-10T02:00:00Z', payload: { issuedAt: '2020-06-10', documentNumber: '掌党发〔2020〕7号' } },
    { name: 'file', user: 'secretary', type: 'RECORD_FILING', clock: '2020-07-01T02:00:00Z', payload: { filedOn: '2020-07-01', filedWith: '中共慈溪市委办公室' } },
    { name: 'review', user: 'secretary', type: 'RECORD_FILING_REVIEW_RESULT', clock: '2020-07-20T02:00:00Z', payload: { result: 'APPROVED', receivedOn: '2020-07-20' } },
    { name: 'repeal', user: 'town-head', type: 'REPEAL_DOCUMENT', clock: '2022-03-01T02:00:00Z', payload: { reason: '已由新规定替代', repealedOn: '2022-03-01' } },
  ];
  return scope === 'EXEMPT' ? steps.slice(0, 5) : steps;
}

export async function createPartyDocument(api: ApiClient, title = '中共掌起镇委员会关于规范村级重大事项决策程序的规定'): Promise<string> {
  await api.setClock('2020-06-01T01:00:00Z');
  const res = await api.post('dept-head', '/cases', { kind: 'party-normative-document', title, proposal: PARTY_DOCUMENT_PROPOSAL });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function runStep(api: ApiClient, id: string, s: Step) {
  if (s.clock) await api.setClock(s.clock);
  return api.ok(s.user, id, s.type, s.payload);
}
