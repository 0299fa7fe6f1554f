import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions (issue 9 §5): each token carries the user's token version (`ver`); logging out, or an
 * administrator disabling the user, raises it, and every token issued before stops working at once.
 */
export class TokenVersion1764979200001 implements MigrationInterface {
  name = 'TokenVersion1764979200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN token_version`);
  }
}
