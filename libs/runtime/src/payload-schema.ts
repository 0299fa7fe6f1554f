/**
 * The JSON Schema of an event's payload, generated from its class-validator class (the same class
 * `validatePayload` checks against) by class-validator-jsonschema, then named and explained from the
 * workflows' field-doc tables: zh-CN `title` with `x-title-en`, `description` with
 * `x-description-en`, `x-enum-labels` per enumerated value, an `example` per field and for the
 * whole payload. Formats: `date` (`YYYY-MM-DD`, a day read in Asia/Shanghai), `date-time` (ISO 8601
 * with an explicit offset), `sha256` for the digest of an attachment (`x-docket-file: true`).
 * Nested objects are inlined (class names repeat across workflows, so no shared `$ref`s).
 */
import { DATE_ONLY, enumLabelOf, fieldDocOf, INSTANT, payloadFieldDocs, SHA256_HEX, type FieldDoc, type FieldDocs } from '@app/workflows';
import type { Label } from '@app/engine';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { validationMetadataArrayToSchemas } from 'class-validator-jsonschema';
import type { IOptions } from 'class-validator-jsonschema/build/options';

// class-transformer's `@Type` metadata (where nested payload classes are declared); its package ships the types apart
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as typeof import('class-transformer/types/storage');

export type JsonSchema = Record<string, any>;
type Cls = new () => object;

const DRAFT = 'https://json-schema.org/draft/2020-12/schema';
/** A SHA-256 hex digest that passes the check (the digest of the empty string). */
const EXAMPLE_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const EXAMPLE_DATE = '2020-08-03';
const EXAMPLE_INSTANT = '2020-08-03T09:00:00+08:00';
const EXAMPLE_UUID = '0b6f6b1e-3c5a-4d7e-9f10-2a3b4c5d6e7f';

function metadatasOf(cls: Cls): ValidationMetadata[] {
  const storage = getMetadataStorage();
  // own and inherited metadata, all attributed to `cls` (a v2 class may share its v1 parent's name)
  return storage.getTargetValidationMetadatas(cls, '', true, false).map((meta) => {
    const constraint = meta.constraintCls ? storage.getTargetValidatorConstraints(meta.constraintCls)[0] : undefined;
    return { ...meta, target: cls, ...(constraint ? { type: constraint.name } : {}) } as ValidationMetadata;
  });
}

function rawSchema(cls: Cls): JsonSchema {
  const options: Partial<IOptions> = {
    classTransformerMetadataStorage: defaultMetadataStorage as IOptions['classTransformerMetadataStorage'],
    additionalConverters: {
      [ValidationTypes.NESTED_VALIDATION]: (meta) => {
        const typeMeta = defaultMetadataStorage.findTypeMetadata(meta.target as Cls, meta.propertyName);
        const child = (typeMeta?.typeFunction() ?? Reflect.getMetadata('design:type', (meta.target as Cls).prototype, meta.propertyName)) as Cls;
        return { ...rawSchema(child), 'x-docket-class': child };
      },
      isRealDate: { type: 'string', format: 'date', 'x-docket-time-zone': 'Asia/Shanghai' },
      matches: (meta) => {
        const re = meta.constraints[0] as RegExp;
        if (re === DATE_ONLY) return { type: 'string', format: 'date', pattern: re.source, 'x-docket-time-zone': 'Asia/Shanghai' };
        if (re === INSTANT) return { type: 'string', format: 'date-time', pattern: re.source };
        if (re === SHA256_HEX) return { type: 'string', format: 'sha256', contentEncoding: 'base16', pattern: re.source, 'x-docket-file': true };
        return { type: 'string', pattern: re.source };
      },
    },
  };
  const schemas = validationMetadataArrayToSchemas(metadatasOf(cls), options);
  return Object.values(schemas)[0] ?? { type: 'object', properties: {} };
}

const ZH_REQUIRED = '必填';
const ZH_OPTIONAL = '选填';

/** The limits and format of a field, in words (appended to the field's description). */
function constraintsInWords(s: JsonSchema, required: boolean): Label {
  const zh: string[] = [required ? ZH_REQUIRED : ZH_OPTIONAL];
  const en: string[] = [required ? 'Required' : 'Optional'];
  const item = s.type === 'array' ? (s.items ?? {}) : s;
  if (s.type === 'array') {
    if (s.minItems) (zh.push(`至少 ${s.minItems} 项`), en.push(`at least ${s.minItems} item(s)`));
    if (s.maxItems) (zh.push(`至多 ${s.maxItems} 项`), en.push(`at most ${s.maxItems} items`));
  }
  if (item.format === 'date') (zh.push('日期 YYYY-MM-DD（北京时间）'), en.push('a day, YYYY-MM-DD (Beijing time)'));
  else if (item.format === 'date-time') (zh.push('日期时间，须带时区（如 2020-08-03T09:00:00+08:00）'), en.push('an instant, ISO 8601 with an offset (e.g. +08:00)'));
  else if (item.format === 'sha256') (zh.push('附件文件的 SHA-256 值（64 位小写十六进制）'), en.push("an attachment's SHA-256 (64 lower-case hex digits)"));
  else if (item.format === 'uuid') (zh.push('编号（UUID）'), en.push('an id (UUID)'));
  if (item.type === 'boolean') (zh.push('是/否'), en.push('yes/no'));
  if (item.type === 'integer') (zh.push('整数'), en.push('an integer'));
  if (item.minimum !== undefined) (zh.push(`不小于 ${item.minimum}`), en.push(`at least ${item.minimum}`));
  if (item.maximum !== undefined) (zh.push(`不大于 ${item.maximum}`), en.push(`at most ${item.maximum}`));
  if (item.maxLength && !item.format) (zh.push(`不得超过 ${item.maxLength} 字`), en.push(`at most ${item.maxLength} characters`));
  if (item.enum) (zh.push('从所列选项中选择'), en.push('one of the listed values'));
  return { zh: zh.join('；'), en: en.join('; ') };
}

/** An example the validation accepts, from the doc or, where the type gives one, from the schema. */
function exampleOf(s: JsonSchema, doc: FieldDoc | undefined): unknown {
  // a doc's example of the wrong shape (a common doc of a name that is a list here, a text there) is not used
  if (doc?.example !== undefined && Array.isArray(doc.example) === (s.type === 'array')) return doc.example;
  if (s.type === 'array') {
    const item = exampleOf(s.items ?? {}, doc && { zh: doc.zh, en: doc.en });
    return item === undefined ? undefined : Array.from({ length: Math.max(1, s.minItems ?? 1) }, () => item);
  }
  if (s.enum) return s.enum[0];
  if (s.example !== undefined) return s.example;
  if (s.format === 'date') return EXAMPLE_DATE;
  if (s.format === 'date-time') return EXAMPLE_INSTANT;
  if (s.format === 'sha256') return EXAMPLE_SHA256;
  if (s.format === 'uuid') return EXAMPLE_UUID;
  if (s.type === 'boolean') return true;
  if (s.type === 'integer' || s.type === 'number') return Math.max(s.minimum ?? 0, Math.min(s.maximum ?? 1, 1));
  // free text without an example of its own: the field's title, which every text check accepts
  if (s.type === 'string' && !s.pattern && doc) return doc.zh.slice(0, s.maxLength ?? undefined);
  return undefined;
}

function annotate(s: JsonSchema, cls: Cls, docs: Map<object, FieldDocs>): JsonSchema {
  const required = new Set<string>(s.required ?? []);
  const properties: Record<string, JsonSchema> = {};
  const example: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries<JsonSchema>(s.properties ?? {})) {
    const doc = fieldDocOf(docs, cls, name);
    let prop: JsonSchema = { ...raw };
    delete prop.not; // IsDefined's `not: {type: null}`: `required` says it
    // nested objects (and lists of them) are annotated in turn
    const nestedCls = (prop['x-docket-class'] ?? prop.items?.['x-docket-class']) as Cls | undefined;
    if (nestedCls) {
      if (prop.items?.['x-docket-class']) {
        const { 'x-docket-class': _i, ...items } = prop.items;
        prop.items = annotate(items, nestedCls, docs);
      } else {
        const { 'x-docket-class': _c, ...rest } = prop;
        prop = annotate({ ...rest, type: 'object' }, nestedCls, docs);
      }
    }
    const enumValues: string[] | undefined = prop.enum ?? prop.items?.enum;
    const words = constraintsInWords(prop, required.has(name));
    prop = {
      ...prop,
      title: doc?.zh,
      'x-title-en': doc?.en,
      description: doc?.description ? `${doc.description.zh.replace(/。$/, '')}。${words.zh}` : words.zh,
      'x-description-en': doc?.description ? `${doc.description.en.replace(/\.$/, '')}. ${words.en}` : words.en,
      ...(enumValues ? { 'x-enum-labels': Object.fromEntries(enumValues.map((v) => [v, enumLabelOf(doc, v)])) } : {}),
    };
    const ex = exampleOf(prop, doc);
    if (ex !== undefined) {
      prop.example = ex;
      prop.examples = [ex];
      example[name] = ex;
    }
    properties[name] = prop;
  }
  const out: JsonSchema = { type: 'object', properties, additionalProperties: false };
  if (required.size) out.required = [...required];
  out.example = example;
  return out;
}

/**
 * The payload schema of an event (its class, or none: an empty object). `label` titles the whole
 * payload (the event's label).
 */
export function payloadSchemaOf(cls: Cls | undefined, label?: Label, docs: Map<object, FieldDocs> = payloadFieldDocs): JsonSchema {
  const body: JsonSchema = cls ? bodyOf(cls, docs) : { type: 'object', properties: {}, additionalProperties: false, example: {} };
  // a deep copy: the cached body is never handed out
  return structuredClone({
    $schema: DRAFT,
    ...(label ? { title: label.zh, 'x-title-en': label.en } : {}),
    ...body,
  });
}

/** Classes and their docs do not change while the process runs: each body is generated once. */
const bodies = new WeakMap<Map<object, FieldDocs>, WeakMap<Cls, JsonSchema>>();
function bodyOf(cls: Cls, docs: Map<object, FieldDocs>): JsonSchema {
  let perDocs = bodies.get(docs);
  if (!perDocs) bodies.set(docs, (perDocs = new WeakMap()));
  let body = perDocs.get(cls);
  if (!body) perDocs.set(cls, (body = annotate(rawSchema(cls), cls, docs)));
  return body;
}
