import type { HistoryRecord, WorkflowDefinition } from '@app/engine';
import { beijingTime, chineseDate, codeLabel, esc, FieldText, FieldTexts, PaperNames, ValueWriter } from './paper-text';

/** The printable papers of a case, by the name the endpoint takes. */
export const PAPER_KINDS = ['liaison-form', 'review-opinion', 'meeting-minutes', 'filing-report', 'publication-notice'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

export const PAPER_TITLES: Record<PaperKind, { zh: string; en: string }> = {
  'liaison-form': { zh: '合法性审查工作联系单', en: 'Legality review work liaison form' },
  'review-opinion': { zh: '合法性审查意见书', en: 'Legality review opinion' },
  'meeting-minutes': { zh: '会议纪要', en: 'Meeting minutes' },
  'filing-report': { zh: '备案报告', en: 'Filing report' },
  'publication-notice': { zh: '公告', en: 'Publication notice' },
};

/** What each paper is made from: the event types whose latest record it prints. */
export const PAPER_SOURCES: Record<PaperKind, string[]> = {
  'liaison-form': ['SUBMIT_FOR_LEGALITY_REVIEW'],
  'review-opinion': ['ISSUE_REVIEW_OPINION'],
  'meeting-minutes': ['RECORD_MEETING'],
  'filing-report': ['RECORD_FILING'],
  'publication-notice': ['PUBLISH_DOCUMENT', 'PUBLISH_DECISION', 'ISSUE_DOCUMENT'],
};

/**
 * The papers' only inline style: a constant, so the Content-Security-Policy carries its hash. A4,
 * the official layout (issuing body and title centred, the number below, body in 仿宋, signatures
 * at the right), page numbers in print.
 */
export const PAPER_CSS = `
@page{size:A4;margin:37mm 26mm 35mm 28mm;@bottom-center{content:"— " counter(page) " —";font-family:"Songti SC","SimSun","Noto Serif CJK SC",serif;font-size:14pt}}
html{background:#eee}
body{font-family:"FangSong","STFangsong","Noto Serif CJK SC","Songti SC",serif;font-size:16pt;line-height:1.75;color:#000;margin:0}
.paper{background:#fff;width:156mm;min-height:225mm;margin:1.5rem auto;padding:37mm 26mm 35mm 28mm;box-sizing:content-box;box-shadow:0 0 .5rem #999}
.masthead{text-align:center;border-bottom:2px solid #c00;padding-bottom:.4rem;margin-bottom:.6rem}
.issuer{font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif;color:#c00;font-size:24pt;letter-spacing:.15em;margin:0}
h1{font-family:"SimSun","Songti SC","Noto Serif CJK SC",serif;font-size:22pt;font-weight:bold;text-align:center;margin:.6rem 0 .4rem}
.docno{text-align:center;margin:.2rem 0;font-size:16pt}
.addressee{margin:1rem 0 .2rem}
p.body{text-indent:2em;margin:.2rem 0}
h2{font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif;font-size:16pt;font-weight:normal;margin:.6rem 0 .2rem;break-after:avoid}
table.form{border-collapse:collapse;width:100%;font-size:13pt;line-height:1.45}
table.form th,table.form td{border:1px solid #000;padding:.25rem .5rem;vertical-align:top;text-align:left}table.form tr{break-inside:avoid}
table.form th{width:28%;font-weight:normal;font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif}
dl{margin:0}dl.flat dt{float:left;clear:left;margin-right:.3em}dl.flat dt::after{content:"："}dl.flat dd{margin:0 0 .1rem}dt{font-family:"SimHei","Heiti SC","Noto Sans CJK SC",sans-serif}dd{margin:0 0 .2rem 2em}
ol{margin:0;padding-left:2em}.none{color:#666}code.hash{font-size:9pt;word-break:break-all;font-family:monospace}
.signatures{margin:1rem 0 0 auto;width:max-content;max-width:60%;break-inside:avoid;line-height:1.5}
.signatures p{margin:.1rem 0}
.sign{display:inline-block;min-width:8em;border-bottom:1px solid #000}
.date{margin-top:.5rem}
.foot{margin-top:2rem;border-top:1px solid #000;border-bottom:1px solid #000;font-size:14pt;padding:.2rem 0}
@media print{html{background:#fff}.paper{box-shadow:none;margin:0;padding:0;width:auto;min-height:0}.paper+.paper{break-before:page}}
`;

/** A paper's facts, read from the case's history by the service. */
export interface PaperInput {
  def: WorkflowDefinition;
  caseId: string;
  title: string;
  /** the case's owning unit */
  orgUnit: string;
  history: HistoryRecord[];
  /** the latest record of the paper's source types */
  record: HistoryRecord;
  /** every record of the paper's source types, in order (the filing report prints one page per filing) */
  records?: HistoryRecord[];
  /** the liaison form's contact (from the review desk), when the paper is the form */
  contact?: { name: string | null; phone: string | null } | null;
  names: PaperNames;
  fields: FieldTexts;
}

type Payload = Record<string, unknown>;
const payloadOf = (r: HistoryRecord | undefined): Payload => (r?.payload && typeof r.payload === 'object' ? (r.payload as Payload) : {});
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : []);
const before = (h: HistoryRecord[], seq: number, types: string[]) => [...h].reverse().find((r) => r.seq < seq && types.includes(r.type));
const after = (h: HistoryRecord[], seq: number, types: string[], until?: string[]) => {
  for (const r of h) {
    if (r.seq <= seq) continue;
    if (until?.includes(r.type)) return undefined;
    if (types.includes(r.type)) return r;
  }
  return undefined;
};
const latest = (h: HistoryRecord[], types: string[]) => [...h].reverse().find((r) => types.includes(r.type));

class Paper {
  readonly w: ValueWriter;
  readonly p: Payload;
  readonly own: Record<string, FieldText>;
  /** the fields the paper has said in its own words; the others are listed under 其他事项 */
  private readonly said = new Set<string>();

  constructor(readonly i: PaperInput) {
    this.w = new ValueWriter(i.names, i.fields, i.record.at);
    this.p = payloadOf(i.record);
    this.own = i.fields.ofEvent(i.def, i.record.type);
  }

  /** A payload field, said: its value as the clerk reads it (empty string when absent). */
  take(name: string): string {
    this.said.add(name);
    const v = this.p[name];
    if (v === undefined || v === null || (Array.isArray(v) && !v.length)) return '';
    return this.w.value(v, this.own, name);
  }

  label(name: string): string {
    return esc(this.i.fields.field(name, this.own)?.zh ?? '');
  }

  code(name: string): string {
    this.said.add(name);
    const v = this.p[name];
    return typeof v === 'string' ? esc(codeLabel(v, this.own[name]) ?? '') : '';
  }

  /** The record's fields the paper did not word itself, as a table. */
  rest(): string {
    const rows = Object.entries(this.p)
      .filter(([k, v]) => !this.said.has(k) && v !== undefined && v !== null && !(Array.isArray(v) && !v.length))
      .map(([k, v]) => `<tr><th data-key="${esc(k)}">${esc(this.i.fields.field(k, this.own)?.zh || '其他信息')}</th><td>${this.w.value(v, this.own, k)}</td></tr>`);
    return rows.length ? `<h2>其他记录事项</h2><table class="form">${rows.join('')}</table>` : '';
  }

  /** The paper's page: masthead, title, number and body; its title for the document's head. */
  page(paper: PaperKind, issuer: string, docNo: string, body: string, title?: string): PaperPage {
    const t = title ?? PAPER_TITLES[paper].zh;
    return {
      title: t,
      html: `<article class="paper" data-seq="${esc(this.i.record.seq)}">
<header class="masthead"><p class="issuer">${issuer}</p></header>
<h1>${esc(t)}</h1>
${docNo ? `<p class="docno">${docNo}</p>` : ''}
${body}
</article>`,
    };
  }
}

interface PaperPage {
  title: string;
  html: string;
}

const line = (label: string, value: string) => (value ? `<tr><th>${label}</th><td>${value}</td></tr>` : '');

function liaisonForm(i: PaperInput): PaperPage {
  const x = new Paper(i);
  const r = i.record;
  const number = typeof r.facts?.liaisonFormNumber === 'string' ? r.facts.liaisonFormNumber : '';
  const accept = after(i.history, r.seq, ['ACCEPT_FOR_REVIEW'], ['SUBMIT_FOR_LEGALITY_REVIEW']);
  const returned = after(i.history, r.seq, ['RETURN_INCOMPLETE'], ['SUBMIT_FOR_LEGALITY_REVIEW']);
  const receipt = payloadOf(accept).receiptNumber;
  const materials = payloadOf({ payload: x.p.materials } as HistoryRecord);
  const w = x.w;
  const mat = (k: string) => (materials[k] === undefined ? '' : w.value(materials[k], i.fields.ofEvent(i.def, r.type).materials?.items, k));
  x.take('materials');
  const body = `
<table class="form">
${line('送审单位', w.unit(r.actor.orgUnit))}
${line('送审事项', esc(i.title))}
${line('事项类型', esc(i.def.label.zh))}
${line('送审时间', esc(beijingTime(r.at)))}
${line('承办人', i.contact?.name ? esc(i.contact.name) : w.person(r.actor.userId))}
${line('联系方式', i.contact?.phone ? esc(i.contact.phone) : '')}
${line(x.label('requestedCompletionDate') || '要求完成日期', x.take('requestedCompletionDate'))}
${line(x.label('urgentReason') || '紧急理由', x.take('urgentReason'))}
${line('送审草案（SHA-256）', mat('draftHash'))}
${line('制定依据', mat('legalBasis'))}
${line('履行程序情况说明', mat('procedureStatement'))}
${line('其他材料', mat('otherMaterials'))}
${line('最短审查期限届满日', typeof r.facts?.minCompletionDate === 'string' ? esc(r.facts.minCompletionDate) : '')}
</table>
${x.rest()}
<h2>签收情况</h2>
<table class="form">
${accept ? `${line('签收编号', esc(receipt ?? number))}${line('签收时间', esc(beijingTime(accept.at)))}${line('签收人', w.person(accept.actor.userId))}` : line('签收', returned ? `已于 ${esc(beijingTime(returned.at))} 退回补充材料` : '尚未签收')}
</table>
<div class="signatures">
<p>送审单位负责人：<span class="sign">${w.person(r.actor.userId)}</span></p>
<p>送审单位：${w.unit(r.actor.orgUnit)}</p>
<p class="date">${esc(chineseDate(r.at))}</p>
</div>`;
  return x.page('liaison-form', w.unit(r.actor.orgUnit), esc(number), body);
}

function reviewOpinion(i: PaperInput): PaperPage {
  const x = new Paper(i);
  const r = i.record;
  const w = x.w;
  const submit = before(i.history, r.seq, ['SUBMIT_FOR_LEGALITY_REVIEW']);
  const number = typeof submit?.facts?.liaisonFormNumber === 'string' ? submit.facts.liaisonFormNumber : '';
  const legalBasis = strs(x.p.legalBasis);
  x.take('legalBasis');
  const advisers = strs(x.p.legalAdvisers);
  x.take('legalAdvisers');
  const outcome = x.code('outcome');
  const reasons = x.take('reasons');
  const suggestions = x.take('suggestions');
  const risk = x.take('riskStatement');
  const body = `
<p class="addressee">${submit ? w.unit(submit.actor.orgUnit) : w.unit(i.orgUnit)}：</p>
<p class="body">${number ? `你单位以工作联系单（${esc(number)}）` : '你单位'}送审的《${esc(i.title)}》收悉。经审查，现提出如下意见：</p>
<h2>一、审查结论</h2>
<p class="body">${outcome || '—'}。</p>
${reasons ? `<h2>二、审查理由</h2><p class="body">${reasons}</p>` : ''}
${legalBasis.length ? `<h2>三、审查依据</h2>${legalBasis.map((b) => `<p class="body">${esc(b)}</p>`).join('')}` : ''}
${suggestions ? `<h2>四、修改建议</h2><p class="body">${suggestions}</p>` : ''}
${risk ? `<h2>五、法律风险提示</h2><p class="body">${risk}</p>` : ''}
${x.rest()}
<div class="signatures">
<p>审查人：<span class="sign">${w.person(r.actor.userId)}</span></p>
<p>法律顾问、公职律师：<span class="sign">${advisers.map(esc).join('、')}</span></p>
<p>${w.unit(r.actor.orgUnit)}</p>
<p class="date">${esc(chineseDate(r.at))}</p>
</div>`;
  return x.page('review-opinion', w.unit(r.actor.orgUnit), number ? `（对应工作联系单：${esc(number)}）` : '', body);
}

function meetingMinutes(i: PaperInput): PaperPage {
  const x = new Paper(i);
  const r = i.record;
  const w = x.w;
  const scheduled = before(i.history, r.seq, ['SCHEDULE_MEETING']);
  const sp = payloadOf(scheduled);
  const sched = i.fields.ofEvent(i.def, 'SCHEDULE_MEETING');
  const meetingType = typeof sp.meetingType === 'string' ? codeLabel(sp.meetingType, sched.meetingType) : null;
  const heldAt = (x.p.heldAt as string | undefined) ?? (sp.scheduledAt as string | undefined) ?? r.at;
  x.take('heldAt');
  const decision = x.code('decision');
  const body = `
<table class="form">
${line('会议名称', esc(meetingType ?? '集体讨论'))}
${line('时间', esc(beijingTime(heldAt)))}
${line('地点', sp.place ? esc(sp.place) : x.take('place'))}
${line('议题', `审议《${esc(i.title)}》`)}
${line(x.label('attendees') || '出席人员', x.take('attendees'))}
${line('会议决定', decision)}
</table>
${x.p.summary ? `<h2>会议情况</h2><p class="body">${x.take('summary')}</p>` : ''}
${statements(x)}
${x.rest()}
<div class="signatures">
<p>记录人：<span class="sign">${w.person(r.actor.userId)}</span></p>
<p>${w.unit(r.actor.orgUnit)}</p>
<p class="date">${esc(chineseDate(r.at))}</p>
</div>`;
  return x.page('meeting-minutes', w.unit(r.actor.orgUnit), '', body, meetingType ? `${meetingType}纪要` : undefined);
}

/** The statements at the meeting, each speaker's position and words verbatim (dissent included). */
function statements(x: Paper): string {
  const list = Array.isArray(x.p.statements) ? (x.p.statements as Payload[]) : [];
  if (!list.length || !list.every((st) => st && typeof st === 'object' && typeof st.speaker === 'string')) return '';
  x.take('statements');
  const items = x.own.statements?.items ?? {};
  const label = (k: string, v: unknown) => (typeof v === 'string' ? codeLabel(v, items[k]) ?? '' : '');
  return `<h2>会议发言</h2>${list
    .map((st) => {
      const role = label('role', st.role);
      const position = label('position', st.position);
      return `<p class="body">${esc(st.speaker)}${role ? `（${esc(role)}）` : ''}：${position ? `${esc(position)}。` : ''}${esc(st.text ?? '')}</p>`;
    })
    .join('')}`;
}

function documentNumberOf(h: HistoryRecord[], upTo: number): string {
  const reg = [...h].reverse().find((r) => r.seq <= upTo && typeof payloadOf(r).documentNumber === 'string');
  return reg ? String(payloadOf(reg).documentNumber) : '';
}

function filingReport(i: PaperInput): PaperPage {
  const x = new Paper(i);
  const r = i.record;
  const w = x.w;
  const docNo = documentNumberOf(i.history, r.seq);
  const published = latest(i.history.filter((h) => h.seq < r.seq), PAPER_SOURCES['publication-notice']);
  const pp = payloadOf(published);
  const filedWith = typeof x.p.filedWith === 'string' ? x.p.filedWith : '';
  x.take('filedWith');
  const filedOn = typeof x.p.filedOn === 'string' ? x.p.filedOn : '';
  x.take('filedOn');
  const lineLabel = x.code('line');
  const contract = i.def.kind === 'administrative-contract';
  const signed = payloadOf(latest(i.history.filter((h) => h.seq < r.seq), ['SIGN_CONTRACT']));
  const issued = typeof pp.publishedAt === 'string' ? pp.publishedAt : typeof pp.issuedAt === 'string' ? pp.issuedAt : null;
  const made = contract
    ? typeof signed.signedOn === 'string' ? `已于${esc(chineseDate(signed.signedOn))}签订` : ''
    : `${issued ? `已于${esc(chineseDate(issued))}${published?.type === 'ISSUE_DOCUMENT' ? '印发' : '公布'}` : ''}${typeof pp.effectiveFrom === 'string' ? `，自${esc(chineseDate(pp.effectiveFrom))}起施行` : ''}`;
  const body = `
<p class="addressee">${esc(filedWith || '备案审查机关')}：</p>
<p class="body">《${esc(i.title)}》${docNo ? `（${esc(docNo)}）` : ''}${made}。根据有关规定，现将该${contract ? '合同' : '文件'}报送备案，请予审查。</p>
<table class="form">
${line(contract ? '合同名称' : '文件名称', esc(i.title))}
${line('文号', esc(docNo))}
${line('备案渠道', lineLabel)}
${line('报备日期', filedOn ? esc(chineseDate(filedOn)) : '')}
${line('报备机关', esc(filedWith))}
</table>
${x.rest()}
<p class="body">附件：${esc(i.title)}文本、${contract ? '' : '起草说明、'}合法性审查意见。</p>
<div class="signatures">
<p>报备单位：${w.unit(r.actor.orgUnit)}</p>
<p>经办人：<span class="sign">${w.person(r.actor.userId)}</span></p>
<p class="date">${esc(chineseDate(filedOn || r.at))}</p>
</div>`;
  return x.page('filing-report', w.unit(r.actor.orgUnit), esc(docNo), body);
}

function publicationNotice(i: PaperInput): PaperPage {
  const x = new Paper(i);
  const r = i.record;
  const w = x.w;
  const docNo = documentNumberOf(i.history, r.seq);
  const meeting = before(i.history, r.seq, ['RECORD_MEETING']);
  const sched = meeting ? before(i.history, meeting.seq, ['SCHEDULE_MEETING']) : undefined;
  const mt = payloadOf(sched).meetingType;
  const meetingName = typeof mt === 'string' ? codeLabel(mt, i.fields.ofEvent(i.def, 'SCHEDULE_MEETING').meetingType) : null;
  const publishedAt = typeof x.p.publishedAt === 'string' ? x.p.publishedAt : typeof x.p.issuedAt === 'string' ? x.p.issuedAt : r.at;
  x.take('publishedAt');
  x.take('issuedAt');
  x.take('documentNumber');
  const effectiveFrom = typeof x.p.effectiveFrom === 'string' ? x.p.effectiveFrom : '';
  x.take('effectiveFrom');
  const validUntil = typeof x.p.validUntil === 'string' ? x.p.validUntil : '';
  x.take('validUntil');
  const channels = x.take('channels');
  const body = `
<p class="body">《${esc(i.title)}》${meeting ? `已经${esc(chineseDate(meeting.at))}${esc(meetingName ?? '会议')}审议通过` : '已经审定'}，现予公布${effectiveFrom ? `，自${esc(chineseDate(effectiveFrom))}起施行` : ''}${validUntil ? `，有效期至${esc(chineseDate(validUntil))}` : ''}。</p>
${channels ? `<p class="body">公布渠道：${channels}。</p>` : ''}
${x.rest()}
<div class="signatures">
<p>${w.unit(r.actor.orgUnit)}</p>
<p class="date">${esc(chineseDate(publishedAt))}</p>
</div>`;
  return x.page('publication-notice', w.unit(r.actor.orgUnit), esc(docNo), body);
}

const RENDERERS: Record<PaperKind, (i: PaperInput) => PaperPage> = {
  'liaison-form': liaisonForm,
  'review-opinion': reviewOpinion,
  'meeting-minutes': meetingMinutes,
  'filing-report': filingReport,
  'publication-notice': publicationNotice,
};

/**
 * A paper as A4 pages. Pure: the case's records and names in, HTML out. The filing report prints
 * one page per filing (each is sent to its own authority); the other papers print the latest record.
 */
export function renderPaper(kind: PaperKind, input: PaperInput): string {
  const records = kind === 'filing-report' && input.records?.length ? input.records : [input.record];
  const pages = records.map((record) => RENDERERS[kind]({ ...input, record }));
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(pages[0].title)} · ${esc(input.title)}</title>
<style>${PAPER_CSS}</style>
</head>
<body data-case-id="${esc(input.caseId)}" data-paper="${esc(kind)}" data-seq="${esc(input.record.seq)}">
${pages.map((p) => p.html).join('\n')}
</body>
</html>
`;
}
