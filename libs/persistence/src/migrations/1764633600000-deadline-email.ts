import { MigrationInterface, QueryRunner } from 'typeorm';

/** Reminder e-mails (issue 3 §6): users get an address, and the e-mail outbox, one row per reminder per recipient. */
export class DeadlineEmail1764633600000 implements MigrationInterface {
  name = 'DeadlineEmail1764633600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email varchar(254)`);
    await q.query(`CREATE TABLE email_deliveries (
      id varchar(160) PRIMARY KEY,
      user_id varchar(36) NOT NULL,
      to_address varchar(254) NOT NULL,
      subject varchar(500) NOT NULL,
      body_text text NOT NULL,
      status varchar(16) NOT NULL,
      attempts integer NOT NULL,
      last_error text,
      created_at varchar(32) NOT NULL,
      last_attempt_at varchar(32),
      sent_at varchar(32)
    )`);
    await q.query(`CREATE INDEX idx_email_deliveries_status ON email_deliveries (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE email_deliveries`);
    await q.query(`ALTER TABLE users DROP COLUMN email`);
  }
}
