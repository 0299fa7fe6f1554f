/**
 * What a person reads about the decision-catalog payload fields (titles, descriptions, examples,
 * enum labels), for the generated payload schemas. Common fields take the docs of
 * workflows/common/field-docs.ts. Pure data.
 */
import type { FieldDoc, FieldDocTable } from '../../common/field-docs';
import {
  AddItemPayload,
  AdjustItemPayload,
  CatalogItemChangesDto,
  CatalogItemDto,
  CatalogMilestonesDto,
  CreateDecisionCatalogPayload,
  LinkCasePayload,
  PublishCatalogPayload,
  RecordPartyConsentPayload,
  RemoveItemPayload,
} from './decision-catalog.payloads';

const month = (zh: string, en: string, example: string): FieldDoc => ({ zh: `${zh}完成月份`, en: `${en} by`, example, description: { zh: '月份 YYYY-MM', en: 'A month, YYYY-MM' } });

const ITEM = {
  name: { zh: '事项名称', en: 'Matter', example: '掌起镇老旧小区改造' },
  decisionBody: { zh: '决策主体', en: 'Decision body', example: '掌起镇人民政府' },
  undertakingUnit: { zh: '决策承办单位', en: 'Undertaking unit', example: 'jjfzb', description: { zh: '承办单位的组织机构编号（第 2 版起也可填写单位名称），由其负责人创建决策案件', en: 'The org unit id (from version 2 also its exact name) whose department head creates the case' } },
  legalBasis: { zh: '法律政策依据', en: 'Legal basis', example: ['《重大行政决策程序暂行条例》'] },
  procedures: { zh: '履行程序要求', en: 'Procedures required' },
  milestones: { zh: '细化完成时间', en: 'Milestones' },
  note: { zh: '备注', en: 'Note', example: '涉及群众切身利益。' },
} satisfies Record<string, FieldDoc>;

export const decisionCatalogFieldDocs: FieldDocTable = [
  [CreateDecisionCatalogPayload, {
    title: { zh: '目录名称', en: 'Catalog title', example: '掌起镇2020年重大行政决策事项目录' },
    year: { zh: '年度', en: 'Year', example: 2020 },
  }],
  [CatalogItemDto, ITEM],
  [CatalogItemChangesDto, ITEM],
  [CatalogMilestonesDto, {
    initiation: month('决策启动', 'Initiation', '2020-03'),
    drafting: month('草案拟定', 'Drafting', '2020-04'),
    publicParticipation: month('公众参与', 'Public participation', '2020-05'),
    expertReview: month('专家论证', 'Expert review', '2020-05'),
    riskAssessment: month('风险评估', 'Risk assessment', '2020-06'),
    legalityReview: month('合法性审查', 'Legality review', '2020-07'),
    collectiveDecision: month('集体讨论决定', 'Collective decision', '2020-08'),
    implementation: month('决策执行', 'Implementation', '2020-12'),
  }],
  [AddItemPayload, {
    item: { zh: '目录事项', en: 'Item' },
    reason: { zh: '增加理由', en: 'Reason', example: '经镇党委研究增列。' },
  }],
  [AdjustItemPayload, {
    itemNo: { zh: '事项序号', en: 'Item number' },
    changes: { zh: '调整内容', en: 'Changes', description: { zh: '仅填写要调整的字段，至少一项', en: 'Only the fields that change; at least one' } },
    reason: { zh: '调整理由', en: 'Reason', example: '因上级政策调整。' },
  }],
  [RemoveItemPayload, {
    itemNo: { zh: '事项序号', en: 'Item number' },
    reason: { zh: '删除理由', en: 'Reason', example: '该事项不再列入本年度计划。' },
  }],
  [RecordPartyConsentPayload, {
    contentVersion: { zh: '目录内容版本', en: 'Content version', description: { zh: '党委同意的目录内容版本（目录的 contentVersion）', en: "The catalog content version the committee agreed to (the catalog's contentVersion)" } },
    meeting: { zh: '会议', en: 'Meeting', example: '镇党委会议' },
    agreedOn: { zh: '同意日期', en: 'Agreed on' },
    reference: { zh: '纪要或文号', en: 'Reference', example: '掌党纪〔2020〕3号' },
  }],
  [PublishCatalogPayload, {
    documentNumber: { zh: '公布文号', en: 'Document number', example: '掌政发〔2020〕3号' },
  }],
  [LinkCasePayload, {
    itemNo: { zh: '事项序号', en: 'Item number' },
    caseId: { zh: '决策案件编号', en: 'Case id' },
  }],
];
