import { MigrationInterface, QueryRunner } from 'typeorm';

/** The webhook outbox: one row per deadline delivery to be POSTed to WEBHOOK_URL. */
export class WebhookDeliveries1764460800000 implements MigrationInterface {
  name = 'WebhookDeliveries1764460800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_deliveries (
      id varchar(160) PRIMARY KEY,
      event varchar(64) NOT NULL,
      body text NOT NULL,
      status varchar(16) NOT NULL,
      attempts integer NOT NULL,
      last_error text,
      created_at varchar(32) NOT NULL,
      last_attempt_at varchar(32),
      sent_at varchar(32)
    )`);
    await q.query(`CREATE INDEX idx_webhook_deliveries_status ON webhook_deliveries (status, created_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
  }
}
