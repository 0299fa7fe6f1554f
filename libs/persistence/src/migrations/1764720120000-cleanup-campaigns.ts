import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cleanup campaigns (清理, 浙江省人民政府令第372号: every two years): the campaign and, for every
 * normative document in force when it ran, whether its cleanup review was opened (OPEN_CLEANUP_REVIEW
 * through the runtime, history seq) or refused (code).
 */
export class CleanupCampaigns1764720120000 implements MigrationInterface {
  name = 'CleanupCampaigns1764720120000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE cleanup_campaigns (
      id varchar(36) PRIMARY KEY,
      name varchar(200) NOT NULL UNIQUE,
      kind varchar(16) NOT NULL,
      basis varchar(2000),
      started_at varchar(32) NOT NULL,
      started_on varchar(10) NOT NULL,
      started_by varchar(36) NOT NULL,
      started_role varchar(32) NOT NULL,
      finished_at varchar(32)
    )`);
    await q.query(`CREATE TABLE cleanup_campaign_cases (
      campaign_id varchar(36) NOT NULL REFERENCES cleanup_campaigns(id),
      case_id varchar(36) NOT NULL REFERENCES cases(id),
      outcome varchar(16) NOT NULL,
      code varchar(64),
      seq integer,
      at varchar(32) NOT NULL,
      PRIMARY KEY (campaign_id, case_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cleanup_campaign_cases`);
    await q.query(`DROP TABLE cleanup_campaigns`);
  }
}
