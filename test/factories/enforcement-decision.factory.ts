import { createHash } from 'crypto';
import type { ApiClient } from '../setup/api-client';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const ENFORCEMENT_PROPOSAL = {
  party: '慈溪市某建材有限公司',
  decisionType: 'PENALTY',
  majorGround: 'MAJOR_RIGHTS_AFTER_HEARING',
  matter: '未经批准占用耕地 12 亩堆放建材',
};

export interface Step {
  name: string;
  user: string;
  type: string;
  payload: Record<string, unknown>;
  clock?: string;
}

export const ENFORCEMENT_HASH = { proposed: sha('penalty-v1: 行政处罚决定书（拟）'), other: sha('penalty-v1b: 加重处罚的决定书') };

/**
 * A qualification as a payload used to declare it: ignored now (APL Art. 58 is checked against the
 * reviewer's user record; the demo legal-reviewer's holds certificate A20183302100456).
 */
export const REVIEWER_QUALIFICATION = { holderName: '司法所审查员 李某', certificateNumber: 'A20183302100456' };

/** A major penalty in 2020: proposal after a hearing, legal review 08-03 → 08-07, decision 08-10. */
export function enforcementSteps(): Step[] {
  return [
    {
      name: 'draft',
      user: 'dept-head',
      type: 'SUBMIT_DRAFT',
      payload: {
        title: '行政处罚决定书（拟）',
        documentHash: ENFORCEMENT_HASH.proposed,
        factsFound: '当事人未经批准占用耕地 12 亩',
        evidence: ['现场勘验笔录', '询问笔录', '测绘报告', '听证笔录'],
        proposedDecision: '责令退还土地，恢复原状，罚款 24 万元',
        hearingHeld: true,
      },
    },
    {
      name: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      clock: '2020-08-03T02:00:00Z',
      payload: {
        materials: { draftHash: ENFORCEMENT_HASH.proposed, legalBasis: ['《中华人民共和国土地管理法》第七十七条'], procedureStatement: '已告知陈述申辩和听证权利，已于 7 月 28 日举行听证' },
        requestedCompletionDate: '2020-08-10',
      },
    },
    { name: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      name: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      clock: '2020-08-07T02:00:00Z',
      payload: {
        outcome: 'LEGAL',
        reasons: '事实清楚，证据确凿，程序合法，适用依据正确，裁量适当',
        legalBasis: ['《中华人民共和国行政处罚法》', '《中华人民共和国土地管理法》第七十七条'],
      },
    },
    {
      name: 'decide',
      user: 'town-head',
      type: 'RECORD_DECISION',
      clock: '2020-08-10T02:00:00Z',
      payload: { decidedOn: '2020-08-10', documentNumber: '慈掌综执罚决字〔2020〕第 15 号', decisionHash: ENFORCEMENT_HASH.proposed, collectiveDiscussion: true },
    },
  ];
}

export async function createEnforcementCase(api: ApiClient, title = '某建材公司违法占用耕地案'): Promise<string> {
  await api.setClock('2020-07-20T01:00:00Z');
  const res = await api.post('dept-head', '/cases', { kind: 'enforcement-decision', title, proposal: ENFORCEMENT_PROPOSAL });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function runStep(api: ApiClient, id: string, s: Step) {
  if (s.clock) await api.setClock(s.clock);
  return api.ok(s.user, id, s.type, s.payload);
}
