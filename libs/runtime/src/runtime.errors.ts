import type { Refusal } from '@app/engine';
import { fieldNameZh, type ValidationProblem } from './validation-problems';

/**
 * An error a user can act on: stable code, HTTP status, zh-CN and English messages, and the
 * article when a rule refused. The API turns it into a 4xx answer as it is.
 */
export class DocketError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly zh: string,
    readonly en: string,
    readonly article?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(en);
  }

  static fromRefusal(r: Refusal): DocketError {
    return new DocketError(r.status ?? 422, r.code, r.zh, r.en, r.article, r.details);
  }
}

export const caseNotFound = (id: string) =>
  new DocketError(404, 'CASE_NOT_FOUND', '案件不存在，请核对案件编号', `No case with id ${id}`, undefined, { id });

/** A second case with a key its workflow says no two cases may share (e.g. a catalog's year). */
export const caseAlreadyExists = (def: { kind: string; label: { zh: string; en: string } }, key: string) =>
  new DocketError(409, 'CASE_ALREADY_EXISTS', `${def.label.zh}已存在：${key}`, `A ${def.label.en.toLowerCase()} for ${key} already exists`, undefined, {
    kind: def.kind,
    key,
  });

export const revisionConflict = (id: string, expected: number, actual?: number) =>
  new DocketError(
    409,
    'REVISION_CONFLICT',
    '案件已被他人更新，请刷新后重试',
    `The case was changed by someone else (expected revision ${expected}${actual !== undefined ? `, now ${actual}` : ''}); reload it and try again`,
    undefined,
    { caseId: id, expectedRevision: expected, ...(actual !== undefined ? { currentRevision: actual } : {}) },
  );

/**
 * 400 VALIDATION_FAILED: `messageZh` names each field by its zh-CN title with the zh-CN phrase of
 * each failed constraint (`标题：必填；开始日期：应为日期 YYYY-MM-DD`), `message` the same in English
 * with the paths; `details.errors` keeps per field its path, title, constraint codes and both texts.
 */
export const validationFailed = (errors: ValidationProblem[]) => {
  const full = errors.map((e) => ({
    ...e,
    problemsZh: e.problemsZh ?? e.problems.map(() => '不符合要求'),
    constraints: e.constraints ?? e.problems.map((en) => ({ code: 'invalid', zh: '不符合要求', en })),
  }));
  return new DocketError(
    400,
    'VALIDATION_FAILED',
    `提交的内容不符合要求：${full.map((e) => `${fieldNameZh(e)}：${e.problemsZh.join('，')}`).join('；')}`,
    `Invalid input: ${full.map((e) => `${e.field}${e.titlePath ?? e.title ? ` (${(e.titlePath ?? e.title)!.en})` : ''}: ${e.problems.join('; ')}`).join(', ')}`,
    undefined,
    { errors: full },
  );
};

/** The register already holds the number a counter rendered (e.g. after the numbering pattern changed). */
export const sequenceNumberTaken = (counter: string, number: string) =>
  new DocketError(
    409,
    'SEQUENCE_NUMBER_TAKEN',
    `编号 ${number} 已经使用过，编号不得重复使用；请管理员检查编号规则的配置`,
    `The number ${number} has already been given and is never reused; an administrator must check the numbering pattern configuration`,
    undefined,
    { counter, number },
  );
