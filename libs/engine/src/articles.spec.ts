import { articleZh, articleZhOrUndefined, chineseNumeral, citesArticle, shortArticleRefsIn } from './articles';

describe('chineseNumeral', () => {
  it.each([
    [1, '一'],
    [3, '三'],
    [10, '十'],
    [11, '十一'],
    [16, '十六'],
    [20, '二十'],
    [26, '二十六'],
    [58, '五十八'],
    [100, '一百'],
    [105, '一百零五'],
    [110, '一百一十'],
    [200, '二百'],
    [203, '二百零三'],
    [1000, '一千'],
    [1009, '一千零九'],
    [1050, '一千零五十'],
    [1259, '一千二百五十九'],
  ])('%i → %s', (n, zh) => expect(chineseNumeral(n)).toBe(zh));

  it('refuses what it cannot write', () => {
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
    expect(() => chineseNumeral(10000)).toThrow(RangeError);
  });
});

describe('articleZh', () => {
  it.each([
    // every source the domain spec abbreviates
    ['R713 Art. 26', '《重大行政决策程序暂行条例》第二十六条'],
    ['CC Art. 203', '《中华人民共和国民法典》第二百零三条'],
    ['CPL Art. 85', '《中华人民共和国民事诉讼法》第八十五条'],
    ['ALI Art. 48', '《最高人民法院关于适用〈中华人民共和国行政诉讼法〉的解释》第四十八条'],
    ['APL Art. 58', '《中华人民共和国行政处罚法》第五十八条'],
    ['ALL Art. 82', '《中华人民共和国行政许可法》第八十二条'],
    ['HOL13 Art. 2', '《全国年节及纪念日放假办法》（2013年）第二条'],
    ['HOL24 Art. 2', '《全国年节及纪念日放假办法》（2024年）第二条'],
    ['OGI Art. 26', '《中华人民共和国政府信息公开条例》第二十六条'],
    ['OBE Art. 62', '《优化营商环境条例》第六十二条'],
    ['FCR Art. 18', '《公平竞争审查条例》第十八条'],
    ['ORG Art. 75', '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第七十五条'],
    ['ACJ Art. 1', '《最高人民法院关于审理行政协议案件若干问题的规定》第一条'],
    ['FRR Art. 3', '《法规规章备案条例》第三条'],
    ['NBR Art. 13', '《宁波市法治乡村建设促进条例》第十三条'],
    ['PFR 2012 Art. 4', '《中国共产党党内法规和规范性文件备案规定》（2012年）第四条'],
    ['PFR 2019 Art. 2', '《中国共产党党内法规和规范性文件备案审查规定》（2019年）第二条'],
    ['ZJ337 Art. 7', '《浙江省重大行政决策程序规定》（浙江省人民政府令第337号）第七条'],
    ['ZJLR Art. 3', '《浙江省行政合法性审查工作规定》第三条'],
    // paragraphs (¶) and items
    ['R713 Art. 3 ¶3', '《重大行政决策程序暂行条例》第三条第三款'],
    ['APL Art. 57 ¶2', '《中华人民共和国行政处罚法》第五十七条第二款'],
    ['R713 Art. 29 (1)', '《重大行政决策程序暂行条例》第二十九条第（一）项'],
    ['OGI Art. 20(1)', '《中华人民共和国政府信息公开条例》第二十条第（一）项'],
    ['APL Art. 58 ¶1 (1)–(4)', '《中华人民共和国行政处罚法》第五十八条第一款第（一）项至第（四）项'],
    ['R713 Art. 36 ¶1 (1)–(3)', '《重大行政决策程序暂行条例》第三十六条第一款第（一）项至第（三）项'],
    ['R713 Art. 16 ¶2–3', '《重大行政决策程序暂行条例》第十六条第二款至第三款'],
    // lists and ranges
    ['R713 Art. 14, 16', '《重大行政决策程序暂行条例》第十四条、第十六条'],
    ['R713 Art. 25 and 30', '《重大行政决策程序暂行条例》第二十五条、第三十条'],
    ['R713 Art. 3 ¶3, Art. 37', '《重大行政决策程序暂行条例》第三条第三款、第三十七条'],
    ['R713 Arts. 14–17', '《重大行政决策程序暂行条例》第十四条至第十七条'],
    ['R713 Arts. 14-17', '《重大行政决策程序暂行条例》第十四条至第十七条'],
    ['CC Arts. 200–204', '《中华人民共和国民法典》第二百条至第二百零四条'],
    ['CC Art. 1259', '《中华人民共和国民法典》第一千二百五十九条'],
    ['ORG Arts. 6, 75, 77', '《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》第六条、第七十五条、第七十七条'],
    // several sources
    ['R713 Art. 32; OGI Art. 26', '《重大行政决策程序暂行条例》第三十二条；《中华人民共和国政府信息公开条例》第二十六条'],
    ['国办发〔2018〕37号; OBE Art. 62', '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）；《优化营商环境条例》第六十二条'],
    // remarks
    ['FRR Art. 3 (analogy)', '《法规规章备案条例》第三条（参照）'],
    // references the code writes in Chinese
    ['国办发〔2018〕37号', '《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）'],
    ['国办发〔2018〕115号', '《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号）'],
    ['浙江省人民政府令第372号', '《浙江省行政规范性文件管理办法》（浙江省人民政府令第372号）'],
    ['浙政办发〔2013〕37号', '《浙江省人民政府办公厅关于加强行政机关合同管理工作的通知》（浙政办发〔2013〕37号）'],
    ['浙江乡镇合法性审查全覆盖通知', '《中共浙江省委全面依法治省委员会关于推进乡镇（街道）合法性审查全覆盖工作的通知》'],
    ['浙江省各级人大常委会规范性文件备案审查规定', '《浙江省各级人民代表大会常务委员会规范性文件备案审查规定》（2007年）'],
    ['杭州市乡镇规范性文件备案（2025）', '杭州市乡镇行政规范性文件报乡镇人大主席团备案的规定（2025年）'],
    ['某县合同管理办法第五条', '某县合同管理办法第五条'],
    // sections of the domain spec: the source they rest on, or the town's own configured rules
    ['SPEC §3.4', '本镇合法性审查工作规则'],
    ['SPEC §8', '国务院办公厅逐年公布的部分节假日安排通知'],
    ['SPEC §8.1', '国务院办公厅逐年公布的部分节假日安排通知'],
    ['SPEC §2.3', '《重大行政决策程序暂行条例》第三条第三款'],
    ['SPEC §4.2 row 8 (Zhejiang period UNCONFIRMED)', '《浙江省行政规范性文件管理办法》（浙江省人民政府令第372号）（期限待核实，可配置）'],
    ['SPEC §4.2 row 8b', '《浙江省各级人民代表大会常务委员会规范性文件备案审查规定》（2007年）'],
    ['SPEC §4.2 row 8c', '杭州市乡镇行政规范性文件报乡镇人大主席团备案的规定（2025年）'],
    ['SPEC §6 (illustrative, UNCONFIRMED)', '本镇行政机关合同管理规则（期限为示例值，可配置）'],
    ['SPEC §7', '《中华人民共和国行政处罚法》第五十八条'],
  ])('%s → %s', (ref, zh) => {
    expect(articleZh(ref)).toBe(zh);
    expect(articleZhOrUndefined(ref)).toBe(zh);
    expect(shortArticleRefsIn(zh)).toEqual([]);
  });

  it.each(['XYZ Art. 1', 'R713', 'R713 Art. x', 'R713 Art. 3 (read with P-QJ)', 'SPEC §99', 'Leave Rules Art. 3', 'R713 Art. 14–17 ¶2', ''])(
    'does not know %j: articleZhOrUndefined says so, articleZh keeps the reference',
    (ref) => {
      expect(articleZhOrUndefined(ref)).toBeUndefined();
      expect(articleZh(ref)).toBe(ref);
    },
  );
});

describe('citesArticle', () => {
  it('sees the source cited by its title, its title without the year or document number, or a title texts also use', () => {
    expect(citesArticle('……（《重大行政决策程序暂行条例》第三十条第二款）', 'R713 Art. 30')).toBe(true);
    expect(citesArticle('……（《民法典》第二百零三条）', 'CC Art. 203')).toBe(true);
    expect(citesArticle('……（《中国共产党党内法规和规范性文件备案规定》（2012年）第四条）', 'PFR 2012 Art. 4')).toBe(true);
    expect(citesArticle('……（《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号））', '国办发〔2018〕37号')).toBe(true);
    expect(citesArticle('……（《关于推进乡镇（街道）合法性审查全覆盖工作的通知》）', '浙江乡镇合法性审查全覆盖通知')).toBe(true);
  });
  it('every source of a reference must be cited', () => {
    expect(citesArticle('（《重大行政决策程序暂行条例》第三十二条）', 'R713 Art. 32; OGI Art. 26')).toBe(false);
    expect(citesArticle('（《重大行政决策程序暂行条例》第三十二条、《政府信息公开条例》第二十六条）', 'R713 Art. 32; OGI Art. 26')).toBe(true);
  });
  it('a text without the citation, or a reference it does not know, does not cite', () => {
    expect(citesArticle('该目录事项尚未提出决策事项建议', 'R713 Art. 10')).toBe(false);
    expect(citesArticle('（《优化营商环境条例》第六十二条）', 'R713 Art. 10')).toBe(false);
    expect(citesArticle('R713 Art. 10', 'XYZ Art. 1')).toBe(false);
  });
});

describe('shortArticleRefsIn', () => {
  it('finds the short references a zh-CN text may not hold', () => {
    expect(shortArticleRefsIn('依据：R713 Art. 26。')).toEqual(['R713 Art. 26']);
    expect(shortArticleRefsIn('合法性审查工作规则，最短审查期限为配置项，SPEC §3.4')).toEqual(['SPEC §3.4']);
    expect(shortArticleRefsIn('（PFR 2012 Art. 4；APL Arts. 57）')).toEqual(['PFR 2012 Art. 4', 'APL Arts. 57']);
    expect(shortArticleRefsIn('见 §8.2 与第三条¶3')).toEqual(['§8.2', '¶3']);
  });
  it('finds none in a zh citation', () => {
    expect(shortArticleRefsIn('依据：《重大行政决策程序暂行条例》第二十六条。')).toEqual([]);
  });
});
