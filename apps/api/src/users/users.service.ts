import { assertPasswordPolicy, AuthenticatedUser, hashPassword } from '@app/auth';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { type Role, shanghaiDate } from '@app/engine';
import { USER_REPOSITORY, UserEntity, UserRepository } from '@app/persistence';
import { CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { REQUEST_FIELD_TITLES } from '../common/request-field-titles';
import { CreateUserRequestDto } from './dto/create-user.request.dto';
import { UpdateUserQualificationsRequestDto } from './dto/update-user-qualifications.request.dto';

export const toUserResponse = (u: UserEntity) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  orgUnit: u.orgUnit,
  roles: JSON.parse(u.roles) as Role[],
  active: !!u.active,
  createdAt: u.createdAt,
  email: u.email ?? null,
  /** until when logins are refused after too many wrong passwords (past or null: not locked) */
  lockedUntil: u.lockedUntil ?? null,
  failedLoginCount: u.failedLoginCount ?? 0,
  /** the next login must set a new password before anything else (PASSWORD_CHANGE_REQUIRED) */
  mustChangePassword: !!u.mustChangePassword,
  passwordChangedAt: u.passwordChangedAt ?? null,
  qualifications: {
    legalProfessionalQualification: u.legalQualificationCertNo
      ? { certificateNumber: u.legalQualificationCertNo, obtainedOn: u.legalQualificationObtainedOn ?? null }
      : null,
    legalReviewSince: u.legalReviewSince ?? null,
    updatedAt: u.qualificationsUpdatedAt ?? null,
    updatedBy: u.qualificationsUpdatedBy ?? null,
  },
});

@Injectable()
export class UsersService {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
  ) {}

  async list() {
    return (await this.users.listUsers()).map(toUserResponse);
  }

  async create(dto: CreateUserRequestDto) {
    const unit = await this.users.findOrgUnit(dto.orgUnit);
    if (!unit) {
      throw new DocketError(400, 'UNKNOWN_ORG_UNIT', `单位不存在：${dto.orgUnit}`, `No org unit ${dto.orgUnit}`, undefined, { field: 'orgUnit' });
    }
    if (unit.active === false) {
      throw new DocketError(422, 'ORG_UNIT_INACTIVE', `“${unit.nameZh}”已停用，不能再新建该机构的账号`, `The org unit ${unit.nameEn} is deactivated: no new users`, undefined, { field: 'orgUnit' });
    }
    if (await this.users.findByUsername(dto.username)) {
      throw new DocketError(409, 'USERNAME_TAKEN', `用户名已存在：${dto.username}`, `Username ${dto.username} is taken`);
    }
    assertPasswordPolicy(dto.password, this.config.passwordPolicy, { username: dto.username, demoPassword: this.config.demoPassword, field: 'password' });
    const u = new UserEntity();
    Object.assign(u, {
      id: randomUUID(),
      username: dto.username,
      displayName: dto.displayName,
      passwordHash: await hashPassword(dto.password),
      orgUnit: dto.orgUnit,
      roles: JSON.stringify(dto.roles),
      active: true,
      createdAt: this.clock.now().toISOString(),
      email: dto.email ?? null,
      // an initial password an administrator chose is temporary, except in demo mode (unless said otherwise)
      mustChangePassword: dto.mustChangePassword ?? !this.config.demoMode,
      failedLoginCount: 0,
      tokenVersion: 0,
    });
    await this.users.insertUser(u);
    return toUserResponse(u);
  }

  /** APL Art. 58 ¶2: what the enforcement-decision workflow reads as the reviewer's qualification. */
  async updateQualifications(admin: AuthenticatedUser, id: string, dto: UpdateUserQualificationsRequestDto) {
    const u = await this.users.findById(id);
    if (!u) throw new DocketError(404, 'USER_NOT_FOUND', `用户不存在：${id}`, `No user ${id}`);
    const given = (['legalQualificationCertificateNumber', 'legalQualificationObtainedOn', 'legalReviewSince'] as const).filter((k) => dto[k] !== undefined);
    if (!given.length) {
      throw new DocketError(400, 'NOTHING_TO_UPDATE', '请至少填写一项资格信息（填 null 表示清除）', 'Give at least one qualification field (null clears it)');
    }
    const now = this.clock.now().toISOString();
    const today = shanghaiDate(now);
    const next = {
      legalQualificationCertNo: dto.legalQualificationCertificateNumber === undefined ? u.legalQualificationCertNo : dto.legalQualificationCertificateNumber,
      legalQualificationObtainedOn: dto.legalQualificationObtainedOn === undefined ? u.legalQualificationObtainedOn : dto.legalQualificationObtainedOn,
      legalReviewSince: dto.legalReviewSince === undefined ? u.legalReviewSince : dto.legalReviewSince,
    };
    // clearing the certificate clears the day it was obtained
    if (dto.legalQualificationCertificateNumber === null && dto.legalQualificationObtainedOn === undefined) next.legalQualificationObtainedOn = null;
    if (next.legalQualificationObtainedOn && !next.legalQualificationCertNo) {
      throw new DocketError(
        400,
        'QUALIFICATION_CERTIFICATE_REQUIRED',
        '填写取得法律职业资格的日期时，应当同时填写资格证书编号',
        'The day the qualification was obtained needs the certificate number',
      );
    }
    for (const [field, day] of [['legalQualificationObtainedOn', next.legalQualificationObtainedOn], ['legalReviewSince', next.legalReviewSince]] as const) {
      if (day && day > today) {
        throw new DocketError(400, 'DATE_IN_FUTURE', `${REQUEST_FIELD_TITLES[field]?.zh ?? '日期'}不得晚于今天（${today}）`, `${field} cannot be after today (${today})`, undefined, { field });
      }
    }
    const patch = { ...next, qualificationsUpdatedAt: now, qualificationsUpdatedBy: admin.id };
    if (!(await this.users.updateQualifications(id, patch))) throw new DocketError(404, 'USER_NOT_FOUND', `用户不存在：${id}`, `No user ${id}`);
    return toUserResponse(Object.assign(u, patch));
  }

  async updateEmail(id: string, email: string | null) {
    const u = await this.users.findById(id);
    if (!u || !(await this.users.updateEmail(id, email))) throw new DocketError(404, 'USER_NOT_FOUND', `用户不存在：${id}`, `No user ${id}`);
    return toUserResponse(Object.assign(u, { email }));
  }

  /**
   * An administrator sets a temporary password: it must satisfy the policy, the user must change it
   * at the next login (PASSWORD_CHANGE_REQUIRED until then), every session of the user ends and a
   * lockout is lifted.
   */
  async resetPassword(username: string, temporaryPassword: string) {
    const u = await this.byUsername(username);
    assertPasswordPolicy(temporaryPassword, this.config.passwordPolicy, { username: u.username, demoPassword: this.config.demoPassword, field: 'temporaryPassword' });
    await this.users.setPassword(u.id, await hashPassword(temporaryPassword), true, null);
    return toUserResponse((await this.users.findById(u.id))!);
  }

  /** An administrator ends a lockout before its time (issue 9 §4). */
  async unlock(username: string) {
    const u = await this.byUsername(username);
    await this.users.clearFailedLogins(u.id);
    return toUserResponse(Object.assign(u, { failedLoginCount: 0, lockedUntil: null }));
  }

  /**
   * An administrator disables an account: its tokens stop working at once (the token version is
   * raised) and it cannot log in (USER_DISABLED) until enabled again. Not one's own account.
   */
  async setActive(admin: AuthenticatedUser, username: string, active: boolean) {
    const u = await this.byUsername(username);
    if (!active && u.id === admin.id) {
      throw new DocketError(409, 'CANNOT_DISABLE_SELF', '不能停用自己的账号', 'You cannot disable your own account');
    }
    await this.users.setActive(u.id, active);
    return toUserResponse((await this.users.findById(u.id))!);
  }

  private async byUsername(username: string): Promise<UserEntity> {
    const u = await this.users.findByUsername(username);
    if (!u) throw new DocketError(404, 'USER_NOT_FOUND', `用户不存在：${username}`, `No user ${username}`);
    return u;
  }

  async securityLog(limit?: number, offset?: number) {
    return (await this.users.securityLog(limit, offset)).map((e) => ({ ...e, detail: JSON.parse(e.detail) }));
  }
}
