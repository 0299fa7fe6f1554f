import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-account lockout (issue 9 §4): consecutive wrong passwords are counted on the user row, so the
 * count holds across client addresses, restarts and processes; a locked account names the instant
 * it opens again.
 */
export class LoginLockout1764979200000 implements MigrationInterface {
  name = 'LoginLockout1764979200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE users ADD COLUMN locked_until varchar(32)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN locked_until`);
    await q.query(`ALTER TABLE users DROP COLUMN failed_login_count`);
  }
}
