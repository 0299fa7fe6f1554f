import {
  Anchor,
  CaseEvidence,
  CaseVerdict,
  Checkpoint,
  HeadInclusion,
  headTree,
  logProof,
  MerkleTree,
  parsePublicKey,
  PublicKeyInfo,
  toHex,
  verifyCaseEvidence,
} from '@app/audit';
import { HistoryRecord, WorkflowRegistry } from '@app/engine';
import { CaseEntity, CHECKPOINT_REPOSITORY, CheckpointRepository, ConsultationCommentRepository, DATA_SOURCE, parseStoredJson } from '@app/persistence';
import { ServiceMetrics } from '@app/deadlines';
import { WORKFLOW_REGISTRY } from '@app/runtime';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { KeyObject } from 'crypto';
import type { DataSource } from 'typeorm';

/** How many checkpoint head trees are kept in memory (the latest is asked for most). */
const TREE_CACHE = 2;

export interface AssembledEvidence extends CaseEvidence {
  keyInfos: PublicKeyInfo[];
  anchors: Anchor[];
}

/**
 * Gathers a case's evidence from the database — history, stored case, every checkpoint that
 * anchored one of its heads with its proofs, the latest checkpoint and the signing keys — and
 * judges it with `verifyCaseEvidence`, the same function the offline verifier runs.
 */
@Injectable()
export class CaseEvidenceService {
  private readonly trees = new Map<number, { tree: MerkleTree; index: Map<string, number> }>();

  private readonly comments: ConsultationCommentRepository;

  constructor(
    @Inject(CHECKPOINT_REPOSITORY) private readonly checkpoints: CheckpointRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Optional() private readonly metrics?: ServiceMetrics,
  ) {
    this.comments = new ConsultationCommentRepository(dataSource);
  }

  /** The stored comments of a case's consultations, when its history sealed any (else none are read). */
  async sealedComments(caseId: string, history: HistoryRecord[]) {
    const sealed = history.some((r) => r.type === 'CLOSE_COMMENT_PERIOD' && (r.facts as Record<string, unknown> | undefined)?.commentSeal);
    return sealed ? this.comments.forCase(caseId) : null;
  }

  async keys(): Promise<{ infos: PublicKeyInfo[]; map: Map<string, KeyObject> }> {
    const infos = await this.checkpoints.keys();
    const map = new Map<string, KeyObject>();
    for (const info of infos) {
      const key = parsePublicKey(info.spki);
      if (key) map.set(info.keyId, key);
    }
    return { infos, map };
  }

  /** The head tree of checkpoint `cp`, rebuilt from the stored anchors (and cached). */
  private async treeOf(cp: Checkpoint): Promise<{ tree: MerkleTree; index: Map<string, number> }> {
    const cached = this.trees.get(cp.seq);
    if (cached) return cached;
    const { sorted, tree } = headTree(await this.checkpoints.headsAt(cp.seq));
    const entry = { tree, index: new Map(sorted.map((h, i) => [h.caseId, i])) };
    this.trees.set(cp.seq, entry);
    while (this.trees.size > TREE_CACHE) this.trees.delete(this.trees.keys().next().value as number);
    return entry;
  }

  /** The case's head in checkpoint `cp` with its audit path; null when the case is not a leaf of it. */
  async inclusionIn(cp: Checkpoint, caseId: string): Promise<HeadInclusion | null> {
    const anchors = await this.checkpoints.anchorsOf(caseId);
    const own = anchors.filter((a) => a.checkpoint.seq <= cp.seq).pop();
    if (!own) return null;
    if (own.checkpoint.seq === cp.seq) return own.inclusion;
    const { tree, index } = await this.treeOf(cp);
    const leafIndex = index.get(caseId);
    if (leafIndex === undefined) return null;
    return { checkpointSeq: cp.seq, head: own.inclusion.head, leafIndex, treeSize: cp.treeSize, proof: tree.inclusionProof(leafIndex).map(toHex) };
  }

  async evidence(row: CaseEntity, history: HistoryRecord[]): Promise<AssembledEvidence> {
    const [stored, latest, keys, comments] = await Promise.all([this.checkpoints.anchorsOf(row.id), this.checkpoints.latest(), this.keys(), this.sealedComments(row.id, history)]);
    const needsLog = latest && stored.some((a) => a.checkpoint.seq < latest.seq);
    const log = needsLog ? await this.checkpoints.all() : [];
    const anchors: Anchor[] = stored.map((a) => ({
      ...a,
      log: latest && a.checkpoint.seq < latest.seq ? logProof(log, a.checkpoint.seq, latest.seq) : null,
    }));
    let latestEntry: CaseEvidence['latest'] = null;
    if (latest) {
      const last = stored[stored.length - 1];
      const inclusion = !last ? null : last.checkpoint.seq === latest.seq ? last.inclusion : await this.inclusionIn(latest, row.id);
      latestEntry = { checkpoint: latest, inclusion };
    }
    return {
      caseId: row.id,
      history,
      stored: { snapshot: parseStoredJson(row.snapshot), revision: row.revision, headHash: row.headHash },
      anchors,
      latest: latestEntry,
      keys: keys.map,
      keyInfos: keys.infos,
      comments,
    };
  }

  async verdict(row: CaseEntity, history: HistoryRecord[]): Promise<CaseVerdict> {
    return this.judge(await this.evidence(row, history));
  }

  /** `verifyCaseEvidence` on assembled evidence; every verdict is counted in the metrics. */
  judge(evidence: CaseEvidence): CaseVerdict {
    const verdict = verifyCaseEvidence(this.registry, evidence);
    this.metrics?.verified(verdict.status);
    return verdict;
  }
}
