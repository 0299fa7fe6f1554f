import { createHash } from 'crypto';
import type { ApiClient } from '../setup/api-client';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const NORMATIVE_DOCUMENT_PROPOSAL = {
  purpose: '规范镇区临时摊点经营秩序，保障市场主体公平经营',
  legalBasis: '《浙江省城市市容和环境卫生管理条例》第二十二条',
  mainContent: '划定临时摊点区域，明确申请条件、经营时间和监督管理',
};

export interface Step {
  name: string;
  user: string;
  type: string;
  payload: Record<string, unknown>;
  /** server time to set before the step */
  clock?: string;
}

const DRAFT = 'normdoc-v1: 掌起镇临时摊点管理办法（征求意见稿）';
export const NORMATIVE_DRAFT_HASH = sha(DRAFT);

/**
 * A market-related normative document in the seed year (2020), from draft to expiry. Dates:
 * consultation 03-02 → 04-01 (30 days, OBE Art. 62), legality review sent Tue 04-07 (after 清明),
 * so the 5th working day is 04-14; published 04-22, government filing due 05-22 (30 days), township
 * presidium filing due 05-07 (15 days); in force 2020-05-22 → 2025-05-21.
 */
export function normativeDocumentSteps(): Step[] {
  return [
    {
      name: 'draft',
      user: 'dept-head',
      type: 'SUBMIT_DRAFT',
      payload: { title: '掌起镇临时摊点管理办法', documentHash: NORMATIVE_DRAFT_HASH, marketRelated: true, explanation: '起草说明：结合镇区实际，规范临时摊点' },
    },
    {
      name: 'publish',
      user: 'dept-head',
      type: 'PUBLISH_FOR_COMMENT',
      payload: { opensAt: '2020-03-02', closesAt: '2020-04-01', channels: ['掌起镇人民政府网站'] },
    },
    { name: 'close', user: 'dept-head', type: 'CLOSE_COMMENT_PERIOD', payload: {}, clock: '2020-04-02T02:00:00Z' },
    {
      name: 'summary',
      user: 'dept-head',
      type: 'SUBMIT_PARTICIPATION_SUMMARY',
      // recorded on the day the feedback was published (a later feedback date would be in the future, issue 9 §9)
      clock: '2020-04-03T02:00:00Z',
      payload: {
        summary: '主要意见已研究答复，采纳情况已公开反馈',
        marketEntitiesHeard: ['掌起镇个体劳动者协会', '慈溪市小家电行业协会'],
        adoptionFeedback: { publishedAt: '2020-04-03', channel: '掌起镇人民政府网站', summary: '已公开反馈意见采纳情况' },
      },
    },
    {
      name: 'fcr',
      user: 'dept-head',
      type: 'RECORD_FAIR_COMPETITION_REVIEW',
      payload: { conclusion: 'COMPLIANT', summary: '不含限制市场准入和退出的内容', reviewedOn: '2020-04-03' },
    },
    {
      name: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      clock: '2020-04-07T02:00:00Z',
      payload: {
        materials: { draftHash: NORMATIVE_DRAFT_HASH, legalBasis: ['《浙江省城市市容和环境卫生管理条例》'], procedureStatement: '已公开征求意见 30 日并经公平竞争审查' },
        requestedCompletionDate: '2020-04-14',
      },
    },
    { name: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: { receiptNumber: 'LXD-2020-011' } },
    {
      name: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      clock: '2020-04-14T02:00:00Z',
      payload: { outcome: 'LEGAL', reasons: '制定主体适格，程序完备，内容不违反上位法', legalBasis: ['《浙江省城市市容和环境卫生管理条例》第二十二条'] },
    },
    { name: 'schedule', user: 'secretary', type: 'SCHEDULE_MEETING', payload: { meetingType: 'TOWN_HEAD_OFFICE_MEETING', scheduledAt: '2020-04-20T01:00:00Z' } },
    {
      name: 'meeting',
      user: 'secretary',
      type: 'RECORD_MEETING',
      clock: '2020-04-20T04:00:00Z',
      payload: { attendees: ['镇长 陈某', '副镇长 周某', '司法所所长 李某'], decision: 'APPROVED', summary: '审议通过', reviewerAttended: true },
    },
    // the unified number is allocated by Docket (ZJLC01-2020-0001 with the default configuration)
    { name: 'register', user: 'secretary', type: 'REGISTER_DOCUMENT', payload: { documentNumber: '掌政发〔2020〕8号' } },
    {
      name: 'publishDocument',
      user: 'secretary',
      type: 'PUBLISH_DOCUMENT',
      clock: '2020-04-22T02:00:00Z',
      payload: {
        publishedAt: '2020-04-22',
        channels: ['掌起镇人民政府网站', '慈溪市行政规范性文件库'],
        effectiveFrom: '2020-05-22',
        validUntil: '2025-05-21',
        additionalFilingLines: ['TOWNSHIP_PRESIDIUM'],
        transitionPeriod: '自公布之日起 30 日后施行，给摊主留出适应期',
      },
    },
    {
      name: 'fileGovernment',
      user: 'secretary',
      type: 'RECORD_FILING',
      clock: '2020-05-06T02:00:00Z',
      payload: { line: 'GOVERNMENT', filedOn: '2020-05-06', filedWith: '慈溪市司法局' },
    },
    { name: 'filePresidium', user: 'secretary', type: 'RECORD_FILING', payload: { line: 'TOWNSHIP_PRESIDIUM', filedOn: '2020-05-06', filedWith: '掌起镇人大主席团' } },
    {
      name: 'cleanup',
      user: 'secretary',
      type: 'RECORD_CLEANUP_REVIEW',
      clock: '2022-06-01T02:00:00Z',
      payload: { conclusion: 'KEEP', reasons: '与上位法一致，继续有效', campaign: '2022年度行政规范性文件清理' },
    },
    {
      name: 'evaluate',
      user: 'dept-head',
      type: 'RECORD_EXPIRY_EVALUATION',
      clock: '2025-03-03T02:00:00Z',
      payload: { conclusion: 'KEEP', report: '实施效果良好，有效期届满后不再延续，相关事项纳入新出台的市级办法' },
    },
    { name: 'expire', user: 'secretary', type: 'DECLARE_EXPIRED', payload: {}, clock: '2025-05-22T02:00:00Z' },
  ];
}

export async function createNormativeDocument(api: ApiClient, title = '掌起镇临时摊点管理办法'): Promise<string> {
  await api.setClock('2020-03-02T01:00:00Z');
  const res = await api.post('dept-head', '/cases', { kind: 'normative-document', title, proposal: NORMATIVE_DOCUMENT_PROPOSAL });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Creates a case and runs the steps up to (not including) the step named `before`, or to the end. */
export async function runNormativeDocument(api: ApiClient, opts: { before?: string } = {}): Promise<{ id: string; rest: Step[]; last: any }> {
  const steps = normativeDocumentSteps();
  const id = await createNormativeDocument(api);
  let last: any;
  let i = 0;
  for (; i < steps.length; i++) {
    const s = steps[i];
    if (s.name === opts.before) break;
    if (s.clock) await api.setClock(s.clock);
    last = await api.ok(s.user, id, s.type, s.payload);
  }
  return { id, rest: steps.slice(i), last };
}

export async function runStep(api: ApiClient, id: string, s: Step) {
  if (s.clock) await api.setClock(s.clock);
  return api.ok(s.user, id, s.type, s.payload);
}
