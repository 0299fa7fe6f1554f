import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloseCommentPeriodPayload, ExtendCommentPeriodPayload, PublishForCommentPayload } from './public-comment.payloads';
import { WithdrawPayload } from './withdraw.payload';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
const errors = (cls: new () => object, plain: object) =>
  validateSync(plainToInstance(cls, plain) as object, OPTIONS).map((e) => [e.property, Object.keys(e.constraints ?? {})]);
const runtimeImports = (file: string) =>
  [...readFileSync(join(__dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '').matchAll(/^import\s+(?!type\b)(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1]);

describe('shared payloads: the comment period and WITHDRAW', () => {
  it('are pure decorators: only the decorator libraries and the common validators; no clock, no randomness', () => {
    for (const file of ['public-comment.payloads.ts', 'withdraw.payload.ts']) {
      expect([file, runtimeImports(file)]).toEqual([file, ['reflect-metadata', 'class-validator', './payload-validators']]);
      expect(readFileSync(join(__dirname, file), 'utf8')).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
    }
  });

  it('check what the workflows checked', () => {
    const notice = { opensAt: '2024-03-01', closesAt: '2024-03-31', channels: ['政府网站'] };
    expect(errors(PublishForCommentPayload, notice)).toEqual([]);
    expect(errors(PublishForCommentPayload, { ...notice, shortenedReason: '紧急' })).toEqual([]);
    expect(errors(PublishForCommentPayload, { opensAt: '2024-02-30', closesAt: 'x', channels: [], shortenedReason: '', extra: 1 })).toEqual([
      ['extra', ['whitelistValidation']],
      ['opensAt', ['isRealDate']],
      ['closesAt', ['isRealDate', 'matches']],
      ['channels', ['arrayMinSize']],
      ['shortenedReason', ['isNotEmpty']],
    ]);
    expect(errors(PublishForCommentPayload, { ...notice, channels: Array(51).fill('x') })).toEqual([['channels', ['arrayMaxSize']]]);
    expect(errors(ExtendCommentPeriodPayload, { closesAt: '2024-04-10', reason: '延长' })).toEqual([]);
    expect(errors(ExtendCommentPeriodPayload, {})).toEqual([
      ['closesAt', expect.arrayContaining(['isString', 'matches'])],
      ['reason', ['maxLength', 'isNotEmpty', 'isString']],
    ]);
    expect(errors(CloseCommentPeriodPayload, {})).toEqual([]);
    expect(errors(CloseCommentPeriodPayload, { note: '' })).toEqual([['note', ['isNotEmpty']]]);
    expect(errors(WithdrawPayload, { reason: '撤回' })).toEqual([]);
    expect(errors(WithdrawPayload, { reason: 'x'.repeat(20_001) })).toEqual([['reason', ['maxLength']]]);
    expect(errors(WithdrawPayload, {})).toEqual([['reason', ['maxLength', 'isNotEmpty', 'isString']]]);
  });
});
