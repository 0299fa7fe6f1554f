/**
 * What a person reads about the normative-document payload fields (titles, descriptions, examples,
 * enum labels), for the generated payload schemas. Shared and common fields take the docs of
 * workflows/common/field-docs.ts. Pure data.
 */
import type { FieldDocTable } from '../../common/field-docs';
import {
  AdoptionFeedbackDto,
  ContentLimitsDto,
  CreateNormativeDocumentPayload,
  IssueReviewOpinionPayload,
  NormativeDocumentProposalDto,
  OpenCleanupReviewPayload,
  PublishDocumentPayload,
  RecordCleanupReviewPayload,
  RecordExpiryEvaluationPayload,
  RecordFairCompetitionReviewPayload,
  RecordFilingPayload,
  RecordMeetingPayload,
  RegisterDocumentPayload,
  RepealDocumentPayload,
  StartAmendmentPayload,
  SubmitDraftPayload,
  SubmitParticipationSummaryPayload,
} from './normative-document.payloads';

const FILING_LINE_LABELS = {
  GOVERNMENT: { zh: '向上一级人民政府备案', en: 'Government line' },
  PEOPLES_CONGRESS: { zh: '向本级人大常委会备案', en: "People's congress standing committee" },
  TOWNSHIP_PRESIDIUM: { zh: '向乡镇人大主席团备案', en: "Township people's congress presidium" },
};

export const normativeDocumentFieldDocs: FieldDocTable = [
  [CreateNormativeDocumentPayload, {
    title: { zh: '文件名称', en: 'Document title', example: '掌起镇农贸市场管理办法' },
    proposal: { zh: '起草建议', en: 'Proposal', description: { zh: '制定目的、依据和主要内容（起草、评估论证）', en: 'Purpose, basis and main content (drafting and assessment)' } },
  }],
  [NormativeDocumentProposalDto, {
    legalBasis: { zh: '制定依据', en: 'Legal basis', example: '《浙江省行政规范性文件管理办法》' },
    draftingUnit: { zh: '起草单位', en: 'Drafting unit', example: 'jjfzb', description: { zh: '起草单位的组织机构编号（不是创建人所在单位时填写）', en: "The drafting org unit's id, when not the creator's own" } },
  }],
  [SubmitDraftPayload, {
    title: { zh: '文件名称', en: 'Document title', example: '掌起镇农贸市场管理办法（试行）', description: { zh: '名称含“暂行”“试行”的，有效期较短', en: 'A title with 暂行 / 试行 makes the document provisional (shorter validity)' } },
    documentHash: { zh: '送审稿（SHA-256）', en: 'Draft (SHA-256)' },
    marketRelated: { zh: '涉及市场主体经营活动', en: 'Market-related', description: { zh: '与市场主体生产经营活动密切相关（《优化营商环境条例》第六十二条）', en: "Closely related to market entities' business (OBE Art. 62)" } },
    assessment: { zh: '评估论证情况', en: 'Assessment', example: '经评估，制定本办法必要、可行。' },
  }],
  [SubmitParticipationSummaryPayload, {
    received: { zh: '收到意见数', en: 'Opinions received' },
    adopted: { zh: '采纳意见数', en: 'Opinions adopted', example: 0 },
    summary: { zh: '意见研究采纳情况', en: 'How the opinions were adopted', example: '共收到意见 1 条，未予采纳，已说明理由。' },
    marketEntitiesHeard: { zh: '听取意见的市场主体、行业协会', en: 'Market entities heard', example: ['镇个体劳动者协会'] },
    adoptionFeedback: { zh: '意见采纳情况反馈', en: 'Feedback on adopted views', description: { zh: '向社会公布的采纳情况（《优化营商环境条例》第六十二条第二款）', en: 'Published feedback on how views were adopted (OBE Art. 62 ¶2)' } },
  }],
  [AdoptionFeedbackDto, {
    publishedAt: { zh: '反馈日期', en: 'Published on' },
    channel: { zh: '反馈渠道', en: 'Channel', example: '政府网站' },
    summary: { zh: '反馈内容', en: 'Summary', example: '对经营户提出的摊位费意见予以采纳。' },
  }],
  [RecordFairCompetitionReviewPayload, {
    conclusion: { zh: '审查结论', en: 'Conclusion', enumLabels: { NOT_COMPLIANT: { zh: '含排除、限制竞争内容（须修改）', en: 'Not compliant (revise)' } } },
    summary: { zh: '审查情况', en: 'Summary', example: '文件不含排除、限制竞争的内容。' },
    exceptionReason: { zh: '适用例外的理由', en: 'Reason for the exception', example: '为保障民生，暂无更小限制的替代方案，实施期限至2022年底。' },
    documentHash: { zh: '审查材料（SHA-256）', en: 'Review document (SHA-256)' },
  }],
  [IssueReviewOpinionPayload, {
    outcome: { zh: '审核结论', en: 'Outcome' },
    contentLimits: { zh: '内容审查清单', en: 'Content checklist', description: { zh: '审核人员对文件内容的逐项判断（如实记录）', en: "The reviewer's answers on the content (recorded)" } },
    documentHash: { zh: '审核意见书（SHA-256）', en: 'Opinion document (SHA-256)' },
  }],
  [ContentLimitsDto, {
    createsLicensing: { zh: '设定行政许可', en: 'Creates licensing', example: false },
    createsPenalty: { zh: '设定行政处罚', en: 'Creates penalties', example: false },
    createsCompulsoryMeasure: { zh: '设定行政强制措施', en: 'Creates compulsory measures', example: false },
    reducesRightsOrAddsObligationsWithoutBasis: { zh: '无依据减损权利或增加义务', en: 'Reduces rights or adds obligations without basis', example: false },
    restrictsMarketEntryOrExit: { zh: '限制市场准入或退出', en: 'Restricts market entry or exit', example: false },
  }],
  [RecordMeetingPayload, {
    summary: { zh: '会议审议情况', en: 'Deliberation summary', example: '会议审议通过该办法，王副镇长提出不同意见已记录。' },
    reviewerAttended: { zh: '司法所列席', en: 'Reviewer attended' },
  }],
  [RegisterDocumentPayload, {
    documentNumber: { zh: '发文字号', en: 'Document number', example: '掌政发〔2020〕12号', description: { zh: '统一编号由系统分配，无需填写', en: 'The unified number is allocated by Docket, not entered' } },
  }],
  [PublishDocumentPayload, {
    effectiveFrom: { zh: '施行日期', en: 'Effective from', description: { zh: '不得早于公布日期', en: 'Not before the publication day' } },
    validUntil: { zh: '有效期至', en: 'Valid until' },
    additionalFilingLines: { zh: '其他备案渠道', en: 'Additional filing lines', example: ['PEOPLES_CONGRESS'], enumLabels: FILING_LINE_LABELS },
    interpretation: { zh: '政策解读', en: 'Policy interpretation', example: '本办法主要明确了摊位分配规则。' },
    transitionPeriod: { zh: '过渡期', en: 'Transition period', example: '自公布之日起3个月', description: { zh: '为市场主体留出的适应调整期（《优化营商环境条例》第六十五条）', en: 'Adaptation period for market entities (OBE Art. 65)' } },
  }],
  [RecordFilingPayload, {
    line: { zh: '备案渠道', en: 'Filing line', enumLabels: FILING_LINE_LABELS },
    receiptNumber: { zh: '备案回执编号', en: 'Receipt number', example: 'BA-2020-015' },
  }],
  [RecordExpiryEvaluationPayload, {
    conclusion: { zh: '评估结论', en: 'Conclusion' },
    report: { zh: '评估报告', en: 'Evaluation report', example: '文件实施情况良好，建议继续有效。' },
  }],
  [RecordCleanupReviewPayload, {
    conclusion: { zh: '清理结论', en: 'Conclusion' },
    reasons: { zh: '清理理由', en: 'Reasons', example: '与上位法不抵触，继续有效。' },
  }],
  [OpenCleanupReviewPayload, {}],
  [StartAmendmentPayload, {
    ground: { zh: '修改事由', en: 'Ground', enumLabels: {
      CLEANUP: { zh: '文件清理', en: 'Cleanup' },
      EXPIRY_EVALUATION: { zh: '有效期届满评估', en: 'Expiry evaluation' },
      HIGHER_LAW_CHANGED: { zh: '上位法修改', en: 'Higher law changed' },
      OTHER: { zh: '其他', en: 'Other' },
    } },
    reason: { zh: '修改理由', en: 'Reason', example: '上位法已修改，需相应调整。' },
  }],
  [RepealDocumentPayload, {
    reason: { zh: '废止理由', en: 'Reason', example: '文件已不适应管理需要。' },
    publishedAt: { zh: '废止公布日期', en: 'Published on' },
  }],
];
