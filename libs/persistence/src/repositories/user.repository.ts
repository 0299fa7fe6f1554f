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

/** User ids are UUIDs (randomUUID); anything else names no user. */
export const USER_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Users, org units and the security log. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Null for anything but a non-empty text: TypeORM drops a `where` condition whose value is
   * undefined, so `findOne({ where: { username: undefined } })` would answer the first user.
   */
  async findByUsername(username: unknown): Promise<UserEntity | null> {
    if (typeof username !== 'string' || !username) return null;
    return this.dataSource.getRepository(UserEntity).findOne({ where: { username } });
  }

  /** Null for anything but a well-formed user id (never an undefined reaching the `where`). */
  async findById(id: unknown): Promise<UserEntity | null> {
    if (typeof id !== 'string' || !USER_ID_PATTERN.test(id)) return null;
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

  /**
   * Counts a wrong password; at the threshold the account is locked until `lockUntil` and the count
   * starts again. Two statements, each atomic, so concurrent attempts on PostgreSQL count every one.
   * Returns the lock instant when this attempt locked the account.
   */
  recordFailedLogin(id: string, threshold: number, lockUntil: string): Promise<string | null> {
    return this.write(async () => {
      const repo = this.dataSource.getRepository(UserEntity);
      await repo.createQueryBuilder().update().set({ failedLoginCount: () => 'failed_login_count + 1' }).where('id = :id', { id }).execute();
      const locked = await repo
        .createQueryBuilder()
        .update()
        .set({ failedLoginCount: 0, lockedUntil: lockUntil })
        .where('id = :id AND failed_login_count >= :threshold', { id, threshold })
        .execute();
      return locked.affected ? lockUntil : null;
    });
  }

  /** A successful login, or an administrator's unlock: no count, no lock. False when there is no such user. */
  clearFailedLogins(id: string): Promise<boolean> {
    return this.write(async () => (await this.dataSource.getRepository(UserEntity).update({ id }, { failedLoginCount: 0, lockedUntil: null })).affected === 1);
  }

  /** Revokes every token the user holds (logout). False when there is no such user. */
  revokeTokens(id: string): Promise<boolean> {
    return this.write(async () => {
      const res = await this.dataSource
        .getRepository(UserEntity)
        .createQueryBuilder()
        .update()
        .set({ tokenVersion: () => 'token_version + 1' })
        .where('id = :id', { id })
        .execute();
      return res.affected === 1;
    });
  }

  /** Enables or disables a user; disabling also revokes every token they hold. False when there is no such user. */
  setActive(id: string, active: boolean): Promise<boolean> {
    return this.write(async () => {
      const res = await this.dataSource
        .getRepository(UserEntity)
        .createQueryBuilder()
        .update()
        .set(active ? { active } : { active, tokenVersion: () => 'token_version + 1' })
        .where('id = :id', { id })
        .execute();
      return res.affected === 1;
    });
  }

  /**
   * Sets a user's password hash. `mustChange`: the next login must set a new one first (an
   * administrator's reset). Raises the token version (every earlier session ends) and clears a
   * lockout. False when there is no such user.
   */
  setPassword(id: string, passwordHash: string, mustChange: boolean, changedAt: string | null): Promise<boolean> {
    return this.write(async () => {
      const res = await this.dataSource
        .getRepository(UserEntity)
        .createQueryBuilder()
        .update()
        .set({
          passwordHash,
          mustChangePassword: mustChange,
          ...(changedAt ? { passwordChangedAt: changedAt } : {}),
          failedLoginCount: 0,
          lockedUntil: null,
          tokenVersion: () => 'token_version + 1',
        })
        .where('id = :id', { id })
        .execute();
      return res.affected === 1;
    });
  }

  /** Marks that the user must change the password before anything else (e.g. a login with the demo password outside demo mode). */
  requirePasswordChange(id: string): Promise<boolean> {
    return this.write(async () => (await this.dataSource.getRepository(UserEntity).update({ id }, { mustChangePassword: true })).affected === 1);
  }

  /** The active users of a unit, by username. */
  async activeUsersOf(orgUnit: string): Promise<UserEntity[]> {
    return this.dataSource.getRepository(UserEntity).find({ where: { orgUnit, active: true }, order: { username: 'ASC' } });
  }

  async insertOrgUnit(unit: OrgUnitEntity): Promise<void> {
    await this.write(() => this.dataSource.getRepository(OrgUnitEntity).insert(unit));
  }

  /** Updates a unit's names, former names or state; false when there is no such unit. */
  updateOrgUnit(id: string, patch: Partial<Pick<OrgUnitEntity, 'nameZh' | 'nameEn' | 'formerNames' | 'active' | 'deactivatedAt'>>): Promise<boolean> {
    return this.write(async () => (await this.dataSource.getRepository(OrgUnitEntity).update({ id }, patch)).affected === 1);
  }

  listOrgUnits(): Promise<OrgUnitEntity[]> {
    return this.dataSource.getRepository(OrgUnitEntity).find({ order: { id: 'ASC' } });
  }

  findOrgUnit(id: string): Promise<OrgUnitEntity | null> {
    if (typeof id !== 'string' || !id) return Promise.resolve(null);
    return this.dataSource.getRepository(OrgUnitEntity).findOne({ where: { id } });
  }


  async logSecurity(entry: Omit<SecurityLogEntity, 'id'>): Promise<void> {
    await this.write(() => this.dataSource.getRepository(SecurityLogEntity).insert(entry));
  }

  securityLog(limit = 200, offset = 0): Promise<SecurityLogEntity[]> {
    return this.dataSource.getRepository(SecurityLogEntity).find({ order: { id: 'DESC' }, take: limit, skip: offset });
  }
}
