import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A town's administration (issue 11): a user may have to change the password at the next login
 * (an administrator's reset, demo users outside demo mode); an org unit can be deactivated and
 * keeps the names it had before a rename.
 */
export class Administration1765065600002 implements MigrationInterface {
  name = 'Administration1765065600002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE users ADD COLUMN password_changed_at varchar(32)`);
    await q.query(`ALTER TABLE org_units ADD COLUMN active boolean NOT NULL DEFAULT true`);
    await q.query(`ALTER TABLE org_units ADD COLUMN deactivated_at varchar(32)`);
    await q.query(`ALTER TABLE org_units ADD COLUMN former_names text NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE org_units DROP COLUMN former_names`);
    await q.query(`ALTER TABLE org_units DROP COLUMN deactivated_at`);
    await q.query(`ALTER TABLE org_units DROP COLUMN active`);
    await q.query(`ALTER TABLE users DROP COLUMN password_changed_at`);
    await q.query(`ALTER TABLE users DROP COLUMN must_change_password`);
  }
}
