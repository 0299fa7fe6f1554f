import { createHash } from 'crypto';
import canonicalize from 'canonicalize';
import { HistoryChainError } from './engine.errors';
import type { ChainVerification, HistoryRecord, HistoryRecordBody } from './types';

/** `prevHash` of the first record of every case: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * RFC 8785 (JCS) canonical JSON of `value`: keys sorted by UTF-16 code units, no whitespace,
 * ECMAScript number formatting; `undefined` members are dropped as in `JSON.stringify`.
 * Pure. Throws on values JSON cannot represent (NaN, Infinity, BigInt, cycles).
 */
export function canonicalJson(value: unknown): string {
  const json = canonicalize(value);
  if (json === undefined) {
    throw new TypeError('canonicalJson: value has no JSON representation');
  }
  return json;
}

/** SHA-256 of the UTF-8 bytes of `text`, lower-case hex. Pure. */
export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** SHA-256 of the canonical JSON of a persisted snapshot. Pure. */
export function stateHash(persistedSnapshot: unknown): string {
  return sha256Hex(canonicalJson(persistedSnapshot));
}

/**
 * The hash of a history record: SHA-256 over the canonical JSON of every field except `hash`
 * (a `hash` member present on the argument is ignored). Pure.
 */
export function hashRecord(body: HistoryRecordBody | HistoryRecord): string {
  const { hash: _ignored, ...rest } = body as HistoryRecord;
  return sha256Hex(canonicalJson(rest));
}

/**
 * Builds the next record of a case's chain: `seq` = prev.seq + 1 (1 for the first record),
 * `prevHash` = prev.hash (GENESIS_HASH for the first), `hash` = `hashRecord`. Only `prev.seq`
 * and `prev.hash` are needed (the runtime may pass the case row's revision and head hash); if
 * `prev.caseId` is present and names another case, throws `HistoryChainError`. Pure; the inputs
 * are not modified.
 */
export function buildRecord(
  prev: (Pick<HistoryRecord, 'seq' | 'hash'> & { caseId?: string }) | null,
  body: Omit<HistoryRecordBody, 'seq' | 'prevHash'>,
): HistoryRecord {
  if (prev && prev.caseId !== undefined && prev.caseId !== body.caseId) {
    throw new HistoryChainError(`Cannot append a record of case ${body.caseId} to case ${prev.caseId}`, {
      expected: prev.caseId,
      actual: body.caseId,
    });
  }
  const full: HistoryRecordBody = {
    ...body,
    seq: prev ? prev.seq + 1 : 1,
    prevHash: prev ? prev.hash : GENESIS_HASH,
  };
  return { ...full, hash: hashRecord(full) };
}

/**
 * Verifies a case's chain as presented (records must come in seq order 1, 2, 3…). Reports the
 * first problem in seq order:
 * - `SEQ_GAP` at the first missing seq (a deleted record),
 * - `SEQ_ORDER` where a seq is duplicated or out of place (the seq exists elsewhere in the list),
 * - `CASE_MISMATCH` for a record of another case than record 1,
 * - `PREV_HASH_MISMATCH` where `prevHash` is not the previous record's `hash` (GENESIS_HASH for seq 1),
 * - `HASH_MISMATCH` where `hash` is not `hashRecord` of the record (the record was edited).
 * An empty list is intact. Pure.
 *
 * The chain alone cannot reveal a truncated tail; compare the head with the stored snapshot (`replay`).
 */
export function verifyChain(records: readonly HistoryRecord[]): ChainVerification {
  const present = new Set(records.map((r) => r.seq));
  const caseId = records[0]?.caseId;
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const expectedSeq = i + 1;
    if (record.seq !== expectedSeq) {
      const reason = typeof record.seq === 'number' && record.seq > expectedSeq && !present.has(expectedSeq) ? 'SEQ_GAP' : 'SEQ_ORDER';
      return { ok: false, seq: expectedSeq, reason, expected: expectedSeq, actual: record.seq };
    }
    if (record.caseId !== caseId) {
      return { ok: false, seq: record.seq, reason: 'CASE_MISMATCH', expected: caseId, actual: record.caseId };
    }
    const expectedPrev = i === 0 ? GENESIS_HASH : records[i - 1].hash;
    if (record.prevHash !== expectedPrev) {
      return { ok: false, seq: record.seq, reason: 'PREV_HASH_MISMATCH', expected: expectedPrev, actual: record.prevHash };
    }
    let recomputed: string;
    try {
      recomputed = hashRecord(record);
    } catch {
      recomputed = '<unhashable>';
    }
    if (record.hash !== recomputed) {
      return { ok: false, seq: record.seq, reason: 'HASH_MISMATCH', expected: recomputed, actual: record.hash };
    }
  }
  return { ok: true };
}
