import type { OrgUnitEntity } from '@app/persistence';
import { OrgUnitNames } from './org-unit-names';

describe('OrgUnitNames', () => {
  const names = new OrgUnitNames([
    {
      id: 'u',
      nameZh: '丙办',
      nameEn: 'C',
      formerNames: JSON.stringify([
        { nameZh: '乙办', nameEn: 'B', until: '2021-06-01T00:00:00.000Z', renamedBy: 'x' },
        { nameZh: '甲办', nameEn: 'A', until: '2020-06-01T00:00:00.000Z', renamedBy: 'x' },
      ]),
    } as OrgUnitEntity,
  ]);

  it('names a unit as it was called at the instant', () => {
    expect(names.at('u', '2020-01-01T00:00:00.000Z')).toEqual({ zh: '甲办', en: 'A' });
    expect(names.at('u', '2020-06-01T00:00:00.000Z')?.zh).toBe('乙办');
    expect(names.at('u', '2021-05-31T23:59:59.000Z')?.zh).toBe('乙办');
    expect(names.at('u', '2021-06-01T00:00:00.000Z')?.zh).toBe('丙办');
    expect(names.at('u')?.en).toBe('C');
    expect(names.current('u')?.zh).toBe('丙办');
    expect(names.at('nope', '2020-01-01T00:00:00.000Z')).toBeUndefined();
  });
});
