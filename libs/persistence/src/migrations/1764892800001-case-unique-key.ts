import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A key no two cases may share, when their workflow declares one (e.g. one decision catalog per
 * year): a unique index decides between API processes racing to create the same case.
 */
export class CaseUniqueKey1764892800001 implements MigrationInterface {
  name = 'CaseUniqueKey1764892800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN unique_key varchar(200)`);
    await q.query(`CREATE UNIQUE INDEX ux_cases_unique_key ON cases (unique_key)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX ux_cases_unique_key`);
    await q.query(`ALTER TABLE cases DROP COLUMN unique_key`);
  }
}
