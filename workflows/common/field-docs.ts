/**
 * What a person reads about a payload field: its zh-CN and English title, an optional description,
 * an example value and the labels of enumerated values. The API's `payloadSchema` (GET
 * /workflows/:kind/:version) is generated from the payload classes' class-validator metadata; these
 * tables only name and explain the fields the classes declare, so the schema and the validation
 * cannot drift apart (workflows/payload-docs.spec.ts walks every event of every workflow).
 *
 * Lookup order for a field of a class: the class's own table (labels files next to the payload
 * classes), then its parent classes' tables (a v2 payload extending its v1 class), then the common
 * table below by field name. Enumerated values take their labels from the field's table, then from
 * `ENUM_LABELS` by value. Pure data: no I/O, no clock.
 */
import type { Label } from '@app/engine';

export interface FieldDoc {
  /** the field's title (zh-CN) and its English counterpart */
  zh: string;
  en: string;
  /** what the field holds, beyond its title (the generated schema adds the format and the limits) */
  description?: Label;
  /** a value the validation accepts; omitted where the type gives one (dates, hashes, enums, yes/no, nested objects) */
  example?: unknown;
  /** labels of enumerated values, where the value-wide ones of ENUM_LABELS do not fit */
  enumLabels?: Record<string, Label>;
}

export type FieldDocs = Record<string, FieldDoc>;
/** One labels table: a payload class (or nested DTO) and the docs of its fields. */
export type FieldDocTable = ReadonlyArray<readonly [abstract new (...args: never[]) => object, FieldDocs]>;

const d = (zh: string, en: string, example?: unknown, description?: Label): FieldDoc => ({ zh, en, ...(example !== undefined ? { example } : {}), ...(description ? { description } : {}) });

/** Fields that mean the same in every payload that has them. */
export const COMMON_FIELD_DOCS: FieldDocs = {
  title: d('标题', 'Title', '关于推进镇区老旧小区改造的决定'),
  note: d('备注', 'Note', '已按要求补充材料。'),
  reason: d('理由', 'Reason', '因上级政策调整，需重新研究。'),
  reasons: d('理由', 'Reasons', '草案内容符合法律、法规规定，程序完备。'),
  summary: d('摘要', 'Summary', '经研究，建议按方案一实施。'),
  legalBasis: d('法律依据', 'Legal basis', ['《重大行政决策程序暂行条例》第二十五条']),
  documentHash: d('文件（SHA-256）', 'Document (SHA-256)', undefined, { zh: '所附文件的 SHA-256 值', en: 'SHA-256 of the attached document' }),
  draftHash: d('草案文件（SHA-256）', 'Draft document (SHA-256)', undefined, { zh: '送审草案文件的 SHA-256 值', en: 'SHA-256 of the draft submitted' }),
  minutesHash: d('会议纪要（SHA-256）', 'Minutes (SHA-256)', undefined, { zh: '会议纪要文件的 SHA-256 值', en: 'SHA-256 of the minutes' }),
  recordHash: d('记录文件（SHA-256）', 'Record (SHA-256)'),
  signedDocumentHash: d('签署文本（SHA-256）', 'Signed document (SHA-256)', undefined, { zh: '签署文本的 SHA-256 值', en: 'SHA-256 of the signed document' }),
  outcome: d('结论', 'Outcome'),
  suggestions: d('修改建议', 'Suggested revisions', '建议删除第五条中“限本地企业参与”的表述。'),
  riskStatement: d('法律风险说明', 'Statement of legal risks', '该事项属探索性改革，存在一定法律风险，已明示。'),
  legalAdvisers: d('法律顾问、公职律师', 'Legal advisers and public-sector lawyers', ['镇法律顾问 李律师'], { zh: '提出法律意见的法律顾问或公职律师', en: 'The legal advisers or public-sector lawyers who gave a legal opinion' }),
  attendees: d('出席人员', 'Attendees', ['张镇长', '李副镇长', '王副镇长']),
  decision: d('会议决定', 'Decision'),
  heldAt: d('举行时间', 'Held at'),
  publishedAt: d('公布日期', 'Published on'),
  channels: d('公布渠道', 'Channels', ['政府网站']),
  documentNumber: d('文号', 'Document number', '掌政发〔2020〕5号'),
  report: d('报告', 'Report', '决策执行情况良好，已完成年度目标。'),
  description: d('说明', 'Description', '调整实施范围，增加两个行政村。'),
  missing: d('缺少的材料', 'Missing materials', ['公平竞争审查结论']),
  receiptNumber: d('工作联系单编号', 'Work liaison form number', 'LXD-2020-001'),
  materials: d('送审材料', 'Materials submitted'),
  requestedCompletionDate: d('要求完成日期', 'Requested completion date', undefined, { zh: '请求出具审查意见的日期', en: 'The day the opinion is requested by' }),
  urgentReason: d('紧急理由', 'Reason for urgency', '上级要求限期完成。'),
  procedureStatement: d('履行程序情况说明', 'Statement of the procedures performed', '已公开征求意见并开展公平竞争审查。'),
  otherMaterials: d('其他材料', 'Other materials', ['成本效益分析报告']),
  archiveNumber: d('档案号', 'Archive number', 'WS-2020-001'),
  opensAt: d('开始日期', 'Opens on', '2020-08-04'),
  closesAt: d('截止日期', 'Closes on', '2020-09-03', { zh: '征求意见期限一般不少于 30 日', en: 'The comment period is at least 30 days as a rule' }),
  shortenedReason: d('缩短期限的理由', 'Reason for a shortened period', '因应急需要缩短征求意见期限。'),
  statements: d('发言', 'Statements'),
  headReason: d('主要负责人说明理由', 'Reason given by the head', '综合考虑后作出决定。'),
  scheduledAt: d('会议时间', 'Scheduled at'),
  meetingType: d('会议类型', 'Meeting type'),
  place: d('地点', 'Place', '镇政府三楼会议室'),
  participants: d('参加人员', 'Participants', ['张三', '李四']),
  // the procedures a start decision (and a catalog item) requires
  procedures: d('应履行的程序', 'Required procedures', undefined, { zh: '公众参与、专家论证、风险评估等法定程序是否履行', en: 'Which statutory procedures (participation, expert review, risk assessment, …) apply' }),
  publicParticipation: d('公众参与', 'Public participation', undefined, { zh: '是否公开征求意见（《重大行政决策程序暂行条例》第十四条）', en: 'Whether the draft is published for comment (R713 Art. 14)' }),
  hearing: d('听证会', 'Hearing', undefined, { zh: '是否举行听证会（须同时选择公众参与）', en: 'Whether a hearing is held (requires public participation)' }),
  expertReview: d('专家论证', 'Expert review'),
  riskAssessment: d('风险评估', 'Risk assessment'),
  fairCompetitionReview: d('公平竞争审查', 'Fair-competition review', undefined, { zh: '涉及市场主体经济活动的，应当进行公平竞争审查', en: "Required where the matter touches market entities' economic activity" }),
  undertakingUnit: d('决策承办单位', 'Undertaking unit', 'jjfzb', { zh: '承办单位（组织机构编号，如 jjfzb）', en: 'The undertaking unit (org unit id, e.g. jjfzb)' }),
  // documents
  explanation: d('起草说明', 'Drafting explanation', '本文件依据上级有关规定起草，主要内容包括……'),
  purpose: d('制定目的', 'Purpose', '规范镇区农贸市场管理。'),
  mainContent: d('主要内容', 'Main content', '明确摊位分配、卫生管理和监督检查要求。'),
  consultedUnits: d('征求意见的单位', 'Units consulted', ['镇财政办', '镇村镇建设办']),
  disputes: d('争议情况', 'Disputes', '与镇财政办就资金来源存在分歧，已报决策机关。'),
  reviewedOn: d('审查日期', 'Reviewed on'),
  conclusion: d('结论', 'Conclusion'),
  problems: d('存在的问题', 'Problems', '部分村实施进度滞后。'),
  filedOn: d('报备日期', 'Filed on'),
  filedWith: d('报备机关', 'Filed with', '慈溪市司法局'),
  deadlineKey: d('期限', 'Deadline', 'filing', { zh: '已过期的期限的编号（系统发送）', en: 'The key of the deadline that passed (sent by the system)' }),
  dueDate: d('到期日', 'Due date', undefined, { zh: '已过的到期日', en: 'The due date that passed' }),
  repealedOn: d('废止日期', 'Repealed on'),
  major: d('重大事项', 'Major', undefined, { zh: '属于重大事项的，审查后须集体讨论决定', en: 'A major matter is decided collectively after the review' }),
  campaign: d('清理工作', 'Cleanup campaign', '2020年度行政规范性文件清理'),
  campaignId: d('清理工作编号', 'Cleanup campaign id'),
};

const l = (zh: string, en: string): Label => ({ zh, en });

/** Labels of enumerated values, by value (the same code means the same thing wherever it appears). */
export const ENUM_LABELS: Record<string, Label> = {
  LEGAL: l('合法', 'Legal'),
  LEGAL_WITH_REVISIONS: l('修改后合法', 'Legal after revisions'),
  ILLEGAL: l('不合法', 'Illegal'),
  EXPLORATORY_RISK_DISCLOSED: l('探索性改革，已明示法律风险', 'Exploratory reform, legal risks disclosed'),
  LOW: l('低', 'Low'),
  MEDIUM: l('中', 'Medium'),
  HIGH: l('高', 'High'),
  HEAD: l('主要负责人', 'Head'),
  MEMBER: l('会议组成人员', 'Member'),
  SUPPORT: l('赞成', 'Support'),
  OPPOSE: l('反对', 'Oppose'),
  ABSTAIN: l('弃权', 'Abstain'),
  AGREED: l('同意', 'Agreed'),
  DISAGREED: l('不同意', 'Disagreed'),
  MINOR: l('一般调整', 'Minor'),
  MAJOR: l('重大调整', 'Major'),
  COMPLIANT: l('不含排除、限制竞争内容', 'Compliant'),
  EXCEPTION_APPLIES: l('适用例外规定', 'An exception applies'),
  EXPECTED_EFFECT_NOT_ACHIEVED: l('未达到预期效果', 'Expected effect not achieved'),
  MANY_PUBLIC_OPINIONS: l('公民、法人或者其他组织提出较多意见', 'Many opinions from the public'),
  DEEMED_NECESSARY: l('决策机关认为有必要', 'Deemed necessary by the decision body'),
  CONTINUE: l('继续执行', 'Continue'),
  ADJUST: l('调整', 'Adjust'),
  STOP: l('停止执行', 'Stop'),
  // collective deliberation
  STANDING_MEETING: l('常务会议', 'Standing meeting'),
  PLENARY_MEETING: l('全体会议', 'Plenary meeting'),
  LEADERSHIP_MEETING: l('镇班子领导会议', 'Leadership meeting'),
  TOWN_HEAD_OFFICE_MEETING: l('镇长办公会议', "Town head's office meeting"),
  APPROVED: l('通过', 'Approved'),
  REJECTED: l('不予通过', 'Rejected'),
  POSTPONED: l('暂缓决定', 'Postponed'),
  REVISE: l('修改后再次审议', 'Revise and deliberate again'),
  KEEP: l('继续有效', 'Keep'),
  AMEND: l('修改', 'Amend'),
  REPEAL: l('废止', 'Repeal'),
  OTHER: l('其他', 'Other'),
};

/** The field docs of all tables, by class (later tables win). */
export function fieldDocIndex(...tables: FieldDocTable[]): Map<object, FieldDocs> {
  const index = new Map<object, FieldDocs>();
  for (const table of tables) for (const [cls, docs] of table) index.set(cls, { ...index.get(cls), ...docs });
  return index;
}

/** The doc of `field` on `cls`: its own table, its parents' tables, then COMMON_FIELD_DOCS. */
export function fieldDocOf(index: Map<object, FieldDocs>, cls: object, field: string): FieldDoc | undefined {
  for (let c: object | null = cls; c && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    const doc = index.get(c)?.[field];
    if (doc) return doc;
  }
  return COMMON_FIELD_DOCS[field];
}

/** The label of an enumerated value of a field: the field's own labels, then ENUM_LABELS. */
export function enumLabelOf(doc: FieldDoc | undefined, value: string): Label | undefined {
  return doc?.enumLabels?.[value] ?? ENUM_LABELS[value];
}
