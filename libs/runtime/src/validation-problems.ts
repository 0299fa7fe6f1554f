/**
 * class-validator's failures in words a clerk reads: each problem names the field by its zh-CN
 * title (from the workflows' field-doc tables, or the API's table of request fields) with a zh-CN
 * phrase per constraint, English alongside. A required field left empty says 必填 only.
 * No library text reaches the zh-CN side: a constraint without a phrase of its own is answered
 * with a generic one. Pure: no I/O.
 */
import { DATE_ONLY, enumLabelOf, fieldDocOf, INSTANT, payloadFieldDocs, SHA256_HEX, type FieldDoc } from '@app/workflows';
import { ROLE_LABELS, type Label } from '@app/engine';
import { getMetadataStorage, ValidationError } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** One failed constraint: its class-validator code and both texts. */
export interface ConstraintProblem {
  code: string;
  zh: string;
  en: string;
}

/** One field that failed: its path, its title and its failed constraints. */
export interface ValidationProblem {
  field: string;
  title?: Label;
  /** where a nested field sits, in words (公平竞争审查 › 审查结论; 备选方案 › 第 1 项 › 方案名称) */
  titlePath?: Label;
  /** English texts, one per constraint (kept for clients that read them) */
  problems: string[];
  /** zh-CN texts, one per constraint */
  problemsZh?: string[];
  constraints?: ConstraintProblem[];
}

/** The title of a field outside the payload tables (request DTOs), by class and property. */
export type TitleLookup = (cls: object | undefined, property: string) => Label | undefined;

const REQUIRED: ConstraintProblem = { code: 'isDefined', zh: '必填', en: 'required' };

function metadataOf(target: object | undefined, property: string): ValidationMetadata[] {
  const cls = target?.constructor;
  if (!cls || cls === Object) return [];
  const storage = getMetadataStorage();
  return storage.getTargetValidationMetadatas(cls, '', true, false).filter((m) => m.propertyName === property);
}

function constraintName(meta: ValidationMetadata): string {
  if (!meta.constraintCls) return meta.type;
  return getMetadataStorage().getTargetValidatorConstraints(meta.constraintCls)[0]?.name ?? meta.type;
}

function enumValues(arg: unknown): string[] {
  if (Array.isArray(arg)) return arg.map(String);
  if (arg && typeof arg === 'object') return Object.values(arg as Record<string, unknown>).filter((v) => typeof v === 'string') as string[];
  return [];
}

/** The zh-CN phrase and English text of one constraint (its arguments from the class's metadata). */
function phrase(code: string, en: string, args: unknown[], doc: FieldDoc | undefined, each: boolean): ConstraintProblem {
  const p = (zh: string, english = en): ConstraintProblem => ({ code, zh: each ? `每一项${zh}` : zh, en: english });
  switch (code) {
    case 'isDefined':
    case 'isNotEmpty':
    case 'arrayNotEmpty':
      return p('必填');
    case 'isString':
      return p('应为文字');
    case 'maxLength':
      return p(`不得超过 ${args[0]} 字`);
    case 'minLength':
      return p(`不得少于 ${args[0]} 字`);
    case 'isIn':
    case 'isEnum': {
      const values = enumValues(args[0]);
      const labels = values.map((v) => enumLabelOf(doc, v)?.zh ?? (ROLE_LABELS as Record<string, Label>)[v]?.zh ?? v);
      return p(values.length ? `应为以下之一：${labels.join('、')}` : '不是可选的值');
    }
    case 'isInt':
      return p('应为整数');
    case 'isNumber':
      return p('应为数字');
    case 'min':
      return p(`不得小于 ${args[0]}`);
    case 'max':
      return p(`不得大于 ${args[0]}`);
    case 'isBoolean':
      return p('应为“是”或“否”（true/false）');
    case 'isArray':
      return p('应为列表');
    case 'arrayMinSize':
      return p(`不得少于 ${args[0]} 项`);
    case 'arrayMaxSize':
      return p(`不得超过 ${args[0]} 项`);
    case 'arrayUnique':
      return p('不得有重复项');
    case 'isObject':
    case 'nestedValidation':
      return p('应为对象');
    case 'isUUID':
      return p('格式不正确（应为 UUID）');
    case 'isEmail':
      return p('应为有效的电子邮件地址');
    case 'isUrl':
      return p('应为有效的网址');
    case 'isRealDate':
      return p('应为日期 YYYY-MM-DD（须为实际存在的日期）');
    case 'isDateString':
    case 'isISO8601':
      return p('应为带时区的日期时间（如 2020-08-03T09:00:00+08:00）');
    case 'matches': {
      const re = args[0];
      if (re === DATE_ONLY) return p('应为日期 YYYY-MM-DD');
      if (re === INSTANT) return p('应为带时区的日期时间（如 2020-08-03T09:00:00+08:00）');
      if (re === SHA256_HEX) return p('应为附件文件的 SHA-256 值（64 位小写十六进制）');
      return p('格式不正确');
    }
    case 'whitelistValidation':
      return { code, zh: '不是可接受的字段，请删除', en };
    default:
      return p('不符合要求');
  }
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/** A field's title: the payload tables (workflow classes), then the lookup, then none. */
function titleOf(target: object | undefined, property: string, lookup?: TitleLookup): { doc?: FieldDoc; title?: Label } {
  const cls = target?.constructor;
  const doc = cls && cls !== Object ? fieldDocOf(payloadFieldDocs, cls, property) : undefined;
  const own = lookup?.(cls, property);
  // a request DTO's own table wins over the payload tables' common names
  if (own) return { doc, title: own };
  return doc ? { doc, title: { zh: doc.zh, en: doc.en } } : {};
}

/**
 * The problems of class-validator's errors, flattened to one entry per field path (`prefix.a.b`,
 * list items as `prefix.list.0.b`).
 */
export function validationProblems(errors: ValidationError[], prefix = '', lookup?: TitleLookup, parent?: Label): ValidationProblem[] {
  const out: ValidationProblem[] = [];
  for (const e of errors) {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const isIndex = /^\d+$/.test(e.property);
    const own = isIndex ? undefined : titleOf(e.target, e.property, lookup).title;
    const here: Label | undefined = isIndex
      ? { zh: `第 ${Number(e.property) + 1} 项`, en: `item ${Number(e.property) + 1}` }
      : own ?? { zh: `字段“${e.property}”`, en: e.property };
    const path: Label | undefined = parent ? { zh: `${parent.zh} › ${here.zh}`, en: `${parent.en} › ${here.en}` } : undefined;
    if (e.constraints && Object.keys(e.constraints).length) {
      const metas = metadataOf(e.target, e.property);
      const { doc, title } = isIndex ? { doc: undefined, title: undefined } : titleOf(e.target, e.property, lookup);
      let constraints = Object.entries(e.constraints).map(([code, en]) => {
        const meta = metas.find((m) => constraintName(m) === code);
        return phrase(code, en, meta?.constraints ?? [], doc, !!meta?.each);
      });
      // one phrase once (an object that is not one fails isObject and nestedValidation alike)
      constraints = constraints.filter((c, i) => constraints.findIndex((x) => x.zh === c.zh) === i);
      // a day in the wrong shape fails both the pattern and the real-date check: one phrase
      if (constraints.some((c) => c.code === 'matches' && c.zh.endsWith('应为日期 YYYY-MM-DD'))) constraints = constraints.filter((c) => c.code !== 'isRealDate');
      // an empty required field: 必填, and nothing about its length or format beside it
      const required = e.value === undefined || e.value === null || constraints.some((c) => c.code === 'isNotEmpty' || c.code === 'isDefined');
      if (isEmpty(e.value) && required && !constraints.some((c) => c.code === 'whitelistValidation')) {
        constraints = [{ ...REQUIRED, en: `${e.property} is required` }];
      }
      out.push({ field, ...(title ? { title } : {}), ...(path ? { titlePath: path } : {}), problems: constraints.map((c) => c.en), problemsZh: constraints.map((c) => c.zh), constraints });
    }
    if (e.children?.length) out.push(...validationProblems(e.children, field, lookup, path ?? here));
  }
  return out;
}

/** The zh-CN name of a field in a sentence: its title, or its name quoted. */
export function fieldNameZh(p: Pick<ValidationProblem, 'field' | 'title' | 'titlePath'>): string {
  if (p.titlePath) return p.titlePath.zh;
  if (p.title) return p.title.zh;
  const name = p.field.replace(/^payload\./, '');
  return `字段“${name}”`;
}
