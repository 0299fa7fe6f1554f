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

  /** where reminder e-mails go (SMTP_URL set); null = in-app inbox only */
  @Column({ type: 'varchar', length: 254, nullable: true })
  email: string | null;
}
