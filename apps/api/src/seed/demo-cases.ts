/**
 * The demo town's sample year (2020, the year of the seed document): the published decision
 * catalog with its two items, and cases of every matter type in zh-CN — some finished in the year,
 * some waiting in the justice office's (司法所) legality-review queue. Pure data: who sends which
 * event when. Payloads of events without dates come from the workflows' own fixtures, so they
 * follow the workflows when those change.
 */
import { createHash } from 'crypto';
import * as ac from '../../../../workflows/administrative-contract/v1/testing/administrative-contract.fixtures';
import * as catalogFx from '../../../../workflows/decision-catalog/v1/testing/decision-catalog.fixtures';
import * as ed from '../../../../workflows/enforcement-decision/v1/testing/enforcement-decision.fixtures';
import * as nd from '../../../../workflows/normative-document/v1/testing/normative-document.fixtures';

export const DEMO_YEAR = 2020;

export const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface DemoStep {
  /** demo username who sends it */
  user: string;
  type: string;
  payload: Record<string, unknown>;
  /** server time of the step (ISO, UTC); without it a second after the previous one */
  at?: string;
}

export interface DemoCase {
  kind: string;
  user: string;
  at: string;
  title: string;
  proposal: Record<string, unknown>;
  /** the catalog item the case belongs to (created from it, DECIDE_TO_START from its procedures) */
  catalogItemNo?: number;
  steps: DemoStep[];
}

// ------------------------------------------------------------------------------------------------
// The catalog
// ------------------------------------------------------------------------------------------------

export const DEMO_CATALOG = {
  create: { title: `掌起镇${DEMO_YEAR}年重大行政决策事项目录清单`, year: DEMO_YEAR },
  at: '2020-02-18T02:00:00Z',
  items: catalogFx.SEED_ITEMS(),
  consent: { meeting: '镇党委会议', agreedOn: '2020-02-20', reference: '掌党纪〔2020〕3号' },
  consentAt: '2020-02-20T07:00:00Z',
  publish: { publishedAt: '2020-02-21', channels: ['掌起镇人民政府网站', '政务微信公众号'], documentNumber: '掌政发〔2020〕3号' },
  publishAt: '2020-02-21T02:00:00Z',
};

// ------------------------------------------------------------------------------------------------
// Major decisions (R713): the two catalog items and one proposal not started
// ------------------------------------------------------------------------------------------------

type Procedures = { publicParticipation: boolean; hearing: boolean; expertReview: boolean; riskAssessment: boolean; fairCompetitionReview: boolean };

function majorDecisionSteps(name: string, procedures: Procedures, stopBefore?: string): DemoStep[] {
  const draft = sha(`demo-md: ${name}（草案）`);
  const steps: Array<DemoStep & { step: string; when?: keyof Procedures }> = [
    {
      step: 'draft',
      user: 'dept-head',
      type: 'SUBMIT_DRAFT',
      payload: {
        title: `${name}实施方案（草案）`,
        documentHash: draft,
        options: [
          { title: '方案一：三年分步实施', summary: '2020—2022年分三期实施' },
          { title: '方案二：两年集中实施', summary: '集中资金两年内完成' },
        ],
        ...(procedures.fairCompetitionReview
          ? { fairCompetitionReview: { conclusion: 'COMPLIANT', summary: '不含排除、限制竞争内容', reviewedOn: '2020-08-03' } }
          : {}),
      },
    },
    {
      step: 'publish',
      when: 'publicParticipation',
      user: 'dept-head',
      type: 'PUBLISH_FOR_COMMENT',
      payload: { opensAt: '2020-08-04', closesAt: '2020-09-03', channels: ['掌起镇人民政府网站', '政务微信公众号'] },
    },
    { step: 'close', when: 'publicParticipation', user: 'dept-head', type: 'CLOSE_COMMENT_PERIOD', payload: {}, at: '2020-09-04T02:00:00Z' },
    {
      step: 'summary',
      when: 'publicParticipation',
      user: 'dept-head',
      type: 'SUBMIT_PARTICIPATION_SUMMARY',
      payload: { summary: '主要意见已逐条研究答复，未采纳的已说明理由' },
    },
    {
      step: 'expert',
      when: 'expertReview',
      user: 'dept-head',
      type: 'RECORD_EXPERT_OPINION',
      payload: { expert: '王教授', institution: '宁波大学', hasDirectInterest: false, opinion: '方案可行，建议分期实施', signed: true },
    },
    { step: 'expertSummary', when: 'expertReview', user: 'dept-head', type: 'SUBMIT_EXPERT_SUMMARY', payload: { adoptionSummary: '采纳分期实施建议' } },
    {
      step: 'risk',
      when: 'riskAssessment',
      user: 'dept-head',
      type: 'SUBMIT_RISK_REPORT',
      payload: { riskLevel: 'MEDIUM', controllable: true, riskPoints: ['施工期间扰民'], measures: '错峰施工，设立投诉电话' },
    },
    {
      step: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      at: '2020-09-29T02:00:00Z',
      payload: {
        materials: { draftHash: draft, legalBasis: ['《重大行政决策程序暂行条例》'], procedureStatement: '已履行目录确定的公众参与、专家论证、风险评估程序' },
        requestedCompletionDate: '2020-10-16',
      },
    },
    { step: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      step: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      at: '2020-10-16T02:00:00Z',
      payload: {
        outcome: 'LEGAL',
        reasons: '决策主体适格，程序完备，内容不违反上位法',
        legalBasis: ['《重大行政决策程序暂行条例》第二十七条'],
        legalAdvisers: ['镇法律顾问团 李律师'],
      },
    },
    { step: 'schedule', user: 'secretary', type: 'SCHEDULE_MEETING', payload: { meetingType: 'LEADERSHIP_MEETING', scheduledAt: '2020-10-20T01:00:00Z' } },
    {
      step: 'meeting',
      user: 'secretary',
      type: 'RECORD_MEETING',
      at: '2020-10-20T04:00:00Z',
      payload: {
        attendees: ['镇长 陈某', '副镇长 周某', '副镇长 吴某', '党政办主任 郑某'],
        statements: [
          { speaker: '副镇长 周某', role: 'MEMBER', position: 'SUPPORT', text: '同意，建议加快实施' },
          { speaker: '副镇长 吴某', role: 'MEMBER', position: 'OPPOSE', text: '资金压力较大，建议分期安排' },
          { speaker: '党政办主任 郑某', role: 'MEMBER', position: 'SUPPORT', text: '同意' },
          { speaker: '镇长 陈某', role: 'HEAD', position: 'SUPPORT', text: '同意实施，分期安排资金' },
        ],
        decision: 'APPROVED',
      },
    },
    { step: 'party', user: 'secretary', type: 'RECORD_PARTY_COMMITTEE_REPORT', payload: { reportedAt: '2020-10-22', outcome: 'AGREED' }, at: '2020-10-22T07:00:00Z' },
    {
      step: 'publishDecision',
      user: 'secretary',
      type: 'PUBLISH_DECISION',
      at: '2020-10-26T02:00:00Z',
      payload: { publishedAt: '2020-10-26', channels: ['掌起镇人民政府网站'], adoptionExplanation: '公众意见采纳 5 条，专家分期实施建议已采纳' },
    },
    { step: 'implement', user: 'dept-head', type: 'REPORT_IMPLEMENTATION', payload: { report: '一期工程已开工，完成投资 30%' }, at: '2020-12-15T02:00:00Z' },
  ];
  const out: DemoStep[] = [];
  for (const { step, when, ...s } of steps) {
    if (step === stopBefore) break;
    if (!when || procedures[when]) out.push(s);
  }
  return out;
}

const item = (no: number) => catalogFx.SEED_ITEMS()[no - 1];

const MAJOR_DECISIONS: DemoCase[] = [
  {
    kind: 'major-decision',
    user: 'dept-head',
    at: '2020-08-03T01:00:00Z',
    title: item(1).name,
    proposal: {
      problem: '镇区工业园区配套设施不足，道路与管网老化',
      reasons: '落实省美丽城镇建设行动，创建“工业特色型”样板镇',
      solution: '分三年实施园区道路、管网和公共空间改造',
      necessity: '改善营商环境和居民生活条件',
    },
    catalogItemNo: 1,
    steps: majorDecisionSteps(item(1).name, item(1).procedures),
  },
  {
    kind: 'major-decision',
    user: 'dept-head',
    at: '2020-08-03T01:30:00Z',
    title: item(2).name,
    proposal: {
      problem: '镇域旅游资源分散，游客服务设施不足',
      reasons: '创建省3A级景区，带动乡村旅游',
      solution: '整合古窑浦村等点位，建设游客中心和游步道',
      necessity: '促进农民增收和文旅融合发展',
    },
    catalogItemNo: 2,
    // waiting in the justice office's queue: submitted, not yet accepted
    steps: majorDecisionSteps(item(2).name, item(2).procedures, 'accept'),
  },
  {
    kind: 'major-decision',
    user: 'dept-head',
    at: '2020-05-08T02:00:00Z',
    title: '镇区农贸市场迁建',
    proposal: {
      problem: '镇区农贸市场场地狭小，周边交通拥堵',
      reasons: '群众反映强烈',
      legalBasis: '《浙江省城市市容和环境卫生管理条例》',
      solution: '异地新建农贸市场',
      necessity: '改善群众生活条件',
    },
    steps: [{ user: 'town-head', type: 'DECLINE_TO_START', payload: { reason: '不属于本年度重大行政决策事项目录，纳入下一年度研究' } }],
  },
];

// ------------------------------------------------------------------------------------------------
// Administrative normative documents
// ------------------------------------------------------------------------------------------------

function normativeSteps(name: string, stopBefore?: string): DemoStep[] {
  const draft = sha(`demo-nd: ${name}（征求意见稿）`);
  const steps: Array<DemoStep & { step: string }> = [
    { step: 'draft', user: 'dept-head', type: 'SUBMIT_DRAFT', payload: { title: name, documentHash: draft, marketRelated: true, explanation: '起草说明：结合镇区实际制定' } },
    { step: 'publish', user: 'dept-head', type: 'PUBLISH_FOR_COMMENT', payload: { opensAt: '2020-03-02', closesAt: '2020-04-01', channels: ['掌起镇人民政府网站'] } },
    { step: 'close', user: 'dept-head', type: 'CLOSE_COMMENT_PERIOD', payload: {}, at: '2020-04-02T02:00:00Z' },
    {
      step: 'summary',
      user: 'dept-head',
      type: 'SUBMIT_PARTICIPATION_SUMMARY',
      // recorded on the day the feedback was published (legal dates, issue 9 §9)
      at: '2020-04-03T02:00:00Z',
      payload: {
        summary: '主要意见已研究答复，采纳情况已公开反馈',
        marketEntitiesHeard: ['掌起镇个体劳动者协会', '慈溪市小家电行业协会'],
        adoptionFeedback: { publishedAt: '2020-04-03', channel: '掌起镇人民政府网站', summary: '已公开反馈意见采纳情况' },
      },
    },
    { step: 'fcr', user: 'dept-head', type: 'RECORD_FAIR_COMPETITION_REVIEW', payload: { conclusion: 'COMPLIANT', summary: '不含限制市场准入和退出的内容', reviewedOn: '2020-04-03' } },
    {
      step: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      at: '2020-04-07T02:00:00Z',
      payload: {
        materials: { draftHash: draft, legalBasis: ['《浙江省城市市容和环境卫生管理条例》'], procedureStatement: '已公开征求意见 30 日并经公平竞争审查' },
        requestedCompletionDate: '2020-04-14',
      },
    },
    { step: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      step: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      at: '2020-04-14T02:00:00Z',
      payload: { ...nd.valid.ISSUE_REVIEW_OPINION(), reasons: '制定主体适格，程序完备，内容不违反上位法', legalBasis: ['《浙江省城市市容和环境卫生管理条例》第二十二条'] },
    },
    { step: 'schedule', user: 'secretary', type: 'SCHEDULE_MEETING', payload: { meetingType: 'TOWN_HEAD_OFFICE_MEETING', scheduledAt: '2020-04-20T01:00:00Z' } },
    {
      step: 'meeting',
      user: 'secretary',
      type: 'RECORD_MEETING',
      at: '2020-04-20T04:00:00Z',
      payload: { attendees: ['镇长 陈某', '副镇长 周某', '司法所所长 李某'], decision: 'APPROVED', summary: '审议通过', reviewerAttended: true },
    },
    { step: 'register', user: 'secretary', type: 'REGISTER_DOCUMENT', payload: { ...nd.valid.REGISTER_DOCUMENT(), documentNumber: '掌政发〔2020〕8号' } },
    {
      step: 'publishDocument',
      user: 'secretary',
      type: 'PUBLISH_DOCUMENT',
      at: '2020-04-22T02:00:00Z',
      payload: {
        publishedAt: '2020-04-22',
        channels: ['掌起镇人民政府网站', '慈溪市行政规范性文件库'],
        effectiveFrom: '2020-05-22',
        validUntil: '2025-05-21',
        additionalFilingLines: ['TOWNSHIP_PRESIDIUM'],
        transitionPeriod: '自公布之日起 30 日后施行，给摊主留出适应期',
      },
    },
    { step: 'fileGovernment', user: 'secretary', type: 'RECORD_FILING', at: '2020-05-06T02:00:00Z', payload: { line: 'GOVERNMENT', filedOn: '2020-05-06', filedWith: '慈溪市司法局' } },
    // filed with the township presidium after its 15 days (due 05-07): the report shows a late filing
    {
      step: 'filePresidium',
      user: 'secretary',
      type: 'RECORD_FILING',
      at: '2020-05-11T02:00:00Z',
      payload: { line: 'TOWNSHIP_PRESIDIUM', filedOn: '2020-05-11', filedWith: '掌起镇人大主席团' },
    },
  ];
  const out: DemoStep[] = [];
  for (const { step, ...s } of steps) {
    if (step === stopBefore) break;
    out.push(s);
  }
  return out;
}

const NORMATIVE_PROPOSAL = {
  purpose: '规范镇区临时摊点经营秩序，保障市场主体公平经营',
  legalBasis: '《浙江省城市市容和环境卫生管理条例》第二十二条',
  mainContent: '划定临时摊点区域，明确申请条件、经营时间和监督管理',
};

const NORMATIVE_DOCUMENTS: DemoCase[] = [
  { kind: 'normative-document', user: 'dept-head', at: '2020-03-02T01:00:00Z', title: '掌起镇临时摊点管理办法', proposal: NORMATIVE_PROPOSAL, steps: normativeSteps('掌起镇临时摊点管理办法') },
  {
    kind: 'normative-document',
    user: 'dept-head',
    at: '2020-03-02T01:30:00Z',
    title: '掌起镇户外广告设置管理办法',
    proposal: { ...NORMATIVE_PROPOSAL, purpose: '规范镇区户外广告设置，保障市容和公平竞争', mainContent: '户外广告设置规划、申请条件和监督管理' },
    // under review at the justice office
    steps: normativeSteps('掌起镇户外广告设置管理办法', 'opinion'),
  },
];

// ------------------------------------------------------------------------------------------------
// Party normative documents
// ------------------------------------------------------------------------------------------------

function partySteps(name: string, n: number, stopBefore?: string): DemoStep[] {
  const draft = sha(`demo-pd: ${name}`);
  const steps: Array<DemoStep & { step: string }> = [
    { step: 'draft', user: 'dept-head', type: 'SUBMIT_DRAFT', payload: { title: name, documentHash: draft, filingScope: 'REQUIRED' } },
    {
      step: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      at: '2020-06-02T02:00:00Z',
      payload: {
        materials: { draftHash: draft, legalBasis: ['《中国共产党农村基层组织工作条例》'], procedureStatement: '已征求各村党组织意见' },
        requestedCompletionDate: '2020-06-09',
      },
    },
    { step: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      step: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      at: '2020-06-08T02:00:00Z',
      payload: { outcome: 'LEGAL', reasons: '未发现明显不当，与党章党规和上级文件一致', legalBasis: ['《中国共产党农村基层组织工作条例》'] },
    },
    { step: 'issue', user: 'secretary', type: 'ISSUE_DOCUMENT', at: '2020-06-10T02:00:00Z', payload: { issuedAt: '2020-06-10', documentNumber: `掌党发〔2020〕${n}号` } },
    { step: 'file', user: 'secretary', type: 'RECORD_FILING', at: '2020-07-01T02:00:00Z', payload: { filedOn: '2020-07-01', filedWith: '中共慈溪市委办公室' } },
    { step: 'review', user: 'secretary', type: 'RECORD_FILING_REVIEW_RESULT', at: '2020-07-20T02:00:00Z', payload: { result: 'APPROVED', receivedOn: '2020-07-20' } },
  ];
  const out: DemoStep[] = [];
  for (const { step, ...s } of steps) {
    if (step === stopBefore) break;
    out.push(s);
  }
  return out;
}

const PARTY_DOCUMENTS: DemoCase[] = [
  {
    kind: 'party-normative-document',
    user: 'dept-head',
    at: '2020-06-01T01:00:00Z',
    title: '中共掌起镇委员会关于规范村级重大事项决策程序的规定',
    proposal: { issuingBody: '中共掌起镇委员会', purpose: '规范村级重大事项决策程序', mainContent: '村级重大事项“五议两公开”程序、监督和责任' },
    steps: partySteps('关于规范村级重大事项决策程序的规定', 7),
  },
  {
    kind: 'party-normative-document',
    user: 'dept-head',
    at: '2020-06-01T01:30:00Z',
    title: '中共掌起镇委员会关于加强村级财务管理的规定',
    proposal: { issuingBody: '中共掌起镇委员会', purpose: '加强村级财务管理', mainContent: '村级财务审批、公开和监督' },
    // submitted for pre-issuance review, not yet accepted
    steps: partySteps('关于加强村级财务管理的规定', 8, 'accept'),
  },
];

// ------------------------------------------------------------------------------------------------
// Administrative-organ contracts
// ------------------------------------------------------------------------------------------------

function contractSteps(name: string, stopBefore?: string): DemoStep[] {
  const draft = sha(`demo-ac: ${name}（送审稿）`);
  const revised = sha(`demo-ac: ${name}（修改稿）`);
  const steps: Array<DemoStep & { step: string }> = [
    {
      step: 'diligence',
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
    { step: 'draft', user: 'dept-head', type: 'SUBMIT_DRAFT', payload: { title: name, documentHash: draft, major: true, modelTextUsed: true, disputeResolution: 'LITIGATION' } },
    {
      step: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      at: '2020-07-02T02:00:00Z',
      payload: {
        materials: { draftHash: draft, legalBasis: ['《中华人民共和国民法典》合同编'], procedureStatement: '已完成对方当事人尽职调查', otherMaterials: ['对方营业执照', '资产评估报告'] },
        requestedCompletionDate: '2020-07-09',
      },
    },
    { step: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      step: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      at: '2020-07-07T02:00:00Z',
      payload: {
        outcome: 'LEGAL_WITH_REVISIONS',
        reasons: '第十二条约定镇政府为承租方贷款提供担保，违反规定，应予删除',
        legalBasis: ['《中华人民共和国民法典》第六百八十三条'],
        suggestions: '删除第十二条',
        checklist: { ...ac.CHECKLIST(true) },
      },
    },
    { step: 'revise', user: 'dept-head', type: 'CONFIRM_REVISIONS', payload: { documentHash: revised, note: '已删除第十二条担保条款', guaranteeClauseRemoved: true } },
    { step: 'schedule', user: 'secretary', type: 'SCHEDULE_MEETING', payload: { meetingType: 'TOWN_HEAD_OFFICE_MEETING', scheduledAt: '2020-07-10T01:00:00Z' } },
    { step: 'meeting', user: 'secretary', type: 'RECORD_MEETING', at: '2020-07-10T03:00:00Z', payload: { attendees: ['镇长 陈某', '副镇长 周某'], decision: 'APPROVED', summary: '同意按修改稿签订' } },
    {
      step: 'sign',
      user: 'town-head',
      type: 'SIGN_CONTRACT',
      payload: { signedOn: '2020-07-10', signedDocumentHash: revised, signatories: ['镇长 陈某', '宁波某电器有限公司 法定代表人'] },
    },
    { step: 'register', user: 'dept-head', type: 'REGISTER_ON_PLATFORM', payload: { platform: '慈溪市行政机关合同管理平台', registrationNumber: 'CX-HT-2020-0117' } },
    { step: 'file', user: 'dept-head', type: 'RECORD_FILING', at: '2020-07-14T02:00:00Z', payload: { filedOn: '2020-07-14', filedWith: '慈溪市司法局' } },
  ];
  const out: DemoStep[] = [];
  for (const { step, ...s } of steps) {
    if (step === stopBefore) break;
    out.push(s);
  }
  return out;
}

const CONTRACT_PROPOSAL = {
  counterparty: '宁波某电器有限公司',
  contractType: 'STATE_ASSET_LEASE_OR_TRANSFER',
  subjectMatter: '出租镇属工业园区标准厂房 3 号楼，租期 5 年',
  amountYuan: 1_800_000,
};

const CONTRACTS: DemoCase[] = [
  { kind: 'administrative-contract', user: 'dept-head', at: '2020-06-29T01:00:00Z', title: '掌起镇工业园区标准厂房租赁合同', proposal: CONTRACT_PROPOSAL, steps: contractSteps('标准厂房租赁合同') },
  {
    kind: 'administrative-contract',
    user: 'dept-head',
    at: '2020-06-29T01:30:00Z',
    title: '掌起镇园区物业管理服务合同',
    proposal: { ...CONTRACT_PROPOSAL, subjectMatter: '委托园区物业管理服务，期限 3 年', amountYuan: 600_000 },
    steps: contractSteps('园区物业管理服务合同', 'accept'),
  },
];

// ------------------------------------------------------------------------------------------------
// Major enforcement decisions
// ------------------------------------------------------------------------------------------------

function enforcementSteps(name: string, stopBefore?: string): DemoStep[] {
  const proposed = sha(`demo-ed: ${name}`);
  const steps: Array<DemoStep & { step: string }> = [
    {
      step: 'draft',
      user: 'dept-head',
      type: 'SUBMIT_DRAFT',
      payload: {
        title: '行政处罚决定书（拟）',
        documentHash: proposed,
        factsFound: '当事人未经批准占用耕地 12 亩',
        evidence: ['现场勘验笔录', '询问笔录', '测绘报告', '听证笔录'],
        proposedDecision: '责令退还土地，恢复原状，罚款 24 万元',
        hearingHeld: true,
      },
    },
    {
      step: 'submitReview',
      user: 'dept-head',
      type: 'SUBMIT_FOR_LEGALITY_REVIEW',
      at: '2020-08-03T02:00:00Z',
      payload: {
        materials: { draftHash: proposed, legalBasis: ['《中华人民共和国土地管理法》第七十七条'], procedureStatement: '已告知陈述申辩和听证权利，已于 7 月 28 日举行听证' },
        requestedCompletionDate: '2020-08-10',
      },
    },
    { step: 'accept', user: 'legal-reviewer', type: 'ACCEPT_FOR_REVIEW', payload: {} },
    {
      step: 'opinion',
      user: 'legal-reviewer',
      type: 'ISSUE_REVIEW_OPINION',
      at: '2020-08-07T02:00:00Z',
      payload: {
        ...ed.valid.ISSUE_REVIEW_OPINION(),
        reasons: '事实清楚，证据确凿，程序合法，适用依据正确，裁量适当',
        legalBasis: ['《中华人民共和国行政处罚法》', '《中华人民共和国土地管理法》第七十七条'],
      },
    },
    {
      step: 'decide',
      user: 'town-head',
      type: 'RECORD_DECISION',
      at: '2020-08-10T02:00:00Z',
      payload: { decidedOn: '2020-08-10', documentNumber: '慈掌综执罚决字〔2020〕第 15 号', decisionHash: proposed, collectiveDiscussion: true },
    },
    // v3: served (APL Art. 61), published (APL Art. 48), performed by the party, archived (APL Art. 47)
    {
      step: 'serve',
      user: 'dept-head',
      type: 'SERVE_DECISION',
      at: '2020-08-12T02:00:00Z',
      payload: { servedOn: '2020-08-12', method: 'DIRECT', recipient: '慈溪市某建材有限公司', receiptHash: sha(`demo-ed: ${name} 送达回证`), publicationRequired: true },
    },
    {
      step: 'publish',
      user: 'secretary',
      type: 'PUBLISH_DECISION_NOTICE',
      at: '2020-08-14T02:00:00Z',
      payload: { publishedOn: '2020-08-14', channel: '镇政府网站行政执法公示专栏' },
    },
    {
      step: 'execute',
      user: 'dept-head',
      type: 'RECORD_EXECUTION',
      at: '2020-08-26T02:00:00Z',
      payload: { mode: 'VOLUNTARY', executedOn: '2020-08-26', note: '当事人已退还土地、恢复原状，并缴纳罚款 24 万元' },
    },
    {
      step: 'archive',
      user: 'secretary',
      type: 'ARCHIVE_CASE',
      at: '2020-09-04T02:00:00Z',
      payload: { archiveNumber: '掌综执档〔2020〕15号', archivedOn: '2020-09-04' },
    },
  ];
  const out: DemoStep[] = [];
  for (const { step, ...s } of steps) {
    if (step === stopBefore) break;
    out.push(s);
  }
  return out;
}

const ENFORCEMENT: DemoCase[] = [
  {
    kind: 'enforcement-decision',
    user: 'dept-head',
    at: '2020-07-20T01:00:00Z',
    title: '某建材公司违法占用耕地案',
    proposal: { party: '慈溪市某建材有限公司', decisionType: 'PENALTY', majorGround: 'MAJOR_RIGHTS_AFTER_HEARING', matter: '未经批准占用耕地 12 亩堆放建材' },
    steps: enforcementSteps('某建材公司违法占用耕地案'),
  },
  {
    kind: 'enforcement-decision',
    user: 'dept-head',
    at: '2020-07-20T01:30:00Z',
    title: '某五金厂违法占地建设案',
    proposal: { party: '慈溪市某五金厂', decisionType: 'PENALTY', majorGround: 'MAJOR_RIGHTS_AFTER_HEARING', matter: '未经批准占用集体土地建设厂房' },
    // accepted by the justice office, opinion not yet issued
    steps: enforcementSteps('某五金厂违法占地建设案', 'opinion'),
  },
];

/** Every sample case, in the order they are created. */
export const DEMO_CASES: DemoCase[] = [...NORMATIVE_DOCUMENTS, ...MAJOR_DECISIONS, ...PARTY_DOCUMENTS, ...CONTRACTS, ...ENFORCEMENT];

