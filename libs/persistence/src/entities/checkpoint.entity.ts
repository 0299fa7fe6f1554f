import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A signed checkpoint (docket-checkpoint/1): the Merkle root over every case head, chained to the
 * previous checkpoint. Append-only (triggers, see the Checkpoints migration).
 */
@Entity({ name: 'checkpoints' })
export class CheckpointEntity {
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 32 })
  format: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'tree_size', type: 'integer' })
  treeSize: number;

  @Column({ name: 'root_hash', type: 'varchar', length: 64 })
  rootHash: string;

  @Column({ name: 'prev_checkpoint_hash', type: 'varchar', length: 64 })
  prevCheckpointHash: string;

  @Column({ name: 'log_root', type: 'varchar', length: 64 })
  logRoot: string;

  @Column({ type: 'integer' })
  heads: number;

  @Column({ name: 'key_id', type: 'varchar', length: 32 })
  keyId: string;

  @Column({ type: 'varchar', length: 128 })
  signature: string;

  /** SHA-256 of the canonical JSON of the whole checkpoint (what the next one chains to) */
  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
