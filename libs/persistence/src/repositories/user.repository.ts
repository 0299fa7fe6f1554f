import { DataSource } from 'typeorm';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { SecurityLogEntity } from '../entities/security-log.entity';
import { UserEntity } from '../entities/user.entity';
import { WriteSerializer } from './write-serializer';

/** The qualification columns an administrator sets (null clears one). */
export type UserQualificationPatch = Pick<
  UserEntity,
  'legalQualificationCertNo' | 'legalQualificationObtainedOn' | 'legalReviewSince' | 'qualificationsUpdatedAt' | 'qualificationsUpdatedBy'
>;

/** Users, org units and the security log. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { username } });
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOne({ where: { id } });
  }

  listUsers(): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ order: { username: 'ASC' } });
  }

  countUsers(): Promise<number> {
    return this.dataSource.getRepository(UserEntity).count();
  }

  /**
   * A write, queued behind the other writers on SQLite: TypeORM's better-sqlite3 driver shares one
   * connection, and a write issued while another repository's transaction is open would join it.
   */
  private write<T>(work: () => Promise<T>): Promise<T> {
    return this.dataSource.options.type === 'postgres' ? work() : WriteSerializer.for(this.dataSource).run(work);
  }

  async insertUser(user: UserEntity): Promise<void> {
    await this.write(() => this.dataSource.getRepository(UserEntity).insert(user));
  }

  /** Records a user's qualifications; false when there is no such user. */
  updateQualifications(id: string, patch: UserQualificationPatch): Promise<boolean> {
    return this.write(async () => (await this.dataSource.getRepository(UserEntity).update({ id }, patch)).affected === 1);
  }

  /** Sets (or with null clears) where a user's reminders are e-mailed; false when there is no such user. */
  updateEmail(id: string, email: string | null): Promise<boolean> {
    return this.write(async () => (await this.dataSource.getRepository(UserEntity).update({ id }, { email })).affected === 1);
  }

  listOrgUnits(): Promise<OrgUnitEntity[]> {
    return this.dataSource.getRepository(OrgUnitEntity).find({ order: { id: 'ASC' } });
  }

  findOrgUnit(id: string): Promise<OrgUnitEntity | null> {
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }

  async upsertOrgUnit(unit: OrgUnitEntity): Promise<void> {
    await this.write(() => this.dataSource.getRepository(OrgUnitEntity).save(unit));
  }

  async logSecurity(entry: Omit<SecurityLogEntity, 'id'>): Promise<void> {
    await this.write(() => this.dataSource.getRepository(SecurityLogEntity).insert(entry));
  }

  securityLog(limit = 200, offset = 0): Promise<SecurityLogEntity[]> {
    return this.dataSource.getRepository(SecurityLogEntity).find({ order: { id: 'DESC' }, take: limit, skip: offset });
  }
}
