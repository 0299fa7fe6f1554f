import { hashPassword } from '@app/auth';
import type { Role } from '@app/engine';
import { USER_REPOSITORY, UserEntity, UserRepository } from '@app/persistence';
import { CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { CreateUserRequestDto } from './dto/create-user.request.dto';

export const toUserResponse = (u: UserEntity) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  orgUnit: u.orgUnit,
  roles: JSON.parse(u.roles) as Role[],
  active: !!u.active,
  createdAt: u.createdAt,
  email: u.email ?? null,
});

@Injectable()
export class UsersService {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list() {
    return (await this.users.listUsers()).map(toUserResponse);
  }

  async create(dto: CreateUserRequestDto) {
    if (!(await this.users.findOrgUnit(dto.orgUnit))) {
      throw new DocketError(400, 'UNKNOWN_ORG_UNIT', `单位不存在：${dto.orgUnit}`, `No org unit ${dto.orgUnit}`);
    }
    if (await this.users.findByUsername(dto.username)) {
      throw new DocketError(409, 'USERNAME_TAKEN', `用户名已存在：${dto.username}`, `Username ${dto.username} is taken`);
    }
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
    });
    await this.users.insertUser(u);
    return toUserResponse(u);
  }

  orgUnits() {
    return this.users.listOrgUnits();
  }

  async securityLog() {
    return (await this.users.securityLog()).map((e) => ({ ...e, detail: JSON.parse(e.detail) }));
  }
}
