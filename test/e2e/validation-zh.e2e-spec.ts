import { majorDecisionSteps, runMajorDecision } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 11 "zh-CN wherever a person reads": a 400 VALIDATION_FAILED names each field by its zh-CN
 * title with a zh-CN phrase per constraint (English alongside), an empty required field says 必填
 * only, and no library text (class-validator's or Nest's pipes') reaches messageZh.
 * No storage rule is involved: one driver.
 */
const DRAFT = majorDecisionSteps().find((s) => s.name === 'draft')!.payload as Record<string, any>;
/** English library phrases that must never appear in zh-CN text */
const LIBRARY_TEXT = /must be|should not|Validation failed|expected|is not|each value/i;

interface Problem {
  field: string;
  title?: { zh: string; en: string };
  titlePath?: { zh: string; en: string };
  problems: string[];
  problemsZh: string[];
  constraints: Array<{ code: string; zh: string; en: string }>;
}

describe.each([DRIVERS[0]])('validation problems in zh-CN on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    caseId = (await runMajorDecision(api, { before: 'draft' })).id;
  });
  afterAll(async () => t?.close());

  const problem = (body: { details: { errors: Problem[] } }, field: string) => body.details.errors.find((e) => e.field === field)!;

  it('names payload fields by their zh-CN titles with a zh-CN phrase per constraint', async () => {
    const { title: _t, ...withoutTitle } = DRAFT;
    const res = await api.post('dept-head', `/cases/${caseId}/events`, {
      type: 'SUBMIT_DRAFT',
      payload: {
        ...withoutTitle,
        explanation: '长'.repeat(20_001),
        fairCompetitionReview: { conclusion: 'MAYBE', summary: '已审查。', reviewedOn: '2020/08/03' },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const zh: string = res.body.messageZh;
    expect(zh).not.toMatch(LIBRARY_TEXT);
    expect(zh).not.toContain('payload.');

    // missing: 必填 only
    const title = problem(res.body, 'payload.title');
    expect(title.title).toEqual({ zh: '草案名称', en: 'Draft title' });
    expect(title.problemsZh).toEqual(['必填']);
    expect(title.constraints.map((c) => c.code)).toEqual(['isDefined']);
    expect(zh).toContain('草案名称：必填');
    expect(zh).not.toContain('草案名称：必填，');

    // too long
    const explanation = problem(res.body, 'payload.explanation');
    expect(explanation.problemsZh).toEqual(['不得超过 20000 字']);
    expect(explanation.constraints[0]).toEqual(expect.objectContaining({ code: 'maxLength', zh: '不得超过 20000 字' }));
    expect(explanation.constraints[0].en).toMatch(/20000/);
    expect(zh).toContain('决策草案说明：不得超过 20000 字');

    // wrong enum: the labels of the values, not the codes
    const conclusion = problem(res.body, 'payload.fairCompetitionReview.conclusion');
    expect(conclusion.title?.zh).toBe('审查结论');
    expect(conclusion.problemsZh).toEqual(['应为以下之一：不含排除、限制竞争内容、适用例外规定']);
    expect(conclusion.constraints[0].code).toBe('isIn');
    // a nested field is named with the field it sits in
    expect(conclusion.titlePath?.zh).toBe('公平竞争审查 › 审查结论');
    expect(zh).toContain('公平竞争审查 › 审查结论：应为以下之一：');
    expect(zh).not.toContain('COMPLIANT');

    // wrong date
    const reviewedOn = problem(res.body, 'payload.fairCompetitionReview.reviewedOn');
    expect(reviewedOn.title?.zh).toBe('审查日期');
    expect(reviewedOn.problemsZh).toEqual(['应为日期 YYYY-MM-DD']);
    expect(zh).toContain('公平竞争审查 › 审查日期：应为日期 YYYY-MM-DD');

    // English alongside, with the paths
    expect(res.body.message).toContain('payload.title (Draft title)');
    expect(res.body.message).toMatch(/maxLength|20000/);
  });

  it('a list item is named by its list and its place', async () => {
    const res = await api.post('dept-head', `/cases/${caseId}/events`, { type: 'SUBMIT_DRAFT', payload: { ...DRAFT, options: [DRAFT.options[0], { ...DRAFT.options[0], title: '' }] } });
    expect(res.status).toBe(400);
    const item = problem(res.body, 'payload.options.1.title');
    expect(item.problemsZh).toEqual(['必填']);
    expect(item.titlePath?.zh).toMatch(/^.+ › 第 2 项 › .+$/);
    expect(res.body.messageZh).toContain(`${item.titlePath!.zh}：必填`);
  });

  it('an empty required text says 必填 only, without its length', async () => {
    const res = await api.post('dept-head', `/cases/${caseId}/events`, { type: 'SUBMIT_DRAFT', payload: { ...DRAFT, title: '' } });
    expect(res.status).toBe(400);
    expect(problem(res.body, 'payload.title').problemsZh).toEqual(['必填']);
    expect(res.body.messageZh).toBe('提交的内容不符合要求：草案名称：必填');
  });

  it('a bad case id in the path: 案件编号格式不正确, no pipe text', async () => {
    const res = await api.get('secretary', '/cases/not-a-uuid');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.messageZh).toBe('提交的内容不符合要求：案件编号：格式不正确');
    expect(res.body.messageZh).not.toMatch(LIBRARY_TEXT);
    expect(res.body.details.errors[0]).toEqual(expect.objectContaining({ field: 'id', constraints: [expect.objectContaining({ code: 'isUUID' })] }));
  });

  it('request DTOs outside the workflows: a zh-CN title from the table, else the name quoted', async () => {
    const list = await api.get('secretary', '/cases?limit=abc');
    expect(list.status).toBe(400);
    expect(list.body.messageZh).toContain('每页条数：');
    expect(list.body.messageZh).not.toMatch(LIBRARY_TEXT);

    // a role code reads as the role's label
    const user = await api.post('admin', '/users', { username: 'zhang.san', displayName: '张三', password: 'Zq7!pass-word-long', orgUnit: 'sfs', roles: ['NOT_A_ROLE'] });
    expect(user.status).toBe(400);
    expect(user.body.messageZh).toContain('角色：每一项应为以下之一：');
    expect(user.body.messageZh).toContain('承办单位负责人');
    expect(user.body.messageZh).not.toMatch(/department-head|NOT_A_ROLE/);

    const unknown = await api.get('secretary', '/cases?bogusFilter=1');
    expect(unknown.status).toBe(400);
    expect(unknown.body.messageZh).toBe('提交的内容不符合要求：字段“bogusFilter”：不是可接受的字段，请删除');
  });
});
