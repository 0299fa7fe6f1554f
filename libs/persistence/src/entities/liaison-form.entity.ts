import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The header of one work liaison form (工作联系单, SPEC §3.4) of the legality-review desk: what the
 * case's history does not hold about one submission of a case to review — the contact.
 *
 * The form's number is the submission's own: the runtime draws it inside the submission's
 * transaction into the SUBMIT_FOR_LEGALITY_REVIEW record's `facts.liaisonFormNumber` (the legal
 * record), whether the case was sent through the desk or not; the materials, requested completion
 * date, acceptance, return and opinion are history records too, and the desk derives every status
 * from them. `submitSeq` is the history seq of the SUBMIT_FOR_LEGALITY_REVIEW record the form belongs to.
 * Rows are written once, never updated.
 */
@Entity({ name: 'liaison_forms' })
@Index(['caseId', 'submitSeq'], { unique: true })
export class LiaisonFormEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'case_id', type: 'varchar', length: 36 })
  caseId: string;

  @Column({ name: 'submit_seq', type: 'integer' })
  submitSeq: number;

  @Column({ type: 'varchar', length: 64 })
  kind: string;

  /** 送审单位: the case's owning unit */
  @Column({ name: 'org_unit', type: 'varchar', length: 64 })
  orgUnit: string;

  /** 承办人 / 联系方式 */
  @Column({ name: 'contact_name', type: 'varchar', length: 100, nullable: true })
  contactName: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 50, nullable: true })
  contactPhone: string | null;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy: string;
}
