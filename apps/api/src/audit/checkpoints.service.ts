import { checkpointHash, logProof, verifyHeadInclusion } from '@app/audit';
import { CASE_REPOSITORY, CaseRepository, CHECKPOINT_REPOSITORY, CheckpointRepository } from '@app/persistence';
import { caseNotFound, CheckpointWriter, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CaseEvidenceService } from './case-evidence.service';

const checkpointNotFound = (seq: number | undefined) =>
  new DocketError(
    404,
    'CHECKPOINT_NOT_FOUND',
    seq ? `检查点不存在：${seq}` : '尚无检查点',
    seq ? `No checkpoint ${seq}` : 'No checkpoint has been made yet',
    undefined,
    seq ? { seq } : undefined,
  );

/** Publishes the checkpoints and their proofs; creates one on demand. */
@Injectable()
export class CheckpointsService {
  constructor(
    @Inject(CHECKPOINT_REPOSITORY) private readonly checkpoints: CheckpointRepository,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    private readonly writer: CheckpointWriter,
    private readonly evidence: CaseEvidenceService,
  ) {}

  async create() {
    const outcome = await this.writer.create();
    return { ...outcome, hash: outcome.checkpoint ? checkpointHash(outcome.checkpoint) : null };
  }

  async list(limit = 50, offset = 0) {
    const [{ items, total }, keys] = await Promise.all([this.checkpoints.list(limit, offset), this.checkpoints.keys()]);
    return { total, items: items.map((c) => ({ ...c, hash: checkpointHash(c) })), keys };
  }

  keys() {
    return this.checkpoints.keys();
  }

  async get(seq: number) {
    const cp = await this.checkpoints.get(seq);
    if (!cp) throw checkpointNotFound(seq);
    return { ...cp, hash: checkpointHash(cp) };
  }

  /** RFC 6962 proof that checkpoint `from` is in the log committed by checkpoint `seq` (and its log a prefix). */
  async consistency(seq: number, from: number) {
    if (from >= seq) {
      throw new DocketError(400, 'VALIDATION_FAILED', '起始检查点须早于目标检查点', `from (${from}) must be before the checkpoint (${seq})`);
    }
    const log = await this.checkpoints.all();
    if (seq > log.length) throw checkpointNotFound(seq);
    return { from: log[from - 1], to: log[seq - 1], proof: logProof(log, from, seq) };
  }

  async inclusionProof(caseId: string, seq?: number) {
    if (!(await this.cases.findById(caseId))) throw caseNotFound(caseId);
    const cp = seq ? await this.checkpoints.get(seq) : await this.checkpoints.latest();
    if (!cp) throw checkpointNotFound(seq);
    const inclusion = await this.evidence.inclusionIn(cp, caseId);
    if (!inclusion) {
      throw new DocketError(
        404,
        'CASE_NOT_IN_CHECKPOINT',
        `检查点 ${cp.seq} 不包含该案件（案件在其后创建）`,
        `Checkpoint ${cp.seq} does not hold case ${caseId} (created after it)`,
        undefined,
        { caseId, checkpoint: cp.seq },
      );
    }
    return { checkpoint: { ...cp, hash: checkpointHash(cp) }, inclusion, verified: verifyHeadInclusion(inclusion, cp) };
  }
}
