import type { OrgUnitRecord } from '@app/engine';
import type { UserRepository } from '@app/persistence';

/** Where the runtime reads the org units (fact kind `orgUnit`). */
export interface OrgUnitDirectory {
  /** every unit; `active: false` for a deactivated one (no new event may name it) */
  list(): Promise<Array<OrgUnitRecord & { active?: boolean }>>;
}

/** The org-units table. */
export class TableOrgUnitDirectory implements OrgUnitDirectory {
  constructor(private readonly users: Pick<UserRepository, 'listOrgUnits'>) {}

  async list(): Promise<Array<OrgUnitRecord & { active: boolean }>> {
    return (await this.users.listOrgUnits()).map((u) => ({ id: u.id, nameZh: u.nameZh, nameEn: u.nameEn, active: u.active !== false }));
  }
}
