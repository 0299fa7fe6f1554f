import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The legal professional qualification (法律职业资格, APL Art. 58 ¶2) and the day a user began legal
 * review work, as an administrator records them: the runtime gives them to the machines as the
 * acting user's profile (fact kind `actor`), so a guard checks the record, not a self-declaration.
 */
export class UserQualifications1764720000000 implements MigrationInterface {
  name = 'UserQualifications1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN legal_qualification_cert_no varchar(64)`);
    await q.query(`ALTER TABLE users ADD COLUMN legal_qualification_obtained_on varchar(10)`);
    await q.query(`ALTER TABLE users ADD COLUMN legal_review_since varchar(10)`);
    await q.query(`ALTER TABLE users ADD COLUMN qualifications_updated_at varchar(32)`);
    await q.query(`ALTER TABLE users ADD COLUMN qualifications_updated_by varchar(36)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of [
      'qualifications_updated_by',
      'qualifications_updated_at',
      'legal_review_since',
      'legal_qualification_obtained_on',
      'legal_qualification_cert_no',
    ]) {
      await q.query(`ALTER TABLE users DROP COLUMN ${c}`);
    }
  }
}
