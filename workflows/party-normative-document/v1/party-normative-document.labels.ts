/**
 * What a person reads about the party-normative-document payload fields (titles, descriptions,
 * examples, enum labels), for the generated payload schemas. Shared and common fields take the docs
 * of workflows/common/field-docs.ts. Pure data.
 */
import type { FieldDocTable } from '../../common/field-docs';
import {
  CreatePartyNormativeDocumentPayload,
  FilingExemptionDto,
  IssueDocumentPayload,
  IssueReviewOpinionPayload,
  PartyDocumentProposalDto,
  PreReviewChecksDto,
  RecordFilingPayload,
  RecordFilingReviewResultPayload,
  RepealDocumentPayload,
  StartAmendmentPayload,
  SubmitDraftPayload,
} from './party-normative-document.payloads';

export const partyNormativeDocumentFieldDocs: FieldDocTable = [
  [CreatePartyNormativeDocumentPayload, {
    title: { zh: '文件名称', en: 'Document title', example: '中共掌起镇委员会关于加强村级党组织建设的意见' },
    proposal: { zh: '起草建议', en: 'Proposal' },
  }],
  [PartyDocumentProposalDto, {
    issuingBody: { zh: '制定机关', en: 'Issuing body', example: '中共掌起镇委员会' },
  }],
  [SubmitDraftPayload, {
    title: { zh: '文件名称', en: 'Document title', example: '中共掌起镇委员会关于加强村级党组织建设的意见' },
    documentHash: { zh: '送审稿（SHA-256）', en: 'Draft (SHA-256)' },
    filingScope: { zh: '是否报备', en: 'Filing scope', enumLabels: { REQUIRED: { zh: '应当报备', en: 'To be filed' }, EXEMPT: { zh: '不属于报备范围', en: 'Exempt from filing' } } },
    exemption: { zh: '不报备的理由', en: 'Filing exemption', description: { zh: '选择“不属于报备范围”时必填', en: 'Required with EXEMPT' } },
  }],
  [FilingExemptionDto, {
    category: { zh: '不报备的类别', en: 'Category', enumLabels: {
      LEADERSHIP_SPEECH: { zh: '领导讲话', en: 'Leadership speech' },
      ANNUAL_WORK_POINTS_OR_SUMMARY: { zh: '年度工作要点、总结', en: 'Annual work points or summary' },
      PERSONNEL: { zh: '人事任免', en: 'Personnel' },
      COMMENDATION_OR_SANCTION: { zh: '表彰奖励、处分', en: 'Commendation or sanction' },
      INTERNAL_DAILY_MANAGEMENT: { zh: '内部日常管理', en: 'Internal daily management' },
      REQUEST_OR_REPORT: { zh: '请示、报告', en: 'Request or report' },
      MEETING_NOTICE_OR_MINUTES: { zh: '会议通知、纪要', en: 'Meeting notice or minutes' },
      BRIEFING: { zh: '情况通报', en: 'Briefing' },
      EXEMPTED_BY_OTHER_RULES: { zh: '其他规定不需报备的', en: 'Exempted by other rules' },
    } },
    justification: { zh: '理由', en: 'Justification', example: '本文件为年度工作要点，不属于报备范围。' },
  }],
  [IssueReviewOpinionPayload, {
    outcome: { zh: '前置审核结论', en: 'Outcome' },
    checks: { zh: '审核要点', en: 'Checks' },
    exemptionRejected: { zh: '不予认可不报备理由', en: 'Exemption rejected', example: false, description: { zh: '审核认为不报备理由不成立的，文件应当报备', en: 'The declared exemption is unfounded: the document must be filed' } },
    documentHash: { zh: '审核意见书（SHA-256）', en: 'Opinion document (SHA-256)' },
  }],
  [PreReviewChecksDto, {
    withinAuthorityAndProcedure: { zh: '符合制定权限和程序', en: 'Within authority and procedure' },
    consistentWithConstitutionAndLaw: { zh: '符合宪法法律', en: 'Consistent with the Constitution and law' },
    consistentWithPartyConstitutionAndPolicy: { zh: '符合党章和党的理论路线方针政策', en: 'Consistent with the Party Constitution and policy' },
    consistentWithHigherPartyRules: { zh: '符合上位党内法规', en: 'Consistent with higher Party rules' },
    noObviousImpropriety: { zh: '无明显不当', en: 'No obvious impropriety' },
  }],
  [IssueDocumentPayload, {
    issuedAt: { zh: '发布日期', en: 'Issued on', description: { zh: '报备期限（30日）自发布之日起计算', en: 'The 30 filing days run from this day' } },
    documentNumber: { zh: '发文字号', en: 'Document number', example: '掌党发〔2020〕3号' },
  }],
  [RecordFilingPayload, {
    filedWith: { zh: '报备机关', en: 'Filed with', example: '中共慈溪市委办公室' },
    receiptNumber: { zh: '备案回执编号', en: 'Receipt number', example: 'DBA-2020-007' },
    materials: { zh: '报备材料', en: 'Filing materials', example: ['备案报告', '文件正式文本', '起草说明'] },
  }],
  [RecordFilingReviewResultPayload, {
    result: { zh: '备案审查结果', en: 'Result', enumLabels: { APPROVED: { zh: '审查通过', en: 'Approved' }, CORRECTION_REQUIRED: { zh: '要求纠正', en: 'Correction required' } } },
    receivedOn: { zh: '收到日期', en: 'Received on' },
    notes: { zh: '审查意见', en: 'Notes', example: '未发现问题。' },
  }],
  [StartAmendmentPayload, { reason: { zh: '修改理由', en: 'Reason', example: '根据上级党组织要求修改。' } }],
  [RepealDocumentPayload, { reason: { zh: '废止理由', en: 'Reason', example: '文件已被新文件替代。' } }],
];
