/**
 * What a person reads about the shared legality-review payload fields (the work liaison form and
 * its answers), for the generated payload schemas. Pure data.
 */
import type { FieldDocTable } from '../field-docs';
import { AcceptForReviewPayload, ConfirmRevisionsPayload, LegalityReviewMaterialsDto, ReturnIncompletePayload, SubmitForLegalityReviewPayload } from './legality-review.payloads';

export const legalityReviewFieldDocs: FieldDocTable = [
  [SubmitForLegalityReviewPayload, {
    materials: { zh: '送审材料', en: 'Materials submitted', description: { zh: '草案、法律依据和履行程序情况说明', en: 'The draft, its legal basis and a statement of the procedures performed' } },
    requestedCompletionDate: { zh: '要求完成日期', en: 'Requested completion date', description: { zh: '请求出具审查意见的日期；非紧急情况下不得少于规定的审查期限', en: 'The day the opinion is requested by: at least the minimum review period unless urgent' } },
    urgentReason: { zh: '紧急理由', en: 'Reason for urgency', example: '上级要求限期完成。', description: { zh: '审查期限短于规定期限时必填', en: 'Required when the period is shorter than the minimum' } },
  }],
  [LegalityReviewMaterialsDto, {
    draftHash: { zh: '送审草案（SHA-256）', en: 'Draft submitted (SHA-256)', description: { zh: '送审草案文件的 SHA-256 值', en: 'SHA-256 of the draft submitted' } },
    legalBasis: { zh: '制定依据', en: 'Legal basis', example: ['《中华人民共和国城乡规划法》第二十六条'] },
    procedureStatement: { zh: '履行程序情况说明', en: 'Statement of the procedures performed', example: '已公开征求意见 30 日并开展公平竞争审查。' },
    otherMaterials: { zh: '其他材料', en: 'Other materials', example: ['成本效益分析报告'], description: { zh: '其他送审材料的名称', en: 'Names of further materials' } },
  }],
  [AcceptForReviewPayload, {
    receiptNumber: { zh: '工作联系单编号', en: 'Work liaison form number', example: 'LXD-2020-001', description: { zh: '不填则由系统编号', en: 'Numbered by Docket when omitted' } },
  }],
  [ReturnIncompletePayload, {
    missing: { zh: '需补充的材料', en: 'Missing materials', example: ['公平竞争审查结论'] },
    note: { zh: '退回说明', en: 'Note', example: '请补充后重新送审。' },
  }],
  [ConfirmRevisionsPayload, {
    documentHash: { zh: '修改后的草案（SHA-256）', en: 'Revised draft (SHA-256)', description: { zh: '按审查意见修改后的草案文件的 SHA-256 值', en: 'SHA-256 of the draft revised as the opinion asked' } },
    note: { zh: '修改情况说明', en: 'Note on the revisions', example: '已按审查意见删除第五条有关表述。' },
  }],
];
