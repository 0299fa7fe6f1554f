/**
 * What a person reads about the enforcement-decision payload fields (titles, descriptions, examples,
 * enum labels), for the generated payload schemas (v2's classes extend these and take their docs).
 * Shared and common fields take the docs of workflows/common/field-docs.ts. Pure data.
 */
import type { FieldDocTable } from '../../common/field-docs';
import {
  CreateEnforcementDecisionPayload,
  EnforcementProposalDto,
  IssueReviewOpinionPayload,
  RecordDecisionPayload,
  ReturnForRevisionPayload,
  ReviewerQualificationDto,
  SubmitDraftPayload,
} from './enforcement-decision.payloads';

export const enforcementDecisionFieldDocs: FieldDocTable = [
  [CreateEnforcementDecisionPayload, {
    title: { zh: '案件名称', en: 'Case title', example: '某公司未经许可擅自经营案' },
    proposal: { zh: '案件基本情况', en: 'Case' },
  }],
  [EnforcementProposalDto, {
    party: { zh: '当事人', en: 'Party', example: '宁波某贸易有限公司' },
    decisionType: { zh: '执法决定类型', en: 'Decision type', enumLabels: {
      PENALTY: { zh: '行政处罚', en: 'Penalty' },
      LICENSING: { zh: '行政许可', en: 'Licensing' },
      COMPULSORY_MEASURE: { zh: '行政强制', en: 'Compulsory measure' },
      OTHER: { zh: '其他', en: 'Other' },
    } },
    majorGround: { zh: '重大执法决定情形', en: 'Ground for being major', description: { zh: '《行政处罚法》第五十八条第一款', en: 'APL Art. 58 ¶1' }, enumLabels: {
      MAJOR_PUBLIC_INTEREST: { zh: '涉及重大公共利益', en: 'Major public interest' },
      MAJOR_RIGHTS_AFTER_HEARING: { zh: '直接关系当事人或者第三人重大权益，经过听证程序', en: 'Major rights, after a hearing' },
      COMPLEX_OR_MULTIPLE_RELATIONS: { zh: '案件情况疑难复杂、涉及多个法律关系', en: 'Complex or several legal relations' },
      REQUIRED_BY_LAW: { zh: '法律、法规规定应当进行法制审核', en: 'Required by law' },
      LOCAL_CATALOG: { zh: '列入本地重大执法决定目录', en: 'In the local catalog' },
    } },
    matter: { zh: '案由', en: 'Matter', example: '未经许可擅自从事食品经营' },
  }],
  [SubmitDraftPayload, {
    title: { zh: '拟作出的决定名称', en: 'Proposed decision title', example: '行政处罚决定书（拟）' },
    documentHash: { zh: '拟决定文书（SHA-256）', en: 'Proposed decision (SHA-256)' },
    factsFound: { zh: '认定的事实', en: 'Facts found', example: '当事人于2020年5月起未经许可从事食品经营。' },
    evidence: { zh: '证据', en: 'Evidence', example: ['现场检查笔录', '询问笔录'] },
    proposedDecision: { zh: '拟作出的决定', en: 'Proposed decision', example: '没收违法所得并处罚款五千元。' },
    hearingHeld: { zh: '已经听证', en: 'Hearing held', example: false },
    seriousViolation: { zh: '重大违法行为', en: 'Serious violation', example: false, description: { zh: '情节复杂或者重大违法行为给予处罚的，应当集体讨论决定（《行政处罚法》第五十七条第二款）', en: 'A penalty for it is decided collectively (APL Art. 57 ¶2)' } },
  }],
  [IssueReviewOpinionPayload, {
    outcome: { zh: '法制审核结论', en: 'Outcome' },
    reviewerQualification: { zh: '审核人员资格（不再使用）', en: 'Reviewer qualification (ignored)', description: { zh: '资格以审核人员的用户信息为准，此字段仅为兼容保留', en: "Ignored: the qualification is read from the reviewer's user record" } },
    documentHash: { zh: '法制审核意见书（SHA-256）', en: 'Opinion document (SHA-256)' },
  }],
  [ReviewerQualificationDto, {
    holderName: { zh: '持证人', en: 'Holder', example: '赵审核' },
    certificateNumber: { zh: '法律职业资格证书编号', en: 'Certificate number', example: 'A20183302000000' },
    reviewingSince: { zh: '从事法制审核起始日期', en: 'Reviewing since' },
  }],
  [RecordDecisionPayload, {
    decidedOn: { zh: '决定日期', en: 'Decided on' },
    documentNumber: { zh: '决定书文号', en: 'Document number', example: '掌综执罚决字〔2020〕第8号' },
    decisionHash: { zh: '决定书（SHA-256）', en: 'Decision (SHA-256)', description: { zh: '作出的决定书文本，应与审核通过的文本一致', en: 'The decision as made: the text that passed review' } },
    collectiveDiscussion: { zh: '经集体讨论', en: 'Collective discussion', description: { zh: '由行政机关负责人集体讨论决定', en: "Decided by the organ's responsible persons collectively" } },
    summary: { zh: '决定摘要', en: 'Summary', example: '没收违法所得并处罚款五千元。' },
  }],
  [ReturnForRevisionPayload, { reason: { zh: '退回理由', en: 'Reason', example: '拟改为从轻处罚，请重新审核。' } }],
];
