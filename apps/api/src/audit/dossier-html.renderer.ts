import { DossierBundle, reasonZh } from '@app/audit';
import { Label, ROLE_LABELS, Role } from '@app/engine';

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const zh = (l: Label | null | undefined, fallback = '') => esc(l?.zh ?? fallback);

/** Shanghai wall-clock time of an ISO instant, for a reader in China. */
const local = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return esc(iso);
  return new Date(ms + 8 * 3600_000).toISOString().replace('T', ' ').slice(0, 19) + '（北京时间）';
};

/** A record value as nested definition lists: every field, verbatim. */
function value(v: unknown, depth = 0): string {
  if (v === null || v === undefined) return '<span class="none">—</span>';
  if (typeof v !== 'object') return `<span>${esc(v)}</span>`;
  if (Array.isArray(v)) {
    if (!v.length) return '<span class="none">（无）</span>';
    return `<ol>${v.map((x) => `<li>${value(x, depth + 1)}</li>`).join('')}</ol>`;
  }
  const entries = Object.entries(v as Record<string, unknown>);
  return `<dl>${entries.map(([k, x]) => `<dt>${esc(k)}</dt><dd>${value(x, depth + 1)}</dd>`).join('')}</dl>`;
}

const STATUS_ZH = { PASS: '通过', WARN: '通过（有提示）', FAIL: '未通过' } as const;

/** The dossier page's only inline style: a constant, so the Content-Security-Policy can carry its hash. */
export const DOSSIER_CSS = `
body{font-family:"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.6;color:#222}
h1{border-bottom:2px solid #8b0000;padding-bottom:.3rem}h2{margin-top:2rem;border-left:4px solid #8b0000;padding-left:.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}td,th{border:1px solid #ccc;padding:.3rem;vertical-align:top;text-align:left}
dl{margin:0 0 0 1rem}dt{font-weight:bold;color:#555}dd{margin:0 0 .3rem 1rem}code{font-size:.85rem}.none{color:#999}
.verdict{padding:.8rem;border:2px solid}.PASS{border-color:#2e7d32}.WARN{border-color:#f9a825}.FAIL{border-color:#c62828}
li.fail{color:#c62828}li.warn{color:#8a6d00}small{color:#666}
`;

/**
 * The dossier as a readable zh-CN page (决策档案): the case, every stage's record (the meeting's
 * dissent verbatim), the history, the checkpoint evidence and the verdict. Pure: bundle in, HTML out.
 */
export function renderDossierHtml(b: DossierBundle): string {
  const v = b.verdict;
  const latest = b.checkpoints.latest;
  const stages = b.stages
    .filter((s) => s.records.length)
    .map(
      (s) => `<section><h2>${zh(s.label, s.stage)}</h2>${s.records
        .map((r) => `<h3>${zh(r.label, r.key)}</h3><div class="record">${value(r.value)}</div>`)
        .join('')}</section>`,
    )
    .join('\n');
  const history = b.history
    .map(
      (r) => `<tr><td>${esc(r.seq)}</td><td>${local(r.at)}</td><td>${esc(r.type)}${backfillNote(r)}</td><td>${esc(r.actor?.userId)}<br><small>${esc(
        ROLE_LABELS[r.actor?.role as Role]?.zh ?? r.actor?.role,
      )} · ${esc(r.actor?.orgUnit)}</small></td><td>${esc(JSON.stringify(r.stateAfter))}</td><td><code>${esc(String(r.hash).slice(0, 16))}…</code></td></tr>`,
    )
    .join('\n');
  const findings = v.findings.length
    ? `<ul>${v.findings.map((f) => `<li class="${f.severity.toLowerCase()}">${esc(f.severity)} · ${esc(reasonZh(f.reason))}${f.seq ? `（第 ${esc(f.seq)} 条）` : ''}：${esc(f.messageZh)}</li>`).join('')}</ul>`
    : '<p>未发现问题。</p>';
  const backfilled = b.history.filter((r) => backfillOf(r));
  const backfills = backfilled.length
    ? `<section><h2>补录记录</h2><p>以下事项系事后据纸质材料补录，录入时间与事项发生日期不同：</p><ul>${backfilled
        .map((r) => `<li>第 ${esc(r.seq)} 条 ${esc(r.type)}（${local(r.at)}录入）${backfillNote(r)}</li>`)
        .join('')}</ul></section>`
    : '';
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>决策档案 · ${esc(b.case.title)}</title>
<style>${DOSSIER_CSS}</style>
</head>
<body>
<h1>决策档案</h1>
<table>
<tr><th>事项</th><td>${esc(b.case.title)}</td></tr>
<tr><th>类型</th><td>${zh(b.case.workflowLabel)}（流程版本 v${esc(b.case.workflowVersion)}）</td></tr>
<tr><th>案件编号</th><td><code>${esc(b.case.id)}</code></td></tr>
<tr><th>当前状态</th><td>${zh(b.case.stateLabel, b.case.statePath)}</td></tr>
<tr><th>记录条数</th><td>${esc(b.history.length)}（当前版本 ${esc(b.case.revision)}）</td></tr>
<tr><th>立案时间</th><td>${local(b.case.createdAt)}</td></tr>
<tr><th>导出时间</th><td>${local(b.exportedAt)}</td></tr>
</table>

<h2>核验结论</h2>
<div class="verdict ${esc(v.status)}">
<p><strong>${esc(STATUS_ZH[v.status])}</strong>（${esc(v.status)}）${v.seq ? ` · 第 ${esc(v.seq)} 条：${esc(v.reason ? reasonZh(v.reason) : '')}` : ''}</p>
${findings}
<p>已由签名检查点锚定至第 ${esc(v.checkpoints.anchoredSeq)} 条记录；最新检查点：${latest ? `第 ${esc(latest.checkpoint.seq)} 号（${local(latest.checkpoint.createdAt)}，根哈希 <code>${esc(latest.checkpoint.rootHash)}</code>，签名密钥 <code>${esc(latest.checkpoint.keyId)}</code>）` : '无'}。</p>
<p><small>离线核验：保存本档案的 JSON 版本（/dossier），运行 <code>npm run docket -- verify 档案.json</code>，无需连接数据库。</small></p>
</div>

${stages}
${backfills}

<section><h2>全部历史记录</h2>
<table><thead><tr><th>序号</th><th>时间</th><th>事件</th><th>操作人</th><th>事件后状态</th><th>哈希</th></tr></thead>
<tbody>
${history}
</tbody></table></section>
</body>
</html>
`;
}

interface BackfillNote {
  reason: string;
  dates?: Array<{ label: string; date: string }>;
}

/** The 补录 a history entry records (issue 9 §9), if any. */
function backfillOf(r: { facts?: unknown }): BackfillNote | null {
  const f = (r.facts ?? {}) as { backfill?: BackfillNote };
  return f.backfill && typeof f.backfill.reason === 'string' ? f.backfill : null;
}

function backfillNote(r: { facts?: unknown }): string {
  const b = backfillOf(r);
  if (!b) return '';
  const dates = (b.dates ?? []).map((d) => `${d.label} ${d.date}`).join('，');
  return `<br><small class="backfill">补录${dates ? `（${esc(dates)}）` : ''}：${esc(b.reason)}</small>`;
}
