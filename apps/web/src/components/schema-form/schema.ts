/**
 * The JSON Schema of an event's payload as `GET /workflows/:kind/:version` gives it
 * (docs/payload-schemas.md), and the pure helpers SchemaForm builds its form with: the empty value
 * of a field, the payload to send (empty optional fields left out), the schema's own checks
 * (required, maxLength) and the server's refusals keyed by field path.
 */
import type { ApiError, Label } from '../../api/types';

export interface JsonSchema {
  type?: string;
  title?: string;
  'x-title-en'?: string;
  description?: string;
  'x-description-en'?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: Array<string | number>;
  'x-enum-labels'?: Record<string, Label>;
  format?: string;
  'x-docket-file'?: boolean;
  maxLength?: number;
  minLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  example?: unknown;
}

export type FieldKind = 'object' | 'array' | 'file' | 'enum' | 'date' | 'date-time' | 'boolean' | 'number' | 'textarea' | 'text';

/** The input a field gets. */
export function kindOf(s: JsonSchema): FieldKind {
  if (s.type === 'object' || s.properties) return 'object';
  if (s.type === 'array') return 'array';
  if (s.format === 'sha256' || s['x-docket-file']) return 'file';
  if (s.enum) return 'enum';
  if (s.format === 'date') return 'date';
  if (s.format === 'date-time') return 'date-time';
  if (s.type === 'boolean') return 'boolean';
  if (s.type === 'number' || s.type === 'integer') return 'number';
  // long texts (opinions, reasons) get a text area; names and numbers a line
  if ((s.maxLength ?? 0) > 500) return 'textarea';
  return 'text';
}

/** The field's name in the reader's language. */
export const titleOf = (s: JsonSchema, en: boolean, fallback = ''): string => (en ? s['x-title-en'] : s.title) ?? s.title ?? fallback;
export const descriptionOf = (s: JsonSchema, en: boolean): string => (en ? s['x-description-en'] : s.description) ?? s.description ?? '';

/** The value an empty form holds for a field: objects with their fields, required booleans false. */
export function emptyValue(s: JsonSchema, required: boolean): unknown {
  switch (kindOf(s)) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const [k, p] of Object.entries(s.properties ?? {})) o[k] = emptyValue(p, (s.required ?? []).includes(k));
      return o;
    }
    case 'array':
      return [];
    case 'boolean':
      return required ? false : undefined;
    case 'number':
      return undefined;
    default:
      return '';
  }
}

/** A date-time picker's wall-clock value (YYYY-MM-DDTHH:mm:ss) read as Beijing time. */
export const beijingInstant = (wall: string): string => (/[+-]\d{2}:\d{2}$|Z$/.test(wall) ? wall : `${wall}+08:00`);

const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The payload to send: empty optional fields are left out (the API refuses unknown and empty
 * values alike); a nested optional object with nothing filled in is left out as a whole.
 */
export function toPayload(s: JsonSchema, v: unknown, required = true): unknown {
  const kind = kindOf(s);
  if (kind === 'object') {
    const o: Record<string, unknown> = {};
    const src = (v ?? {}) as Record<string, unknown>;
    for (const [k, p] of Object.entries(s.properties ?? {})) {
      const out = toPayload(p, src[k], (s.required ?? []).includes(k));
      if (out !== undefined) o[k] = out;
    }
    return Object.keys(o).length || required ? o : undefined;
  }
  if (kind === 'array') {
    const items = ((v ?? []) as unknown[]).map((x) => toPayload(s.items ?? {}, x, true)).filter((x) => x !== undefined);
    return items.length || required ? items : undefined;
  }
  if (isEmpty(v)) return undefined;
  if (kind === 'date-time') return beijingInstant(String(v));
  if (kind === 'text' || kind === 'textarea') return String(v);
  return v;
}

/** Messages keyed by the field's dotted path (`proposal.problem`, `options.0.title`). */
export type FieldErrors = Record<string, string[]>;

/** The schema's own checks, in the reader's language: required and maxLength; the API decides the rest. */
export function clientErrors(s: JsonSchema, v: unknown, en: boolean, path: string[] = [], required = true, out: FieldErrors = {}): FieldErrors {
  const kind = kindOf(s);
  const key = path.join('.');
  const add = (m: string) => (out[key] ??= []).push(m);
  if (kind === 'object') {
    const src = (v ?? {}) as Record<string, unknown>;
    // an optional group left empty is not checked; once begun, its required fields are
    const begun = required || toPayload(s, v, false) !== undefined;
    if (begun) for (const [k, p] of Object.entries(s.properties ?? {})) clientErrors(p, src[k], en, [...path, k], (s.required ?? []).includes(k), out);
    return out;
  }
  if (kind === 'array') {
    const items = (v ?? []) as unknown[];
    if (required && s.minItems && items.length < s.minItems) add(en ? `Add at least ${s.minItems}` : `至少填写 ${s.minItems} 项`);
    items.forEach((x, i) => clientErrors(s.items ?? {}, x, en, [...path, String(i)], true, out));
    return out;
  }
  if (isEmpty(v)) {
    if (required && kind !== 'boolean') add(en ? 'Required' : '必填');
    return out;
  }
  if (s.maxLength && String(v).length > s.maxLength) add(en ? `At most ${s.maxLength} characters` : `不得超过 ${s.maxLength} 字`);
  return out;
}

/** A server path (`payload.options[0].title`) as the form's key (`options.0.title`). */
export const normalizePath = (p: string): string =>
  p
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\.+/, '')
    .replace(/^payload\./, '');

interface ServerProblem {
  field?: string;
  problemsZh?: string[];
  problems?: string[];
}

/**
 * The server's refusal at the fields it names: `details.errors[].field` (400 VALIDATION_FAILED) and
 * `details.field` (a rule's 422 that names the field carrying the missing record).
 */
export function serverErrors(e: ApiError | null | undefined, en: boolean): FieldErrors {
  const out: FieldErrors = {};
  const details = (e?.details ?? {}) as { errors?: ServerProblem[]; field?: string };
  for (const p of details.errors ?? []) {
    if (!p.field) continue;
    const msgs = (en ? p.problems : p.problemsZh) ?? p.problemsZh ?? p.problems ?? [];
    (out[normalizePath(p.field)] ??= []).push(...msgs);
  }
  if (typeof details.field === 'string' && e) (out[normalizePath(details.field)] ??= []).push((en ? e.message : e.messageZh) ?? e.messageZh);
  return out;
}

/** The files a recorded payload names: every `x-docket-file` field with its title and digest. */
export function filesIn(s: JsonSchema | null | undefined, v: unknown, en: boolean, title = ''): Array<{ title: string; sha256: string }> {
  if (!s || v === undefined || v === null) return [];
  const kind = kindOf(s);
  if (kind === 'file') return typeof v === 'string' && /^[0-9a-f]{64}$/.test(v) ? [{ title: titleOf(s, en, title), sha256: v }] : [];
  if (kind === 'object') return Object.entries(s.properties ?? {}).flatMap(([k, p]) => filesIn(p, (v as Record<string, unknown>)[k], en, k));
  if (kind === 'array' && Array.isArray(v)) return v.flatMap((x) => filesIn(s.items, x, en, titleOf(s, en, title)));
  return [];
}
