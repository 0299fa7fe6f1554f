/**
 * What a person reads about the major-decision payload fields (titles, descriptions, examples,
 * enum labels), for the generated payload schemas. Fields of the shared payloads (legality review,
 * collective deliberation, comment period) and fields common to every workflow take the docs of
 * workflows/common/field-docs.ts. Pure data.
 */
import type { FieldDocTable } from '../../common/field-docs';
import {
  CloseCasePayload,
  CreateMajorDecisionPayload,
  DeclineToStartPayload,
  DraftOptionDto,
  ResumePayload,
  SuspendPayload,
  DecideToStartPayload,
  FairCompetitionReviewDto,
  IssueReviewOpinionPayload,
  MeetingStatementDto,
  ProposalDto,
  ProposeAdjustmentPayload,
  PublishDecisionPayload,
  RecordExpertOpinionPayload,
  RecordHearingPayload,
  RecordMeetingPayload,
  RecordPartyCommitteeReportPayload,
  ReportImplementationPayload,
  StartPostEvaluationPayload,
  SubmitDraftPayload,
  SubmitExpertSummaryPayload,
  SubmitParticipationSummaryPayload,
  SubmitPostEvaluationPayload,
  SubmitRiskReportPayload,
} from './major-decision.payloads';

/** A description citing 《重大行政决策程序暂行条例》: `zh` and `en` start with the article (第十条第二款 / Art. 10 ¶2). */
const R713 = (zh: string, en: string) => ({ zh: `《重大行政决策程序暂行条例》${zh}`, en: `R713 ${en}` });

export const majorDecisionFieldDocs: FieldDocTable = [
  [DeclineToStartPayload, { reason: { zh: '不予启动的理由', en: 'Reason for not starting', example: '该事项不属于重大行政决策事项。' } }],
  [DraftOptionDto, {
    title: { zh: '方案名称', en: 'Option', example: '方案一：集中改造' },
    summary: { zh: '方案概要', en: 'Summary', example: '2020年内完成全部 12 个小区改造。' },
  }],
  [SuspendPayload, { reason: { zh: '中止理由', en: 'Reason for suspending', example: '因上级政策调整，暂停执行。' } }],
  [ResumePayload, { reason: { zh: '恢复理由', en: 'Reason for resuming', example: '政策已明确，恢复执行。' } }],
  [CloseCasePayload, { summary: { zh: '结案说明', en: 'Closing summary', example: '决策已执行完毕。' } }],
  [CreateMajorDecisionPayload, {
    title: { zh: '决策事项名称', en: 'Decision matter', example: '掌起镇老旧小区改造实施方案' },
    proposal: { zh: '决策事项建议', en: 'Decision proposal', description: R713('第十条第二款：问题、理由、依据、方案、必要性', 'Art. 10 ¶2: problem, reasons, basis, solution, necessity') },
  }],
  [ProposalDto, {
    problem: { zh: '拟解决的主要问题', en: 'Problem to solve', example: '镇区老旧小区基础设施老化，居民反映强烈。' },
    reasons: { zh: '建议理由', en: 'Reasons', example: '改善居住条件，消除安全隐患。' },
    legalBasis: { zh: '依据', en: 'Legal basis', example: '《国务院办公厅关于全面推进城镇老旧小区改造工作的指导意见》' },
    solution: { zh: '拟解决方案', en: 'Proposed solution', example: '分两年对镇区 12 个小区实施改造。' },
    necessity: { zh: '必要性', en: 'Necessity', example: '多处管网存在安全隐患，亟需改造。' },
    feasibility: { zh: '可行性', en: 'Feasibility', example: '已纳入市级补助计划，资金有保障。' },
    catalogItem: { zh: '决策事项目录条目', en: 'Catalog item', example: '2020-3', description: { zh: '所属年度重大行政决策事项目录的条目', en: 'The item of the annual decision catalog it belongs to' } },
  }],
  [DecideToStartPayload, {
    undertakingUnit: { zh: '决策承办单位', en: 'Undertaking unit', example: 'jjfzb', description: R713('第十一条：牵头承办单位（组织机构编号，如 jjfzb；第 2 版起也可填写单位名称）', 'Art. 11: the lead undertaking unit (org unit id, e.g. jjfzb; from version 2 also its exact name)') },
    cooperatingUnits: { zh: '协办单位', en: 'Cooperating units', example: ['czb'], description: { zh: '两个以上单位承办时的其他承办单位', en: 'Further undertaking units when several undertake the matter' } },
    note: { zh: '备注', en: 'Note', example: '请承办单位于三个月内报送草案。' },
  }],
  [SubmitDraftPayload, {
    title: { zh: '草案名称', en: 'Draft title', example: '掌起镇老旧小区改造实施方案（草案）' },
    documentHash: { zh: '决策草案文件（SHA-256）', en: 'Draft document (SHA-256)' },
    options: { zh: '备选方案', en: 'Options', description: { zh: '决策草案的方案（至少一个）', en: 'The draft options (at least one)' } },
    explanation: { zh: '决策草案说明', en: 'Explanation of the draft', example: '草案依据市级指导意见起草，共五章二十条。', description: R713('第十五条：与草案一并公布', 'Art. 15: published with the draft') },
    fairCompetitionReview: { zh: '公平竞争审查', en: 'Fair-competition review', description: { zh: '启动决定要求公平竞争审查时必填', en: 'Required when the start decision requires a fair-competition review' } },
    consultedUnits: { zh: '征求意见的单位', en: 'Units consulted', example: ['镇财政办'], description: R713('第十三条', 'Art. 13') },
    disputes: { zh: '与有关单位的分歧', en: 'Disputes with consulted units', example: '与镇财政办就资金分担存在分歧。', description: R713('第十三条：报请决策机关协调', 'Art. 13: reported to the decision body') },
  }],
  [FairCompetitionReviewDto, {
    conclusion: { zh: '审查结论', en: 'Conclusion' },
    summary: { zh: '审查情况', en: 'Summary', example: '草案不含排除、限制竞争的内容。' },
    reviewedOn: { zh: '审查日期', en: 'Reviewed on' },
  }],
  [RecordHearingPayload, {
    heldAt: { zh: '听证日期', en: 'Held on', example: '2020-08-20' },
    materialsServedAt: { zh: '材料送达日期', en: 'Materials served on', example: '2020-08-10', description: R713('第十六条第三款：至少在听证前七日送达', 'Art. 16 ¶3: at least 7 days before the hearing') },
    participants: { zh: '听证参加人', en: 'Participants', example: ['居民代表 王某', '物业公司代表 陈某'] },
    recordSigned: { zh: '听证笔录已签字确认', en: 'Record signed', description: R713('第十七条', 'Art. 17') },
    announcedAt: { zh: '听证公告日期', en: 'Announced on', example: '2020-08-05', description: R713('第十六条第二款：公布草案及听证时间、地点', 'Art. 16 ¶2: the draft, time and place announced') },
    participantsSelected: { zh: '听证参加人经遴选', en: 'Participants selected', description: { zh: '遴选产生的，须事先公布遴选办法和名单', en: 'If selected, the method and the list are published beforehand' } },
    selectionMethodPublishedAt: { zh: '遴选办法公布日期', en: 'Selection method published on', example: '2020-08-05' },
    participantListPublishedAt: { zh: '参加人名单公布日期', en: 'Participant list published on', example: '2020-08-07' },
    recordHash: { zh: '听证笔录（SHA-256）', en: 'Hearing record (SHA-256)' },
  }],
  [SubmitParticipationSummaryPayload, {
    received: { zh: '收到意见数', en: 'Opinions received' },
    adopted: { zh: '采纳意见数', en: 'Opinions adopted', example: 0, description: { zh: '不得多于收到意见数', en: 'At most the number received' } },
    summary: { zh: '意见研究采纳情况', en: 'How the opinions were adopted', example: '共收到意见 1 条，经研究未予采纳，理由已反馈。', description: R713('第二十九条第（二）项', 'Art. 29 (2)') },
  }],
  [RecordExpertOpinionPayload, {
    expert: { zh: '专家姓名', en: 'Expert', example: '周教授' },
    institution: { zh: '所在单位', en: 'Institution', example: '宁波大学法学院' },
    hasDirectInterest: { zh: '与决策事项有直接利害关系', en: 'Has a direct interest', example: false },
    opinion: { zh: '论证意见', en: 'Opinion', example: '方案总体可行，建议细化资金分担机制。' },
    signed: { zh: '书面意见已署名、盖章', en: 'Signed and sealed', description: R713('第十九条第二款', 'Art. 19 ¶2') },
    documentHash: { zh: '书面论证意见（SHA-256）', en: 'Written opinion (SHA-256)' },
  }],
  [SubmitExpertSummaryPayload, {
    adoptionSummary: { zh: '专家意见研究采纳情况', en: 'How the expert opinions were adopted', example: '专家意见已全部采纳。', description: R713('第二十九条第（三）项', 'Art. 29 (3)') },
  }],
  [SubmitRiskReportPayload, {
    riskLevel: { zh: '风险等级', en: 'Risk level' },
    controllable: { zh: '风险可控', en: 'Controllable' },
    riskPoints: { zh: '风险点', en: 'Risk points', example: ['施工期间居民出行不便'], description: R713('第二十三条第二款', 'Art. 23 ¶2') },
    measures: { zh: '风险防范措施', en: 'Measures', example: '分段施工，提前公告。', description: R713('第二十三条第二款', 'Art. 23 ¶2') },
    handlingPlan: { zh: '处置预案', en: 'Handling plan', example: '设立临时通道，安排专人值守。' },
    assessorUnit: { zh: '评估单位', en: 'Assessor', example: '镇综治办', description: { zh: '开展评估的单位（可委托第三方），默认为承办单位', en: 'The unit that assessed (may be a third party); defaults to the undertaking unit' } },
    consultedDepartments: { zh: '听取意见的部门', en: 'Departments heard', example: ['镇派出所'] },
    documentHash: { zh: '风险评估报告（SHA-256）', en: 'Risk report (SHA-256)' },
  }],
  [IssueReviewOpinionPayload, {
    outcome: { zh: '审查结论', en: 'Outcome' },
    legalAdvisers: { zh: '法律顾问、公职律师', en: 'Legal advisers and public-sector lawyers', example: ['镇法律顾问 李律师'], description: R713('第二十八条：应当听取法律顾问、公职律师的意见', 'Art. 28: legal advisers must be heard') },
    riskStatement: { zh: '法律风险说明', en: 'Statement of legal risks', example: '该事项属探索性改革，已明示法律风险。', description: R713('第二十五条第二款：结论为“探索性改革，已明示法律风险”时必填', 'Art. 25 ¶2: required with EXPLORATORY_RISK_DISCLOSED') },
    documentHash: { zh: '审查意见书（SHA-256）', en: 'Opinion document (SHA-256)' },
  }],
  [RecordMeetingPayload, {
    statements: { zh: '会议发言', en: 'Statements', description: R713('第三十条第二款：按发言顺序，主要负责人最后发言', 'Art. 30 ¶2: in order, the head last') },
    headReason: { zh: '主要负责人说明理由', en: "Head's reason", example: '综合各方意见后作出决定。', description: R713('第三十条第二款：与多数人意见不一致时必填', 'Art. 30 ¶2: required when the decision differs from the majority') },
  }],
  [MeetingStatementDto, {
    speaker: { zh: '发言人', en: 'Speaker', example: '张镇长' },
    role: { zh: '身份', en: 'Role' },
    position: { zh: '意见', en: 'Position' },
    text: { zh: '发言内容', en: 'Statement', example: '同意该方案。', description: R713('第三十条第三款：不同意见应当如实载明', 'Art. 30 ¶3: dissent kept as stated') },
  }],
  [RecordPartyCommitteeReportPayload, {
    reportedAt: { zh: '报告日期', en: 'Reported on' },
    outcome: { zh: '党委意见', en: "Party committee's view" },
    note: { zh: '党委意见说明', en: "Committee's remarks", example: '同意提交政府常务会议审议。' },
  }],
  [PublishDecisionPayload, {
    channels: { zh: '公布渠道', en: 'Channels', example: ['政府网站', '镇政务公开栏'], description: R713('第三十二条：仅在依法不予公开时可为空', 'Art. 32: may be empty only with a non-disclosure basis') },
    adoptionExplanation: { zh: '意见采纳情况说明', en: 'How opinions were adopted', example: '公众和专家意见已按规定研究采纳。', description: R713('第三十二条：履行公众参与或专家论证程序的必填', 'Art. 32: required after public participation or expert review') },
    documentNumber: { zh: '决定文号', en: 'Document number', example: '掌政发〔2020〕12号' },
    nonDisclosureBasis: { zh: '不予公开的依据', en: 'Basis for non-disclosure', example: '《政府信息公开条例》第十四条' },
  }],
  [ReportImplementationPayload, {
    report: { zh: '执行情况', en: 'Implementation report', example: '改造工程已完成 8 个小区。' },
    problems: { zh: '执行中的问题', en: 'Problems', example: '部分小区资金未到位。', description: R713('第三十五条第一款', 'Art. 35 ¶1') },
  }],
  [StartPostEvaluationPayload, {
    evaluatorUnit: { zh: '评估单位', en: 'Evaluator', example: '镇党政办' },
    trigger: { zh: '启动评估的情形', en: 'Trigger', description: R713('第三十六条第一款', 'Art. 36 ¶1') },
  }],
  [SubmitPostEvaluationPayload, {
    report: { zh: '评估报告', en: 'Evaluation report', example: '决策实施效果良好。' },
    recommendation: { zh: '评估建议', en: 'Recommendation' },
    documentHash: { zh: '评估报告文件（SHA-256）', en: 'Evaluation report (SHA-256)' },
  }],
  [ProposeAdjustmentPayload, {
    scope: { zh: '调整类型', en: 'Scope' },
    description: { zh: '调整内容', en: 'Description', example: '将实施范围扩大至两个行政村。' },
    procedures: { zh: '重大调整应履行的程序', en: 'Procedures for a major adjustment', description: R713('第三十七条：仅重大调整；不填则沿用启动决定的程序', 'Art. 37: MAJOR only; omitted, the start decision\u2019s procedures apply') },
  }],
];
