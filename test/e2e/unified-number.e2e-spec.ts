/**
 * Unified numbers of normative documents (统一编号, SPEC §4.2 row 6; issue 5 §1), drawn by the
 * runtime from a central counter inside the registration's own transaction, over HTTP on SQLite
 * and PostgreSQL: 20 concurrent registrations get 20 distinct consecutive numbers; a refused or
 * conflicting registration consumes none; the sequence restarts each year; the pattern and the
 * region code are configuration (DOCKET_RULES).
 */
import { DocketConfigModule, loadConfig } from '@app/config';
import { CASE_REPOSITORY, CaseRepository, PersistenceModule, registerSequenceNumbers, RevisionConflictError, SequenceNumberTakenError } from '@app/persistence';
import { RuntimeModule } from '@app/runtime';
import { Test } from '@nestjs/testing';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import request from 'supertest';
import { runNormativeDocument } from '../factories/normative-document.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const N = 20;
const REGISTER = { type: 'REGISTER_DOCUMENT', payload: { documentNumber: '掌政发〔2020〕8号' } };

describe.each(DRIVERS)('unified numbers on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp(driver, { DOCKET_RULES: JSON.stringify({ 'normdoc.unifiedNumber.region': 'ZJCX01' }) });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  const post = async (user: string, path: string, body: unknown) =>
    request(url).post(`/api/v1${path}`).set('Authorization', `Bearer ${await api.token(user)}`).send(body as object);
  const counter = async (scope: string): Promise<number | null> => {
    const rows = await t.sql(`SELECT value FROM sequence_counters WHERE counter = 'normdoc.unifiedNumber' AND scope = '${scope}'`);
    return rows.length ? Number(rows[0].value) : null;
  };
  const numbers = async (): Promise<string[]> =>
    (await t.sql(`SELECT number FROM sequence_numbers WHERE counter = 'normdoc.unifiedNumber' ORDER BY number`)).map((r: { number: string }) => r.number);

  let ids: string[] = [];

  it(`${N} documents registered at once (each sent twice, in parallel): ${N} distinct consecutive numbers, no gap, the losers get 409`, async () => {
    for (let i = 0; i < N + 1; i++) ids.push((await runNormativeDocument(api, { before: 'register' })).id);
    // refused before the transaction: a client-chosen number (unknown field), a wrong role, a wrong state
    const chosen = await api.event('secretary', ids[0], 'REGISTER_DOCUMENT', { unifiedNumber: 'ZJCX01-2020-0001' });
    expect([chosen.status, chosen.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const wrongRole = await api.event('dept-head', ids[0], REGISTER.type, REGISTER.payload);
    expect(wrongRole.status).toBe(403);
    expect(await counter('region=ZJCX01|year=2020')).toBeNull();

    const cases = ids.slice(0, N);
    const responses = await Promise.all(cases.flatMap((id) => [post('secretary', `/cases/${id}/events`, REGISTER), post('secretary', `/cases/${id}/events`, REGISTER)]));
    const ok = responses.filter((r) => r.status === 200);
    expect(ok).toHaveLength(N);
    // the second of each pair lost the compare-and-swap or found the case already registered
    for (const r of responses.filter((x) => x.status !== 200)) expect([409]).toContain(r.status);
    const given = ok.map((r) => r.body.case.records.registrations[0].unifiedNumber as string).sort();
    const expected = Array.from({ length: N }, (_, i) => `ZJCX01-2020-${String(i + 1).padStart(4, '0')}`);
    expect(given).toEqual(expected);
    // one per case, and the register agrees
    expect(new Set(ok.map((r) => r.body.case.id)).size).toBe(N);
    expect(await numbers()).toEqual(expected);
    expect(await counter('region=ZJCX01|year=2020')).toBe(N);
    // the allocated number is a fact of the recorded event, and the history verifies (replay uses it)
    const history = await api.get('auditor', `/cases/${cases[0]}/history`);
    const reg = history.body.records.find((r: { type: string }) => r.type === 'REGISTER_DOCUMENT');
    expect(reg.facts.unifiedNumber).toMatch(/^ZJCX01-2020-\d{4}$/);
    expect(reg.payload).toEqual(REGISTER.payload);
    expect((await api.get('auditor', `/cases/${cases[0]}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
  });

  it('a registration refused inside its transaction, or losing the compare-and-swap, gives back its number', async () => {
    const repo = t.app.get<CaseRepository>(CASE_REPOSITORY);
    const id = ids[N];
    const [row] = await t.sql(`SELECT revision FROM cases WHERE id = '${id}'`);
    const revision = Number(row.revision);
    const draw = { counter: 'normdoc.unifiedNumber', scope: 'region=ZJCX01|year=2020' };
    let seen: number[] = [];
    // the machine refuses after the number was drawn: everything rolls back
    await expect(
      repo.advanceDrawing(id, revision, [draw], '2020-04-20T04:00:00.000Z', (values) => {
        seen = values;
        throw new Error('refused by the machine');
      }),
    ).rejects.toThrow('refused by the machine');
    expect(seen).toEqual([N + 1]);
    expect(await counter('region=ZJCX01|year=2020')).toBe(N);
    // a stale revision never draws
    await expect(repo.advanceDrawing(id, revision - 1, [draw], '2020-04-20T04:00:00.000Z', () => { throw new Error('not reached'); })).rejects.toBeInstanceOf(
      RevisionConflictError,
    );
    expect(await counter('region=ZJCX01|year=2020')).toBe(N);
    expect(await numbers()).toHaveLength(N);
    // the register refuses a number given before (e.g. a pattern changed back), and cannot be edited
    const runner = t.app.get<import('typeorm').DataSource>(require('@app/persistence').DATA_SOURCE).createQueryRunner();
    try {
      await expect(
        registerSequenceNumbers(runner, driver === 'postgres', [{ ...draw, number: 'ZJCX01-2020-0001', value: 99 }], id, 99, '2020-04-20T04:00:00.000Z'),
      ).rejects.toBeInstanceOf(SequenceNumberTakenError);
    } finally {
      await runner.release();
    }
    await expect(t.sql(`DELETE FROM sequence_numbers WHERE number = 'ZJCX01-2020-0001'`)).rejects.toThrow(/append-only/);
    await expect(t.sql(`UPDATE sequence_numbers SET number = 'X' WHERE number = 'ZJCX01-2020-0001'`)).rejects.toThrow(/append-only/);
    expect(await numbers()).toHaveLength(N);
  });

  it('the sequence restarts with the year of registration, and goes on in the old one', async () => {
    await api.setClock('2021-01-04T02:00:00Z');
    const res = await api.ok('secretary', ids[N], REGISTER.type, REGISTER.payload);
    expect(res.case.records.registrations[0]).toMatchObject({ unifiedNumber: 'ZJCX01-2021-0001', registeredOn: '2021-01-04' });
    expect(await counter('region=ZJCX01|year=2021')).toBe(1);
    expect(await counter('region=ZJCX01|year=2020')).toBe(N);
  });
});

describe('a numbering pattern that cannot number stops the start', () => {
  it('DOCKET_RULES normdoc.unifiedNumber.pattern without {seq}: the runtime module refuses to start', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-pattern-'));
    const config = loadConfig({ DATA_DIR: dir, DOCKET_RULES: JSON.stringify({ 'normdoc.unifiedNumber.pattern': '{region}-{year}' }) });
    try {
      await expect(Test.createTestingModule({ imports: [DocketConfigModule.forRoot(config), PersistenceModule, RuntimeModule] }).compile()).rejects.toThrow(
        /DOCKET_RULES: normative-document v1 REGISTER_DOCUMENT.unifiedNumber \(normdoc.unifiedNumber.pattern\).*exactly once/,
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
