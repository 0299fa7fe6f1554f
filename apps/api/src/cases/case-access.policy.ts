import type { AuthenticatedUser } from '@app/auth';
import { canViewCase, caseOwnedBy, caseScopeOf, CaseScope, Role, ROLE_LABELS, seesNoCases } from '@app/engine';
import type { CaseEntity } from '@app/persistence';
import { DocketError } from '@app/runtime';

export const ownsCase = (user: AuthenticatedUser, row: CaseEntity) => caseOwnedBy(row, user.orgUnit);

/** Who sees a case: the engine's one visibility rule (`canViewCase`, libs/engine/src/case-visibility.ts). */
export const canView = (user: AuthenticatedUser, row: CaseEntity): boolean => canViewCase(user, row);

/** The cases a user's lists show (/cases, /tasks, /deadlines, the review desk): the same rule as `canView`. */
export const listScope = (user: AuthenticatedUser): CaseScope => caseScopeOf(user);

/** The roles under which `user` may act on `row` (a department head only on its unit's cases). */
export function actingRoles(user: AuthenticatedUser, row: CaseEntity): Role[] {
  return user.roles.filter((r) => {
    if (r === 'department-head') return ownsCase(user, row);
    return r !== 'auditor' && r !== 'admin';
  });
}

export const notYourOrgUnit = (caseId: string) =>
  new DocketError(403, 'NOT_YOUR_ORG_UNIT', '该案件不属于您所在的单位', 'This case belongs to another organisational unit', undefined, { caseId });

/**
 * A user whose roles never see a case (the administrator keeps users and the calendar): refused
 * for the role, 403 ROLE_NOT_ALLOWED, not as if the case were another unit's.
 */
export const roleSeesNoCases = (caseId: string, roles: readonly string[]) => {
  const labels = roles.map((r) => ROLE_LABELS[r as Role] ?? { zh: r, en: r });
  return new DocketError(
    403,
    'ROLE_NOT_ALLOWED',
    `${labels.map((l) => `“${l.zh}”`).join('、')}不办理案件，无权查看或办理案件`,
    `The role ${labels.map((l) => `"${l.en}"`).join(', ')} does not handle cases and may not read or act on them`,
    undefined,
    { caseId, roles: [...roles] },
  );
};

/** Refuses a user who may not see the case: for the role when it sees no case at all, else for the unit. */
export function assertCanView(user: AuthenticatedUser, row: CaseEntity): void {
  if (canView(user, row)) return;
  if (seesNoCases(user)) throw roleSeesNoCases(row.id, user.roles);
  throw notYourOrgUnit(row.id);
}
