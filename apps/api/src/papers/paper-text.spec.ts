import { allWorkflows } from '@app/workflows';
import { beijingTime, chineseDate, FieldTexts, ValueWriter } from './paper-text';

const fields = new FieldTexts(allWorkflows);
const id = '3f5998f7-ae80-43d8-b0ea-4755d650ed80';
const w = new ValueWriter({ people: { [id]: '司法所审查员' }, units: { sfs: '司法所' } }, fields);

describe('paper text', () => {
  it('gives Beijing time to the minute and an official date', () => {
    expect(beijingTime('2020-08-03T01:00:00.000Z')).toBe('2020-08-03 09:00');
    expect(beijingTime('2020-12-31T16:30:00Z')).toBe('2021-01-01 00:30');
    expect(chineseDate('2020-08-03T01:00:00Z')).toBe('2020年8月3日');
    expect(chineseDate('2020-04-22')).toBe('2020年4月22日');
  });

  it('says people and units by name, codes by label, instants in Beijing time; ids stay in attributes', () => {
    expect(w.scalar(id)).toBe(`<span data-id="${id}">司法所审查员</span>`);
    expect(w.scalar('sfs', 'orgUnit')).toContain('>司法所<');
    expect(w.scalar('LEGAL_WITH_REVISIONS')).toContain('>修改后合法<');
    expect(w.scalar('department-head')).toContain('>承办单位负责人<');
    expect(w.scalar('2020-04-20T04:00:00Z')).toBe('2020-04-20 12:00');
    expect(w.scalar(true)).toBe('是');
    expect(w.scalar(`${id}#3`)).toContain('>年度目录第 3 项<');
    // a qualification certificate number is text, not a code
    expect(w.scalar('A20183302100456')).toBe('A20183302100456');
  });

  it('titles fields by the payload labels tables, nested ones included', () => {
    expect(fields.field('requestedCompletionDate')?.zh).toBe('要求完成日期');
    expect(fields.field('procedureStatement')?.zh).toBe('履行程序情况说明');
    const html = w.value({ outcome: 'LEGAL', legalAdvisers: ['镇法律顾问 李律师'] });
    expect(html).toContain('>审查结论<');
    expect(html).toContain('>合法<');
    expect(html).toContain('法律顾问、公职律师');
    expect(html).not.toMatch(/>(outcome|legalAdvisers)</);
  });
});
