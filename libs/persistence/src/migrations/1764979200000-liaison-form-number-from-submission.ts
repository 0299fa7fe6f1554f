import { MigrationInterface, QueryRunner } from 'typeorm';

const COLUMNS = 'id, case_id, submit_seq, year, serial, number, kind, org_unit, contact_name, contact_phone, created_at, created_by';

/**
 * The work liaison form's number now comes with the submission itself: the runtime draws it from
 * the central counter `review.liaisonForm` inside the SUBMIT_FOR_LEGALITY_REVIEW transaction and
 * records it in that record's `facts.liaisonFormNumber`. A form row then holds only the contact:
 * `year`, `serial` and `number` become nullable (all three set, or none — the forms numbered
 * before keep theirs), and the counter starts after the last number the desk gave each year
 * (scope `year=YYYY`, that of the default pattern `联系单〔{year}〕第{seq}号`), so no number is
 * given twice across the change. The rows stay append-only (SQLite rebuilds the table, with its
 * indexes and triggers).
 */
export class LiaisonFormNumberFromSubmission1764979200000 implements MigrationInterface {
  name = 'LiaisonFormNumberFromSubmission1764979200000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    if (pg) {
      await q.query(`ALTER TABLE liaison_forms ALTER COLUMN year DROP NOT NULL, ALTER COLUMN serial DROP NOT NULL, ALTER COLUMN number DROP NOT NULL`);
      await q.query(`ALTER TABLE liaison_forms ADD CONSTRAINT ck_liaison_forms_number
        CHECK ((year IS NULL AND serial IS NULL AND number IS NULL) OR (year IS NOT NULL AND serial IS NOT NULL AND number IS NOT NULL))`);
    } else {
      await rebuildSqlite(q, true);
    }
    const now = new Date().toISOString();
    await q.query(
      `INSERT INTO sequence_counters (counter, scope, value, updated_at)
       SELECT 'review.liaisonForm', 'year=' || CAST(year AS varchar(10)), MAX(serial), ${pg ? '$1' : '?'}
       FROM liaison_forms WHERE year IS NOT NULL GROUP BY year
       ON CONFLICT (counter, scope) DO UPDATE SET value = ${pg ? 'GREATEST' : 'MAX'}(sequence_counters.value, excluded.value)`,
      [now],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    // refused by the database while a form without its own number exists
    if (q.connection.driver.options.type === 'postgres') {
      await q.query(`ALTER TABLE liaison_forms DROP CONSTRAINT ck_liaison_forms_number`);
      await q.query(`ALTER TABLE liaison_forms ALTER COLUMN year SET NOT NULL, ALTER COLUMN serial SET NOT NULL, ALTER COLUMN number SET NOT NULL`);
    } else {
      await rebuildSqlite(q, false);
    }
  }
}

/** SQLite cannot change a column's nullability: the table is rebuilt, with its indexes and append-only triggers. */
async function rebuildSqlite(q: QueryRunner, nullable: boolean): Promise<void> {
  const n = nullable ? '' : ' NOT NULL';
  await q.query(`DROP TRIGGER liaison_forms_no_update`);
  await q.query(`DROP TRIGGER liaison_forms_no_delete`);
  await q.query(`CREATE TABLE liaison_forms_next (
    id varchar(36) PRIMARY KEY,
    case_id varchar(36) NOT NULL,
    submit_seq integer NOT NULL,
    year integer${n},
    serial integer${n},
    number varchar(64)${n},
    kind varchar(64) NOT NULL,
    org_unit varchar(64) NOT NULL,
    contact_name varchar(100),
    contact_phone varchar(50),
    created_at varchar(32) NOT NULL,
    created_by varchar(36) NOT NULL${
      nullable
        ? `,
    CONSTRAINT ck_liaison_forms_number CHECK ((year IS NULL AND serial IS NULL AND number IS NULL) OR (year IS NOT NULL AND serial IS NOT NULL AND number IS NOT NULL))`
        : ''
    }
  )`);
  await q.query(`INSERT INTO liaison_forms_next (${COLUMNS}) SELECT ${COLUMNS} FROM liaison_forms`);
  await q.query(`DROP TABLE liaison_forms`);
  await q.query(`ALTER TABLE liaison_forms_next RENAME TO liaison_forms`);
  await q.query(`CREATE UNIQUE INDEX ux_liaison_forms_year_serial ON liaison_forms (year, serial)`);
  await q.query(`CREATE UNIQUE INDEX ux_liaison_forms_number ON liaison_forms (number)`);
  await q.query(`CREATE UNIQUE INDEX ux_liaison_forms_case_submission ON liaison_forms (case_id, submit_seq)`);
  await q.query(`CREATE TRIGGER liaison_forms_no_update BEFORE UPDATE ON liaison_forms
    BEGIN SELECT RAISE(ABORT, 'liaison_forms is append-only (UPDATE refused)'); END`);
  await q.query(`CREATE TRIGGER liaison_forms_no_delete BEFORE DELETE ON liaison_forms
    BEGIN SELECT RAISE(ABORT, 'liaison_forms is append-only (DELETE refused)'); END`);
}
