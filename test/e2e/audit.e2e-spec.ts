import { generateSigningKey, HeadInclusion, verifyHeadInclusion, verifyLogProof } from '@app/audit';
import { HistoryRecord } from '@app/engine';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import { CheckpointIntervalScheduler } from '../../apps/api/src/audit/checkpoint-interval.scheduler';
import { run } from '../../apps/cli/src/main';
import { verifyBundleFile } from '../../apps/cli/src/verify-bundle.command';
import { ph } from '../factories/db-fingerprint';
import { bypassingTriggers, insertRow, overwriteRow, pointCaseAt, reforge, registry } from '../factories/history-forgery';
import { ALL_PROCEDURES, createMajorDecision, majorDecisionSteps, NO_PROCEDURES, runMajorDecision, runStep } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { TEST_DATABASE_URL } from '../setup/test-env';

/**
 * Issue 4: auditors read and replay any case, signed checkpoints anchor every case head, the
 * dossier verifies offline, and tampering done in the database around the triggers is caught at
 * the right seq by GET /cases/:id/verify and by the offline verifier on the exported bundle —
 * the re-forged swap and the re-forged tail (chain and replay pass) only through a checkpoint.
 */
describe.each(DRIVERS)('auditors on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-dossiers-'));
  /** cases tampered below, with what the verifiers must say */
  const tampered: Array<{ id: string; seq: number; reason: string }> = [];

  beforeAll(async () => {
    // the embedded default generates its key into DATA_DIR; with DATABASE_URL the key is configuration
    t = await startTestApp(driver, driver === 'postgres' ? { DOCKET_SIGNING_KEY: generateSigningKey().base64 } : {});
    api = new ApiClient(t);
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const p = (n: number) => ph(t, n);
  const checkpoint = async () => {
    const res = await api.post('admin', '/checkpoints');
    expect(res.status).toBe(201);
    return res.body;
  };
  const records = async (id: string): Promise<HistoryRecord[]> => (await api.get('auditor', `/cases/${id}/history`)).body.records;
  /** Exports the dossier to a file and verifies it there, with no database. */
  const offline = async (id: string) => {
    const res = await api.get('auditor', `/cases/${id}/dossier`);
    expect(res.status).toBe(200);
    const file = path.join(dir, `${id}.json`);
    fs.writeFileSync(file, JSON.stringify(res.body));
    return verifyBundleFile(registry, file);
  };

  async function expectCaught(id: string, seq: number, reason: string, onlyThroughCheckpoint = false) {
    const v = (await api.get('auditor', `/cases/${id}/verify`)).body;
    expect(v.intact).toBe(false);
    expect(v.verdict).toMatchObject({ status: 'FAIL', seq, reason });
    if (onlyThroughCheckpoint) {
      expect(v.chain).toEqual({ ok: true });
      expect(v.replay.ok).toBe(true);
      expect(v.headMatches).toBe(true);
      expect(v.checkpoint.status).toBe('FAIL');
    }
    expect(await offline(id)).toMatchObject({ status: 'FAIL', seq, reason });
    tampered.push({ id, seq, reason });
  }

  describe('an archived decision, read by an auditor', () => {
    let id: string;
    /** GET /cases/:id after each event, with the record it produced */
    const live: Array<{ at: string; seq: number; body: any }> = [];

    beforeAll(async () => {
      id = await createMajorDecision(api);
      live.push({ at: '', seq: 1, body: (await api.get('auditor', `/cases/${id}`)).body });
      for (const step of majorDecisionSteps(ALL_PROCEDURES)) {
        const res = await runStep(api, id, step);
        live.push({ at: res.event.at, seq: res.event.seq, body: (await api.get('auditor', `/cases/${id}`)).body });
      }
      live[0].at = (await records(id))[0].at;
      await checkpoint();
    });

    it('history: per event who, when, from → to with labels, and the record fields changed old → new', async () => {
      const res = await api.get('auditor', `/cases/${id}/audit/history`);
      expect(res.status).toBe(200);
      const events = res.body.events;
      expect(events).toHaveLength(live.length);
      expect(res.body.replayDivergedAt).toBeNull();
      expect(events[0]).toMatchObject({ seq: 1, type: 'CREATE_CASE', from: null, actor: { username: 'dept-head', role: 'department-head' } });
      const start = events[1];
      expect(start).toMatchObject({
        type: 'DECIDE_TO_START',
        label: { zh: expect.any(String) },
        actor: { username: 'town-head', roleLabel: { zh: '行政首长' } },
        from: { path: 'initiation', label: { zh: '决策启动（待决定是否启动）' } },
        to: { path: 'drafting', label: { zh: '拟订决策草案' }, stageLabel: { zh: '拟订决策草案' } },
      });
      expect(start.changes).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/start', op: 'changed', old: null })]));
      const meeting = events.find((e: any) => e.type === 'RECORD_MEETING');
      const minutes = meeting.changes.find((c: any) => c.path.startsWith('/meetings/0/minutes'));
      expect(JSON.stringify(minutes.new)).toContain('资金压力较大，建议暂缓一年');
      expect(events[events.length - 1].to).toMatchObject({ path: 'archived' });
    });

    it('the case as it stood at any time T is the live state at T', async () => {
      let compared = 0;
      for (let i = 0; i < live.length; i++) {
        const next = live[i + 1];
        if (next && next.at === live[i].at) continue; // two events in one millisecond: T cannot separate them
        compared++;
        const res = await api.get('auditor', `/cases/${id}/state?at=${encodeURIComponent(live[i].at)}`);
        expect(res.status).toBe(200);
        expect(res.body.revision).toBe(live[i].body.revision);
        expect(res.body.state.value).toEqual(live[i].body.state.value);
        expect(res.body.state.label).toEqual(live[i].body.state.label);
        expect(res.body.records).toEqual(live[i].body.records);
      }
      expect(compared).toBeGreaterThan(live.length / 2);
      // between two events, and before the case existed
      const mid = new Date(Date.parse(live[3].at) + 1).toISOString();
      if (mid < live[4].at) expect((await api.get('auditor', `/cases/${id}/state?at=${mid}`)).body.revision).toBe(live[3].body.revision);
      const before = await api.get('auditor', `/cases/${id}/state?at=2000-01-01T00:00:00Z`);
      expect(before.status).toBe(404);
      expect(before.body.code).toBe('CASE_NOT_YET_CREATED');
      expect((await api.get('auditor', `/cases/${id}/state?at=yesterday`)).status).toBe(400);
      expect((await api.get('auditor', `/cases/${id}/state?at=2020-10-20T12:00:00`)).status).toBe(400);
    });

    it('replay: every step verified, and the verdict', async () => {
      const res = await api.get('auditor', `/cases/${id}/audit/replay`);
      expect(res.status).toBe(200);
      expect(res.body.steps).toHaveLength(live.length);
      for (const s of res.body.steps) expect(s).toMatchObject({ ok: true, checks: { seq: true, prevHash: true, hash: true, replay: true } });
      expect(res.body.verdict).toMatchObject({ status: 'PASS', findings: [] });
    });

    it('the dossier: every stage’s record, dissent verbatim, history, checkpoint proof, verdict — and it verifies offline', async () => {
      const res = await api.get('auditor', `/cases/${id}/dossier`);
      expect(res.status).toBe(200);
      const b = res.body;
      expect(b).toMatchObject({ format: 'docket-dossier/1', case: { id, statePath: 'archived' }, verdict: { status: 'PASS' } });
      const stages = Object.fromEntries(b.stages.map((s: any) => [s.stage, s.records.map((r: any) => r.key)]));
      expect(stages).toMatchObject({
        initiation: expect.arrayContaining(['proposal', 'start']),
        drafting: ['drafts'],
        publicParticipation: ['participation'],
        expertReview: ['expertOpinions', 'expertSummaries'],
        riskAssessment: ['riskReports'],
        legalityReview: ['legalityReview'],
        collectiveDecision: ['meetings'],
        partyCommitteeReport: ['partyCommitteeReports'],
        publication: ['publications'],
        implementation: ['implementationReports'],
        archiving: ['closing', 'archive'],
      });
      expect(b.history).toHaveLength(live.length);
      expect(b.checkpoints.latest.inclusion.head).toMatchObject({ caseId: id, seq: live.length });
      expect(verifyHeadInclusion(b.checkpoints.latest.inclusion, b.checkpoints.latest.checkpoint)).toBe(true);

      // offline: the CLI on a file in a temporary directory, with no database configured
      const file = path.join(dir, 'archived.json');
      fs.writeFileSync(file, JSON.stringify(b));
      const out: string[] = [];
      const code = await run(['verify', file], {}, { write: (s) => out.push(s), progress: () => undefined });
      expect(out.join('\n')).toMatch(/^PASS /m);
      expect(code).toBe(0);
      // pinned to the published key, and refused under another one
      const keyFile = path.join(dir, 'docket.pub');
      fs.writeFileSync(keyFile, b.checkpoints.keys[0].spki);
      expect(await run(['verify', file, '--key', keyFile], {}, { write: () => undefined, progress: () => undefined })).toBe(0);
      const otherKey = path.join(dir, 'other.pub');
      fs.writeFileSync(otherKey, generateSigningKey().publicKey.spki);
      const refused: string[] = [];
      expect(await run(['verify', file, '--key', otherKey], {}, { write: (s) => refused.push(s), progress: () => undefined })).toBe(1);
      expect(refused.join('\n')).toMatch(/checkpoint invalid/);

      const html = await api.get('auditor', `/cases/${id}/dossier.html`);
      expect(html.status).toBe(200);
      expect(html.headers['content-type']).toMatch(/text\/html/);
      expect(html.text).toContain('决策档案');
      expect(html.text).toContain('资金压力较大，建议暂缓一年');
      expect(html.text).toContain('通过');
    });

    it('is for auditors only', async () => {
      for (const url of [`/cases/${id}/audit/history`, `/cases/${id}/dossier`, `/cases/${id}/state?at=2021-01-01T00:00:00Z`, `/cases/${id}/inclusion-proof`]) {
        expect((await api.get('dept-head', url)).status).toBe(403);
        expect((await api.get('admin', url)).status).toBe(403);
        expect((await request(api.server).get(`/api/v1${url}`)).status).toBe(401);
      }
      expect((await api.get('auditor', `/cases/00000000-0000-4000-8000-000000000000/dossier`)).status).toBe(404);
    });
  });

  describe('checkpoints', () => {
    it('are made on demand by admins, published without login, chained, and prove each case head', async () => {
      expect((await api.post('auditor', '/checkpoints')).status).toBe(403);
      const { id } = await runMajorDecision(api, { before: 'accept', procedures: NO_PROCEDURES });
      const first = await checkpoint();
      await api.ok('legal-reviewer', id, 'ACCEPT_FOR_REVIEW', {});
      const second = await checkpoint();
      expect(second.checkpoint.seq).toBe(first.checkpoint.seq + 1);
      expect(second.checkpoint.prevCheckpointHash).toBe(first.hash);
      expect(second.anchored).toBeGreaterThanOrEqual(1);

      const list = await request(api.server).get('/api/v1/checkpoints');
      expect(list.status).toBe(200);
      expect(list.body.items[0]).toMatchObject({ seq: second.checkpoint.seq, rootHash: second.checkpoint.rootHash, signature: expect.any(String) });
      expect(list.body.keys[0]).toMatchObject({ keyId: second.checkpoint.keyId, algorithm: 'Ed25519' });
      expect((await request(api.server).get(`/api/v1/checkpoints/${first.checkpoint.seq}`)).body).toMatchObject({ hash: first.hash });
      expect((await request(api.server).get('/api/v1/checkpoints/9999')).status).toBe(404);

      const proof = await api.get('auditor', `/cases/${id}/inclusion-proof`);
      expect(proof.body).toMatchObject({ verified: true, inclusion: { head: { caseId: id, seq: 5 } } });
      const older = await api.get('auditor', `/cases/${id}/inclusion-proof?checkpoint=${first.checkpoint.seq}`);
      expect(older.body).toMatchObject({ verified: true, inclusion: { head: { caseId: id, seq: 4 } } });
      expect(verifyHeadInclusion(older.body.inclusion as HeadInclusion, older.body.checkpoint)).toBe(true);

      const consistency = await request(api.server).get(`/api/v1/checkpoints/${second.checkpoint.seq}/consistency?from=${first.checkpoint.seq}`);
      expect(consistency.status).toBe(200);
      expect(verifyLogProof(consistency.body.proof, first.checkpoint, second.checkpoint)).toBe(true);

      // nothing changed since: a periodic checkpoint would be skipped, an explicit one is still made
      expect((await checkpoint()).anchored).toBe(0);
    });

    it('periodically (without Redis): skipped while no case moved, made when one did', async () => {
      const scheduler = t.app.get(CheckpointIntervalScheduler);
      const total = async () => (await request(api.server).get('/api/v1/checkpoints')).body.total as number;
      const before = await total();
      await scheduler.tick();
      expect(await total()).toBe(before);
      await createMajorDecision(api, '定期检查点测试');
      await scheduler.tick();
      expect(await total()).toBe(before + 1);
    });

    it('are append-only in the database', async () => {
      await expect(t.sql(`UPDATE checkpoints SET root_hash = ${p(1)}`, ['0'.repeat(64)])).rejects.toThrow(/append-only/);
      await expect(t.sql('DELETE FROM checkpoint_heads')).rejects.toThrow(/append-only/);
      await expect(t.sql('DELETE FROM signing_keys')).rejects.toThrow(/append-only/);
    });
  });

  describe('tampering around the triggers is caught at the right seq, by /verify and offline', () => {
    /** A case with six records (… SUBMIT_FOR_LEGALITY_REVIEW, ACCEPT_FOR_REVIEW, RETURN_INCOMPLETE), anchored. */
    async function sixRecords(): Promise<string> {
      const { id } = await runMajorDecision(api, { before: 'opinion', procedures: NO_PROCEDURES });
      await api.ok('legal-reviewer', id, 'RETURN_INCOMPLETE', { missing: ['程序说明'] });
      await checkpoint();
      const v = (await api.get('auditor', `/cases/${id}/verify`)).body;
      expect(v).toMatchObject({ intact: true, events: 6, verdict: { status: 'PASS' }, checkpoint: { status: 'PASS', anchoredSeq: 6 } });
      return id;
    }

    it('a payload edited: edited at its seq', async () => {
      const id = await sixRecords();
      const r = (await records(id))[2];
      await bypassingTriggers(t, () => overwriteRow(t, { ...r, payload: { ...(r.payload as object), title: '被篡改的草案标题' } }));
      await expectCaught(id, 3, 'edited');
    });

    it('an event deleted in the middle: deleted at its seq', async () => {
      const id = await sixRecords();
      await bypassingTriggers(t, () => t.sql(`DELETE FROM case_history WHERE case_id = ${p(1)} AND seq = 4`, [id]).then(() => undefined));
      await expectCaught(id, 4, 'deleted');
    });

    it('the last event deleted: truncated — and still caught when the case row is rolled back too', async () => {
      const id = await sixRecords();
      await bypassingTriggers(t, () => t.sql(`DELETE FROM case_history WHERE case_id = ${p(1)} AND seq = 6`, [id]).then(() => undefined));
      await expectCaught(id, 6, 'truncated');

      const other = await sixRecords();
      const h = await records(other);
      const { snapshot } = reforge(h.slice(0, 5), 5);
      await bypassingTriggers(t, () => t.sql(`DELETE FROM case_history WHERE case_id = ${p(1)} AND seq = 6`, [other]).then(() => undefined));
      await pointCaseAt(t, other, h[4], snapshot);
      await expectCaught(other, 6, 'truncated', true);
    });

    it('an event inserted (later ones renumbered to make room): inserted at its seq', async () => {
      const id = await sixRecords();
      const h = await records(id);
      await bypassingTriggers(t, async () => {
        for (let seq = 6; seq >= 3; seq--) {
          await t.sql(`UPDATE case_history SET seq = ${p(1)} WHERE case_id = ${p(2)} AND seq = ${p(3)}`, [seq + 1, id, seq]);
        }
      });
      const { records: forged } = reforge([...h.slice(0, 2), { ...h[2], payload: { ...(h[2].payload as object), title: '插入的草案' } }], 2);
      await insertRow(t, forged[2]);
      await expectCaught(id, 3, 'inserted');
    });

    it('two events swapped and re-forged with the engine (chain and replay pass): caught through the checkpoint', async () => {
      const { id } = await runMajorDecision(api, { before: 'expert', procedures: ALL_PROCEDURES });
      await checkpoint(); // anchors seq 7
      const opinion = { institution: '宁波大学', hasDirectInterest: false, signed: true };
      await api.ok('dept-head', id, 'RECORD_EXPERT_OPINION', { ...opinion, expert: '王教授', opinion: '方案可行，建议分期实施' });
      await api.ok('dept-head', id, 'RECORD_EXPERT_OPINION', { ...opinion, expert: '李研究员', opinion: '建议先行试点' });
      await checkpoint(); // anchors seq 9
      const h = await records(id);
      expect(h.map((r) => r.type).slice(7)).toEqual(['RECORD_EXPERT_OPINION', 'RECORD_EXPERT_OPINION']);
      const swapped = [...h.slice(0, 7), { ...h[8], at: h[7].at }, { ...h[7], at: h[8].at }];
      const { records: forged, snapshot } = reforge(swapped, 7);
      await bypassingTriggers(t, async () => {
        for (const r of forged.slice(7)) await overwriteRow(t, r);
      });
      await pointCaseAt(t, id, forged[8], snapshot);
      await expectCaught(id, 8, 'edited', true);
    });

    it('the tail rewritten with recomputed hashes and states: caught through the checkpoint, between the anchors', async () => {
      const { id } = await runMajorDecision(api, { before: 'accept', procedures: NO_PROCEDURES });
      await checkpoint(); // anchors seq 4
      await api.ok('legal-reviewer', id, 'ACCEPT_FOR_REVIEW', {});
      await api.ok('legal-reviewer', id, 'RETURN_INCOMPLETE', { missing: ['程序说明'] });
      await checkpoint(); // anchors seq 6
      const h = await records(id);
      const rewritten = [...h.slice(0, 4), { ...h[4], at: new Date(Date.parse(h[4].at) + 3600_000).toISOString() }, { ...h[5], at: new Date(Date.parse(h[5].at) + 7200_000).toISOString(), payload: { missing: ['无'] } }];
      const { records: forged, snapshot } = reforge(rewritten, 4);
      await bypassingTriggers(t, async () => {
        for (const r of forged.slice(4)) await overwriteRow(t, r);
      });
      await pointCaseAt(t, id, forged[5], snapshot);
      await expectCaught(id, 5, 'edited', true);

      // a later checkpoint does not launder the forgery: the anchored head is kept, the case still fails
      const later = await checkpoint();
      expect(later.conflicts).toContain(id);
      expect((await api.get('auditor', `/cases/${id}/verify`)).body.verdict).toMatchObject({ status: 'FAIL', seq: 5 });
    });

    it('verify --all against the live database finds every tampered case, at the same seq', async () => {
      const env =
        t.driver === 'postgres'
          ? { DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: (t.config.database as { schema: string }).schema }
          : { SQLITE_PATH: (t.config.database as { path: string }).path };
      const out: string[] = [];
      const progress: string[] = [];
      const code = await run(['verify', '--all', '--json'], env, { write: (s) => out.push(s), progress: (s) => progress.push(s) });
      expect(code).toBe(1);
      const summary = JSON.parse(out.join('\n'));
      expect(summary.checkpoints).toMatchObject({ ok: true });
      expect(summary.fail).toBe(tampered.length);
      for (const x of tampered) {
        expect(summary.problems).toContainEqual(expect.objectContaining({ caseId: x.id, status: 'FAIL', seq: x.seq, reason: x.reason }));
      }
      expect(progress.join('')).toMatch(/100% \d+\/\d+ cases/);
    });
  });
});
