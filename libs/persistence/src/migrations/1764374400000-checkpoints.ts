import { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only tables of the audit evidence, each with the database refusing UPDATE and DELETE. */
const APPEND_ONLY = ['checkpoints', 'checkpoint_heads', 'signing_keys'];

/**
 * Signed checkpoints (issue 4): each checkpoint, the case heads it anchored anew with their
 * inclusion proofs, and the public keys that signed them. Like case_history these are evidence
 * (R713 Art. 33): append-only, enforced by triggers on both drivers.
 */
export class Checkpoints1764374400000 implements MigrationInterface {
  name = 'Checkpoints1764374400000';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query(`CREATE TABLE signing_keys (
      key_id varchar(32) PRIMARY KEY,
      algorithm varchar(16) NOT NULL,
      spki text NOT NULL,
      created_at varchar(32) NOT NULL
    )`);
    await q.query(`CREATE TABLE checkpoints (
      seq integer PRIMARY KEY,
      format varchar(32) NOT NULL,
      created_at varchar(32) NOT NULL,
      tree_size integer NOT NULL,
      root_hash varchar(64) NOT NULL,
      prev_checkpoint_hash varchar(64) NOT NULL,
      log_root varchar(64) NOT NULL,
      heads integer NOT NULL,
      key_id varchar(32) NOT NULL REFERENCES signing_keys(key_id),
      signature varchar(128) NOT NULL,
      hash varchar(64) NOT NULL UNIQUE
    )`);
    await q.query(`CREATE TABLE checkpoint_heads (
      checkpoint_seq integer NOT NULL REFERENCES checkpoints(seq),
      case_id varchar(36) NOT NULL,
      seq integer NOT NULL,
      hash varchar(64) NOT NULL,
      leaf_index integer NOT NULL,
      proof text NOT NULL,
      PRIMARY KEY (checkpoint_seq, case_id)
    )`);
    await q.query(`CREATE INDEX idx_checkpoint_heads_case ON checkpoint_heads (case_id, checkpoint_seq)`);

    if (pg) {
      await q.query(`CREATE FUNCTION docket_refuse_evidence_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'raise_exception';
        END $$`);
      for (const t of APPEND_ONLY) {
        await q.query(`CREATE TRIGGER ${t}_append_only BEFORE UPDATE OR DELETE ON ${t}
          FOR EACH ROW EXECUTE FUNCTION docket_refuse_evidence_change()`);
        await q.query(`CREATE TRIGGER ${t}_no_truncate BEFORE TRUNCATE ON ${t}
          FOR EACH STATEMENT EXECUTE FUNCTION docket_refuse_evidence_change()`);
      }
    } else {
      for (const t of APPEND_ONLY) {
        await q.query(`CREATE TRIGGER ${t}_no_update BEFORE UPDATE ON ${t}
          BEGIN SELECT RAISE(ABORT, '${t} is append-only (UPDATE refused)'); END`);
        await q.query(`CREATE TRIGGER ${t}_no_delete BEFORE DELETE ON ${t}
          BEGIN SELECT RAISE(ABORT, '${t} is append-only (DELETE refused)'); END`);
      }
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    if (!pg) {
      for (const t of APPEND_ONLY) {
        await q.query(`DROP TRIGGER ${t}_no_update`);
        await q.query(`DROP TRIGGER ${t}_no_delete`);
      }
    }
    await q.query(`DROP TABLE checkpoint_heads`);
    await q.query(`DROP TABLE checkpoints`);
    await q.query(`DROP TABLE signing_keys`);
    if (pg) await q.query(`DROP FUNCTION docket_refuse_evidence_change()`);
  }
}
