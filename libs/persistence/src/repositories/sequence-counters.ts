import type { QueryRunner } from 'typeorm';

/** A counter to draw from: its name and the scope it counts in (e.g. `region=ZJLC01|year=2026`). */
export interface SequenceDraw {
  counter: string;
  scope: string;
}

/** A number given to a case: written to the register with the event that uses it. */
export interface SequenceNumberRow extends SequenceDraw {
  /** the rendered number, e.g. ZJLC01-2026-0001 */
  number: string;
  /** the sequence value (1, 2, …) */
  value: number;
}

/** The register already holds the number (e.g. a changed pattern renders an older number again). */
export class SequenceNumberTakenError extends Error {
  readonly code = 'SEQUENCE_NUMBER_TAKEN';
  constructor(readonly counter: string, readonly number: string) {
    super(`${counter}: ${number} has already been given`);
  }
}

const isUniqueViolation = (e: unknown): boolean => {
  const err = e as { code?: unknown; driverError?: { code?: unknown }; message?: unknown };
  const code = err.driverError?.code ?? err.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(String(err.message));
};

/**
 * Draws the next value of a counter inside the caller's transaction and returns it. One statement
 * (`INSERT … ON CONFLICT DO UPDATE … RETURNING`): on PostgreSQL it locks the counter row until the
 * transaction ends, so concurrent draws queue and a rolled-back draw is given again; on SQLite the
 * caller's transaction is serialized in-process (WriteSerializer) and the database has one writer.
 */
export async function drawSequence(runner: QueryRunner, pg: boolean, draw: SequenceDraw, at: string): Promise<number> {
  const p = (n: number) => (pg ? `$${n}` : '?');
  const rows: Array<{ value: number | string }> = await runner.query(
    `INSERT INTO sequence_counters (counter, scope, value, updated_at) VALUES (${p(1)}, ${p(2)}, 1, ${p(3)})
     ON CONFLICT (counter, scope) DO UPDATE SET value = sequence_counters.value + 1, updated_at = excluded.updated_at
     RETURNING value`,
    [draw.counter, draw.scope, at],
  );
  return Number(rows[0].value);
}

/** Writes given numbers to the register (append-only; the primary key refuses a number given twice). */
export async function registerSequenceNumbers(
  runner: QueryRunner,
  pg: boolean,
  rows: SequenceNumberRow[],
  caseId: string,
  caseSeq: number,
  at: string,
): Promise<void> {
  const p = (n: number) => (pg ? `$${n}` : '?');
  for (const r of rows) {
    try {
      await runner.query(
        `INSERT INTO sequence_numbers (counter, number, scope, value, case_id, case_seq, allocated_at)
         VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, ${p(6)}, ${p(7)})`,
        [r.counter, r.number, r.scope, r.value, caseId, caseSeq, at],
      );
    } catch (e) {
      if (isUniqueViolation(e)) throw new SequenceNumberTakenError(r.counter, r.number);
      throw e;
    }
  }
}
