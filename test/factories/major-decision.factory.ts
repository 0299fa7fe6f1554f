import { createHash } from 'crypto';
import type { ApiClient } from '../setup/api-client';
import type { Procedures } from '../../workflows/major-decision/v1/major-decision.machine';
import { ALL_PROCEDURES, NO_PROCEDURES } from '../../workflows/major-decision/v1/testing/major-decision.fixtures';

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export const PROPOSAL = {
  problem: '镇区生活垃圾分类收集设施不足，混投混运现象突出',
  reasons: '群众反映强烈，现有设施老化，上级考核要求',
  legalBasis: '《浙江省生活垃圾管理条例》第十条',
  solution: '在各村（社区）新建分类收集点并配备专职分拣员',
  necessity: '改善人居环境，回应群众诉求，具备财力和场地条件',
};

export type { Procedures };
export { ALL_PROCEDURES, NO_PROCEDURES };

export interface Step {
  /** a name to stop before / after */
  name: string;
  user: string;
  type: string;
  payload: Record<string, unknown>;
  /** server time to set before the step */
  clock?: string;
  /** only when these procedures are required */
  when?: keyof Procedures;
}

const DRAFT = 'draft-v1: 掌起镇农村生活垃圾分类处理实施方案（草案）';

/**
 * The whole Decree 713 pipeline of one decision in the seed year (2020), in order.
 * Dates: comment period 08-04 → 09-03 (30 days), legality review sent Tue 2020-09-29, so the
 * earliest completion date is 2020-10-15 (SPEC §8.3).
 */
export function majorDecisionSteps(procedures: Procedures = ALL_PROCEDURES): Step[] {
  const steps: Step[] = [
    { name: 'start', user: 'town-head', type: 'DECIDE_TO_START', payload: { undertakingUnit: 'jjfzb', procedures } },
    {
      name: 'draft',
      user: 'dept-head',
      type: 'SUBMIT_DRAFT',
      payload: {
        title: '掌起镇农村生活垃圾分类处理实施方案（草案）',
        documentHash: sha(DRAFT),
        options: [
          { title: '方案一：集中建设', summary: '全镇统一建设 12 个分类收集点' },
          { title: '方案二：分村建设', summary: '各村自建，镇财政补助' },
        ],
        ...(procedures.fairCompetitionReview
          ? { fairCompetitionReview: { conclusion: 'COMPLIANT', summary: '不含排除、限制竞争内容', reviewedOn: '2020-08-03' } }
          : {}),
      },
    },
    {
      name: 'publish',
      when: 'publicParticipation',
      user: 'dept-head',
      type: 'PUBLISH_FOR_COMMENT',
      payload: { opensAt: '2020-08-04', closesAt: '2020-09-03', channels: ['掌起镇人民政府网站', '政务微信公众号'] },
    },
    {
      name: 'hearing',
      when: 'hearing',
      user: 'dept-head',
      type: 'RECORD_HEARING',
      payload: { heldAt: '2020-08-20', materialsServedAt: '2020-08-10', participants: ['村民代表 张某', '企业代表 李某'], recordSigned: true },
    },
    { name: 'close', when: 'publicParticipation', user: 'dept-head', type: 'CLOSE_COMMENT_PERIOD', payload: {}, clock: '2020-09-04T02:00:00Z' },
    {
      name: 'summary',
      when: 'publicParticipation',
      user: 'dept-head',
      type: 'SUBMIT_PARTICIPATION_SUMMARY',
      payload: { summary: '主要意见已逐条研究答复，未采纳的已说明理由' },
    },
    {
      name: 'expert',
      when: 'expertReview',
      user: 'dept-head',
      type: 'RECORD_EXPERT_OPINION',
      payload: { expert: '王教授', institution: '宁波大学', hasDirectInterest: false, opinion: '方案可行，建议分期实施', signed: true },
    },
    {
      name: 'expertSummary',
      when: 'expertReview',
      user: 'dept-head',
      type: 'SUBMIT_EXPERT_SUMMARY',
      payload: { adoptionSummary: '采纳分期实施建议' },
    },
    {
      name: 'risk',
      when: 'riskAssessment',
      user: 'dept-head',
      type: 'SUBMIT_RISK_REPORT',
      payload: { riskLevel: 'MEDIUM', controllable: true, riskPoints: ['施工期间扰民'], measures: '错峰施工，设立投诉电话' },
    },
    {
      name: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      clock: '2020-09-29T02:00:00Z',
      payload: {
        materials: {
          draftHash: sha(DRAFT),
          legalBasis: ['《重大行政决策程序暂行条例》', '《浙江省生活垃圾管理条例》'],
          procedureStatement: '已履行公众参与、听证、专家论证、风险评估程序',
        },
        requestedCompletionDate: '2020-10-16',
      },
    },
    { name: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      name: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      clock: '2020-10-16T02:00:00Z',
      payload: {
        outcome: 'LEGAL',
        reasons: '决策主体适格，程序完备，内容不违反上位法',
        legalBasis: ['《重大行政决策程序暂行条例》第二十七条'],
        legalAdvisers: ['浙江某律师事务所 李律师'],
      },
    },
    {
      name: 'schedule',
      user: 'secretary',
      type: 'SCHEDULE_MEETING',
      payload: { meetingType: 'STANDING_MEETING', scheduledAt: '2020-10-20T01:00:00Z' },
    },
    {
      name: 'meeting',
      user: 'secretary',
      type: 'RECORD_MEETING',
      clock: '2020-10-20T04:00:00Z',
      payload: {
        attendees: ['镇长 陈某', '副镇长 周某', '副镇长 吴某', '党政办主任 郑某'],
        statements: [
          { speaker: '副镇长 周某', role: 'MEMBER', position: 'SUPPORT', text: '同意，建议加快实施' },
          { speaker: '副镇长 吴某', role: 'MEMBER', position: 'OPPOSE', text: '资金压力较大，建议暂缓一年' },
          { speaker: '党政办主任 郑某', role: 'MEMBER', position: 'SUPPORT', text: '同意' },
          { speaker: '镇长 陈某', role: 'HEAD', position: 'SUPPORT', text: '同意实施，分期安排资金' },
        ],
        decision: 'APPROVED',
      },
    },
    { name: 'party', user: 'secretary', type: 'RECORD_PARTY_COMMITTEE_REPORT', payload: { reportedAt: '2020-10-22', outcome: 'AGREED' } },
    {
      name: 'publishDecision',
      user: 'secretary',
      type: 'PUBLISH_DECISION',
      // recorded on the day of publication (a later publication day would be in the future, issue 9 §9)
      clock: '2020-10-26T02:00:00Z',
      payload: { publishedAt: '2020-10-26', channels: ['掌起镇人民政府网站'], adoptionExplanation: '公众意见采纳 5 条，专家意见已采纳分期实施建议' },
    },
    { name: 'implement', user: 'dept-head', type: 'REPORT_IMPLEMENTATION', payload: { report: '已建成收集点 6 个' }, clock: '2021-03-01T02:00:00Z' },
    { name: 'closeCase', user: 'town-head', type: 'CLOSE_CASE', payload: {} },
    { name: 'archive', user: 'secretary', type: 'ARCHIVE', payload: {} },
  ];
  const needed = (s: Step) => !s.when || procedures[s.when];
  let out = steps.filter(needed);
  if (!procedures.publicParticipation && !procedures.expertReview) {
    out = out.map((s) =>
      s.type === 'PUBLISH_DECISION' ? { ...s, payload: { publishedAt: '2020-10-26', channels: ['掌起镇人民政府网站'] } } : s,
    );
  }
  return out;
}

export async function createMajorDecision(api: ApiClient, title = '掌起镇农村生活垃圾分类处理实施方案'): Promise<string> {
  await api.setClock('2020-08-03T01:00:00Z');
  const res = await api.post('dept-head', '/cases', { kind: 'major-decision', title, proposal: PROPOSAL });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/**
 * Creates a case and runs the pipeline up to (not including) the step named `before`,
 * or to the end. Returns the case id and the remaining steps.
 */
export async function runMajorDecision(
  api: ApiClient,
  opts: { procedures?: Procedures; before?: string } = {},
): Promise<{ id: string; rest: Step[]; last: any }> {
  const steps = majorDecisionSteps(opts.procedures);
  const id = await createMajorDecision(api);
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
