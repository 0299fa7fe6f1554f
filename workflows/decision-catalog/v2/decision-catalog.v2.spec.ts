/**
 * decision-catalog v2 (issue 9 §7): an item's undertaking unit is the resolved org unit — id (who
 * may propose the item's decision) and name (display); v1 is unchanged and its catalogs migrate.
 */
import 'reflect-metadata';
import type { PersistedSnapshot, WorkflowDefinition, WorkflowEvent } from '@app/engine';
import { definitionProblems, migrateCase, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { decisionCatalogV1 } from '../v1/decision-catalog.definition';
import type { DecisionCatalogContext } from '../v1/decision-catalog.machine';
import { ACTORS, createInput, ev, SEED_ITEMS, valid } from '../v1/testing/decision-catalog.fixtures';
import { decisionCatalogV2 } from './decision-catalog.v2.definition';

const JJFZB = { id: 'jjfzb', nameZh: '经济发展办', nameEn: 'Economic Development Office' };
const DZB = { id: 'dzb', nameZh: '党政办', nameEn: 'Party and Government Office' };

function begin(def: WorkflowDefinition): PersistedSnapshot {
  const out = startCase(def, createInput());
  if (!out.ok) throw new Error(out.refusal.code);
  return out.snapshot;
}
function outcome(def: WorkflowDefinition, s: PersistedSnapshot, e: WorkflowEvent) {
  return stepCase(def, s, e);
}
function step(def: WorkflowDefinition, s: PersistedSnapshot, e: WorkflowEvent): PersistedSnapshot {
  const out = outcome(def, s, e);
  if (!out.ok) throw new Error(`${e.type} refused: ${out.refusal.code}`);
  return out.snapshot;
}
const ctx = (s: PersistedSnapshot) => s.context as DecisionCatalogContext;
const addNamed = (unit: string, facts?: object) =>
  ev('ADD_ITEM', { item: { ...SEED_ITEMS()[0], undertakingUnit: unit }, reason: '列入目录' }, facts ? { facts: { undertakingUnit: facts } } : {});
const published = (def: WorkflowDefinition, add: WorkflowEvent) =>
  [add, ev('RECORD_PARTY_CONSENT', valid.RECORD_PARTY_CONSENT(1)), ev('PUBLISH_CATALOG')].reduce((s, e) => step(def, s, e), begin(def));
const link = (orgUnit: string) => ev('LINK_CASE', valid.LINK_CASE(1), { actor: { ...ACTORS['department-head'], orgUnit } });

describe('decision-catalog v2', () => {
  it('is a valid definition registered beside v1, the latest of its kind', () => {
    expect(definitionProblems(decisionCatalogV2)).toEqual([]);
    const registry = new WorkflowRegistry(allWorkflows);
    expect(registry.get('decision-catalog', 1)).toBe(decisionCatalogV1);
    expect(registry.latest('decision-catalog')).toBe(decisionCatalogV2);
  });

  it('an item named by its unit’s name keeps the id and the name; the unit’s head, and only it, may propose it', () => {
    const s = published(decisionCatalogV2, addNamed('经济发展办', JJFZB));
    expect(ctx(s).items[0]).toMatchObject({ undertakingUnitId: 'jjfzb', undertakingUnit: '经济发展办' });
    expect(ctx(s).changes[0].after).toMatchObject({ undertakingUnitId: 'jjfzb', undertakingUnit: '经济发展办' });
    expect(outcome(decisionCatalogV2, s, link('jjfzb')).ok).toBe(true);
    const other = outcome(decisionCatalogV2, s, link('dzb'));
    expect(other.ok ? null : other.refusal.code).toBe('CATALOG_NOT_YOUR_ITEM');
  });

  it('in v1 the typed name is compared with the unit id: its head could not propose it (the defect v2 fixes)', () => {
    const s = published(decisionCatalogV1, addNamed('经济发展办'));
    const out = outcome(decisionCatalogV1, s, link('jjfzb'));
    expect(out.ok ? null : out.refusal.code).toBe('CATALOG_NOT_YOUR_ITEM');
    expect(ctx(s).items[0]).not.toHaveProperty('undertakingUnitId');
  });

  it('an adjustment moves the item to another unit; naming the same unit by its id changes nothing', () => {
    const s = published(decisionCatalogV2, addNamed('经济发展办', JJFZB));
    const same = outcome(decisionCatalogV2, s, ev('ADJUST_ITEM', { itemNo: 1, changes: { undertakingUnit: 'jjfzb' }, reason: '更正' }, { facts: { undertakingUnit: JJFZB } }));
    expect(same.ok ? null : same.refusal.code).toBe('CATALOG_ADJUSTMENT_EMPTY');
    const moved = step(decisionCatalogV2, s, ev('ADJUST_ITEM', { itemNo: 1, changes: { undertakingUnit: '党政办' }, reason: '改由党政办承办' }, { facts: { undertakingUnit: DZB } }));
    expect(ctx(moved).items[0]).toMatchObject({ undertakingUnitId: 'dzb', undertakingUnit: '党政办' });
    // other adjustments leave the unit as it is
    const later = step(decisionCatalogV2, moved, ev('ADJUST_ITEM', valid.ADJUST_ITEM(1)));
    expect(ctx(later).items[0]).toMatchObject({ undertakingUnitId: 'dzb', undertakingUnit: '党政办' });
  });

  it('migrates a v1 catalog: same state, its items keep the unit they were given', () => {
    const v1 = published(decisionCatalogV1, addNamed('jjfzb'));
    const out = migrateCase(decisionCatalogV1, decisionCatalogV2, v1, { role: 'admin' });
    if (!out.ok) throw new Error(out.refusal.code);
    expect(out.snapshot.value).toBe('published');
    expect(ctx(out.snapshot).items[0]).toMatchObject({ undertakingUnit: 'jjfzb' });
    expect(outcome(decisionCatalogV2, out.snapshot, link('jjfzb')).ok).toBe(true);
  });
});
