import { CaseVisibilityFacts, roleSeesCase } from '@app/engine';
import type { UserEntity } from '@app/persistence';

function parseRoles(json: string): string[] {
  try {
    const parsed = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The users to tell: active users holding one of `roles` under which they see the case (the one
 * visibility rule, `roleSeesCase`: a department head only its own unit's cases, a legal reviewer
 * only cases sent to review). `theCase` null: a notice about no case (e.g. to the admins), every
 * active holder. Sorted by id, so a delivery writes its notifications in a stable order. Pure.
 */
export function resolveRecipients(users: UserEntity[], roles: string[], theCase: CaseVisibilityFacts | null): UserEntity[] {
  const wanted = new Set(roles);
  return users
    .filter((u) => !!u.active)
    .filter((u) => parseRoles(u.roles).some((r) => wanted.has(r) && (!theCase || roleSeesCase(r, u.orgUnit, theCase))))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The roles stored on a deadline row as a JSON array. */
export const rolesOf = parseRoles;
