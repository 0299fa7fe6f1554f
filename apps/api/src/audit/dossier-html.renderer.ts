import { DossierBundle, reasonZh } from '@app/audit';
import type { HistoryRecord, WorkflowDefinition } from '@app/engine';
import { beijingTime, esc, eventLabel, FieldTexts, PaperNames, stateLabel, ValueWriter } from '../papers/paper-text';
import { SOURCE_LABELS } from '../participation/participation.labels';

/** The dossier's title by matter type (issue 11, Papers). */
export const DOSSIER_TITLES: Record<string, string> = {
  'major-decision': '决策档案',
  'normative-document': '规范性文件档案',
  'administrative-contract': '合同审查档案',
  'enforcement-decision': '执法决定审查档案',
  'party-normative-document': '党内规范性文件档案',
  'decision-catalog': '重大行政决策事项目录档案',
};

const zh = (l: { zh?: string } | null | undefined, fallback = '') => esc(l?.zh ?? fallback);
const local = (iso: string) => `${esc(beijingTime(iso))}`;

const STATUS_ZH = { PASS: '通过', WARN: '通过（有提示）', FAIL: '未通过' } as const;
const SEVERITY_ZH: Record<string, string> = { PASS: '通过', WARN: '提示', FAIL: '问题' };

/** The dossier page's only inline style: a constant, so the Content-Security-Policy can carry its hash. */
export const DOSSIER_CSS = `
@page{size:A4;margin:20mm 18mm 22mm;@bottom-center{content:"第 " counter(page) " 页";font-size:9pt;color:#444}}
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
h1{border-bottom:2px solid #8b0000;padding-bottom:.3rem;text-align:center;letter-spacing:.2em}h2{margin-top:2rem;border-left:4px solid #8b0000;padding-left:.5rem}
.subtitle{text-align:center;font-size:1.2rem;margin:-.5rem 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}
th{white-space:nowrap}
dl{margin:0 0 0 1rem}dl.flat dt{float:left;clear:left;margin-right:.3em}dl.flat dt::after{content:"："}dl.flat dd{margin:0 0 .1rem}dt{font-weight:bold;color:#555}dd{margin:0 0 .3rem 1rem}code{font-size:.8rem;word-break:break-all}.none{color:#999}
.verdict{padding:.8rem;border:2px solid}.PASS{border-color:#2e7d32}.WARN{border-color:#f9a825}.FAIL{border-color:#c62828}
li.fail{color:#c62828}li.warn{color:#8a6d00}small{color:#666}
nav.toc ul{columns:2;list-style:none;padding-left:1rem}nav.toc a{color:#222;text-decoration:none}
@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}a{color:#222;text-decoration:none}h2{break-after:avoid}tr{break-inside:avoid}}
`;

/**
 * The dossier as a readable zh-CN page, titled by its matter type (决策档案, 规范性文件档案 …): a
 * table of contents, the case, the verification result with the checkpoint it rests on, every
 * stage's record (the meeting's dissent verbatim) with zh-CN field titles, the history — people
 * and units by name, codes by their labels, Beijing times. Ids stay in data-* attributes and in the
 * JSON bundle (/dossier). Pure: bundle and names in, HTML out.
 */
export function renderDossierHtml(b: DossierBundle, def: WorkflowDefinition, names: PaperNames, fields: FieldTexts): string {
  const w = new ValueWriter(names, fields);
  const v = b.verdict;
  const latest = b.checkpoints.latest;
  const title = DOSSIER_TITLES[b.case.kind] ?? '案件档案';
  const stages = b.stages.filter((s) => s.records.length);
  const sections = stages
    .map(
      (s, n) => `<section id="stage-${n + 1}" data-stage="${esc(s.stage)}"><h2>${n + 3}. ${zh(s.label, '记录')}</h2>${s.records
        .map((r) => `<h3 data-key="${esc(r.key)}">${s.stage === 'other' ? esc(fields.field(r.key)?.zh || '其他信息') : zh(r.label, '记录')}</h3><div class="record">${w.value(r.value, undefined, r.key)}</div>`)
        .join('')}</section>`,
    )
    .join('\n');
  const history = b.history
    .map(
      (r) =>
        `<tr data-seq="${esc(r.seq)}"><td>${esc(r.seq)}</td><td>${local(r.at)}</td><td>${esc(eventLabel(def, r.type))}${backfillNote(r)}</td><td>${w.actor(r)}</td><td>${esc(
          stateLabel(def, r.stateAfter),
        )}</td><td><code>${esc(String(r.hash).slice(0, 16))}…</code></td></tr>`,
    )
    .join('\n');
  const findings = v.findings.length
    ? `<ul>${v.findings.map((f) => `<li class="${esc(f.severity.toLowerCase())}">${esc(SEVERITY_ZH[f.severity] ?? '')} · ${esc(reasonZh(f.reason))}${f.seq ? `（第 ${esc(f.seq)} 条）` : ''}：${esc(f.messageZh)}</li>`).join('')}</ul>`
    : '<p>未发现问题。</p>';
  const backfilled = b.history.filter((r) => backfillOf(r));
  const n = stages.length + 3;
  const backfills = backfilled.length
    ? `<section id="backfills"><h2>${n}. 补录记录</h2><p>以下事项系事后据纸质材料补录，录入时间与事项发生日期不同：</p><ul>${backfilled
        .map((r) => `<li>第 ${esc(r.seq)} 条 ${esc(eventLabel(def, r.type))}（${local(r.at)}录入）${backfillNote(r)}</li>`)
        .join('')}</ul></section>`
    : '';
  const sealNo = n + (backfilled.length ? 1 : 0);
  const sealed = sealedComments(b, sealNo);
  const historyNo = sealNo + (sealed ? 1 : 0);
  const toc = [
    ['case', '1. 案件概况'],
    ['verdict', '2. 核验结论'],
    ...stages.map((s, i) => [`stage-${i + 1}`, `${i + 3}. ${zh(s.label, '记录')}`]),
    ...(backfilled.length ? [['backfills', `${n}. 补录记录`]] : []),
    ...(sealed ? [['comments', `${sealNo}. 征求意见封存`]] : []),
    ['history', `${historyNo}. 全部历史记录`],
  ]
    .map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`)
    .join('');
  const anchor = latest
    ? `本档案的核验以第 ${esc(latest.checkpoint.seq)} 号签名检查点为据（${local(latest.checkpoint.createdAt)}签发），该检查点锚定至第 ${esc(v.checkpoints.anchoredSeq)} 条记录；根哈希 <code>${esc(latest.checkpoint.rootHash)}</code>，签名密钥 <code>${esc(latest.checkpoint.keyId)}</code>。`
    : '本案尚无签名检查点，核验仅以哈希链和流程重放为据。';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)} · ${esc(b.case.title)}</title>
<style>${DOSSIER_CSS}</style>
</head>
<body data-case-id="${esc(b.case.id)}" data-kind="${esc(b.case.kind)}" data-version="${esc(b.case.workflowVersion)}">
<h1>${esc(title)}</h1>
<p class="subtitle">${esc(b.case.title)}</p>
<nav class="toc"><h2>目录</h2><ul>${toc}</ul></nav>

<section id="case"><h2>1. 案件概况</h2>
<table>
<tr><th>事项</th><td>${esc(b.case.title)}</td></tr>
<tr><th>类型</th><td>${zh(b.case.workflowLabel)}（流程第 ${esc(b.case.workflowVersion)} 版）</td></tr>
<tr><th>当前状态</th><td>${esc(b.case.stateLabel && b.case.stateLabel.zh !== b.case.statePath ? b.case.stateLabel.zh : '（未知状态）')}</td></tr>
<tr><th>记录条数</th><td>${esc(b.history.length)}</td></tr>
<tr><th>立案时间</th><td>${local(b.case.createdAt)}</td></tr>
<tr><th>导出时间</th><td>${local(b.exportedAt)}</td></tr>
</table></section>

<section id="verdict"><h2>2. 核验结论</h2>
<div class="verdict ${esc(v.status)}">
<p><strong>${esc(STATUS_ZH[v.status])}</strong>${v.seq ? ` · 第 ${esc(v.seq)} 条：${esc(v.reason ? reasonZh(v.reason) : '')}` : ''}</p>
${findings}
<p>${anchor}</p>
<p><small>离线核验：保存本档案的 JSON 版本（本页地址去掉 .html），运行 <code>npm run docket -- verify 档案.json</code>，无需连接数据库。</small></p>
</div></section>

${sections}
${backfills}
${sealed}

<section id="history"><h2>${historyNo}. 全部历史记录</h2>
<table><thead><tr><th>序号</th><th>时间（北京）</th><th>事项</th><th>经办人</th><th>办理后状态</th><th>哈希</th></tr></thead>
<tbody>
${history}
</tbody></table></section>
</body>
</html>
`;
}

/**
 * The sealed comment set (issue 13): each seal of the history with its root, recomputed at export,
 * and every comment as received (contacts and names are not shown: they stay in the JSON bundle).
 */
function sealedComments(b: DossierBundle, no: number): string {
  const c = b.comments;
  if (!c || !c.seals.length) return '';
  const seals = c.seals
    .map(
      (s) =>
        `<li class="${s.ok ? 'pass' : 'fail'}">第 ${esc(s.round)} 轮：第 ${esc(s.seq)} 条记录结束征求意见时（${local(s.sealedAt)}）封存意见 ${esc(s.sealedCount)} 条，默克尔根 <code>${esc(s.sealedRoot)}</code>；按现存意见重新计算 ${esc(s.count)} 条，${s.ok ? '一致' : `<strong>不一致</strong>（现根 <code>${esc(s.root)}</code>）`}</li>`,
    )
    .join('');
  const rows = c.items
    .map(
      (i) =>
        `<tr><td>${esc(i.round)}</td><td>${esc(i.trackingNumber)}</td><td>${esc(SOURCE_LABELS[i.source as keyof typeof SOURCE_LABELS]?.zh ?? '其他')}</td><td>${local(i.receivedAt)}${i.late ? '（逾期）' : ''}</td><td>${i.clause ? `第 ${esc(i.clause)} 条` : ''}</td><td>${esc(i.text)}</td></tr>`,
    )
    .join('\n');
  return `<section id="comments"><h2>${no}. 征求意见封存</h2>
<p>结束征求意见时，收到的全部意见（含已屏蔽、逾期的）按收到顺序计算默克尔根（RFC 6962），记入案件的哈希链历史；离线核验按本档案所附意见重新计算。</p>
<ul>${seals}</ul>
<table><thead><tr><th>轮次</th><th>意见编号</th><th>来源</th><th>收到时间（北京）</th><th>条款</th><th>意见内容</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

interface BackfillNote {
  reason: string;
  dates?: Array<{ label: string; date: string }>;
}

/** The 补录 a history entry records (issue 9 §9), if any. */
function backfillOf(r: Pick<HistoryRecord, 'facts'> | { facts?: unknown }): BackfillNote | null {
  const f = (r.facts ?? {}) as { backfill?: BackfillNote };
  return f.backfill && typeof f.backfill.reason === 'string' ? f.backfill : null;
}

function backfillNote(r: { facts?: unknown }): string {
  const b = backfillOf(r);
  if (!b) return '';
  const dates = (b.dates ?? []).map((d) => `${d.label} ${d.date}`).join('，');
  return `<br><small class="backfill">补录${dates ? `（${esc(dates)}）` : ''}：${esc(b.reason)}</small>`;
}
