import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A case head anchored anew by a checkpoint (a new case, or a head that moved since the case's
 * previous anchor), with its audit path in that checkpoint's tree. The heads of checkpoint N are,
 * per case, the row with the highest checkpoint_seq ≤ N. Append-only.
 */
@Entity({ name: 'checkpoint_heads' })
export class CheckpointHeadEntity {
  @PrimaryColumn({ name: 'checkpoint_seq', type: 'integer' })
  checkpointSeq: number;

  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @Column({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Column({ name: 'leaf_index', type: 'integer' })
  leafIndex: number;

  /** the audit path, bottom up: 64-hex-digit hashes joined without separator */
  @Column({ type: 'text' })
  proof: string;
}
