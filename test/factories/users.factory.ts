import type { ApiClient } from '../setup/api-client';

export const TEST_USER_PASSWORD = 'Docket-test-pw1';

/** The demo users and the role each holds (seeded by DemoSeedService). */
export const DEMO_USER_ROLES: Record<string, string> = {
  'dept-head': 'department-head',
  'legal-reviewer': 'legal-reviewer',
  'town-head': 'town-head',
  secretary: 'secretary',
  auditor: 'auditor',
  admin: 'admin',
};

/** Creates a user through the admin API (password TEST_USER_PASSWORD) and logs it in once. */
export async function createUser(
  api: ApiClient,
  u: { username: string; orgUnit: string; roles: string[]; displayName?: string },
): Promise<{ id: string; username: string }> {
  const res = await api.post('admin', '/users', {
    username: u.username,
    displayName: u.displayName ?? u.username,
    password: TEST_USER_PASSWORD,
    orgUnit: u.orgUnit,
    roles: u.roles,
  });
  if (res.status !== 201) throw new Error(`create user ${u.username} failed: ${res.status} ${JSON.stringify(res.body)}`);
  await api.token(u.username, TEST_USER_PASSWORD);
  return res.body;
}
