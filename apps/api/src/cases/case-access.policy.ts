import type { AuthenticatedUser } from '@app/auth';
import { canViewCase, caseOwnedBy, caseScopeOf, CaseScope, Role } from '@app/engine';
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
