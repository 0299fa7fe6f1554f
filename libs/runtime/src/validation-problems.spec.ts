import { ArrayMinSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import { plainToInstance, Type } from 'class-transformer';
import { validate } from 'class-validator';
import { INSTANT } from '@app/workflows';
import { validationFailed } from './runtime.errors';
import { validationProblems } from './validation-problems';

class Sample {
  @IsInt() @Min(1)
  count: number;

  @IsArray() @ArrayMinSize(2) @IsString({ each: true }) @MaxLength(3, { each: true })
  names: string[];

  @IsString() @Matches(INSTANT)
  at: string;

  @IsIn(['LOW', 'HIGH'])
  level: string;

  @IsString() @IsNotEmpty() @MaxLength(5)
  note: string;
}

const LIBRARY_TEXT = /must|should|each value|expected/i;

async function problemsOf(plain: object) {
  const errors = await validate(plainToInstance(Sample, plain), { whitelist: true, forbidNonWhitelisted: true });
  return validationProblems(errors, 'payload', (_c, p) => ({ count: { zh: '数量', en: 'Count' }, names: { zh: '姓名', en: 'Names' } })[p]);
}

describe('validation problems in zh-CN', () => {
  it('gives a zh-CN phrase per constraint with its limits, the English alongside', async () => {
    const problems = await problemsOf({ count: 0.5, names: ['张三丰啊啊'], at: '2020-08-03 09:00', level: 'MID', note: '', extra: 1 });
    const zh = Object.fromEntries(problems.map((p) => [p.field, p.problemsZh]));
    expect(zh['payload.count']).toEqual(['不得小于 1', '应为整数']);
    expect(zh['payload.names']).toEqual(expect.arrayContaining(['不得少于 2 项', '每一项不得超过 3 字']));
    expect(zh['payload.at']).toEqual(['应为带时区的日期时间（如 2020-08-03T09:00:00+08:00）']);
    expect(zh['payload.level']).toEqual(['应为以下之一：低、高']);
    expect(zh['payload.note']).toEqual(['必填']);
    expect(zh['payload.extra']).toEqual(['不是可接受的字段，请删除']);
    for (const p of problems) {
      for (const text of p.problemsZh ?? []) expect(text).not.toMatch(LIBRARY_TEXT);
      expect(p.constraints!.every((c) => c.code && c.zh && c.en)).toBe(true);
    }
    const err = validationFailed(problems);
    expect(err.code).toBe('VALIDATION_FAILED');
    expect(err.zh).toContain('数量：');
    expect(err.zh).toContain('字段“extra”：不是可接受的字段，请删除');
    expect(err.zh).not.toMatch(LIBRARY_TEXT);
    expect(err.en).toContain('payload.count (Count)');
  });

  it('says a phrase once', async () => {
    class Outer {
      @IsObject() @ValidateNested() @Type(() => Sample)
      inner: Sample;
    }
    const errors = await validate(plainToInstance(Outer, { inner: 'x' }));
    expect(validationProblems(errors, 'payload')[0].problemsZh).toEqual(['应为对象']);
  });

  it('an absent required field says 必填 only', async () => {
    const problems = await problemsOf({ count: 1, names: ['a', 'b'], at: '2020-08-03T09:00:00+08:00', level: 'LOW' });
    expect(problems).toEqual([expect.objectContaining({ field: 'payload.note', problemsZh: ['必填'], constraints: [expect.objectContaining({ code: 'isDefined', zh: '必填' })] })]);
  });

  it('problems without zh-CN texts (older callers) still answer zh-CN only', () => {
    const err = validationFailed([{ field: 'x', problems: ['x must be fine'] }]);
    expect(err.zh).toBe('提交的内容不符合要求：字段“x”：不符合要求');
  });
});
