import type { FactDeclaration } from '@app/engine';
import { DocketError } from './runtime.errors';
import { findOrgUnit, resolveOrgUnitFacts } from './facts.resolver';

const UNITS = [
  { id: 'dzb', nameZh: '党政办', nameEn: 'Party and Government Office' },
  { id: 'jjfzb', nameZh: '经济发展办', nameEn: 'Economic Development Office' },
  { id: 'sfs', nameZh: '司法所', nameEn: 'Justice Office' },
];
const directory = () => {
  let calls = 0;
  return { list: async () => (calls++, UNITS), calls: () => calls };
};
const DECLS: Record<string, FactDeclaration> = {
  unit: { kind: 'orgUnit', from: { payload: 'undertakingUnit' } },
  days: { kind: 'workdaysAfter', from: 'today', days: { key: 'x', default: 7 } },
};

describe('fact kind orgUnit', () => {
  it.each([
    ['the id', 'jjfzb'],
    ['the exact Chinese name', '经济发展办'],
    ['the exact English name', 'Economic Development Office'],
    ['the name with surrounding blanks', ' 经济发展办 '],
  ])('finds a unit by %s', (_how, given) => {
    expect(findOrgUnit(UNITS, given)?.id).toBe('jjfzb');
  });

  it.each(['', '  ', '经济发展', 'JJFZB', '经济 发展办', '%'])('finds no unit for %j', (given) => {
    expect(findOrgUnit(UNITS, given)).toBeUndefined();
  });

  it('resolves the declared payload field to the unit record, reading the table once', async () => {
    const d = directory();
    expect(await resolveOrgUnitFacts(DECLS, { undertakingUnit: '经济发展办' }, d)).toEqual({ unit: UNITS[1] });
    expect(d.calls()).toBe(1);
  });

  it('leaves an absent or non-text field to the payload check, without reading the table', async () => {
    const d = directory();
    expect(await resolveOrgUnitFacts(DECLS, {}, d)).toEqual({});
    expect(await resolveOrgUnitFacts(DECLS, { undertakingUnit: 7 }, d)).toEqual({});
    expect(await resolveOrgUnitFacts({ days: DECLS.days }, { undertakingUnit: 'x' }, d)).toEqual({});
    expect(d.calls()).toBe(0);
  });

  it('refuses an unknown unit with 422 UNKNOWN_ORG_UNIT naming the field and listing the units', async () => {
    const err = await resolveOrgUnitFacts(DECLS, { undertakingUnit: '城建办' }, directory()).catch((e) => e);
    expect(err).toBeInstanceOf(DocketError);
    expect(err).toMatchObject({ status: 422, code: 'UNKNOWN_ORG_UNIT' });
    expect(err.details).toMatchObject({ field: 'payload.undertakingUnit', given: '城建办', units: UNITS });
    expect(err.zh).toContain('党政办（dzb）、经济发展办（jjfzb）、司法所（sfs）');
    expect(err.en).toContain('Economic Development Office (jjfzb)');
  });

  it('without a directory every unit is unknown (never a guess)', async () => {
    await expect(resolveOrgUnitFacts(DECLS, { undertakingUnit: 'jjfzb' }, undefined)).rejects.toMatchObject({ code: 'UNKNOWN_ORG_UNIT' });
  });
});
