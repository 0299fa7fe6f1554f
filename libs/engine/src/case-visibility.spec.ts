import { canViewCase, caseScopeOf, CaseVisibilityFacts, inCaseScope, roleSeesCase, seesNoCases } from './case-visibility';

const notSent: CaseVisibilityFacts = { orgUnits: '|jjfzb|', visibleToReviewers: false };
const sent: CaseVisibilityFacts = { orgUnits: '|jjfzb|sfs|', visibleToReviewers: true };

describe('case visibility: one rule for /cases, /deadlines, the review desk and reminders', () => {
  it.each([
    { who: 'town head', roles: ['town-head'], orgUnit: 'dzb', notSent: true, sent: true },
    { who: 'secretary', roles: ['secretary'], orgUnit: 'dzb', notSent: true, sent: true },
    { who: 'auditor', roles: ['auditor'], orgUnit: 'dzb', notSent: true, sent: true },
    { who: 'legal reviewer', roles: ['legal-reviewer'], orgUnit: 'sfs', notSent: false, sent: true },
    { who: 'head of the owning unit', roles: ['department-head'], orgUnit: 'jjfzb', notSent: true, sent: true },
    { who: 'head of another unit', roles: ['department-head'], orgUnit: 'zhb', notSent: false, sent: false },
    { who: 'administrator', roles: ['admin'], orgUnit: 'dzb', notSent: false, sent: false },
    { who: 'head of another unit who also reviews', roles: ['department-head', 'legal-reviewer'], orgUnit: 'zhb', notSent: false, sent: true },
    { who: 'no roles', roles: [], orgUnit: 'jjfzb', notSent: false, sent: false },
  ])('$who', ({ roles, orgUnit, notSent: seesNotSent, sent: seesSent }) => {
    const viewer = { roles, orgUnit };
    expect([canViewCase(viewer, notSent), canViewCase(viewer, sent)]).toEqual([seesNotSent, seesSent]);
    // the SQL scope says the same as the per-case verdict
    const scope = caseScopeOf(viewer);
    expect([inCaseScope(scope, notSent), inCaseScope(scope, sent)]).toEqual([seesNotSent, seesSent]);
  });

  it('units are compared whole: "jj" does not own "|jjfzb|"; an empty unit owns nothing', () => {
    expect(roleSeesCase('department-head', 'jj', notSent)).toBe(false);
    expect(roleSeesCase('department-head', '', { orgUnits: '||', visibleToReviewers: false })).toBe(false);
    expect(caseScopeOf({ roles: ['department-head'], orgUnit: '' })).toEqual({ all: false, reviewer: false });
  });

  it('names the viewers whose roles see no case at all (refused for the role, not the unit)', () => {
    expect(seesNoCases({ roles: ['admin'] })).toBe(true);
    expect(seesNoCases({ roles: [] })).toBe(true);
    expect(seesNoCases({ roles: ['department-head'] })).toBe(false);
    expect(seesNoCases({ roles: ['admin', 'legal-reviewer'] })).toBe(false);
    expect(seesNoCases({ roles: ['auditor'] })).toBe(false);
  });
});
