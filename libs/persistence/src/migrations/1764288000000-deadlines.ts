import { MigrationInterface, QueryRunner } from 'typeorm';

/** Statutory deadlines per case, and the in-app notifications they produce. */
export class Deadlines1764288000000 implements MigrationInterface {
  name = 'Deadlines1764288000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deadlines (
      id varchar(36) PRIMARY KEY,
      case_id varchar(36) NOT NULL REFERENCES cases(id),
      key varchar(64) NOT NULL,
      workflow_kind varchar(64) NOT NULL,
      workflow_version integer NOT NULL,
      label_zh varchar(200) NOT NULL,
      label_en varchar(200) NOT NULL,
      article varchar(100) NOT NULL,
      type varchar(16) NOT NULL,
      unit varchar(16) NOT NULL,
      length integer NOT NULL,
      starts_on varchar(10) NOT NULL,
      due_date varchar(10),
      status varchar(20) NOT NULL,
      responsible varchar(300) NOT NULL,
      supervisor varchar(300) NOT NULL,
      reminders varchar(100) NOT NULL,
      escalate boolean NOT NULL,
      org_units varchar(1000) NOT NULL,
      opened_at varchar(32) NOT NULL,
      opened_seq integer NOT NULL,
      closed_at varchar(32),
      closed_seq integer
    )`);
    await q.query(`CREATE INDEX idx_deadlines_case ON deadlines (case_id)`);
    await q.query(`CREATE INDEX idx_deadlines_status_due ON deadlines (status, due_date)`);
    await q.query(`CREATE TABLE notifications (
      id varchar(36) PRIMARY KEY,
      dedupe_key varchar(300) NOT NULL UNIQUE,
      user_id varchar(36) NOT NULL REFERENCES users(id),
      case_id varchar(36),
      deadline_id varchar(36),
      kind varchar(32) NOT NULL,
      title_zh varchar(300) NOT NULL,
      title_en varchar(300) NOT NULL,
      body_zh text NOT NULL,
      body_en text NOT NULL,
      created_at varchar(32) NOT NULL,
      read_at varchar(32)
    )`);
    await q.query(`CREATE INDEX idx_notifications_user ON notifications (user_id, read_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE deadlines`);
  }
}
