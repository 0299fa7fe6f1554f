import ExcelJS from 'exceljs';

/** One case as the exported list shows it: labels, names and Beijing dates, no ids. */
export interface CaseExportRow {
  title: string;
  kind: string;
  unit: string;
  state: string;
  dueDate: string;
  clock: string;
  createdAt: string;
}

const COLUMNS: Array<{ key: keyof CaseExportRow; zh: string; en: string; width: number }> = [
  { key: 'title', zh: '事项名称', en: 'Title', width: 48 },
  { key: 'kind', zh: '类型', en: 'Matter type', width: 18 },
  { key: 'unit', zh: '承办单位', en: 'Undertaking unit', width: 18 },
  { key: 'state', zh: '当前状态', en: 'State', width: 22 },
  { key: 'dueDate', zh: '法定期限', en: 'Statutory deadline', width: 14 },
  { key: 'clock', zh: '剩余/超期', en: 'Left / overdue', width: 18 },
  { key: 'createdAt', zh: '发起时间', en: 'Started', width: 18 },
];

/** A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
function csvCell(v: string): string {
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV in UTF-8 with a byte-order mark, so that Excel opens the Chinese text as such; CRLF line ends. */
export function renderCasesCsv(rows: CaseExportRow[], lang: 'zh-CN' | 'en'): Buffer {
  const header = COLUMNS.map((c) => (lang === 'en' ? c.en : c.zh));
  const lines = [header, ...rows.map((r) => COLUMNS.map((c) => r[c.key]))].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The same table as an Excel workbook (one sheet, header row frozen). */
export async function renderCasesXlsx(rows: CaseExportRow[], lang: 'zh-CN' | 'en'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Docket';
  const ws = wb.addWorksheet(lang === 'en' ? 'Cases' : '案件列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c) => ({ header: lang === 'en' ? c.en : c.zh, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
