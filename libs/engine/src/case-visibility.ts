import type { Role } from './types';

/**
 * Who sees a case: the one rule behind /cases, /deadlines, the review desk and the reminder
 * recipients (issue 9 §6). Pure: the facts of the case in, a verdict out; the persistence layer
 * turns a `CaseScope` into its SQL condition (`whereInCaseScope`).
 *
 * - the town head (the decision body), the general office (secretary) and auditors: every case;
 * - a legal reviewer: the cases sent to legality review (`visibleToReviewers`);
 * - a department head: its own unit's cases (created by or assigned to the unit, `orgUnits`);
 * - anyone else (an administrator keeps users and the calendar, not cases): none.
 */

/** Roles that see every case. */
export const SEE_ALL_CASES_ROLES: readonly Role[] = ['town-head', 'secretary', 'auditor'];

/** Roles that see some cases (every case, those sent to review, or their unit's); any other role sees none. */
export const CASE_VIEWING_ROLES: readonly Role[] = [...SEE_ALL_CASES_ROLES, 'legal-reviewer', 'department-head'];

/**
 * Whether the viewer holds no role that ever sees a case (an administrator keeps users and the
 * calendar): refused for the role (ROLE_NOT_ALLOWED), not for the case's unit.
 */
export const seesNoCases = (viewer: Pick<CaseViewer, 'roles'>): boolean =>
  !viewer.roles.some((r) => (CASE_VIEWING_ROLES as readonly string[]).includes(r));

/** What the rule reads from a case (as stored: `orgUnits` is `|unit-a|unit-b|`). */
export interface CaseVisibilityFacts {
  orgUnits: string;
  visibleToReviewers: boolean;
}

/** Who asks: the roles they hold and their unit. */
export interface CaseViewer {
  roles: readonly string[];
  orgUnit?: string | null;
}

/**
 * The cases a viewer sees, as a condition: every case, or the union of "owned by `orgUnit`" and
 * (when `reviewer`) "sent to legality review". `{ all: false }` with neither sees nothing.
 */
export type CaseScope = { all: true } | { all: false; orgUnit?: string; reviewer: boolean };

/** Whether a case belongs to the unit (by unit id, as access compares ids). */
export const caseOwnedBy = (facts: Pick<CaseVisibilityFacts, 'orgUnits'>, orgUnit: string | null | undefined): boolean =>
  !!orgUnit && facts.orgUnits.includes(`|${orgUnit}|`);

/** Whether one role, held in `orgUnit`, sees the case (reminders ask this per role held). */
export function roleSeesCase(role: string, orgUnit: string | null | undefined, facts: CaseVisibilityFacts): boolean {
  if ((SEE_ALL_CASES_ROLES as readonly string[]).includes(role)) return true;
  if (role === 'legal-reviewer') return facts.visibleToReviewers;
  if (role === 'department-head') return caseOwnedBy(facts, orgUnit);
  return false;
}

export function caseScopeOf(viewer: CaseViewer): CaseScope {
  if (viewer.roles.some((r) => (SEE_ALL_CASES_ROLES as readonly string[]).includes(r))) return { all: true };
  const orgUnit = viewer.roles.includes('department-head') && viewer.orgUnit ? viewer.orgUnit : undefined;
  return { all: false, ...(orgUnit ? { orgUnit } : {}), reviewer: viewer.roles.includes('legal-reviewer') };
}

export function inCaseScope(scope: CaseScope, facts: CaseVisibilityFacts): boolean {
  if (scope.all) return true;
  return (scope.reviewer && facts.visibleToReviewers) || caseOwnedBy(facts, scope.orgUnit);
}

/** Whether the viewer sees the case: any role they hold sees it. Same verdict as `inCaseScope(caseScopeOf(viewer), facts)`. */
export const canViewCase = (viewer: CaseViewer, facts: CaseVisibilityFacts): boolean =>
  viewer.roles.some((r) => roleSeesCase(r, viewer.orgUnit, facts));
