import type { CaseHead, Checkpoint, HeadInclusion, PublicKeyInfo } from '@app/audit';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { CheckpointHeadEntity } from '../entities/checkpoint-head.entity';
import { CheckpointEntity } from '../entities/checkpoint.entity';
import { SigningKeyEntity } from '../entities/signing-key.entity';
import { WriteSerializer } from './write-serializer';

/** Another checkpoint took this seq first (two writers raced); the caller may retry. */
export class CheckpointConflictError extends Error {
  readonly code = 'CHECKPOINT_CONFLICT';
  constructor(readonly seq: number) {
    super(`checkpoint ${seq} already exists`);
  }
}

const ROWS_PER_INSERT = 400;
const PAIRS_PER_SELECT = 300;

const toCheckpoint = (r: CheckpointEntity): Checkpoint => ({
  format: r.format as Checkpoint['format'],
  seq: Number(r.seq),
  createdAt: r.createdAt,
  treeSize: Number(r.treeSize),
  rootHash: r.rootHash,
  prevCheckpointHash: r.prevCheckpointHash,
  logRoot: r.logRoot,
  heads: Number(r.heads),
  keyId: r.keyId,
  signature: r.signature,
});

const splitProof = (proof: string): string[] => proof.match(/.{64}/g) ?? [];

const toInclusion = (r: CheckpointHeadEntity, treeSize: number): HeadInclusion => ({
  checkpointSeq: Number(r.checkpointSeq),
  head: { caseId: r.caseId, seq: Number(r.seq), hash: r.hash },
  leafIndex: Number(r.leafIndex),
  treeSize,
  proof: splitProof(r.proof),
});

/**
 * Checkpoints, the heads they anchored and the keys that signed them. Rows are only ever
 * inserted: one checkpoint and its anchors in one transaction.
 */
export class CheckpointRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  private write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    const tx = () => this.dataSource.transaction(work);
    return this.serializer ? this.serializer.run(tx) : tx();
  }

  /** The head of every case as the cases table holds it (revision = last seq, head_hash). One read. */
  async caseHeads(): Promise<CaseHead[]> {
    const rows: Array<{ id: string; revision: number; head_hash: string }> = await this.dataSource
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .select(['c.id AS id', 'c.revision AS revision', 'c.head_hash AS head_hash'])
      .getRawMany();
    return rows.map((r) => ({ caseId: r.id, seq: Number(r.revision), hash: r.head_hash }));
  }

  /** Per case, the head anchored most recently (the current leaf of the latest checkpoint). */
  async lastAnchors(): Promise<Map<string, CaseHead>> {
    const rows: Array<{ case_id: string; seq: number; hash: string }> = await this.dataSource.query(
      `SELECT h.case_id, h.seq, h.hash FROM checkpoint_heads h
         JOIN (SELECT case_id, MAX(checkpoint_seq) AS cs FROM checkpoint_heads GROUP BY case_id) m
           ON m.case_id = h.case_id AND m.cs = h.checkpoint_seq`,
    );
    return new Map(rows.map((r) => [r.case_id, { caseId: r.case_id, seq: Number(r.seq), hash: r.hash }]));
  }

  /** The leaves of checkpoint `seq`: per case, its latest anchor at or before that checkpoint. */
  async headsAt(seq: number): Promise<CaseHead[]> {
    const p = this.dataSource.options.type === 'postgres' ? '$1' : '?';
    const rows: Array<{ case_id: string; seq: number; hash: string }> = await this.dataSource.query(
      `SELECT h.case_id, h.seq, h.hash FROM checkpoint_heads h
         JOIN (SELECT case_id, MAX(checkpoint_seq) AS cs FROM checkpoint_heads WHERE checkpoint_seq <= ${p} GROUP BY case_id) m
           ON m.case_id = h.case_id AND m.cs = h.checkpoint_seq`,
      [seq],
    );
    return rows.map((r) => ({ caseId: r.case_id, seq: Number(r.seq), hash: r.hash }));
  }

  /** `hash` of the history record (caseId, seq) for each pair, keyed `caseId:seq`; absent records are left out. */
  async historyHashes(pairs: ReadonlyArray<{ caseId: string; seq: number }>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const pg = this.dataSource.options.type === 'postgres';
    for (let i = 0; i < pairs.length; i += PAIRS_PER_SELECT) {
      const chunk = pairs.slice(i, i + PAIRS_PER_SELECT);
      const params: unknown[] = [];
      const where = chunk
        .map((pair) => {
          params.push(pair.caseId, pair.seq);
          return pg ? `(case_id = $${params.length - 1} AND seq = $${params.length})` : '(case_id = ? AND seq = ?)';
        })
        .join(' OR ');
      const rows: Array<{ case_id: string; seq: number; hash: string }> = await this.dataSource.query(
        `SELECT case_id, seq, hash FROM case_history WHERE ${where}`,
        params,
      );
      for (const r of rows) out.set(`${r.case_id}:${Number(r.seq)}`, r.hash);
    }
    return out;
  }

  /** Every checkpoint in seq order (the checkpoint log). */
  async all(): Promise<Checkpoint[]> {
    const rows = await this.dataSource.getRepository(CheckpointEntity).find({ order: { seq: 'ASC' } });
    return rows.map(toCheckpoint);
  }

  async latest(): Promise<Checkpoint | null> {
    const row = await this.dataSource.getRepository(CheckpointEntity).findOne({ where: {}, order: { seq: 'DESC' } });
    return row ? toCheckpoint(row) : null;
  }

  async get(seq: number): Promise<Checkpoint | null> {
    const row = await this.dataSource.getRepository(CheckpointEntity).findOne({ where: { seq } });
    return row ? toCheckpoint(row) : null;
  }

  /** Newest first. */
  async list(limit: number, offset: number): Promise<{ items: Checkpoint[]; total: number }> {
    const [rows, total] = await this.dataSource.getRepository(CheckpointEntity).findAndCount({ order: { seq: 'DESC' }, take: limit, skip: offset });
    return { items: rows.map(toCheckpoint), total };
  }

  /** Every anchor of a case, oldest first, with the checkpoint it belongs to. */
  async anchorsOf(caseId: string): Promise<Array<{ checkpoint: Checkpoint; inclusion: HeadInclusion }>> {
    const heads = await this.dataSource.getRepository(CheckpointHeadEntity).find({ where: { caseId }, order: { checkpointSeq: 'ASC' } });
    if (!heads.length) return [];
    const cps = await this.dataSource
      .getRepository(CheckpointEntity)
      .createQueryBuilder('c')
      .where('c.seq IN (:...seqs)', { seqs: heads.map((h) => h.checkpointSeq) })
      .getMany();
    const bySeq = new Map(cps.map((c) => [Number(c.seq), toCheckpoint(c)]));
    return heads
      .filter((h) => bySeq.has(Number(h.checkpointSeq)))
      .map((h) => {
        const checkpoint = bySeq.get(Number(h.checkpointSeq))!;
        return { checkpoint, inclusion: toInclusion(h, checkpoint.treeSize) };
      });
  }

  async keys(): Promise<PublicKeyInfo[]> {
    const rows = await this.dataSource.getRepository(SigningKeyEntity).find({ order: { createdAt: 'ASC' } });
    return rows.map((r) => ({ keyId: r.keyId, algorithm: r.algorithm as PublicKeyInfo['algorithm'], spki: r.spki }));
  }

  /**
   * Stores a checkpoint, the anchors it proves and (if new) its public key, in one transaction.
   * Throws CheckpointConflictError when its seq is taken or the log moved on meanwhile.
   */
  async append(cp: Checkpoint, hash: string, anchored: readonly HeadInclusion[], key: PublicKeyInfo, at: string): Promise<void> {
    await this.write(async (m) => {
      const [{ n }] = await m.query(`SELECT COUNT(*) AS n FROM checkpoints`);
      if (Number(n) !== cp.seq - 1) throw new CheckpointConflictError(cp.seq);
      const known = await m.getRepository(SigningKeyEntity).findOne({ where: { keyId: key.keyId } });
      if (!known) await m.insert(SigningKeyEntity, { keyId: key.keyId, algorithm: key.algorithm, spki: key.spki, createdAt: at });
      try {
        await m.insert(CheckpointEntity, { ...cp, hash });
      } catch (e) {
        throw new CheckpointConflictError(cp.seq);
      }
      for (let i = 0; i < anchored.length; i += ROWS_PER_INSERT) {
        await m.insert(
          CheckpointHeadEntity,
          anchored.slice(i, i + ROWS_PER_INSERT).map((a) => ({
            checkpointSeq: cp.seq,
            caseId: a.head.caseId,
            seq: a.head.seq,
            hash: a.head.hash,
            leafIndex: a.leafIndex,
            proof: a.proof.join(''),
          })),
        );
      }
    });
  }
}
