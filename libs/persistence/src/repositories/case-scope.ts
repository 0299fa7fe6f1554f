import type { CaseScope } from '@app/engine';
import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
const likeLiteral = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The SQL form of the one visibility rule (`caseScopeOf` in the engine): restricts `qb` to the
 * cases in `scope`, `caseAlias` being the cases table in the query. Unset or `{ all: true }`:
 * unrestricted. Every list that shows cases or what belongs to them (cases, deadlines, the review
 * desk) goes through here, so none can show more than /cases.
 */
export function whereInCaseScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, scope: CaseScope | undefined, caseAlias = 'c'): SelectQueryBuilder<T> {
  if (!scope || scope.all) return qb;
  const ors: string[] = [];
  const params: Record<string, unknown> = {};
  if (scope.orgUnit) {
    ors.push(`${caseAlias}.org_units LIKE :scopeOrgUnit ESCAPE '\\'`);
    params.scopeOrgUnit = `%|${likeLiteral(scope.orgUnit)}|%`;
  }
  if (scope.reviewer) {
    ors.push(`${caseAlias}.visible_to_reviewers = :scopeReviewer`);
    params.scopeReviewer = true;
  }
  return qb.andWhere(ors.length ? `(${ors.join(' OR ')})` : '1 = 0', params);
}
