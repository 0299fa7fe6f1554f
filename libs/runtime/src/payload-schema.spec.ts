import 'reflect-metadata';
import type { WorkflowDefinition } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { payloadSchemaOf, type JsonSchema } from './payload-schema';
import { validatePayload } from './payload.validator';

/** Every event of every registered workflow, with the creation, as [label, class]. */
const events = allWorkflows.flatMap((def: WorkflowDefinition) =>
  [[def.create.type, def.create] as const, ...Object.entries(def.events)].map(
    ([type, meta]) => [`${def.kind} v${def.version} ${type}`, meta.payload, meta.label] as const,
  ),
);
const withPayload = events.filter(([, cls]) => cls !== undefined);

/** Every property schema of a payload schema, with its dotted path (lists of objects as `x[]`). */
function fields(s: JsonSchema, prefix = ''): Array<[string, JsonSchema, JsonSchema]> {
  return Object.entries<JsonSchema>(s.properties ?? {}).flatMap(([name, p]) => {
    const path = `${prefix}${name}`;
    const nested = p.properties ? fields(p, `${path}.`) : p.items?.properties ? fields(p.items, `${path}[].`) : [];
    return [[path, p, s] as [string, JsonSchema, JsonSchema], ...nested];
  });
}

/** The payload built from the schema's field examples (nested objects from their fields' examples). */
function fromExamples(s: JsonSchema, only: 'all' | 'required' = 'all'): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set<string>(s.required ?? []);
  for (const [name, p] of Object.entries<JsonSchema>(s.properties ?? {})) {
    if (only === 'required' && !required.has(name)) continue;
    if (p.properties) out[name] = fromExamples(p, only);
    else if (p.items?.properties) out[name] = [fromExamples(p.items, only)];
    else out[name] = p.example;
  }
  return out;
}

const accepted = async (cls: (new () => object) | undefined, payload: unknown) => {
  try {
    await validatePayload(cls, payload);
    return [];
  } catch (e) {
    return (e as { details?: { errors?: unknown[] } }).details?.errors ?? [String(e)];
  }
};

describe('payload schemas (GET /workflows/:kind/:version, payloadSchema)', () => {
  it('cover every event of every workflow', () => {
    expect(withPayload.length).toBeGreaterThan(50);
    for (const [, cls, label] of events) {
      const s = payloadSchemaOf(cls, label);
      expect(s).toMatchObject({ type: 'object', additionalProperties: false, title: label.zh, 'x-title-en': label.en });
    }
  });

  it('give every field zh-CN and English titles and descriptions, an example, and labels for every enumerated value', () => {
    const problems: string[] = [];
    for (const [name, cls, label] of withPayload) {
      for (const [path, p] of fields(payloadSchemaOf(cls, label))) {
        const at = `${name} ${path}`;
        if (!p.title || !/[\u4e00-\u9fff]/.test(p.title)) problems.push(`${at}: no zh-CN title`);
        if (!p['x-title-en'] || /[\u4e00-\u9fff]/.test(p['x-title-en'])) problems.push(`${at}: no English title`);
        if (!p.description || !/[\u4e00-\u9fff]/.test(p.description)) problems.push(`${at}: no zh-CN description`);
        if (!p['x-description-en']) problems.push(`${at}: no English description`);
        if (p.example === undefined) problems.push(`${at}: no example`);
        for (const v of p.enum ?? p.items?.enum ?? []) {
          const l = p['x-enum-labels']?.[v];
          if (!l?.zh || !/[\u4e00-\u9fff]/.test(l.zh) || !l.en) problems.push(`${at}: no labels for ${v}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('mark dates, instants and attachments by their format', () => {
    const formats = new Map<string, string>();
    for (const [, cls] of withPayload) for (const [path, p] of fields(payloadSchemaOf(cls))) if (p.format) formats.set(path.split('.').pop()!, p.format);
    expect(formats.get('requestedCompletionDate')).toBe('date');
    expect(formats.get('scheduledAt')).toBe('date-time');
    expect(formats.get('draftHash')).toBe('sha256');
    const md = allWorkflows.find((d) => d.kind === 'major-decision')!;
    const submit = payloadSchemaOf(md.events.SUBMIT_FOR_LEGALITY_REVIEW.payload);
    expect(submit.properties.materials.properties.draftHash).toMatchObject({ type: 'string', format: 'sha256', 'x-docket-file': true, pattern: '^[0-9a-f]{64}$' });
    expect(submit.properties.requestedCompletionDate).toMatchObject({ type: 'string', format: 'date', title: '要求完成日期' });
    expect(submit.properties.requestedCompletionDate.description).toContain('YYYY-MM-DD（北京时间）');
    expect(submit.required).toEqual(expect.arrayContaining(['materials', 'requestedCompletionDate']));
    expect(submit.required).not.toContain('urgentReason');
    expect(submit.properties.materials.properties.legalBasis).toMatchObject({ type: 'array', minItems: 1, items: { type: 'string', maxLength: 500 } });
    const opinion = payloadSchemaOf(md.events.ISSUE_REVIEW_OPINION.payload);
    expect(opinion.properties.outcome['x-enum-labels'].EXPLORATORY_RISK_DISCLOSED).toEqual({ zh: '探索性改革，已明示法律风险', en: 'Exploratory reform, legal risks disclosed' });
  });

  it('agree with the validation: the examples pass it, with or without the optional fields', async () => {
    const refused: unknown[] = [];
    for (const [name, cls] of withPayload) {
      const s = payloadSchemaOf(cls);
      for (const only of ['all', 'required'] as const) {
        const errors = await accepted(cls, fromExamples(s, only));
        if (errors.length) refused.push([name, only, errors]);
      }
      // the payload-level example is the same payload
      expect([name, s.example]).toEqual([name, fromExamples(s)]);
    }
    expect(refused).toEqual([]);
  });

  it('agree with the validation: a required field left out is refused, an optional one is not, an unknown one is refused', async () => {
    const disagreements: string[] = [];
    for (const [name, cls] of withPayload) {
      const s = payloadSchemaOf(cls);
      const full = fromExamples(s);
      for (const field of Object.keys(s.properties)) {
        const { [field]: _left, ...rest } = full;
        const errors = (await accepted(cls, rest)) as Array<{ field: string }>;
        const required = (s.required ?? []).includes(field);
        if (required !== errors.some((e) => e.field === `payload.${field}`)) disagreements.push(`${name} ${field}: required ${required}, refused ${errors.length > 0}`);
      }
      if (!(await accepted(cls, { ...full, notAField: 1 })).length) disagreements.push(`${name}: an unknown field is accepted`);
    }
    expect(disagreements).toEqual([]);
  });

  it('describe a v2 payload class that extends its v1 class with the v1 fields and docs and its own', () => {
    const v2 = allWorkflows.find((d) => d.kind === 'enforcement-decision' && d.version === 2)!;
    const v1 = allWorkflows.find((d) => d.kind === 'enforcement-decision' && d.version === 1)!;
    const s2 = payloadSchemaOf(v2.events.SUBMIT_DRAFT.payload);
    const s1 = payloadSchemaOf(v1.events.SUBMIT_DRAFT.payload);
    expect(Object.keys(s2.properties)).toEqual(expect.arrayContaining([...Object.keys(s1.properties), 'seriousViolation']));
    expect(s1.properties.seriousViolation).toBeUndefined();
    expect(s2.required).toEqual(s1.required);
    expect(s2.properties.factsFound).toEqual(s1.properties.factsFound);
    expect(s2.properties.seriousViolation).toMatchObject({ type: 'boolean', title: '重大违法行为', 'x-title-en': 'Serious violation' });
  });

  it('describe an event without payload as an empty object', async () => {
    const none = events.find(([, cls]) => cls === undefined);
    if (!none) return;
    expect(payloadSchemaOf(none[1], none[2])).toMatchObject({ type: 'object', properties: {}, additionalProperties: false, example: {} });
    expect(await accepted(undefined, {})).toEqual([]);
  });
});
