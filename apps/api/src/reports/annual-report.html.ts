/**
 * The annual figures as a zh-CN page in the manner of the town's rule-of-law report (法治政府建设
 * 年度报告, the seed document): numbered paragraphs with the figures in the text, then the tables.
 * Every figure links to the cases behind it (`?drill=`). English alongside, smaller.
 */
import type { AnnualReport, Figure } from './annual-report';

const esc = (s: unknown) =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const n = (f: Figure) => `<a class="fig" href="${esc(f.drill)}" title="${esc(f.label.zh)} / ${esc(f.label.en)}">${f.value}</a>`;
const pct = (r: number | null) => (r === null ? '—' : `${(Math.round(r * 10_000) / 100).toFixed(2).replace(/\.?0+$/, '')}%`);
const cn = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The report page's only inline style: a constant, so the Content-Security-Policy can carry its hash. */
export const ANNUAL_REPORT_CSS = `
body{font-family:"Songti SC","SimSun",serif;max-width:52em;margin:2em auto;line-height:1.9;color:#222}
h1{text-align:center;font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em}
p{text-indent:2em}.en{color:#777;font-size:.85em;font-family:sans-serif}
table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #999;padding:.3em .5em;vertical-align:top}
.num{text-align:right;white-space:nowrap}a.fig{color:#a00;font-weight:bold;text-decoration:none}
.sign{text-align:right;margin-top:2em}
.lede{text-align:center;text-indent:0}
`;

export function renderAnnualReportHtml(r: AnnualReport, town: string): string {
  const sections: string[] = [];
  const section = (title: string, en: string, paragraphs: string[]) =>
    sections.push(`<h2>${cn[sections.length]}、${esc(title)} <span class="en">${esc(en)}</span></h2>\n${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}`);

  // 一、重大行政决策与目录
  const md = r.cases.byType.find((t) => t.kind === 'major-decision')!;
  const c = r.catalog;
  section('规范重大行政决策行为', 'Major administrative decisions', [
    c
      ? c.published
        ? `印发《${esc(c.title)}》（${c.consent ? `经${esc(c.consent.meeting)}于${esc(c.consent.agreedOn)}同意，` : ''}${esc(c.published.publishedAt)}公布${c.published.documentNumber ? `，${esc(c.published.documentNumber)}` : ''}），将${c.items
            .map((i) => `“${esc(i.name)}”`)
            .join('、')}共${c.itemCount}项列入年度重大行政决策事项目录。其中已启动决策程序${n(c.linked)}项，已完成决策并公布${n(c.completed)}项，正在推进${n(c.inProgress)}项，尚未启动${c.notStarted}项；${c.adjustmentsInYear ? `公布后年内调整目录${c.adjustmentsInYear}次并重新公布。` : '公布后年内未调整目录。'}` +
          `<br><span class="en">The ${r.year} decision catalog lists ${c.itemCount} items: ${c.linked.value} started, ${c.completed.value} decided and published, ${c.inProgress.value} in progress, ${c.notStarted} not started.</span>`
        : `《${esc(c.title)}》尚未经镇党委同意公布。<span class="en">The catalog has not been published yet.</span>`
      : `本年度未编制重大行政决策事项目录。<span class="en">No decision catalog for ${r.year}.</span>`,
    `全年办理重大行政决策事项${n(md.handled)}件，其中年内新提出${n(md.created)}件；严格执行公众参与、专家论证、风险评估、合法性审查和集体讨论决定等法定程序。` +
      `<br><span class="en">${md.handled.value} major decisions handled in the year, ${md.created.value} of them started in the year.</span>`,
  ]);

  // 二、合法性审查全覆盖
  const lr = r.legalityReview;
  section('推进合法性审查全覆盖', 'Legality review coverage', [
    `全年应当进行合法性审查的事项${n(lr.requiring)}件，已出具审查意见${n(lr.reviewed)}件，审查覆盖率${pct(lr.coverage)}；已送审、年底尚在审查中${n(lr.underReview)}件，尚未送审${n(lr.notYetSubmitted)}件。其中：${lr.byType
      .map((t) => `${esc(t.label.zh)}应审${n(t.requiring)}件、已审${n(t.reviewed)}件`)
      .join('；')}。` +
      `<br><span class="en">${lr.reviewed.value} of ${lr.requiring.value} matters requiring legality review were reviewed (coverage ${pct(lr.coverage)}); ${lr.underReview.value} under review, ${lr.notYetSubmitted.value} not yet submitted.</span>`,
    lr.opinionsIssued.length
      ? `年内出具审查意见：${lr.opinionsIssued.map((o) => `${esc(o.label.zh)}${o.opinions}份（${n(o)}件事项）`).join('，')}。`
      : '年内未出具审查意见。',
  ]);

  // 三、规范性文件
  const d = r.documents;
  section('加强规范性文件管理', 'Normative documents', [
    `今年共制定${d.byType.map((t) => `${esc(t.label.zh)}${n(t.issuedInYear)}件`).join('、')}` +
      `。截至年底，现行有效${n(d.inForce)}件，已失效${n(d.expired)}件，已废止${n(d.repealed)}件。` +
      (d.issuedNotADocument.value
        ? `另印发经审查不属于规范性文件的文件（领导讲话、会议纪要等，不列入备案范围）${n(d.issuedNotADocument)}件，未计入制定和现行有效件数。`
        : '') +
      `<br><span class="en">At year end ${d.inForce.value} in force, ${d.expired.value} expired, ${d.repealed.value} repealed.${
        d.issuedNotADocument.value ? ` ${d.issuedNotADocument.value} issued in the year were found not to be normative documents (leadership speeches, minutes, …) and are not counted.` : ''
      }</span>`,
    `报送备案${r.filings.deadlines}件次，按期报备${r.filings.metCount}件次（${n(r.filings.met)}件事项），逾期${r.filings.missedCount}件次（${n(r.filings.missed)}件事项），年底逾期仍未报备${r.filings.openOverdueCount}件次（${n(r.filings.openOverdue)}件事项），按期备案率${pct(r.filings.onTimeRate)}。` +
      `<br><span class="en">Filings on time: ${r.filings.metCount} of ${r.filings.deadlines + r.filings.openOverdueCount} due in the year (${pct(r.filings.onTimeRate)}); ${r.filings.openOverdueCount} still not filed and overdue at year end.</span>`,
  ]);

  // 四、法定期限
  section('严格遵守法定期限', 'Statutory deadlines', [
    r.deadlines.length
      ? `全年办结的各类法定期限${r.deadlines.reduce((s, x) => s + x.deadlines, 0)}个，按期${r.deadlines.reduce((s, x) => s + x.metCount, 0)}个，逾期${r.deadlines.reduce((s, x) => s + x.missedCount, 0)}个；` +
        `截至年底已逾期仍未办结${r.deadlines.reduce((s, x) => s + x.openOverdueCount, 0)}个。分类情况见附表二。` +
        `<br><span class="en">Deadlines closed in the year: ${r.deadlines.reduce((s, x) => s + x.metCount, 0)} met, ${r.deadlines.reduce((s, x) => s + x.missedCount, 0)} missed; still open and overdue at year end: ${r.deadlines.reduce((s, x) => s + x.openOverdueCount, 0)}.</span>`
      : '本年度无办结或逾期未办结的法定期限。',
  ]);

  const outcomeRows = r.cases.byType
    .flatMap((t) =>
      t.byOutcome.map(
        (o, i) =>
          `<tr>${i === 0 ? `<td rowspan="${t.byOutcome.length}">${esc(t.label.zh)}<br><span class="en">${esc(t.label.en)}</span></td>` : ''}<td>${esc(o.label.zh)}<br><span class="en">${esc(o.label.en)}</span></td><td class="num">${n(o)}</td></tr>`,
      ),
    )
    .join('\n');
  const deadlineRows = r.deadlines
    .map(
      (x) =>
        `<tr><td>${esc(x.kindLabel.zh)}</td><td>${esc(x.label.zh)}<br><span class="en">${esc(x.label.en)}</span></td><td class="num">${n(x.met)} / ${x.metCount}</td><td class="num">${n(x.missed)} / ${x.missedCount}</td><td class="num">${n(x.openOverdue)} / ${x.openOverdueCount}</td><td class="num">${pct(x.onTimeRate)}</td></tr>`,
    )
    .join('\n');

  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<title>${esc(town)}${r.year}年法治政府建设工作情况（数据）</title>
<style>${ANNUAL_REPORT_CSS}</style></head><body>
<h1>${esc(town)}${r.year}年法治政府建设工作情况（数据部分）</h1>
<p class="en lede">Rule-of-law government: the figures of ${r.year} (${esc(r.period.from)} – ${esc(r.period.to)}, ${esc(r.period.timeZone)}). Each red figure links to the cases behind it.</p>
<p>${r.year}年，${esc(town)}依托 Docket 办理重大行政决策、规范性文件、行政机关合同和重大执法决定等事项，全年共办理各类事项${n(r.cases.total)}件，各环节均留有不可篡改的办理记录。现将有关数据报告如下：</p>
${sections.join('\n')}
<h2>附表一　各类事项办理结果（截至年底） <span class="en">Table 1: matters by type and state at year end</span></h2>
<table><tr><th>事项类型</th><th>年底状态</th><th>件数</th></tr>
${outcomeRows || '<tr><td colspan="3">无</td></tr>'}
</table>
<h2>附表二　法定期限按期情况 <span class="en">Table 2: deadlines met on time</span></h2>
<table><tr><th>事项类型</th><th>期限</th><th>按期（事项/个）</th><th>逾期（事项/个）</th><th>年底已逾期仍未办结（事项/个）</th><th>按期率</th></tr>
${deadlineRows || '<tr><td colspan="6">无</td></tr>'}
</table>
<p class="sign">${esc(town)}人民政府<br>（数据生成于 ${esc(r.generatedAt)}）</p>
</body></html>
`;
}
