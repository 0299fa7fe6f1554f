import type { TestApp } from '../setup/test-app';

/** The n-th (1-based) bind placeholder of the test database's SQL dialect. */
export const ph = (t: TestApp, n: number) => (t.driver === 'postgres' ? `$${n}` : '?');

/**
 * Everything stored about one case, as a string to compare before and after a request:
 * the `cases` row exactly as the driver returns it, the number of history records and
 * every record's seq and hash.
 */
export async function caseFingerprint(t: TestApp, caseId: string): Promise<string> {
  const row = await t.sql(`SELECT * FROM cases WHERE id = ${ph(t, 1)}`, [caseId]);
  const count = await t.sql(`SELECT count(*) AS n FROM case_history WHERE case_id = ${ph(t, 1)}`, [caseId]);
  const chain = await t.sql(`SELECT seq, hash FROM case_history WHERE case_id = ${ph(t, 1)} ORDER BY seq`, [caseId]);
  return JSON.stringify({ row, count: Number(count[0].n), chain: chain.map((r) => [Number(r.seq), r.hash]) });
}

/** Number of history records of a case. */
export async function historyCount(t: TestApp, caseId: string): Promise<number> {
  const rows = await t.sql(`SELECT count(*) AS n FROM case_history WHERE case_id = ${ph(t, 1)}`, [caseId]);
  return Number(rows[0].n);
}

/** Row counts of the case tables (a refused creation adds nothing). */
export async function tableCounts(t: TestApp): Promise<{ cases: number; history: number }> {
  const c = await t.sql('SELECT count(*) AS n FROM cases');
  const h = await t.sql('SELECT count(*) AS n FROM case_history');
  return { cases: Number(c[0].n), history: Number(h[0].n) };
}
