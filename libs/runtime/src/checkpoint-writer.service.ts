import { CaseHead, checkpointHash, Checkpoint, HeadInclusion, prepareCheckpoint, publicKeyInfo, SigningKey } from '@app/audit';
import { CHECKPOINT_REPOSITORY, CheckpointConflictError, CheckpointRepository } from '@app/persistence';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Clock } from './clock';
import { CLOCK, SIGNING_KEY } from './runtime.di-tokens';
import { DocketError } from './runtime.errors';

export interface CheckpointOutcome {
  /** the new checkpoint, or null when nothing moved and `skipUnchanged` was asked */
  checkpoint: Checkpoint | null;
  /** heads anchored anew */
  anchored: number;
  /**
   * Cases whose present history no longer runs through their last anchored head (rewritten or
   * truncated behind the checkpoints): their old head is kept as the leaf, never the new one.
   */
  conflicts: string[];
  ms: number;
}

export const signingKeyMissing = () =>
  new DocketError(
    503,
    'SIGNING_KEY_MISSING',
    '未配置检查点签名密钥（DOCKET_SIGNING_KEY），无法生成检查点',
    'No checkpoint signing key is configured (DOCKET_SIGNING_KEY); checkpoints cannot be made',
  );

/**
 * Makes signed checkpoints (issue 4 §2): reads every case head, anchors the heads that moved since
 * their last anchor, signs the Merkle root and appends checkpoint + anchors in one transaction.
 * Called on demand (POST /checkpoints), by the API's interval when REDIS_URL is unset, and by the
 * worker's BullMQ job scheduler when it is set: one writer, whatever triggers it.
 */
@Injectable()
export class CheckpointWriter {
  private readonly logger = new Logger('Checkpoints');
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(CHECKPOINT_REPOSITORY) private readonly checkpoints: CheckpointRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SIGNING_KEY) private readonly key: SigningKey | null,
  ) {}

  get keyId(): string | null {
    return this.key?.keyId ?? null;
  }

  /** Creates the next checkpoint. One at a time per process; a race with another process is retried. */
  create(opts: { skipUnchanged?: boolean } = {}): Promise<CheckpointOutcome> {
    const run = this.running.then(() => this.createOnce(opts, 3));
    this.running = run.catch(() => undefined);
    return run;
  }

  private async createOnce(opts: { skipUnchanged?: boolean }, attempts: number): Promise<CheckpointOutcome> {
    const key = this.key;
    if (!key) throw signingKeyMissing();
    const started = Date.now();
    const [heads, anchors, log] = await Promise.all([this.checkpoints.caseHeads(), this.checkpoints.lastAnchors(), this.checkpoints.all()]);

    const moved = heads.filter((h) => {
      const a = anchors.get(h.caseId);
      return !a || a.seq !== h.seq || a.hash !== h.hash;
    });
    // a moved head must extend its anchored one: the record at the anchored seq still has the anchored hash
    const previously = moved.filter((h) => anchors.has(h.caseId)).map((h) => anchors.get(h.caseId)!);
    const present = await this.checkpoints.historyHashes(previously.map((a) => ({ caseId: a.caseId, seq: a.seq })));
    const headOf = new Map(heads.map((h) => [h.caseId, h]));
    const conflicts = new Set(
      previously.filter((a) => headOf.get(a.caseId)!.seq < a.seq || present.get(`${a.caseId}:${a.seq}`) !== a.hash).map((a) => a.caseId),
    );
    const leaves: CaseHead[] = heads.map((h) => (conflicts.has(h.caseId) ? anchors.get(h.caseId)! : h));
    const changed = new Set(moved.filter((h) => !conflicts.has(h.caseId)).map((h) => h.caseId));
    for (const id of conflicts) this.logger.error(`case ${id}: history no longer runs through its anchored head; the anchored head is kept`);

    if (opts.skipUnchanged && changed.size === 0 && log.length > 0) {
      return { checkpoint: null, anchored: 0, conflicts: [...conflicts], ms: Date.now() - started };
    }
    const prepared = prepareCheckpoint({ previous: log, heads: leaves, changed, createdAt: this.clock.now().toISOString(), key });
    try {
      await this.checkpoints.append(
        prepared.checkpoint,
        checkpointHash(prepared.checkpoint),
        prepared.anchored as HeadInclusion[],
        publicKeyInfo(key.publicKey),
        prepared.checkpoint.createdAt,
      );
    } catch (e) {
      if (e instanceof CheckpointConflictError && attempts > 1) return this.createOnce(opts, attempts - 1);
      throw e;
    }
    const ms = Date.now() - started;
    this.logger.log(`checkpoint ${prepared.checkpoint.seq}: ${heads.length} cases, ${changed.size} heads anchored, ${ms} ms`);
    return { checkpoint: prepared.checkpoint, anchored: changed.size, conflicts: [...conflicts], ms };
  }
}
