import type { Role } from '@app/engine';
import type { UserEntity } from '@app/persistence';

/** The roles whose holders are told only about cases of their own org unit. */
const ORG_SCOPED_ROLES: ReadonlySet<string> = new Set<Role>(['department-head']);

function parseRoles(json: string): string[] {
  try {
    const parsed = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The users to tell: active users holding one of `roles`; a department head only when the case
 * belongs to their org unit (`orgUnits` as stored on the case, `|a|b|`). Sorted by id, so a
 * delivery writes its notifications in a stable order. Pure.
 */
export function resolveRecipients(users: UserEntity[], roles: string[], orgUnits: string): UserEntity[] {
  const wanted = new Set(roles);
  return users
    .filter((u) => !!u.active)
    .filter((u) => parseRoles(u.roles).some((r) => wanted.has(r) && (!ORG_SCOPED_ROLES.has(r) || orgUnits.includes(`|${u.orgUnit}|`))))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The roles stored on a deadline row as a JSON array. */
export const rolesOf = parseRoles;
