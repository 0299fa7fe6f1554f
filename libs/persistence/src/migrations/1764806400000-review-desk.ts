import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Work liaison forms of the legality-review desk (issue 5 §5): what the case history does not hold
 * about a submission (the contact). The form's number is the submission record's own fact
 * (`facts.liaisonFormNumber`, drawn by the runtime in its transaction). (case_id, submit_seq) gives
 * each submission of a case at most one form; triggers keep the rows append-only on both databases.
 */
export class ReviewDesk1764806400000 implements MigrationInterface {
  name = 'ReviewDesk1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE liaison_forms (
      id varchar(36) PRIMARY KEY,
      case_id varchar(36) NOT NULL,
      submit_seq integer NOT NULL,
      kind varchar(64) NOT NULL,
      org_unit varchar(64) NOT NULL,
      contact_name varchar(100),
      contact_phone varchar(50),
      created_at varchar(32) NOT NULL,
      created_by varchar(36) NOT NULL
    )`);
    await q.query(`CREATE UNIQUE INDEX ux_liaison_forms_case_submission ON liaison_forms (case_id, submit_seq)`);
    // a form once recorded stays with its submission: rows are written once, never changed or removed
    if (q.connection.driver.options.type === 'postgres') {
      await q.query(`CREATE FUNCTION docket_refuse_liaison_form_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'liaison_forms is append-only (% refused)', TG_OP USING ERRCODE = 'raise_exception';
        END $$`);
      await q.query(`CREATE TRIGGER liaison_forms_append_only BEFORE UPDATE OR DELETE ON liaison_forms
        FOR EACH ROW EXECUTE FUNCTION docket_refuse_liaison_form_change()`);
      await q.query(`CREATE TRIGGER liaison_forms_no_truncate BEFORE TRUNCATE ON liaison_forms
        FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_liaison_form_change()`);
    } else {
      await q.query(`CREATE TRIGGER liaison_forms_no_update BEFORE UPDATE ON liaison_forms
        BEGIN SELECT RAISE(ABORT, 'liaison_forms is append-only (UPDATE refused)'); END`);
      await q.query(`CREATE TRIGGER liaison_forms_no_delete BEFORE DELETE ON liaison_forms
        BEGIN SELECT RAISE(ABORT, 'liaison_forms is append-only (DELETE refused)'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE liaison_forms`);
    if (q.connection.driver.options.type === 'postgres') await q.query(`DROP FUNCTION docket_refuse_liaison_form_change()`);
  }
}
