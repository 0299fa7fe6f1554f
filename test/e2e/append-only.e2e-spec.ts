import { hashRecord } from '@app/engine';
import { ph } from '../factories/db-fingerprint';
import { NO_PROCEDURES, runMajorDecision } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 2 §5: history is append-only in the database (triggers refuse UPDATE and DELETE, and
 * TRUNCATE on PostgreSQL); tampering that goes around the triggers is found by
 * GET /cases/:id/verify at the exact record.
 */

/** SQLite: the migration's triggers, to put back after a bypass. */
const SQLITE_TRIGGERS = [
  `CREATE TRIGGER case_history_no_update BEFORE UPDATE ON case_history
     BEGIN SELECT RAISE(ABORT, 'case_history is append-only (UPDATE refused)'); END`,
  `CREATE TRIGGER case_history_no_delete BEFORE DELETE ON case_history
     BEGIN SELECT RAISE(ABORT, 'case_history is append-only (DELETE refused)'); END`,
];

describe.each(DRIVERS)('append-only history on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const p = (n: number) => ph(t, n);
  const historyRows = (id: string) => t.sql(`SELECT * FROM case_history WHERE case_id = ${p(1)} ORDER BY seq`, [id]);
  const allHistory = async () => JSON.stringify(await t.sql('SELECT * FROM case_history ORDER BY case_id, seq'));

  /** Runs `work` with the append-only triggers out of the way, then restores them. */
  async function bypassingTriggers(work: () => Promise<void>) {
    if (driver === 'postgres') {
      await t.sql('ALTER TABLE case_history DISABLE TRIGGER USER');
      try {
        await work();
      } finally {
        await t.sql('ALTER TABLE case_history ENABLE TRIGGER USER');
      }
    } else {
      await t.sql('DROP TRIGGER case_history_no_update');
      await t.sql('DROP TRIGGER case_history_no_delete');
      try {
        await work();
      } finally {
        for (const sql of SQLITE_TRIGGERS) await t.sql(sql);
      }
    }
  }

  /** A case with six records: CREATE_CASE … SUBMIT_FOR_LEGALITY_REVIEW, ACCEPT_FOR_REVIEW. */
  async function sixRecords(): Promise<string> {
    const { id } = await runMajorDecision(api, { before: 'opinion', procedures: NO_PROCEDURES });
    expect(await historyRows(id)).toHaveLength(5);
    await api.ok('legal-reviewer', id, 'RETURN_INCOMPLETE', { missing: ['程序说明'] });
    const verify = await api.get('auditor', `/cases/${id}/verify`);
    expect(verify.body).toMatchObject({ intact: true, events: 6 });
    return id;
  }

  describe('the database refuses changes', () => {
    let id: string;
    beforeAll(async () => {
      id = (await runMajorDecision(api, { before: 'submitReview', procedures: NO_PROCEDURES })).id;
    });

    it('UPDATE case_history is refused and changes nothing', async () => {
      const before = await allHistory();
      await expect(t.sql(`UPDATE case_history SET payload = ${p(1)} WHERE case_id = ${p(2)} AND seq = 2`, ['{}', id])).rejects.toThrow(
        /append-only/,
      );
      await expect(t.sql(`UPDATE case_history SET hash = ${p(1)}`, ['0'.repeat(64)])).rejects.toThrow(/append-only/);
      expect(await allHistory()).toBe(before);
    });

    it('DELETE FROM case_history is refused and changes nothing', async () => {
      const before = await allHistory();
      await expect(t.sql(`DELETE FROM case_history WHERE case_id = ${p(1)} AND seq = 3`, [id])).rejects.toThrow(/append-only/);
      await expect(t.sql('DELETE FROM case_history')).rejects.toThrow(/append-only/);
      expect(await allHistory()).toBe(before);
    });

    it('UPDATE … inside a transaction that also changes the case is refused as a whole', async () => {
      const before = await allHistory();
      const caseBefore = JSON.stringify(await t.sql(`SELECT * FROM cases WHERE id = ${p(1)}`, [id]));
      const ds = t.app.get<import('typeorm').DataSource>(require('@app/persistence').DATA_SOURCE);
      await expect(
        ds.transaction(async (m) => {
          await m.query(`UPDATE cases SET title = ${p(1)} WHERE id = ${p(2)}`, ['改过的标题', id]);
          await m.query(`UPDATE case_history SET type = ${p(1)} WHERE case_id = ${p(2)}`, ['WITHDRAW', id]);
        }),
      ).rejects.toThrow(/append-only/);
      expect(await allHistory()).toBe(before);
      expect(JSON.stringify(await t.sql(`SELECT * FROM cases WHERE id = ${p(1)}`, [id]))).toBe(caseBefore);
    });

    if (driver === 'postgres') {
      it('TRUNCATE case_history is refused on PostgreSQL', async () => {
        const before = await allHistory();
        await expect(t.sql('TRUNCATE case_history')).rejects.toThrow(/append-only/);
        expect(await allHistory()).toBe(before);
      });
    }

    it('the case still verifies and still accepts events (appends are allowed)', async () => {
      expect((await api.get('auditor', `/cases/${id}/verify`)).body.intact).toBe(true);
    });
  });

  describe('tampering around the triggers is found at the exact record', () => {
    it('an edited payload breaks the chain at that seq (HASH_MISMATCH)', async () => {
      const id = await sixRecords();
      const [row] = await t.sql(`SELECT payload FROM case_history WHERE case_id = ${p(1)} AND seq = 3`, [id]);
      const payload = JSON.parse(row.payload);
      payload.title = '被篡改的草案标题';
      await bypassingTriggers(async () => {
        await t.sql(`UPDATE case_history SET payload = ${p(1)} WHERE case_id = ${p(2)} AND seq = 3`, [JSON.stringify(payload), id]);
      });
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.status).toBe(200);
      expect(v.body.intact).toBe(false);
      expect(v.body.chain).toMatchObject({ ok: false, seq: 3, reason: 'HASH_MISMATCH' });
      // the triggers are back
      await expect(t.sql(`DELETE FROM case_history WHERE case_id = ${p(1)}`, [id])).rejects.toThrow(/append-only/);
    });

    it('a deleted middle record is a SEQ_GAP at that seq', async () => {
      const id = await sixRecords();
      await bypassingTriggers(async () => {
        await t.sql(`DELETE FROM case_history WHERE case_id = ${p(1)} AND seq = 4`, [id]);
      });
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.status).toBe(200);
      expect(v.body.intact).toBe(false);
      expect(v.body.chain).toMatchObject({ ok: false, seq: 4, reason: 'SEQ_GAP' });
    });

    it('a deleted last record (truncated tail) is found against the stored case', async () => {
      const id = await sixRecords();
      await bypassingTriggers(async () => {
        await t.sql(`DELETE FROM case_history WHERE case_id = ${p(1)} AND seq = 6`, [id]);
      });
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.body.intact).toBe(false);
      expect(v.body.headMatches).toBe(false);
      expect(v.body.replay).toMatchObject({ ok: false, seq: 5 });
      expect(['STORED_SNAPSHOT_MISMATCH', 'STORED_REVISION_MISMATCH']).toContain(v.body.replay.reason);
    });

    it('an edited cases.snapshot is a replay divergence (STORED_SNAPSHOT_MISMATCH) at the last seq', async () => {
      const id = await sixRecords();
      const [row] = await t.sql(`SELECT snapshot FROM cases WHERE id = ${p(1)}`, [id]);
      const snapshot = JSON.parse(row.snapshot);
      expect(snapshot.context).toBeTruthy();
      snapshot.context.title = '被篡改的标题';
      await t.sql(`UPDATE cases SET snapshot = ${p(1)} WHERE id = ${p(2)}`, [JSON.stringify(snapshot), id]);
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.status).toBe(200);
      expect(v.body.intact).toBe(false);
      expect(v.body.chain).toEqual({ ok: true });
      expect(v.body.replay).toMatchObject({ ok: false, seq: 6, reason: 'STORED_SNAPSHOT_MISMATCH' });
    });

    it('an edit re-hashed down the whole chain (chain intact) is still found by replay at that seq', async () => {
      const id = await sixRecords();
      const records = (await api.get('auditor', `/cases/${id}/history`)).body.records as Array<Record<string, any>>;
      const k = records.findIndex((r) => r.type === 'SUBMIT_DRAFT');
      expect(k).toBeGreaterThan(0);
      // rewrite history from record k on: new title in the draft, every later hash recomputed
      const forged = records.map((r) => ({ ...r }));
      forged[k].payload = { ...forged[k].payload, title: '伪造的草案' };
      for (let i = k; i < forged.length; i++) {
        if (i > k) forged[i].prevHash = forged[i - 1].hash;
        forged[i].hash = hashRecord(forged[i] as never);
      }
      await bypassingTriggers(async () => {
        for (let i = k; i < forged.length; i++) {
          await t.sql(`UPDATE case_history SET payload = ${p(1)}, prev_hash = ${p(2)}, hash = ${p(3)} WHERE case_id = ${p(4)} AND seq = ${p(5)}`, [
            JSON.stringify(forged[i].payload),
            forged[i].prevHash,
            forged[i].hash,
            id,
            forged[i].seq,
          ]);
        }
      });
      await t.sql(`UPDATE cases SET head_hash = ${p(1)} WHERE id = ${p(2)}`, [forged[forged.length - 1].hash, id]);
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.status).toBe(200);
      expect(v.body.chain).toEqual({ ok: true });
      expect(v.body.headMatches).toBe(true);
      expect(v.body.intact).toBe(false);
      expect(v.body.replay).toMatchObject({ ok: false, seq: forged[k].seq });
      expect(['STATE_HASH_MISMATCH', 'STATE_VALUE_MISMATCH', 'REFUSED']).toContain(v.body.replay.reason);
    });

    it('a record whose payload is no longer JSON is reported, not a 500', async () => {
      const id = await sixRecords();
      await bypassingTriggers(async () => {
        await t.sql(`UPDATE case_history SET payload = ${p(1)} WHERE case_id = ${p(2)} AND seq = 2`, ['{not json', id]);
      });
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.status).toBe(200);
      expect(v.body.intact).toBe(false);
      expect(v.body.chain).toMatchObject({ ok: false, seq: 2 });
    });

    it('a stored snapshot that is no longer JSON is reported, not a 500', async () => {
      const id = await sixRecords();
      await t.sql(`UPDATE cases SET snapshot = ${p(1)} WHERE id = ${p(2)}`, ['{"status": "active", ', id]);
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.status).toBe(200);
      expect(v.body.intact).toBe(false);
      expect(v.body.chain).toEqual({ ok: true });
      expect(v.body.replay).toMatchObject({ ok: false, seq: 6, reason: 'STORED_SNAPSHOT_MISMATCH' });
    });
  });
});
