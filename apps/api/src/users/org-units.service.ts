import { AuthenticatedUser } from '@app/auth';
import { OrgUnitEntity, OrgUnitFormerName, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CreateOrgUnitRequestDto, RenameOrgUnitRequestDto } from './dto/org-unit.request.dto';

export const ORG_UNIT_STATUS_LABELS = { active: { zh: '在用', en: 'Active' }, inactive: { zh: '已停用', en: 'Deactivated' } } as const;

export const toOrgUnitResponse = (u: OrgUnitEntity) => {
  const active = u.active !== false;
  return {
    id: u.id,
    nameZh: u.nameZh,
    nameEn: u.nameEn,
    active,
    statusLabel: active ? ORG_UNIT_STATUS_LABELS.active : ORG_UNIT_STATUS_LABELS.inactive,
    deactivatedAt: u.deactivatedAt ?? null,
    /** the names it had before each rename, oldest first */
    formerNames: JSON.parse(u.formerNames || '[]') as OrgUnitFormerName[],
  };
};

const unknownUnit = (id: string) =>
  new DocketError(404, 'ORG_UNIT_NOT_FOUND', `没有代码为“${id}”的机构`, `No org unit ${id}`, undefined, { field: 'id', given: id });

/**
 * Departments (org units): an administrator creates, renames and deactivates them. A rename keeps
 * the former names (with the instant each ended); the cases already recorded keep the name they were
 * recorded with (the undertaking unit is a fact of its event). A deactivated unit takes no new
 * users and no new event names it; its cases stay as they are.
 */
@Injectable()
export class OrgUnitsService {
  constructor(
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list() {
    return (await this.users.listOrgUnits()).map(toOrgUnitResponse);
  }

  async create(dto: CreateOrgUnitRequestDto) {
    if (await this.users.findOrgUnit(dto.id)) {
      throw new DocketError(409, 'ORG_UNIT_EXISTS', `机构代码“${dto.id}”已被使用`, `The org unit code ${dto.id} is taken`, undefined, { field: 'id', given: dto.id });
    }
    await this.assertNamesFree(dto.nameZh.trim(), dto.nameEn.trim(), dto.id);
    const u = Object.assign(new OrgUnitEntity(), { id: dto.id, nameZh: dto.nameZh.trim(), nameEn: dto.nameEn.trim(), active: true, deactivatedAt: null, formerNames: '[]' });
    await this.users.insertOrgUnit(u);
    return toOrgUnitResponse(u);
  }

  async rename(admin: AuthenticatedUser, id: string, dto: RenameOrgUnitRequestDto) {
    const u = await this.byId(id);
    const nameZh = dto.nameZh.trim();
    const nameEn = dto.nameEn.trim();
    if (nameZh === u.nameZh && nameEn === u.nameEn) {
      throw new DocketError(422, 'ORG_UNIT_NAME_UNCHANGED', `机构名称未改变（仍为“${u.nameZh}”）`, `The names are unchanged (${u.nameEn})`, undefined, { field: 'nameZh' });
    }
    await this.assertNamesFree(nameZh, nameEn, id);
    const former: OrgUnitFormerName[] = [...JSON.parse(u.formerNames || '[]'), { nameZh: u.nameZh, nameEn: u.nameEn, until: this.clock.now().toISOString(), renamedBy: admin.id }];
    const patch = { nameZh, nameEn, formerNames: JSON.stringify(former) };
    await this.users.updateOrgUnit(id, patch);
    return toOrgUnitResponse(Object.assign(u, patch));
  }

  /**
   * Deactivates a unit. Refused while it has active users (409 ORG_UNIT_HAS_ACTIVE_USERS, naming
   * them): an administrator first moves or disables them, so nobody is left working in a unit
   * that no longer takes matters.
   */
  async deactivate(id: string) {
    const u = await this.byId(id);
    if (u.active === false) {
      throw new DocketError(409, 'ORG_UNIT_ALREADY_INACTIVE', `机构“${u.nameZh}”已经停用`, `The org unit ${u.nameEn} is already deactivated`);
    }
    const people = await this.users.activeUsersOf(id);
    if (people.length) {
      throw new DocketError(
        409,
        'ORG_UNIT_HAS_ACTIVE_USERS',
        `机构“${u.nameZh}”还有 ${people.length} 个在用账号（${people.map((p) => p.displayName).join('、')}），请先停用这些账号后再停用该机构`,
        `The org unit ${u.nameEn} still has ${people.length} active user(s) (${people.map((p) => p.username).join(', ')}); disable them first`,
        undefined,
        { users: people.map((p) => ({ id: p.id, username: p.username, displayName: p.displayName })) },
      );
    }
    const patch = { active: false, deactivatedAt: this.clock.now().toISOString() };
    await this.users.updateOrgUnit(id, patch);
    return toOrgUnitResponse(Object.assign(u, patch));
  }

  /** Two units never share a name (events name a unit by its name). */
  private async assertNamesFree(nameZh: string, nameEn: string, self: string) {
    const clash = (await this.users.listOrgUnits()).find((o) => o.id !== self && (o.nameZh === nameZh || o.nameEn === nameEn || o.id === nameZh || o.id === nameEn));
    if (clash) {
      throw new DocketError(
        409,
        'ORG_UNIT_NAME_TAKEN',
        `名称已被机构“${clash.nameZh}”使用`,
        `The name is used by the org unit ${clash.nameEn} (${clash.id})`,
        undefined,
        { field: clash.nameZh === nameZh || clash.id === nameZh ? 'nameZh' : 'nameEn', unit: clash.id },
      );
    }
  }

  private async byId(id: string): Promise<OrgUnitEntity> {
    const u = await this.users.findOrgUnit(id);
    if (!u) throw unknownUnit(id);
    return u;
  }
}
