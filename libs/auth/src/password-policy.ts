import { DocketError } from '@app/runtime';

/** What a new password must satisfy (PASSWORD_MIN_LENGTH, PASSWORD_MIN_CLASSES). */
export interface PasswordPolicy {
  minLength: number;
  minClasses: number;
}

const CLASSES: Array<{ test: RegExp; zh: string; en: string }> = [
  { test: /[a-z]/, zh: '小写字母', en: 'lower-case letters' },
  { test: /[A-Z]/, zh: '大写字母', en: 'upper-case letters' },
  { test: /[0-9]/, zh: '数字', en: 'digits' },
  { test: /[^a-zA-Z0-9]/, zh: '其他符号', en: 'other characters' },
];

/** The policy as a person reads it: 至少 10 个字符，包含小写字母、大写字母、数字、其他符号中的至少 3 类. */
export function describePasswordPolicy(policy: PasswordPolicy): { zh: string; en: string } {
  return {
    zh: `至少 ${policy.minLength} 个字符，包含${CLASSES.map((c) => c.zh).join('、')}中的至少 ${policy.minClasses} 类，不得包含用户名，不得使用演示密码`,
    en: `at least ${policy.minLength} characters from at least ${policy.minClasses} of: ${CLASSES.map((c) => c.en).join(', ')}; not containing the username; not the demo password`,
  };
}

/**
 * What is wrong with a new password (empty: nothing). Pure. Counts characters as a person does
 * (code points), so 10 Chinese characters are 10 characters.
 */
export function passwordProblems(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string; demoPassword?: string },
): Array<{ rule: 'minLength' | 'minClasses' | 'containsUsername' | 'demoPassword'; zh: string; en: string }> {
  const problems: ReturnType<typeof passwordProblems> = [];
  const length = [...password].length;
  if (length < policy.minLength) {
    problems.push({ rule: 'minLength', zh: `密码至少 ${policy.minLength} 个字符（现为 ${length} 个）`, en: `at least ${policy.minLength} characters (it has ${length})` });
  }
  const held = CLASSES.filter((c) => c.test.test(password)).length;
  if (held < policy.minClasses) {
    problems.push({
      rule: 'minClasses',
      zh: `密码应包含${CLASSES.map((c) => c.zh).join('、')}中的至少 ${policy.minClasses} 类（现为 ${held} 类）`,
      en: `at least ${policy.minClasses} of ${CLASSES.map((c) => c.en).join(', ')} (it has ${held})`,
    });
  }
  const u = context.username?.trim().toLowerCase();
  if (u && u.length >= 3 && password.toLowerCase().includes(u)) {
    problems.push({ rule: 'containsUsername', zh: '密码不得包含用户名', en: 'it must not contain the username' });
  }
  if (context.demoPassword && password === context.demoPassword) {
    problems.push({ rule: 'demoPassword', zh: '不得使用演示密码', en: 'it must not be the demo password' });
  }
  return problems;
}

/** 422 PASSWORD_TOO_WEAK when the password breaks the policy, naming each problem and the field. */
export function assertPasswordPolicy(
  password: string,
  policy: PasswordPolicy,
  context: { username?: string; demoPassword?: string; field: string },
): void {
  const problems = passwordProblems(password, policy, context);
  if (!problems.length) return;
  const rules = describePasswordPolicy(policy);
  throw new DocketError(
    422,
    'PASSWORD_TOO_WEAK',
    `新密码不符合密码规则：${problems.map((p) => p.zh).join('；')}。密码规则：${rules.zh}`,
    `The new password breaks the password policy: ${problems.map((p) => p.en).join('; ')}. Policy: ${rules.en}`,
    undefined,
    { field: context.field, problems: problems.map((p) => p.rule), policy },
  );
}
