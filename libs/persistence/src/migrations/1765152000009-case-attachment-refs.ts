import { MigrationInterface, QueryRunner } from 'typeorm';
import { attachmentRefsOf } from '../repositories/attachment-refs';

/**
 * Which cases' histories name which attachment (by SHA-256), written with each history record in
 * its transaction, so that an attachment's download finds the cases that may show it by key
 * instead of reading every history payload. Filled here from the history already recorded.
 */
export class CaseAttachmentRefs1765152000009 implements MigrationInterface {
  name = 'CaseAttachmentRefs1765152000009';

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === 'postgres';
    await q.query(`CREATE TABLE case_attachment_refs (
      sha256 varchar(64) NOT NULL,
      case_id varchar(36) NOT NULL,
      seq integer NOT NULL,
      PRIMARY KEY (sha256, case_id, seq)
    )`);
    const p = (i: number) => (pg ? `$${i}` : '?');
    const batch = 500;
    for (let after = { caseId: '', seq: 0 }; ; ) {
      const rows: Array<{ case_id: string; seq: number | string; payload: string }> = await q.query(
        `SELECT case_id, seq, payload FROM case_history WHERE (case_id > ${p(1)} OR (case_id = ${p(2)} AND seq > ${p(3)})) ORDER BY case_id, seq LIMIT ${batch}`,
        [after.caseId, after.caseId, after.seq],
      );
      for (const r of rows) {
        for (const sha256 of attachmentRefsOf(typeof r.payload === 'string' ? r.payload : JSON.stringify(r.payload))) {
          await q.query(`INSERT INTO case_attachment_refs (sha256, case_id, seq) VALUES (${p(1)}, ${p(2)}, ${p(3)}) ON CONFLICT DO NOTHING`, [sha256, r.case_id, Number(r.seq)]);
        }
      }
      if (rows.length < batch) break;
      const last = rows[rows.length - 1];
      after = { caseId: last.case_id, seq: Number(last.seq) };
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_attachment_refs`);
  }
}
