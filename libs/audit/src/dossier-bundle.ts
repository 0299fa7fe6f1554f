import type { HistoryRecord, Label, WorkflowRegistry } from '@app/engine';
import type { KeyObject } from 'crypto';
import type { HistoryRecord as Recorded } from '@app/engine';
import { Anchor, CaseVerdict, CommentSealVerdict, commentSealVerdicts, verifyCaseEvidence } from './case-verification';
import { COMMENT_SEAL_SCHEME, sealedFields, type SealedComment } from './comment-seal';
import type { Checkpoint, HeadInclusion } from './checkpoint';
import { keyIdOf, parsePublicKey, PublicKeyInfo } from './signing';

/**
 * The dossier bundle (决策档案): everything an auditor needs to judge a case away from Docket —
 * the case as stored, every stage's record, the full history, the checkpoints that anchor it with
 * their proofs, the public keys, and the verdict the server reached when it exported it.
 */
export const DOSSIER_FORMAT = 'docket-dossier/1';

export interface DossierRecord {
  /** the context key the record comes from, e.g. 'expertOpinions' */
  key: string;
  label: Label;
  value: unknown;
}

export interface DossierStage {
  stage: string;
  label: Label;
  records: DossierRecord[];
}

/**
 * The comments of the case's consultations, when its history sealed any: every comment as received
 * (the sealed fields, every round, hidden ones included) and each seal recomputed at export. The
 * verifier recomputes the seals from `items`, so a comment changed after the close shows.
 */
export interface DossierComments {
  scheme: string;
  seals: CommentSealVerdict[];
  items: SealedComment[];
}

/** The dossier's comment set: every stored comment's sealed fields and the seals recomputed from them. Pure. */
export function dossierComments(history: readonly Recorded[], comments: readonly SealedComment[]): DossierComments {
  const items = comments.map(sealedFields);
  return { scheme: COMMENT_SEAL_SCHEME, seals: commentSealVerdicts(history, items), items };
}

export interface DossierBundle {
  format: typeof DOSSIER_FORMAT;
  exportedAt: string;
  case: {
    id: string;
    kind: string;
    workflowVersion: number;
    workflowLabel: Label;
    title: string;
    status: string;
    statePath: string;
    stateLabel: Label;
    revision: number;
    headHash: string;
    createdAt: string;
    updatedAt: string;
    /** the stored snapshot, parsed */
    snapshot: unknown;
  };
  stages: DossierStage[];
  history: HistoryRecord[];
  checkpoints: {
    keys: PublicKeyInfo[];
    anchors: Anchor[];
    latest: { checkpoint: Checkpoint; inclusion: HeadInclusion | null } | null;
  };
  /** the server's verdict at export time (the offline verifier computes its own) */
  verdict: CaseVerdict;
  /** the sealed comment set (absent in bundles of cases that sealed none, and in older bundles) */
  comments?: DossierComments | null;
}

export class BundleFormatError extends Error {
  readonly code = 'BUNDLE_INVALID';
}

const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Checks the outer shape of a parsed bundle (not its content: that is the verifier's job). Pure. */
export function assertDossierBundle(value: unknown): asserts value is DossierBundle {
  const problems: string[] = [];
  if (!isObj(value)) throw new BundleFormatError('the bundle is not a JSON object');
  if (value.format !== DOSSIER_FORMAT) problems.push(`format is ${JSON.stringify(value.format)}, expected ${DOSSIER_FORMAT}`);
  if (!isObj(value.case) || typeof value.case.id !== 'string') problems.push('case.id missing');
  if (!Array.isArray(value.history)) problems.push('history is not a list');
  if (!isObj(value.checkpoints) || !Array.isArray(value.checkpoints.keys) || !Array.isArray(value.checkpoints.anchors)) {
    problems.push('checkpoints.keys / checkpoints.anchors missing');
  }
  if (problems.length) throw new BundleFormatError(`not a Docket dossier bundle: ${problems.join('; ')}`);
}

export interface BundleVerdict extends CaseVerdict {
  /** where the public keys came from: given by the auditor ('pinned') or read from the bundle */
  keySource: 'pinned' | 'bundle';
  keyIds: string[];
}

/**
 * Verifies a bundle with no database: the chain, a replay through the recorded workflow versions,
 * the stored case against its history, each anchor's signature, inclusion proof and place in the
 * latest checkpoint's log, and that the history still runs through every anchored head.
 * With `pinnedKeys` only those keys are accepted; otherwise the bundle's own keys are used (say so).
 * Pure; throws `BundleFormatError` on a value that is not a bundle.
 */
export function verifyDossierBundle(registry: WorkflowRegistry, bundle: unknown, pinnedKeys?: readonly KeyObject[]): BundleVerdict {
  assertDossierBundle(bundle);
  const keys = new Map<string, KeyObject>();
  let keySource: BundleVerdict['keySource'];
  if (pinnedKeys?.length) {
    keySource = 'pinned';
    for (const k of pinnedKeys) keys.set(keyIdOf(k), k);
  } else {
    keySource = 'bundle';
    for (const info of bundle.checkpoints.keys) {
      const key = parsePublicKey(info?.spki);
      if (key) keys.set(keyIdOf(key), key);
    }
  }
  const verdict = verifyCaseEvidence(registry, {
    caseId: bundle.case.id,
    history: bundle.history,
    stored: { snapshot: bundle.case.snapshot, revision: bundle.case.revision, headHash: bundle.case.headHash },
    anchors: bundle.checkpoints.anchors,
    latest: bundle.checkpoints.latest,
    keys,
    comments: Array.isArray(bundle.comments?.items) ? bundle.comments.items : null,
  });
  return { ...verdict, keySource, keyIds: [...keys.keys()] };
}
