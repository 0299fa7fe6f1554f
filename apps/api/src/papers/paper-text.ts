import type { HistoryRecord, Label, WorkflowDefinition } from '@app/engine';
import { ROLE_LABELS, Role, stateMetaOf, StateValue } from '@app/engine';
import { payloadSchemaOf, type JsonSchema } from '@app/runtime';
import { ENUM_LABELS } from '@app/workflows';
import { DISPOSITION_LABELS, HIDE_REASON_LABELS, SOURCE_LABELS, SUBMITTER_TYPE_LABELS } from '../participation/participation.labels';

/**
 * What the papers (the dossier and the printable documents) need to say a record as a clerk reads
 * it: people by name, units by name, fields by their zh-CN titles, codes by their labels, times in
 * Beijing time. Pure: the names are read once by the service and handed in.
 */
export interface PaperNames {
  /** user id → display name */
  people: Record<string, string>;
  /** org unit id → zh-CN name */
  units: Record<string, string>;
  /** the zh-CN name a unit bore at an instant (a unit renamed since keeps its old name on what was recorded before) */
  unitAt?: (id: string, at: string) => string | undefined;
}

export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const CODE = /^[A-Z]+(_[A-Z0-9]+)*$/;
export const isUuid = (v: unknown): boolean => typeof v === 'string' && UUID.test(v);

/** An instant as Beijing wall-clock time, to the minute: 2020-08-03 09:00. */
export function beijingTime(iso: string | null | undefined): string {
  const ms = Date.parse(String(iso ?? ''));
  if (Number.isNaN(ms)) return String(iso ?? '');
  return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 16);
}

/** An instant's Beijing day as an official document dates itself: 2020年8月3日. */
export function chineseDate(isoOrDay: string | null | undefined): string {
  const s = String(isoOrDay ?? '');
  const day = /^\d{4}-\d{2}-\d{2}$/.test(s) ? s : beijingTime(s).slice(0, 10);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : s;
}

/** A field as the papers title it: its zh-CN title and the labels of its values. */
export interface FieldText {
  zh: string;
  enumLabels: Record<string, Label>;
  format?: string;
  items?: Record<string, FieldText>;
}

/**
 * Fields of the case context that no payload declares (what the workflows add around the payloads:
 * who and when, rounds, derived dates), titled for the dossier.
 */
/** the counts a computed participation summary keeps per source, submitter type, moderation reason and answer */
const DOCKET_COUNT_KEYS: Record<string, string> = Object.fromEntries(
  [SOURCE_LABELS, SUBMITTER_TYPE_LABELS, HIDE_REASON_LABELS, DISPOSITION_LABELS].flatMap((t) => Object.entries(t).map(([k, l]) => [k, l.zh])),
);

const CONTEXT_FIELDS: Record<string, string> = {
  ...DOCKET_COUNT_KEYS,
  seal: '意见封存',
  count: '意见数',
  root: '默克尔根',
  scheme: '计算方法',
  partiallyAdopted: '部分采纳数',
  notAdopted: '未采纳数',
  outOfScope: '不属于征求范围数',
  late: '逾期意见数',
  hidden: '屏蔽数',
  bySource: '按来源',
  byDisposition: '按答复结果',
  hiddenByReason: '按屏蔽理由',
  computed: '根据意见台账计算',
  at: '时间',
  by: '经办人',
  actor: '经办人',
  userId: '经办人',
  role: '身份',
  orgUnit: '单位',
  seq: '记录序号',
  round: '轮次',
  year: '年度',
  items: '事项',
  item: '事项',
  itemNo: '事项序号',
  no: '序号',
  caseId: '关联案件',
  submissions: '送审记录',
  acceptances: '受理记录',
  returns: '退回记录',
  opinions: '审查意见',
  revisions: '修改确认',
  submittedAt: '送审时间',
  acceptedAt: '受理时间',
  issuedAt: '出具时间',
  minCompletionDate: '最短审查期限届满日',
  maxCompletionDate: '最长审查期限届满日',
  startDate: '起算日',
  liaisonFormNumber: '工作联系单编号',
  contentVersion: '目录版本',
  proposal: '立项申请',
  status: '状态',
  state: '状态',
  kind: '事项类型',
  version: '版本',
  createdAt: '立案时间',
  updatedAt: '更新时间',
  effectiveClosesAt: '实际截止日期',
  extensions: '延长记录',
  consultation: '征求意见',
  consultations: '征求意见',
  filings: '备案记录',
  meetings: '会议记录',
  meeting: '会议',
  opinion: '审查意见',
  decisionText: '决定内容',
  amendments: '修订记录',
  changeDescription: '变更说明',
  cleanupReviews: '清理审查记录',
  closed: '已截止',
  closing: '截止记录',
  confirmedOn: '确认日期',
  created: '立案记录',
  dissentingSpeakers: '持不同意见的发言人',
  drafts: '草案记录',
  dueDiligence: '尽职调查',
  expiry: '有效期届满',
  expiryEvaluations: '届满评估记录',
  fairCompetitionReviews: '公平竞争审查记录',
  filingDue: '备案期限',
  filingLines: '备案渠道',
  filingRequired: '须备案',
  filingReviews: '备案审查结果',
  headDiffersFromMajority: '主要负责人意见与多数意见不一致',
  hearings: '听证记录',
  inEffect: '现行有效',
  issuances: '印发记录',
  issuedOn: '印发日期',
  memberMajority: '多数意见',
  minClosesAt: '最早截止日期',
  minutes: '会议纪要',
  notice: '公告',
  obtainedOn: '取得日期',
  performanceReports: '履行情况报告',
  platformRegistrations: '平台登记记录',
  provisional: '暂行',
  publications: '公布记录',
  registeredOn: '登记日期',
  registrations: '登记记录',
  repeal: '废止',
  reviewedDraftHash: '经审查的草案（SHA-256）',
  revisionConfirmations: '修改确认记录',
  schedules: '会议安排',
  sentBack: '退回记录',
  signings: '签订记录',
  standing: '效力状态',
  submittedBy: '报送人',
  submittedOn: '报送日期',
  undertakingUnitId: '决策承办单位',
  unifiedNumber: '统一编号',
  withdrawal: '撤回',
  withdrawals: '撤回记录',
};

/** Codes the case context holds that no payload declares, labelled for the dossier. */
const CONTEXT_CODES: Record<string, string> = {
  IN_FORCE: '有效',
  CORRECTION_REQUIRED: '须纠正',
  ORIGINAL: '原合同',
  CHANGE: '变更',
};

function collect(into: Record<string, FieldText>, schema: JsonSchema | undefined): void {
  for (const [name, p] of Object.entries<JsonSchema>(schema?.properties ?? {})) {
    const prev = into[name];
    const nested = p.properties ? p : p.items?.properties ? p.items : undefined;
    const items: Record<string, FieldText> = { ...(prev?.items ?? {}) };
    if (nested) collect(items, nested);
    into[name] = {
      zh: prev?.zh ?? p.title ?? CONTEXT_FIELDS[name] ?? '',
      enumLabels: { ...(p['x-enum-labels'] ?? p.items?.['x-enum-labels'] ?? {}), ...(prev?.enumLabels ?? {}) },
      format: prev?.format ?? p.format ?? p.items?.format,
      ...(Object.keys(items).length ? { items } : {}),
    };
    // nested fields are known by their own names too (a context value holds them unwrapped)
    if (nested) for (const [k, v] of Object.entries(items)) if (!into[k]) into[k] = v;
  }
}

/** The titles of every field of every event of the workflows, by field name (an event's own first). */
export class FieldTexts {
  private readonly byName: Record<string, FieldText> = {};
  private readonly byEvent = new Map<string, Record<string, FieldText>>();

  constructor(defs: WorkflowDefinition[]) {
    for (const def of defs) {
      for (const [type, ev] of Object.entries(def.events)) {
        const own: Record<string, FieldText> = {};
        collect(own, payloadSchemaOf(ev.payload));
        this.byEvent.set(`${def.kind}@${def.version}:${type}`, own);
        collect(this.byName, payloadSchemaOf(ev.payload));
      }
      collect(this.byName, payloadSchemaOf(def.create.payload));
    }
  }

  /** A code's label from any field's labels (a code used as a key, e.g. a filing line). */
  anyCode(v: string): string | null {
    for (const f of Object.values(this.byName)) if (f.enumLabels[v]?.zh) return f.enumLabels[v].zh;
    return CONTEXT_CODES[v] ?? null;
  }

  /** The fields of one event's payload. */
  ofEvent(def: WorkflowDefinition, type: string): Record<string, FieldText> {
    return this.byEvent.get(`${def.kind}@${def.version}:${type}`) ?? {};
  }

  field(name: string, scope?: Record<string, FieldText>): FieldText | undefined {
    const f = scope?.[name] ?? this.byName[name];
    if (f?.zh) return f;
    return CONTEXT_FIELDS[name] ? { zh: CONTEXT_FIELDS[name], enumLabels: f?.enumLabels ?? {} } : f;
  }
}

/** A code's label: the field's own labels, the value-wide ones, the role labels; null if none. */
export function codeLabel(v: string, field?: FieldText): string | null {
  return field?.enumLabels?.[v]?.zh ?? ENUM_LABELS[v]?.zh ?? ROLE_LABELS[v as Role]?.zh ?? null;
}

/** A state value's label in its workflow (a whole path or a leaf). */
export function stateLabel(def: WorkflowDefinition, value: unknown): string {
  try {
    const meta = stateMetaOf(def, value as StateValue);
    if (meta?.label?.zh) return meta.label.zh;
  } catch {
    // an unreadable state: the generic label below
  }
  return '（未知状态）';
}

/** The label of an event type in its workflow. */
export function eventLabel(def: WorkflowDefinition, type: string): string {
  if (type === def.create.type) return def.create.label.zh;
  return def.events[type]?.label.zh ?? '（其他事件）';
}

/** Who acted, as the records keep it: `{ userId, role, orgUnit }`. */
const isActor = (v: object): boolean => {
  const keys = Object.keys(v);
  return keys.includes('userId') && keys.includes('role') && keys.every((k) => ['userId', 'role', 'orgUnit'].includes(k));
};

/** Renders values the way a clerk reads them. */
export class ValueWriter {
  /** `asOf`: the instant the values were recorded, for the names units bore then */
  constructor(
    private readonly names: PaperNames,
    private readonly fields: FieldTexts,
    private readonly asOf?: string,
  ) {}

  person(id: unknown): string {
    if (typeof id !== 'string') return '—';
    return esc(this.names.people[id] ?? '（已注销用户）');
  }

  /** a unit by the name it bore at `at` (default: when the values were recorded; else its current name) */
  unit(id: unknown, at: string | undefined = this.asOf): string {
    if (typeof id !== 'string') return '—';
    return esc((at && this.names.unitAt?.(id, at)) ?? this.names.units[id] ?? '（未知单位）');
  }

  /** One scalar value: times in Beijing time, codes by label, people and units by name, ids kept in data-* attributes. */
  scalar(v: unknown, name?: string, field?: FieldText): string {
    if (v === null || v === undefined || v === '') return '<span class="none">—</span>';
    if (typeof v === 'boolean') return v ? '是' : '否';
    if (typeof v === 'number') return esc(v);
    const s = String(v);
    const item = /^([0-9a-f-]{36})#(\d+)$/i.exec(s);
    if (item && isUuid(item[1])) return `<span data-ref="${esc(s)}">年度目录第 ${esc(item[2])} 项</span>`;
    if (isUuid(s)) {
      if (this.names.people[s]) return `<span data-id="${esc(s)}">${esc(this.names.people[s])}</span>`;
      return `<span class="none" data-id="${esc(s)}">（见数据附录）</span>`;
    }
    if (name === 'orgUnit' || name === 'undertakingUnit' || this.names.units[s] !== undefined && /unit/i.test(name ?? '')) {
      return `<span data-unit="${esc(s)}">${this.unit(s)}</span>`;
    }
    if (INSTANT.test(s)) return esc(beijingTime(s));
    const label = codeLabel(s, field) ?? (CODE.test(s) ? this.fields.anyCode(s) : null);
    if (label) return `<span data-code="${esc(s)}">${esc(label)}</span>`;
    if (CODE.test(s) && s.length > 2) return `<span class="none" data-code="${esc(s)}">（其他）</span>`;
    if (field?.format === 'sha256' || /^[0-9a-f]{64}$/.test(s)) return `<code class="hash">${esc(s)}</code>`;
    return esc(s);
  }

  /** A value as nested definition lists, every field titled in zh-CN. */
  value(v: unknown, scope?: Record<string, FieldText>, name?: string): string {
    if (Array.isArray(v)) {
      if (!v.length) return '<span class="none">（无）</span>';
      const field = name ? this.fields.field(name, scope) : undefined;
      if (v.every((x) => x === null || typeof x !== 'object')) return v.map((x) => this.scalar(x, name, field)).join('；');
      return `<ol>${v.map((x) => `<li>${this.value(x, field?.items ?? scope)}</li>`).join('')}</ol>`;
    }
    if (v !== null && typeof v === 'object' && isActor(v)) return this.actor({ actor: v as HistoryRecord['actor'] }).replace('<br>', ' ');
    if (v !== null && typeof v === 'object') {
      const field = name ? this.fields.field(name, scope) : undefined;
      const inner = field?.items ?? scope;
      const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
      if (!entries.length) return '<span class="none">（无）</span>';
      const flat = entries.every(([, x]) => x === null || typeof x !== 'object');
      return `<dl${flat ? ' class="flat"' : ''}>${entries.map(([k, x]) => `<dt data-key="${esc(k)}">${esc(this.fields.field(k, inner)?.zh || (CODE.test(k) ? this.fields.anyCode(k) : null) || '其他信息')}</dt><dd>${this.value(x, inner, k)}</dd>`).join('')}</dl>`;
    }
    return this.scalar(v, name, name ? this.fields.field(name, scope) : undefined);
  }

  /** The payload of a history record, titled by its event's fields. */
  payload(def: WorkflowDefinition, r: HistoryRecord): string {
    const own = this.fields.ofEvent(def, r.type);
    return this.value(r.payload ?? {}, own);
  }

  /** Who acted: name, role and unit (by its name when the record was made). */
  actor(r: Pick<HistoryRecord, 'actor'> & { at?: string }): string {
    const role = ROLE_LABELS[r.actor?.role as Role]?.zh ?? '';
    return `<span data-user="${esc(r.actor?.userId)}">${this.person(r.actor?.userId)}</span><br><small>${esc(role)} · ${this.unit(r.actor?.orgUnit, r.at ?? this.asOf)}</small>`;
  }
}
