import { DataSource } from 'typeorm';
import { attachmentRefsOf } from '../repositories/attachment-refs';
import { MIGRATIONS } from './index';
import { CaseAttachmentRefs1765152000009 } from './1765152000009-case-attachment-refs';

const A = 'a'.repeat(64);
const B = '0123456789abcdef'.repeat(4);

describe('attachment references of a history payload', () => {
  it('names each 64-hex string of the payload once, and nothing else', () => {
    expect(attachmentRefsOf(JSON.stringify({ draftHash: A, again: A, list: [{ sha256: B }], short: 'abc', upper: A.toUpperCase(), longer: `${A}0` }))).toEqual([A, B]);
    expect(attachmentRefsOf('{}')).toEqual([]);
  });
});

describe('migration CaseAttachmentRefs1765152000009', () => {
  let ds: DataSource;
  const before = MIGRATIONS.slice(0, MIGRATIONS.indexOf(CaseAttachmentRefs1765152000009));

  beforeAll(async () => {
    ds = new DataSource({ type: 'better-sqlite3', database: ':memory:', migrations: before, migrationsRun: false, synchronize: false });
    await ds.initialize();
    await ds.runMigrations();
    await ds.query('PRAGMA foreign_keys = OFF');
  });
  afterAll(() => ds.destroy());

  it('fills the references from the history already recorded, across batches', async () => {
    const row = (caseId: string, seq: number, payload: unknown) =>
      ds.query(
        `INSERT INTO case_history (case_id, seq, type, payload, actor_user_id, actor_role, actor_org_unit, at, facts, workflow_kind, workflow_version, state_after, state_hash, prev_hash, hash)
         VALUES (?, ?, 'E', ?, 'u', 'r', 'o', '2020-01-01T00:00:00Z', '{}', 'k', 1, '{}', 'x', 'x', 'x')`,
        [caseId, seq, JSON.stringify(payload)],
      );
    // more rows than one batch, the hashes in the first and the last
    await row('case-1', 1, { draftHash: A });
    for (let seq = 2; seq <= 1200; seq++) await row('case-1', seq, { n: seq });
    await row('case-2', 1, { opinion: { sha256: B }, draft: A });
    await new CaseAttachmentRefs1765152000009().up(ds.createQueryRunner());
    const refs = await ds.query(`SELECT sha256, case_id, seq FROM case_attachment_refs ORDER BY case_id, seq, sha256`);
    expect(refs).toEqual([
      { sha256: A, case_id: 'case-1', seq: 1 },
      { sha256: B, case_id: 'case-2', seq: 1 },
      { sha256: A, case_id: 'case-2', seq: 1 },
    ].sort((x, y) => (x.case_id + x.seq + x.sha256).localeCompare(y.case_id + y.seq + y.sha256)));
  });
});
