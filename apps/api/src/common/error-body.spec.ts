import { DocketError } from '@app/runtime';
import { docketErrorBody, messageZhCitingArticle } from './error-body';

describe('docketErrorBody', () => {
  it('cites the article in zh-CN at the end of a message that does not cite it; the short reference stays in `article`', () => {
    const e = new DocketError(422, 'CATALOG_ITEM_HAS_NO_CASE', '该目录事项尚未提出决策事项建议（未关联决策案件）', 'No decision case has been proposed for this catalog item yet', 'R713 Art. 10', {
      year: 2020,
    });
    expect(docketErrorBody(e)).toEqual({
      statusCode: 422,
      code: 'CATALOG_ITEM_HAS_NO_CASE',
      article: 'R713 Art. 10',
      articleZh: '《重大行政决策程序暂行条例》第十条',
      message: 'No decision case has been proposed for this catalog item yet',
      messageZh: '该目录事项尚未提出决策事项建议（未关联决策案件）（依据：《重大行政决策程序暂行条例》第十条）',
      details: { year: 2020 },
    });
  });

  it('keeps a message that cites its article already (a more precise paragraph, or a title the texts also use)', () => {
    const zh = '行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由（《重大行政决策程序暂行条例》第三十条第二款）';
    expect(docketErrorBody(new DocketError(422, 'HEAD_REASON_REQUIRED', zh, 'x', 'R713 Art. 30')).messageZh).toBe(zh);
    const cc = '公开征求意见期限尚未届满，不得结束征求意见；期限的最后一日截止到二十四时（《民法典》第二百零三条）';
    expect(docketErrorBody(new DocketError(422, 'COMMENT_PERIOD_NOT_ENDED', cc, 'x', 'CC Art. 203')).messageZh).toBe(cc);
  });

  it('a spec section reads as the source it rests on, never as "SPEC §"', () => {
    const body = docketErrorBody(new DocketError(422, 'CALENDAR_YEAR_MISSING', '缺少2027年节假日安排数据，无法计算工作日期限；请管理员导入国务院办公厅公布的该年度节假日安排', 'x', 'SPEC §8'));
    expect(body.article).toBe('SPEC §8');
    expect(body.messageZh).toBe('缺少2027年节假日安排数据，无法计算工作日期限；请管理员导入国务院办公厅公布的该年度节假日安排（依据：国务院办公厅逐年公布的部分节假日安排通知）');
    expect(body.messageZh).not.toMatch(/SPEC|§/);
  });

  it('without an article, or with one it does not know, the message and the body are as they were', () => {
    expect(docketErrorBody(new DocketError(404, 'CASE_NOT_FOUND', '案件不存在', 'No case'))).toEqual({ statusCode: 404, code: 'CASE_NOT_FOUND', message: 'No case', messageZh: '案件不存在' });
    expect(docketErrorBody(new DocketError(422, 'X', '不行', 'No', 'Leave Rules Art. 3'))).toEqual({ statusCode: 422, code: 'X', article: 'Leave Rules Art. 3', message: 'No', messageZh: '不行' });
  });
});

describe('messageZhCitingArticle', () => {
  it('puts the citation before the closing full stop', () => {
    expect(messageZhCitingArticle('请先记录党委同意。', 'R713 Art. 31')).toBe('请先记录党委同意（依据：《重大行政决策程序暂行条例》第三十一条）。');
  });
  it('cites every source of a reference with several', () => {
    expect(messageZhCitingArticle('请公布决策', 'R713 Art. 32; OGI Art. 26')).toBe('请公布决策（依据：《重大行政决策程序暂行条例》第三十二条；《中华人民共和国政府信息公开条例》第二十六条）');
  });
});
