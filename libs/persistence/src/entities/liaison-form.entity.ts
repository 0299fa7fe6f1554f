import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The header of one work liaison form (工作联系单, SPEC §3.4) of the legality-review desk: the
 * readable per-year number and the contact, for one submission of a case to review.
 *
 * It holds only what the case's workflow does not: the submission itself (materials, requested
 * completion date), its acceptance, return and opinion are the case's history records — the
 * legal record — and the desk derives every status from them. `submitSeq` is the history seq of
 * the SUBMIT_FOR_LEGALITY_REVIEW record the form belongs to. Rows are written once, never updated.
 */
@Entity({ name: 'liaison_forms' })
@Index(['year', 'serial'], { unique: true })
@Index(['caseId', 'submitSeq'], { unique: true })
export class LiaisonFormEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @Column({ name: 'submit_seq', type: 'integer' })
  submitSeq: number;

  /** the year of the submission (Asia/Shanghai) */
  @Column({ type: 'integer' })
  year: number;

  /** 1, 2, 3 … within the year */
  @Column({ type: 'integer' })
  serial: number;

  /** e.g. 联系单〔2026〕第12号 */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  number: string;

  @Column({ type: 'varchar', length: 64 })
  kind: string;

  /** 送审单位: the case's owning unit */
  @Column({ name: 'org_unit', type: 'varchar', length: 64 })
  orgUnit: string;

  /** 承办人 / 联系方式; null when the form was numbered for a submission made outside the desk */
  @Column({ name: 'contact_name', type: 'varchar', length: 100, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 50, nullable: true })
  contactPhone: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;
}
