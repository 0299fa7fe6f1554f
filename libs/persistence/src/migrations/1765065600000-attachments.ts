import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Attachments (issue 12 §5): documents stored content-addressed by their SHA-256, which is what an
 * event records. `content` holds the bytes on PostgreSQL; on the embedded default it stays empty and
 * the file lies under DATA_DIR/attachments. `attachment_uploads` keeps who uploaded which file under
 * which name (an uploader may always fetch what it uploaded).
 */
export class Attachments1765065600000 implements MigrationInterface {
  name = 'Attachments1765065600000';

  async up(q: QueryRunner): Promise<void> {
    const bytes = q.connection.driver.options.type === 'postgres' ? 'bytea' : 'blob';
    await q.query(`CREATE TABLE attachments (
      sha256 varchar(64) PRIMARY KEY,
      size integer NOT NULL,
      media_type varchar(100) NOT NULL,
      content ${bytes},
      created_at varchar(32) NOT NULL
    )`);
    await q.query(`CREATE TABLE attachment_uploads (
      sha256 varchar(64) NOT NULL,
      uploaded_by varchar(36) NOT NULL,
      file_name varchar(255) NOT NULL,
      uploaded_at varchar(32) NOT NULL,
      PRIMARY KEY (sha256, uploaded_by)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE attachment_uploads`);
    await q.query(`DROP TABLE attachments`);
  }
}
