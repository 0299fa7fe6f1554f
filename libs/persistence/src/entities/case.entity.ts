import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One case (a running workflow instance). `revision` is advanced only by compare-and-swap in
 * CaseRepository.advance (TypeORM's @VersionColumn is not a lock on save()).
 * JSON is kept as text so the bytes that were hashed are the bytes that are stored.
 */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  @Column({ name: 'workflow_version', type: 'integer' })
  workflowVersion: number;

  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Index()
  @Column({ name: 'org_unit', type: 'varchar', length: 64 })
  orgUnit: string;

  /** every org unit owning the case, as `|a|b|` so that LIKE '%|a|%' finds it on both drivers */
  @Column({ name: 'org_units', type: 'varchar', length: 1000 })
  orgUnits: string;

  @Index()
  @Column({ name: 'state_path', type: 'varchar', length: 200 })
  statePath: string;

  @Column({ name: 'state_value', type: 'text' })
  stateValue: string;

  @Column({ type: 'varchar', length: 16 })
  status: string;

  @Column({ type: 'text' })
  snapshot: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ name: 'head_hash', type: 'varchar', length: 64 })
  headHash: string;

  @Column({ name: 'visible_to_reviewers', type: 'boolean', default: false })
  visibleToReviewers: boolean;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'updated_at', type: 'varchar', length: 32 })
  updatedAt: string;

  /** `<kind>:<key>` when the workflow declares a key no two cases may share (e.g. a catalog's year); unique */
  @Column({ name: 'unique_key', type: 'varchar', length: 200, nullable: true })
  uniqueKey?: string | null;
}
