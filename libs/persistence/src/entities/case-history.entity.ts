import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Append-only history: one row per accepted event, hash-chained per case.
 * Database triggers refuse UPDATE and DELETE (see the Init migration).
 */
@Entity({ name: 'case_history' })
export class CaseHistoryEntity {
  @PrimaryColumn({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'text' })
  payload: string;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36 })
  actorUserId: string;

  @Column({ name: 'actor_role', type: 'varchar', length: 32 })
  actorRole: string;

  @Column({ name: 'actor_org_unit', type: 'varchar', length: 64 })
  actorOrgUnit: string;

  @Column({ type: 'varchar', length: 32 })
  at: string;

  @Column({ type: 'text' })
  facts: string;

  @Column({ name: 'workflow_kind', type: 'varchar', length: 64 })
  workflowKind: string;

  @Column({ name: 'workflow_version', type: 'integer' })
  workflowVersion: number;

  @Column({ name: 'state_after', type: 'text' })
  stateAfter: string;

  @Column({ name: 'state_hash', type: 'varchar', length: 64 })
  stateHash: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
