import { assertPasswordPolicy, describePasswordPolicy, passwordProblems } from './password-policy';

const POLICY = { minLength: 10, minClasses: 3 };
const rules = (pw: string, ctx: { username?: string; demoPassword?: string } = {}) => passwordProblems(pw, POLICY, ctx).map((p) => p.rule);

describe('password policy', () => {
  it('accepts 10 characters from 3 classes', () => {
    expect(rules('Zq7!townha')).toEqual([]);
    expect(rules('zq7!townha')).toEqual([]);
  });

  it('counts characters as a person does (code points), and classes', () => {
    expect(rules('Zq7!townh')).toEqual(['minLength']);
    expect(rules('镇政府合法性审查工作A1')).toEqual([]);
    expect(rules('onlylowercase')).toEqual(['minClasses']);
    expect(rules('lower-and-symbols')).toEqual(['minClasses']);
  });

  it('refuses the username inside it and the demo password', () => {
    expect(rules('Zhang.san-2026', { username: 'zhang.san' })).toEqual(['containsUsername']);
    expect(rules('Docket-demo-1', { demoPassword: 'Docket-demo-1' })).toEqual(['demoPassword']);
  });

  it('says in zh-CN what is wrong and what the policy is; the field in details', () => {
    expect(describePasswordPolicy(POLICY).zh).toBe('至少 10 个字符，包含小写字母、大写字母、数字、其他符号中的至少 3 类，不得包含用户名，不得使用演示密码');
    let err: any;
    try {
      assertPasswordPolicy('abc', POLICY, { field: 'newPassword' });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ status: 422, code: 'PASSWORD_TOO_WEAK', details: { field: 'newPassword', problems: ['minLength', 'minClasses'] } });
    expect(err.zh).toMatch(/^新密码不符合密码规则：密码至少 10 个字符（现为 3 个）；密码应包含/);
  });
});
