import { GENESIS_HASH, hashRecord, HistoryRecord } from '@app/engine';
import { diagnoseChain } from './chain-diagnosis';
import { forgeHistory, LEAVE_STEPS, leaveRegistry } from './testing/audit.fixture';

const CASE = '00000000-0000-4000-8000-000000000001';
const original = () => forgeHistory(leaveRegistry(), CASE, LEAVE_STEPS).records.map((r) => ({ ...r }));
const renumber = (records: HistoryRecord[]) => records.map((r, i) => ({ ...r, seq: i + 1 }));

describe('diagnoseChain names what was done to a history, at the first seq concerned', () => {
  it('an intact history has no diagnosis', () => {
    expect(diagnoseChain(original())).toBeNull();
    expect(diagnoseChain([])).toBeNull();
  });

  it('an edited payload: edited at that seq', () => {
    const h = original();
    h[3] = { ...h[3], payload: { text: '不同意' } };
    expect(diagnoseChain(h)).toMatchObject({ seq: 4, reason: 'edited' });
  });

  it('a record replaced by one hashed afresh: edited at that seq', () => {
    const h = original();
    const forged = { ...h[2], payload: { text: '伪造' } };
    h[2] = { ...forged, hash: hashRecord(forged) };
    expect(diagnoseChain(h)).toMatchObject({ seq: 3, reason: 'edited' });
  });

  it('a deleted middle record: deleted at that seq, whether or not the rest was renumbered', () => {
    const h = original();
    expect(diagnoseChain(h.filter((r) => r.seq !== 4))).toMatchObject({ seq: 4, reason: 'deleted' });
    expect(diagnoseChain(renumber(h.filter((r) => r.seq !== 4)))).toMatchObject({ seq: 4, reason: 'deleted' });
  });

  it('an inserted record (the rest renumbered to make room): inserted at its seq', () => {
    const h = original();
    const extra = { ...h[2], payload: { text: '补充的意见' }, prevHash: h[1].hash };
    const withHash = { ...extra, seq: 3, hash: hashRecord({ ...extra, seq: 3 }) };
    expect(diagnoseChain(renumber([h[0], h[1], withHash, ...h.slice(2)]))).toMatchObject({ seq: 3, reason: 'inserted' });
    // even when the forger did not bother with a valid hash
    expect(diagnoseChain(renumber([h[0], h[1], extra, ...h.slice(2)]))).toMatchObject({ seq: 3, reason: 'inserted' });
  });

  it('a duplicated seq (two records claiming one place): inserted', () => {
    const h = original();
    expect(diagnoseChain([h[0], h[1], h[2], { ...h[2], payload: { text: 'x' } }, ...h.slice(3)])).toMatchObject({ seq: 4, reason: 'inserted' });
  });

  it('two records swapped: reordered at the first of them, renumbered or not', () => {
    const h = original();
    const swapped = [h[0], h[1], h[3], h[2], h[4], h[5]];
    expect(diagnoseChain(swapped)).toMatchObject({ seq: 3, reason: 'reordered' });
    expect(diagnoseChain(renumber(swapped))).toMatchObject({ seq: 3, reason: 'reordered' });
  });

  it('a first record that does not start from genesis: edited at 1', () => {
    const h = original();
    h[0] = { ...h[0], prevHash: 'f'.repeat(64) };
    expect(diagnoseChain(h)).toMatchObject({ seq: 1, reason: 'edited' });
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });
});
