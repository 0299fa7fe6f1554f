import type { AuthenticatedUser } from '@app/auth';
import { Role } from '@app/engine';
import type { CaseEntity } from '@app/persistence';
import { DocketError } from '@app/runtime';

/** Roles that see every case (the decision body, its office, and the auditors). */
const SEE_ALL: Role[] = ['town-head', 'secretary', 'auditor'];

export const ownsCase = (user: AuthenticatedUser, row: CaseEntity) => row.orgUnits.includes(`|${user.orgUnit}|`);

/**
 * Who sees a case: a department its own cases (created by or assigned to its unit); reviewers
 * the cases sent to legality review; the town head, the general office and auditors all cases.
 */
export function canView(user: AuthenticatedUser, row: CaseEntity): boolean {
  if (user.roles.some((r) => SEE_ALL.includes(r))) return true;
  if (user.roles.includes('legal-reviewer') && row.visibleToReviewers) return true;
  if (user.roles.includes('department-head') && ownsCase(user, row)) return true;
  return false;
}

export function listScope(user: AuthenticatedUser): { all: true } | { orgUnit?: string; reviewer: boolean } {
  if (user.roles.some((r) => SEE_ALL.includes(r))) return { all: true };
  return {
    orgUnit: user.roles.includes('department-head') ? user.orgUnit : undefined,
    reviewer: user.roles.includes('legal-reviewer'),
  };
}

/** The roles under which `user` may act on `row` (a department head only on its unit's cases). */
export function actingRoles(user: AuthenticatedUser, row: CaseEntity): Role[] {
  return user.roles.filter((r) => {
    if (r === 'department-head') return ownsCase(user, row);
    return r !== 'auditor' && r !== 'admin';
  });
}

export const notYourOrgUnit = (caseId: string) =>
  new DocketError(403, 'NOT_YOUR_ORG_UNIT', '该案件不属于您所在的单位', 'This case belongs to another organisational unit', undefined, { caseId });
