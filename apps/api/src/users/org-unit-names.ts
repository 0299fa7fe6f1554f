import type { OrgUnitEntity, OrgUnitFormerName } from '@app/persistence';

export interface UnitLabel {
  zh: string;
  en: string;
}

/**
 * A unit's names over time: the name it bore at an instant is the first former name whose rename
 * came after that instant, else its current name. Pure.
 */
export class OrgUnitNames {
  private readonly units = new Map<string, { current: UnitLabel; former: Array<UnitLabel & { until: string }> }>();

  constructor(rows: OrgUnitEntity[]) {
    for (const u of rows) {
      const former = (JSON.parse(u.formerNames || '[]') as OrgUnitFormerName[])
        .map((f) => ({ zh: f.nameZh, en: f.nameEn, until: f.until }))
        .sort((a, b) => Date.parse(a.until) - Date.parse(b.until));
      this.units.set(u.id, { current: { zh: u.nameZh, en: u.nameEn }, former });
    }
  }

  /** the current name */
  current(id: string): UnitLabel | undefined {
    return this.units.get(id)?.current;
  }

  /** the name the unit bore at `at` (an ISO instant); the current one without `at` */
  at(id: string, at?: string): UnitLabel | undefined {
    const u = this.units.get(id);
    if (!u) return undefined;
    if (!at) return u.current;
    const t = Date.parse(at);
    const then = u.former.find((f) => t < Date.parse(f.until));
    return then ? { zh: then.zh, en: then.en } : u.current;
  }
}
