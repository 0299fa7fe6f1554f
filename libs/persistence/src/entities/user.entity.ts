import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  username: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  /** scrypt KDF output, see PasswordHasher */
  @Column({ name: 'password_hash', type: 'varchar', length: 300 })
  passwordHash: string;

  @Column({ name: 'org_unit', type: 'varchar', length: 64 })
  orgUnit: string;

  /** roles as a JSON array of role ids */
  @Column({ type: 'varchar', length: 500 })
  roles: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'varchar', length: 32 })
  createdAt: string;

  /** 法律职业资格证书编号 (APL Art. 58 ¶2), as an administrator recorded it */
  @Column({ name: 'legal_qualification_cert_no', type: 'varchar', length: 64, nullable: true })
  legalQualificationCertNo: string | null;

  /** the day the qualification was obtained (YYYY-MM-DD) */
  @Column({ name: 'legal_qualification_obtained_on', type: 'varchar', length: 10, nullable: true })
  legalQualificationObtainedOn: string | null;

  /** the day the user began legal review work (法制审核, YYYY-MM-DD) */
  @Column({ name: 'legal_review_since', type: 'varchar', length: 10, nullable: true })
  legalReviewSince: string | null;

  @Column({ name: 'qualifications_updated_at', type: 'varchar', length: 32, nullable: true })
  qualificationsUpdatedAt: string | null;

  /** the administrator who last recorded them */
  @Column({ name: 'qualifications_updated_by', type: 'varchar', length: 36, nullable: true })
  qualificationsUpdatedBy: string | null;

  /** where reminder e-mails go (SMTP_URL set); null = in-app inbox only */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;

  /** consecutive wrong passwords since the last success or lock (issue 9 §4) */
  @Column({ name: 'failed_login_count', type: 'integer', default: 0 })
  failedLoginCount: number;

  /** the instant (ISO 8601) a locked account opens again; null = not locked */
  @Column({ name: 'locked_until', type: 'varchar', length: 32, nullable: true })
  lockedUntil: string | null;

  /** carried in each token as `ver`; raised by logout and by disabling the user, which revokes every earlier token */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  /** the next login must set a new password first (an administrator's reset, a demo user outside demo mode) */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** when the user last set their own password (ISO 8601); null = never */
  @Column({ name: 'password_changed_at', type: 'varchar', length: 32, nullable: true })
  passwordChangedAt: string | null;
}
