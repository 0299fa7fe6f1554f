/**
 * What a person reads about the administrative-contract payload fields (titles, descriptions,
 * examples, enum labels), for the generated payload schemas (v2 takes the v1 classes). Shared and
 * common fields take the docs of workflows/common/field-docs.ts. Pure data.
 */
import type { FieldDocTable } from '../../common/field-docs';
import {
  CloseContractPayload,
  ConfirmRevisionsPayload,
  ContractChecklistDto,
  ContractProposalDto,
  CreateAdministrativeContractPayload,
  IssueReviewOpinionPayload,
  ProposeChangePayload,
  RecordDueDiligencePayload,
  RecordFilingPayload,
  RecordMeetingPayload,
  RegisterOnPlatformPayload,
  ReportPerformancePayload,
  SignContractPayload,
  SubmitDraftPayload,
} from './administrative-contract.payloads';

export const administrativeContractFieldDocs: FieldDocTable = [
  [CreateAdministrativeContractPayload, {
    title: { zh: '合同名称', en: 'Contract title', example: '掌起镇农贸市场经营权出租合同' },
    proposal: { zh: '合同基本情况', en: 'Contract proposal' },
  }],
  [ContractProposalDto, {
    counterparty: { zh: '合同相对方', en: 'Counterparty', example: '宁波某市场管理有限公司' },
    contractType: { zh: '合同类型', en: 'Contract type', enumLabels: {
      STATE_ASSET_INVESTMENT: { zh: '国有资产投资', en: 'State asset investment' },
      STATE_ASSET_LEASE_OR_TRANSFER: { zh: '国有资产租赁、转让', en: 'State asset lease or transfer' },
      NATURAL_RESOURCE_USE: { zh: '自然资源使用权出让', en: 'Natural resource use' },
      FRANCHISE: { zh: '特许经营', en: 'Franchise' },
      EXPROPRIATION_COMPENSATION: { zh: '征收征用补偿', en: 'Expropriation compensation' },
      AFFORDABLE_HOUSING: { zh: '保障性住房', en: 'Affordable housing' },
      INVESTMENT_ATTRACTION: { zh: '招商引资', en: 'Investment attraction' },
      CONSTRUCTION: { zh: '建设工程', en: 'Construction' },
      GOVERNMENT_PROCUREMENT: { zh: '政府采购', en: 'Government procurement' },
      GOVERNMENT_FINANCING: { zh: '政府融资', en: 'Government financing' },
      OTHER: { zh: '其他', en: 'Other' },
    } },
    subjectMatter: { zh: '合同标的', en: 'Subject matter', example: '镇农贸市场五年经营权' },
    amountYuan: { zh: '合同金额（元）', en: 'Amount (yuan)', example: 1200000 },
  }],
  [RecordDueDiligencePayload, {
    counterparty: { zh: '调查对象', en: 'Counterparty', example: '宁波某市场管理有限公司' },
    assets: { zh: '资产状况', en: 'Assets', example: '注册资本500万元，资产状况良好。' },
    qualification: { zh: '资质情况', en: 'Qualification', example: '具备市场经营管理资质。' },
    credit: { zh: '信用情况', en: 'Credit', example: '无失信记录。' },
    performanceCapacity: { zh: '履约能力', en: 'Performance capacity', example: '具有同类市场运营经验。' },
    conclusion: { zh: '调查结论', en: 'Conclusion', enumLabels: {
      SATISFACTORY: { zh: '符合要求', en: 'Satisfactory' },
      RISKS_NOTED: { zh: '存在风险，已提示', en: 'Risks noted' },
      UNSUITABLE: { zh: '不宜签约', en: 'Unsuitable' },
    } },
  }],
  [SubmitDraftPayload, {
    title: { zh: '合同名称', en: 'Contract title', example: '掌起镇农贸市场经营权出租合同' },
    documentHash: { zh: '合同文本（SHA-256）', en: 'Contract text (SHA-256)' },
    major: { zh: '重大合同', en: 'Major contract', description: { zh: '重大合同审查后须集体讨论决定', en: 'A major contract goes to a collective decision after the review' } },
    modelTextUsed: { zh: '使用示范文本', en: 'Model text used' },
    disputeResolution: { zh: '争议解决方式', en: 'Dispute resolution', enumLabels: { LITIGATION: { zh: '诉讼', en: 'Litigation' }, ARBITRATION: { zh: '仲裁', en: 'Arbitration' } } },
  }],
  [IssueReviewOpinionPayload, {
    outcome: { zh: '审查结论', en: 'Outcome' },
    checklist: { zh: '审查要点', en: 'Checklist', description: { zh: '审查人员对各审查要点的判断', en: "The reviewer's answers on each point" } },
    documentHash: { zh: '审查意见书（SHA-256）', en: 'Opinion document (SHA-256)' },
  }],
  [ContractChecklistDto, {
    subjectQualified: { zh: '主体适格', en: 'Subject qualified' },
    termsLawfulAndReasonable: { zh: '条款合法合理', en: 'Terms lawful and reasonable' },
    textStandard: { zh: '文本规范', en: 'Text standard' },
    disputeClauseSound: { zh: '争议解决条款完备', en: 'Dispute clause sound' },
    organGuarantee: { zh: '以机关名义提供担保', en: 'Guarantee in the organ\u2019s name', example: false, description: { zh: '不得以机关名义提供担保', en: 'Forbidden (INV-C3)' } },
    exceedsAuthority: { zh: '超越职权作出承诺', en: 'Exceeds authority', example: false },
  }],
  [ConfirmRevisionsPayload, {
    documentHash: { zh: '修改后合同文本（SHA-256）', en: 'Revised text (SHA-256)' },
    note: { zh: '修改情况说明', en: 'Note on the revisions', example: '已按审查意见修改第八条。' },
    guaranteeClauseRemoved: { zh: '已删除担保条款', en: 'Guarantee clause removed', description: { zh: '审查意见认定存在机关担保时必填', en: "Required when the opinion found a guarantee in the organ's name" } },
  }],
  [RecordMeetingPayload, {
    summary: { zh: '会议审议情况', en: 'Deliberation summary', example: '会议同意签订该合同。' },
  }],
  [SignContractPayload, {
    signedOn: { zh: '签订日期', en: 'Signed on' },
    signedDocumentHash: { zh: '签署文本（SHA-256）', en: 'Signed document (SHA-256)', description: { zh: '合同应当采用书面形式：签署后的合同文本的 SHA-256 值', en: 'The contract is made in writing: SHA-256 of the signed text' } },
    signatories: { zh: '签约人', en: 'Signatories', example: ['掌起镇人民政府', '宁波某市场管理有限公司'] },
  }],
  [RegisterOnPlatformPayload, {
    platform: { zh: '登记平台', en: 'Platform', example: '慈溪市行政合同管理平台' },
    registrationNumber: { zh: '登记编号', en: 'Registration number', example: 'HT-2020-0088' },
  }],
  [RecordFilingPayload, {
    receiptNumber: { zh: '备案回执编号', en: 'Receipt number', example: 'BA-2020-021' },
  }],
  [ReportPerformancePayload, {
    report: { zh: '履约情况', en: 'Performance report', example: '相对方按约支付租金。' },
  }],
  [ProposeChangePayload, {
    description: { zh: '变更内容', en: 'Change', example: '签订补充协议，延长租期一年。' },
    title: { zh: '变更文本名称', en: 'Title of the change', example: '农贸市场经营权出租合同补充协议' },
    documentHash: { zh: '变更文本（SHA-256）', en: 'Change text (SHA-256)' },
    major: { zh: '重大变更', en: 'Major change' },
  }],
  [CloseContractPayload, {
    outcome: { zh: '终结方式', en: 'Outcome', enumLabels: { PERFORMED: { zh: '履行完毕', en: 'Performed' }, TERMINATED: { zh: '解除', en: 'Terminated' } } },
    closedOn: { zh: '终结日期', en: 'Closed on' },
    summary: { zh: '终结情况', en: 'Summary', example: '合同履行完毕，无争议。' },
  }],
];
