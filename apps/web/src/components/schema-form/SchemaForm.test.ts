import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../api/types';
import { installElementPlus } from '../../element';
import { i18n } from '../../i18n';
import SchemaForm from './SchemaForm.vue';
import { clientErrors, filesIn, kindOf, normalizePath, serverErrors, toPayload, type JsonSchema } from './schema';

/** A payload schema as GET /workflows/:kind/:version gives it (shape of docs/payload-schemas.md). */
const SCHEMA: JsonSchema = {
  type: 'object',
  required: ['title', 'documentHash', 'options', 'heldAt', 'outcome'],
  properties: {
    title: { type: 'string', maxLength: 500, title: '草案名称', 'x-title-en': 'Draft title', description: '必填；不得超过 500 字' },
    explanation: { type: 'string', maxLength: 20000, title: '决策草案说明', 'x-title-en': 'Explanation' },
    documentHash: { type: 'string', format: 'sha256', 'x-docket-file': true, title: '决策草案文件（SHA-256）' },
    outcome: {
      type: 'string',
      enum: ['LEGAL', 'ILLEGAL'],
      title: '审查结论',
      'x-enum-labels': { LEGAL: { zh: '合法', en: 'Legal' }, ILLEGAL: { zh: '不合法', en: 'Illegal' } },
    },
    heldAt: { type: 'string', format: 'date-time', title: '召开时间' },
    opensAt: { type: 'string', format: 'date', title: '开始日期' },
    recordSigned: { type: 'boolean', title: '笔录已签字' },
    received: { type: 'integer', minimum: 0, title: '收到意见数' },
    options: {
      type: 'array',
      minItems: 1,
      title: '备选方案',
      items: {
        type: 'object',
        required: ['title'],
        properties: { title: { type: 'string', maxLength: 500, title: '方案名称' }, summary: { type: 'string', maxLength: 20000, title: '方案概要' } },
      },
    },
    fairCompetitionReview: {
      type: 'object',
      title: '公平竞争审查',
      required: ['summary'],
      properties: { summary: { type: 'string', maxLength: 20000, title: '审查情况' } },
    },
  },
};

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

function mountForm(props: { schema?: JsonSchema; error?: ApiError | null } = {}) {
  return mount(SchemaForm, {
    props: { schema: props.schema ?? SCHEMA, error: props.error ?? null },
    global: { plugins: [i18n, { install: installElementPlus }] },
    attachTo: document.body,
  });
}

describe('schema helpers', () => {
  it('chooses the input by the schema', () => {
    const p = SCHEMA.properties!;
    expect([p.title, p.explanation, p.documentHash, p.outcome, p.heldAt, p.opensAt, p.recordSigned, p.received, p.options, p.fairCompetitionReview].map(kindOf)).toEqual([
      'text',
      'textarea',
      'file',
      'enum',
      'date-time',
      'date',
      'boolean',
      'number',
      'array',
      'object',
    ]);
  });

  it('leaves empty optional fields out and sends instants in Beijing time', () => {
    const payload = toPayload(SCHEMA, {
      title: '草案',
      explanation: '',
      documentHash: HASH,
      outcome: 'LEGAL',
      heldAt: '2020-08-03T09:00:00',
      opensAt: '',
      recordSigned: undefined,
      received: undefined,
      options: [{ title: '方案一', summary: '' }],
      fairCompetitionReview: { summary: '' },
    });
    expect(payload).toEqual({ title: '草案', documentHash: HASH, outcome: 'LEGAL', heldAt: '2020-08-03T09:00:00+08:00', options: [{ title: '方案一' }] });
  });

  it('checks required and maxLength only, an optional group only once begun', () => {
    const errs = clientErrors(SCHEMA, { title: 'x'.repeat(501), options: [{ title: '' }], fairCompetitionReview: { summary: '' } }, false);
    expect(errs).toEqual({ title: ['不得超过 500 字'], documentHash: ['必填'], outcome: ['必填'], heldAt: ['必填'], 'options.0.title': ['必填'] });
    expect(clientErrors(SCHEMA, { options: [] }, false).options).toEqual(['至少填写 1 项']);
  });

  it('puts the server’s problems at the fields they name', () => {
    expect(normalizePath('payload.options[0].title')).toBe('options.0.title');
    const e: ApiError = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      messageZh: '提交的内容不符合要求',
      details: { errors: [{ field: 'payload.title', problems: ['required'], problemsZh: ['必填'] }, { field: 'payload.options.0.title', problemsZh: ['不得超过 500 字'] }] },
    };
    expect(serverErrors(e, false)).toEqual({ title: ['必填'], 'options.0.title': ['不得超过 500 字'] });
    const rule: ApiError = { statusCode: 422, code: 'HEARING_RECORD_REQUIRED', message: 'Hearing record missing', messageZh: '缺少听证笔录', details: { field: 'payload.recordSigned' } };
    expect(serverErrors(rule, false)).toEqual({ recordSigned: ['缺少听证笔录'] });
  });

  it('finds the files a recorded payload names', () => {
    expect(filesIn(SCHEMA, { title: 'x', documentHash: HASH }, false)).toEqual([{ title: '决策草案文件（SHA-256）', sha256: HASH }]);
  });
});

describe('SchemaForm', () => {
  it('renders zh-CN labels, enum labels, text areas for long texts and fieldsets for groups', async () => {
    const w = mountForm();
    const text = w.text();
    for (const label of ['草案名称', '决策草案说明', '审查结论', '召开时间', '备选方案', '公平竞争审查', '笔录已签字']) expect(text).toContain(label);
    expect(w.find('[data-field=explanation] textarea').exists()).toBe(true);
    expect(w.find('[data-field=title] input').attributes('maxlength')).toBe('500');
    expect(w.find('fieldset[data-field=fairCompetitionReview] legend').text()).toContain('选填');
    expect(w.find('[data-field=documentHash] input[type=file]').exists()).toBe(true);
    w.unmount();
  });

  it('adds and removes rows of an array of objects', async () => {
    const w = mountForm();
    await w.find('[data-test="add-options"]').trigger('click');
    await w.find('[data-test="add-options"]').trigger('click');
    expect(w.findAll('[data-row^="options."]')).toHaveLength(2);
    expect(w.find('[data-field="options.1.title"]').exists()).toBe(true);
    await w.find('[data-test="remove-options-0"]').trigger('click');
    expect(w.findAll('[data-row^="options."]')).toHaveLength(1);
    w.unmount();
  });

  it('moves rows of an array of objects up and down, and submits them in the order shown', async () => {
    const schema: JsonSchema = { type: 'object', required: ['options'], properties: { options: SCHEMA.properties!.options } };
    const w = mountForm({ schema });
    for (let i = 0; i < 3; i++) await w.find('[data-test="add-options"]').trigger('click');
    for (const [i, v] of ['甲', '乙', '丙'].entries()) await w.find(`[data-field="options.${i}.title"] input`).setValue(v);
    // the first row cannot go up, the last cannot go down
    expect(w.find('[data-test="up-options-0"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-test="down-options-2"]').attributes('disabled')).toBeDefined();
    expect(w.find('[data-test="down-options-0"]').attributes('aria-label')).toBe('将第 1 项下移');
    await w.find('[data-test="down-options-0"]').trigger('click');
    expect((w.find('[data-field="options.0.title"] input').element as HTMLInputElement).value).toBe('乙');
    // each row named by its number and its first line of text, which moves with it
    expect(w.find('fieldset[data-field="options.0"] legend').text()).toBe('第 1 项：乙');
    expect(w.find('fieldset[data-field="options.1"] legend').text()).toBe('第 2 项：甲');
    expect((w.find('[data-field="options.1.title"] input').element as HTMLInputElement).value).toBe('甲');
    await w.find('[data-test="up-options-2"]').trigger('click');
    await w.find('[data-test="remove-options-0"]').trigger('click');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.emitted('submit')).toEqual([[{ options: [{ title: '丙' }, { title: '甲' }] }]]);
    // the text areas size themselves after the render
    await flushPromises();
    w.unmount();
  });

  it('shows the server’s refusal at a field inside a row, by its path', async () => {
    const schema: JsonSchema = { type: 'object', required: ['options'], properties: { options: SCHEMA.properties!.options } };
    const error: ApiError = {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'Invalid input',
      messageZh: '提交的内容不符合要求',
      details: { errors: [{ field: 'payload.options[1].title', problemsZh: ['必填'] }] },
    };
    const w = mountForm({ schema, error });
    await w.find('[data-test="add-options"]').trigger('click');
    await w.find('[data-test="add-options"]').trigger('click');
    expect(w.find('[data-error="options.1.title"]').text()).toBe('必填');
    expect(w.find('[data-error="options.0.title"]').exists()).toBe(false);
    await flushPromises();
    w.unmount();
  });

  it('does not submit with a required field empty, and says so at the field', async () => {
    const w = mountForm();
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.emitted('submit')).toBeUndefined();
    expect(w.find('[data-field=title]').text()).toContain('必填');
    expect(w.find('[data-test=form-invalid]').exists()).toBe(true);
    w.unmount();
  });

  it('submits the payload the fields hold', async () => {
    const schema: JsonSchema = { type: 'object', required: ['title'], properties: { title: SCHEMA.properties!.title, explanation: SCHEMA.properties!.explanation, recordSigned: { ...SCHEMA.properties!.recordSigned } } };
    const w = mountForm({ schema: { ...schema, required: ['title', 'recordSigned'] } });
    await w.find('[data-field=title] input').setValue('掌起镇老旧小区改造实施方案（草案）');
    await w.find('form').trigger('submit');
    await flushPromises();
    expect(w.emitted('submit')).toEqual([[{ title: '掌起镇老旧小区改造实施方案（草案）', recordSigned: false }]]);
    w.unmount();
  });

  it('shows a refusal above the form (message, article, code) and at the field it names', async () => {
    const error: ApiError = {
      statusCode: 422,
      code: 'LEGALITY_REVIEW_REQUIRED',
      article: 'R713 Art. 25',
      articleZh: '《重大行政决策程序暂行条例》第二十五条',
      message: 'A legality review is required first',
      messageZh: '须先经合法性审查',
      details: { field: 'payload.title' },
    };
    const w = mountForm({ error });
    const alert = w.find('[data-test=refusal]');
    expect(alert.text()).toContain('须先经合法性审查');
    expect(w.find('[data-test=refusal-article]').text()).toContain('《重大行政决策程序暂行条例》第二十五条');
    expect(w.find('[data-test=refusal-code]').text()).toContain('LEGALITY_REVIEW_REQUIRED');
    expect(w.find('[data-field=title]').text()).toContain('须先经合法性审查');
    w.unmount();
  });
});
