import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cases, append-only history, users, org units, security log.
 * Written per driver so that the append-only triggers are native to each database.
 */
export class Init1764201600000 implements MigrationInterface {
  name = 'Init1764201600000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    const bool = pg ? 'boolean' : 'boolean';
    const falseLit = pg ? 'false' : '0';
    const trueLit = pg ? 'true' : '1';
    const serial = pg ? 'SERIAL PRIMARY KEY' : 'INTEGER PRIMARY KEY AUTOINCREMENT';

    await q.query(`CREATE TABLE org_units (
      id varchar(64) PRIMARY KEY,
      name_zh varchar(200) NOT NULL,
      name_en varchar(200) NOT NULL
    )`);
    await q.query(`CREATE TABLE users (
      id varchar(36) PRIMARY KEY,
      username varchar(64) NOT NULL UNIQUE,
      display_name varchar(200) NOT NULL,
      password_hash varchar(300) NOT NULL,
      org_unit varchar(64) NOT NULL REFERENCES org_units(id),
      roles varchar(500) NOT NULL,
      active ${bool} NOT NULL DEFAULT ${trueLit},
      created_at varchar(32) NOT NULL
    )`);
    await q.query(`CREATE TABLE cases (
      id varchar(36) PRIMARY KEY,
      kind varchar(64) NOT NULL,
      workflow_version integer NOT NULL,
      title varchar(500) NOT NULL,
      org_unit varchar(64) NOT NULL,
      org_units varchar(1000) NOT NULL,
      state_path varchar(200) NOT NULL,
      state_value text NOT NULL,
      status varchar(16) NOT NULL,
      snapshot text NOT NULL,
      revision integer NOT NULL,
      head_hash varchar(64) NOT NULL,
      visible_to_reviewers ${bool} NOT NULL DEFAULT ${falseLit},
      created_by varchar(36) NOT NULL,
      created_at varchar(32) NOT NULL,
      updated_at varchar(32) NOT NULL
    )`);
    await q.query(`CREATE INDEX idx_cases_kind ON cases (kind)`);
    await q.query(`CREATE INDEX idx_cases_org_unit ON cases (org_unit)`);
    await q.query(`CREATE INDEX idx_cases_state_path ON cases (state_path)`);
    await q.query(`CREATE TABLE case_history (
      case_id varchar(36) NOT NULL REFERENCES cases(id),
      seq integer NOT NULL,
      type varchar(64) NOT NULL,
      payload text NOT NULL,
      actor_user_id varchar(36) NOT NULL,
      actor_role varchar(32) NOT NULL,
      actor_org_unit varchar(64) NOT NULL,
      at varchar(32) NOT NULL,
      facts text NOT NULL,
      workflow_kind varchar(64) NOT NULL,
      workflow_version integer NOT NULL,
      state_after text NOT NULL,
      state_hash varchar(64) NOT NULL,
      prev_hash varchar(64) NOT NULL,
      hash varchar(64) NOT NULL,
      PRIMARY KEY (case_id, seq)
    )`);
    await q.query(`CREATE TABLE security_log (
      id ${serial},
      at varchar(32) NOT NULL,
      user_id varchar(36),
      username varchar(64),
      ip varchar(64),
      method varchar(10) NOT NULL,
      path varchar(500) NOT NULL,
      status integer NOT NULL,
      code varchar(64) NOT NULL,
      case_id varchar(36),
      detail text NOT NULL
    )`);

    // History is evidence (R713 Art. 33, 38): the database itself refuses to change it.
    if (pg) {
      await q.query(`CREATE FUNCTION docket_refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION 'case_history is append-only (% refused)', TG_OP USING ERRCODE = 'raise_exception';
        END $$`);
      await q.query(`CREATE TRIGGER case_history_append_only BEFORE UPDATE OR DELETE ON case_history
        FOR EACH ROW EXECUTE FUNCTION docket_refuse_history_change()`);
      await q.query(`CREATE TRIGGER case_history_no_truncate BEFORE TRUNCATE ON case_history
        FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_history_change()`);
    } else {
      await q.query(`CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history
        BEGIN SELECT RAISE(ABORT, 'case_history is append-only (UPDATE refused)'); END`);
      await q.query(`CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
        BEGIN SELECT RAISE(ABORT, 'case_history is append-only (DELETE refused)'); END`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query(`DROP TABLE security_log`);
    if (pg) {
      await q.query(`DROP TABLE case_history`);
      await q.query(`DROP FUNCTION docket_refuse_history_change()`);
    } else {
      await q.query(`DROP TRIGGER case_history_no_update`);
      await q.query(`DROP TRIGGER case_history_no_delete`);
      await q.query(`DROP TABLE case_history`);
    }
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE org_units`);
  }
}
