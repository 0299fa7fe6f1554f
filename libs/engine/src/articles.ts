/**
 * Articles as a clerk reads them. The code cites rules by short references ("R713 Art. 26",
 * "APL Art. 58 ¶1", "PFR 2012 Art. 4", "SPEC §3.4"), kept in the `article` fields; every text a
 * person reads cites the zh-CN form: 《重大行政决策程序暂行条例》第二十六条. Pure.
 */

interface Source {
  /** the title as cited, with its year or document number where the key carries one */
  title: string;
  /** other ways texts already cite the same source (e.g. 《民法典》) */
  aliases?: string[];
}

/** The sources the short references abbreviate (the keys of the domain spec's source table). */
const SOURCES: Record<string, Source> = {
  R713: { title: '《重大行政决策程序暂行条例》' },
  CC: { title: '《中华人民共和国民法典》', aliases: ['《民法典》'] },
  CPL: { title: '《中华人民共和国民事诉讼法》', aliases: ['《民事诉讼法》'] },
  ALI: { title: '《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》', aliases: ['《最高人民法院关于适用〈行政诉讼法〉的解释》'] },
  APL: { title: '《中华人民共和国行政处罚法》', aliases: ['《行政处罚法》'] },
  ALL: { title: '《中华人民共和国行政许可法》', aliases: ['《行政许可法》'] },
  ACL: { title: '《中华人民共和国行政强制法》', aliases: ['《行政强制法》'] },
  ALA: { title: '《中华人民共和国行政诉讼法》', aliases: ['《行政诉讼法》'] },
  HOL13: { title: '《全国年节及纪念日放假办法》（2013年）', aliases: ['《全国年节及纪念日放假办法》'] },
  HOL24: { title: '《全国年节及纪念日放假办法》（2024年）', aliases: ['《全国年节及纪念日放假办法》'] },
  OGI: { title: '《中华人民共和国政府信息公开条例》', aliases: ['《政府信息公开条例》'] },
  OBE: { title: '《优化营商环境条例》' },
  FCR: { title: '《公平竞争审查条例》' },
  ORG: { title: '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》', aliases: ['《地方各级人民代表大会和地方各级人民政府组织法》'] },
  ACJ: { title: '《最高人民法院关于审理行政协议案件若干问题的规定》' },
  FRR: { title: '《法规规章备案条例》' },
  NBR: { title: '《宁波市法治乡村建设促进条例》' },
  'PFR 2012': { title: '《中国共产党党内法规和规范性文件备案规定》（2012年）', aliases: ['《中国共产党党内法规和规范性文件备案规定》'] },
  'PFR 2019': { title: '《中国共产党党内法规和规范性文件备案审查规定》（2019年）', aliases: ['《中国共产党党内法规和规范性文件备案审查规定》'] },
  ZJ337: { title: '《浙江省重大行政决策程序规定》（浙江省人民政府令第337号）', aliases: ['《浙江省重大行政决策程序规定》'] },
  ZJLR: { title: '《浙江省行政合法性审查工作规定》' },
};

const GOV_37: Source = { title: '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）', aliases: ['《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》'] };
const GOV_115: Source = { title: '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）', aliases: ['《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》'] };
const ZJ_372: Source = { title: '《浙江省行政规范性文件管理办法》（浙江省人民政府令第372号）', aliases: ['《浙江省行政规范性文件管理办法》'] };
const ZJ_CONTRACTS: Source = { title: '《浙江省人民政府办公厅关于加强行政机关合同管理工作的通知》（浙政办发〔2013〕37号）', aliases: ['《浙江省人民政府办公厅关于加强行政机关合同管理工作的通知》'] };
const ZJ_FULL_COVERAGE: Source = {
  title: '《中共浙江省委全面依法治省委员会关于推进乡镇（街道）合法性审查全覆盖工作的通知》',
  aliases: ['《关于推进乡镇（街道）合法性审查全覆盖工作的通知》'],
};
const ZJ_NPC_FILING: Source = { title: '《浙江省各级人民代表大会常务委员会规范性文件备案审查规定》（2007年）', aliases: ['《浙江省各级人民代表大会常务委员会规范性文件备案审查规定》'] };
const HZ_PRESIDIUM_FILING: Source = { title: '杭州市乡镇行政规范性文件报乡镇人大主席团备案的规定（2025年）' };
const HOLIDAY_NOTICES: Source = { title: '国务院办公厅逐年公布的部分节假日安排通知' };
const TOWN_REVIEW_RULES: Source = { title: '本镇合法性审查工作规则' };
const TOWN_CONTRACT_RULES: Source = { title: '本镇行政机关合同管理规则' };

/** References the code writes in Chinese already (a document number or a short name), with their full citation. */
const CHINESE_REFS: Record<string, Source> = {
  '国办发〔2018〕37号': GOV_37,
  '国办发〔2018〕115号': GOV_115,
  '浙江省人民政府令第372号': ZJ_372,
  '省政府令第372号': ZJ_372,
  '浙政办发〔2013〕37号': ZJ_CONTRACTS,
  '浙江乡镇合法性审查全覆盖通知': ZJ_FULL_COVERAGE,
  '浙江省各级人大常委会规范性文件备案审查规定': ZJ_NPC_FILING,
  '杭州市乡镇规范性文件备案（2025）': HZ_PRESIDIUM_FILING,
};

/**
 * Sections of the domain spec the code cites where the law is silent and the engine sets a policy
 * or a configurable figure: what a clerk reads is the source the section rests on (or the town's
 * own rules, whose figures the administrator configures), never the section number.
 */
const SPEC_SECTIONS: Record<string, Source> = {
  '§2.3': { title: '《重大行政决策程序暂行条例》第三条第三款' },
  '§2.4': SOURCES.R713,
  '§2.5': SOURCES.R713,
  '§3': ZJ_FULL_COVERAGE,
  '§3.2': ZJ_FULL_COVERAGE,
  '§3.3': ZJ_FULL_COVERAGE,
  '§3.4': TOWN_REVIEW_RULES,
  '§4': GOV_37,
  '§4.1': GOV_37,
  '§4.2': GOV_37,
  '§4.2 row 6': GOV_37,
  '§4.2 row 8': ZJ_372,
  '§4.2 row 8b': ZJ_NPC_FILING,
  '§4.2 row 8c': HZ_PRESIDIUM_FILING,
  '§4.2 row 9': ZJ_372,
  '§4.2 row 11': ZJ_372,
  '§5': SOURCES['PFR 2019'],
  '§6': TOWN_CONTRACT_RULES,
  '§7': { title: '《中华人民共和国行政处罚法》第五十八条', aliases: ['《行政处罚法》'] },
  '§8': HOLIDAY_NOTICES,
  '§8.1': HOLIDAY_NOTICES,
  '§8.2': HOLIDAY_NOTICES,
  '§8.3': HOLIDAY_NOTICES,
  '§8.4': HOLIDAY_NOTICES,
};

/** Remarks in parentheses after a reference ("(analogy)", "(illustrative, UNCONFIRMED)"), as a clerk reads them. */
function remarkZh(remark: string): string | undefined {
  if (/\banalog/i.test(remark)) return '（参照）';
  if (/illustrative/i.test(remark)) return '（期限为示例值，可配置）';
  if (/UNCONFIRMED/.test(remark)) return '（期限待核实，可配置）';
  return undefined;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A whole number (1–9999) in Chinese numerals as articles are numbered: 3 → 三, 12 → 十二, 203 → 二百零三, 1259 → 一千二百五十九. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`not a numeral this module writes: ${n}`);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let gap = false;
  let rest = n;
  for (const [size, unit] of units) {
    const d = Math.floor(rest / size);
    rest %= size;
    if (d) {
      if (gap && out) out += '零';
      out += DIGITS[d] + unit;
      gap = false;
    } else if (out) {
      gap = true;
    }
  }
  return out;
}

const DASH = String.raw`\s*[–—-]\s*`;
const ITEM = new RegExp(
  String.raw`^(\d+)(?:${DASH}(\d+))?` + // article, or a range of articles
    String.raw`(?:\s*¶\s*(\d+)(?:${DASH}¶?\s*(\d+))?)?` + // paragraph(s)
    String.raw`(?:\s*\((\d+)\)(?:${DASH}\((\d+)\))?)?$`, // item(s)
);

/** One article, range or part of an article: "26", "14–17", "3 ¶3", "58 ¶1 (1)–(4)", "20(1)". */
function itemZh(item: string): string | undefined {
  const m = ITEM.exec(item.trim());
  if (!m) return undefined;
  const [, art, artTo, para, paraTo, sub, subTo] = m.map((x) => (x === undefined ? undefined : Number(x))) as Array<number | undefined>;
  if (artTo !== undefined && (para !== undefined || sub !== undefined)) return undefined;
  let out = `第${chineseNumeral(art!)}条`;
  if (artTo !== undefined) return `${out}至第${chineseNumeral(artTo)}条`;
  if (para !== undefined) out += `第${chineseNumeral(para)}款`;
  if (paraTo !== undefined) out += `至第${chineseNumeral(paraTo)}款`;
  if (sub !== undefined) out += `第（${chineseNumeral(sub)}）项`;
  if (subTo !== undefined) out += `至第（${chineseNumeral(subTo)}）项`;
  return out;
}

interface Cited {
  zh: string;
  sources: Source[];
}

/** The articles after "Art." / "Arts.": "26", "14, 16", "25 and 30", "3 ¶3, Art. 37", "14–17". */
function articlesZh(list: string): string | undefined {
  const items = list.split(/\s*(?:,|;|\band\b|&)\s*(?:Arts?\.\s*)?/).filter((s) => s.length);
  const parts = items.map(itemZh);
  return parts.length && parts.every((p) => p !== undefined) ? parts.join('、') : undefined;
}

const CJK = /[\u3400-\u9fff]/;

/** One reference (no ";"): a source with its articles, a spec section, or a Chinese reference. */
function citeOne(ref: string): Cited | undefined {
  let text = ref.trim();
  if (!text) return undefined;
  const chinese = CHINESE_REFS[text];
  if (chinese) return { zh: chinese.title, sources: [chinese] };
  // a reference written in Chinese (no code in it) is a citation already
  if (CJK.test(text) && !/[A-Za-z§¶]/.test(text)) return { zh: text, sources: [] };
  let remark = '';
  const r = /\s*\(([^()]*[A-Za-z][^()]*)\)\s*$/.exec(text);
  if (r) {
    const zh = remarkZh(r[1]);
    if (zh === undefined) return undefined;
    remark = zh;
    text = text.slice(0, r.index);
  }
  const spec = /^SPEC\s*(§\s*[\d.]+(?:\s+row\s+\w+)?)$/.exec(text);
  if (spec) {
    const key = spec[1].replace(/§\s*/, '§').replace(/\s+/g, ' ');
    const section = SPEC_SECTIONS[key] ?? SPEC_SECTIONS[key.replace(/ row \w+$/, '')];
    return section ? { zh: section.title + remark, sources: [section] } : undefined;
  }
  const cite = /^([A-Z][A-Z0-9]*(?:\s+\d{4})?)\s+Arts?\.?\s*(.+)$/.exec(text);
  if (!cite) return undefined;
  const key = cite[1].replace(/\s+/g, ' ');
  const source = SOURCES[key];
  if (!source) return undefined;
  const arts = articlesZh(cite[2]);
  return arts ? { zh: source.title + arts + remark, sources: [source] } : undefined;
}

function cite(ref: string): Cited | undefined {
  const parts = ref.split(/\s*;\s*/).filter((p) => p.length);
  if (!parts.length) return undefined;
  const cited = parts.map(citeOne);
  if (cited.some((c) => c === undefined)) return undefined;
  return { zh: cited.map((c) => c!.zh).join('；'), sources: cited.flatMap((c) => c!.sources) };
}

/**
 * The zh-CN citation of a short reference, or `undefined` when the reference is not one this
 * module knows (a source, article or section it cannot render). Pure.
 *
 *   articleZhOrUndefined('R713 Art. 26')        → 《重大行政决策程序暂行条例》第二十六条
 *   articleZhOrUndefined('APL Art. 57 ¶2')      → 《中华人民共和国行政处罚法》第五十七条第二款
 *   articleZhOrUndefined('PFR 2012 Art. 4')     → 《中国共产党党内法规和规范性文件备案规定》（2012年）第四条
 *   articleZhOrUndefined('R713 Arts. 14–17')    → 《重大行政决策程序暂行条例》第十四条至第十七条
 *   articleZhOrUndefined('SPEC §3.4')           → 本镇合法性审查工作规则
 */
export function articleZhOrUndefined(ref: string): string | undefined {
  return cite(ref)?.zh;
}

/**
 * The zh-CN citation of a short reference, for every text a person reads:
 * `articleZh('R713 Art. 26')` is 《重大行政决策程序暂行条例》第二十六条. A reference it does not know
 * comes back as it is (a message is never lost for it); `workflows/articles-zh.spec.ts` keeps
 * every reference the workflows cite known. Pure.
 */
export function articleZh(ref: string): string {
  return articleZhOrUndefined(ref) ?? ref;
}

/**
 * Whether a zh-CN text already cites the source(s) of a reference (by its title or a title the
 * texts also use, e.g. 《民法典》): a message that cites its rule is not given the citation twice. Pure.
 */
export function citesArticle(textZh: string, ref: string): boolean {
  const c = cite(ref);
  if (!c) return false;
  if (!c.sources.length) return textZh.includes(c.zh);
  const bare = (t: string) => t.replace(/（[^（）]*）$/, '');
  return c.sources.every((s) => [s.title, bare(s.title), ...(s.aliases ?? [])].some((t) => textZh.includes(bare(t))));
}

/**
 * Short references inside a text (a code a clerk cannot read: "R713 Art. 26", "SPEC §3.4",
 * "PFR 2012 Art. 4"); none may stand in a zh-CN text. Pure.
 */
export function shortArticleRefsIn(text: string): string[] {
  const found = text.match(/\b(?:[A-Z][A-Z0-9]{1,5}(?:\s+\d{4})?\s+Arts?\.\s*\d+|SPEC\s*§\s*[\d.]+)|§\s*\d+(?:\.\d+)*|¶\s*\d+/g);
  return found ?? [];
}
