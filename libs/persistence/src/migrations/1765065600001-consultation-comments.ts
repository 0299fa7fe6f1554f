import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The comment docket of a consultation (公开征求意见, R713 Arts. 14–15; normative documents OBE
 * Art. 62): every comment received for a case's comment period, from the public portal or entered
 * by staff from letters, calls, 座谈会 and hearings. The period itself is the case's history (the
 * notice, extensions and close); a row holds only what the history does not: the comment.
 * `query_code_hash` is the SHA-256 of the receipt's 查询码 (the code itself is never stored);
 * `address_hash` the keyed hash of the submitting address (anti-abuse, never the address);
 * `challenge_nonce` the nonce of the solved portal challenge (unique: one comment per challenge).
 * Moderation hides (hidden_reason), never deletes; duplicates are grouped (group_id) and a group is
 * answered once; the current moderation and disposition are columns, and every change of them is
 * an append-only row of consultation_actions with its actor and time.
 */
export class ConsultationComments1765065600001 implements MigrationInterface {
  name = 'ConsultationComments1765065600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE consultation_comments (
      id varchar(36) PRIMARY KEY,
      case_id varchar(36) NOT NULL REFERENCES cases(id),
      round integer NOT NULL,
      tracking_number varchar(32) NOT NULL UNIQUE,
      query_code_hash varchar(64),
      source varchar(16) NOT NULL,
      submitter_type varchar(32) NOT NULL,
      display_name varchar(50),
      contact varchar(100),
      clause integer,
      text text NOT NULL,
      confidential integer NOT NULL,
      late integer NOT NULL,
      received_at varchar(32) NOT NULL,
      received_on varchar(10) NOT NULL,
      entered_by varchar(36),
      entered_role varchar(32),
      address_hash varchar(64),
      challenge_nonce varchar(32) UNIQUE,
      hidden_reason varchar(32),
      group_id varchar(36),
      disposition varchar(32),
      disposition_reason text,
      clause_changed varchar(200)
    )`);
    await q.query(`CREATE INDEX consultation_comments_case ON consultation_comments (case_id, round, received_at)`);
    await q.query(`CREATE TABLE consultation_comment_groups (
      id varchar(36) PRIMARY KEY,
      case_id varchar(36) NOT NULL REFERENCES cases(id),
      round integer NOT NULL,
      title varchar(200) NOT NULL,
      disposition varchar(32),
      disposition_reason text,
      clause_changed varchar(200),
      created_at varchar(32) NOT NULL
    )`);
    // every staff action on a docket (moderation, grouping, disposition), written once, never updated
    await q.query(`CREATE TABLE consultation_actions (
      id varchar(36) PRIMARY KEY,
      case_id varchar(36) NOT NULL REFERENCES cases(id),
      comment_id varchar(36),
      group_id varchar(36),
      action varchar(32) NOT NULL,
      detail text NOT NULL,
      actor_id varchar(36) NOT NULL,
      actor_role varchar(32) NOT NULL,
      at varchar(32) NOT NULL
    )`);
    await q.query(`CREATE INDEX consultation_actions_case ON consultation_actions (case_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE consultation_actions`);
    await q.query(`DROP TABLE consultation_comment_groups`);
    await q.query(`DROP TABLE consultation_comments`);
  }
}
