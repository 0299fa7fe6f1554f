import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Central counters (e.g. the unified number 统一编号 of normative documents, SPEC §4.2 row 6) and
 * the register of the numbers they gave. A number is drawn in the transaction of the event that
 * uses it: it commits with the event or not at all, so numbers are never skipped; the register's
 * primary key makes a number impossible to give twice, and the database refuses to change or
 * delete a registered number.
 */
export class SequenceCounters1764720060000 implements MigrationInterface {
  name = 'SequenceCounters1764720060000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query(`CREATE TABLE sequence_counters (
      counter varchar(100) NOT NULL,
      scope varchar(300) NOT NULL,
      value integer NOT NULL,
      updated_at varchar(32) NOT NULL,
      PRIMARY KEY (counter, scope)
    )`);
    await q.query(`CREATE TABLE sequence_numbers (
      counter varchar(100) NOT NULL,
      number varchar(300) NOT NULL,
      scope varchar(300) NOT NULL,
      value integer NOT NULL,
      case_id varchar(36) NOT NULL REFERENCES cases(id),
      case_seq integer NOT NULL,
      allocated_at varchar(32) NOT NULL,
      PRIMARY KEY (counter, number)
    )`);
    await q.query(`CREATE UNIQUE INDEX idx_sequence_numbers_value ON sequence_numbers (counter, scope, value)`);
    await q.query(`CREATE INDEX idx_sequence_numbers_case ON sequence_numbers (case_id)`);
    if (pg) {
      await q.query(`CREATE FUNCTION docket_refuse_number_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'sequence_numbers is append-only (% refused)', TG_OP USING ERRCODE = 'raise_exception';
        END $$`);
      await q.query(`CREATE TRIGGER sequence_numbers_append_only BEFORE UPDATE OR DELETE ON sequence_numbers
        FOR EACH ROW EXECUTE FUNCTION docket_refuse_number_change()`);
      await q.query(`CREATE TRIGGER sequence_numbers_no_truncate BEFORE TRUNCATE ON sequence_numbers
        FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_number_change()`);
    } else {
      await q.query(`CREATE TRIGGER sequence_numbers_no_update BEFORE UPDATE ON sequence_numbers
        BEGIN SELECT RAISE(ABORT, 'sequence_numbers is append-only (UPDATE refused)'); END`);
      await q.query(`CREATE TRIGGER sequence_numbers_no_delete BEFORE DELETE ON sequence_numbers
        BEGIN SELECT RAISE(ABORT, 'sequence_numbers is append-only (DELETE refused)'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    if (pg) {
      await q.query(`DROP TABLE sequence_numbers`);
      await q.query(`DROP FUNCTION docket_refuse_number_change()`);
    } else {
      await q.query(`DROP TRIGGER sequence_numbers_no_update`);
      await q.query(`DROP TRIGGER sequence_numbers_no_delete`);
      await q.query(`DROP TABLE sequence_numbers`);
    }
    await q.query(`DROP TABLE sequence_counters`);
  }
}
