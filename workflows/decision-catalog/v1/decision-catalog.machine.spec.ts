/**
 * Pure specs of the decision-catalog machine through the engine (startCase / stepCase).
 */
import 'reflect-metadata';
import type { PersistedSnapshot, WorkflowEvent } from '@app/engine';
import { definitionProblems, describeDefinition, startCase, stepCase, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '../../index';
import { decisionCatalogV1 as def } from './decision-catalog.definition';
import { currentConsent, type DecisionCatalogContext, unpublishedChanges } from './decision-catalog.machine';
import { ACTORS, createInput, ev, valid } from './testing/decision-catalog.fixtures';

function begin(): PersistedSnapshot {
  const out = startCase(def, createInput());
  if (!out.ok) throw new Error(out.refusal.code);
  return out.snapshot;
}
function step(s: PersistedSnapshot, e: WorkflowEvent): PersistedSnapshot {
  const out = stepCase(def, s, e);
  if (!out.ok) throw new Error(`${e.type} refused: ${out.refusal.code}`);
  return out.snapshot;
}
function refusal(s: PersistedSnapshot, e: WorkflowEvent) {
  const out = stepCase(def, s, e);
  if (out.ok) throw new Error(`${e.type} accepted`);
  return out.refusal;
}
const ctx = (s: PersistedSnapshot) => s.context as DecisionCatalogContext;

const published = () =>
  [ev('ADD_ITEM', valid.ADD_ITEM(0)), ev('ADD_ITEM', valid.ADD_ITEM(1)), ev('RECORD_PARTY_CONSENT', valid.RECORD_PARTY_CONSENT(2)), ev('PUBLISH_CATALOG')].reduce(
    step,
    begin(),
  );

describe('decision-catalog v1', () => {
  it('is a valid, registered definition', () => {
    expect(definitionProblems(def)).toEqual([]);
    expect(new WorkflowRegistry(allWorkflows).get('decision-catalog', 1)).toBe(def);
    expect(describeDefinition(def).mermaid).toContain('stateDiagram-v2');
  });

  it('numbers items, records every change with before/after, and publishes after consent', () => {
    const s = published();
    expect(s.value).toBe('published');
    const c = ctx(s);
    expect(c.items.map((i) => i.no)).toEqual([1, 2]);
    expect(c.contentVersion).toBe(2);
    expect(c.changes.map((x) => [x.type, x.itemNo, x.before === null, x.after?.name])).toEqual([
      ['ADD', 1, true, '省“工业特色型”美丽城镇样板镇创建'],
      ['ADD', 2, true, '省3A级景区创建'],
    ]);
    expect(c.publications).toHaveLength(1);
    expect(c.publications[0].items).toHaveLength(2);
    expect(unpublishedChanges(c)).toBe(false);
  });

  it('refuses to publish without the party committee consent to the current version (R713 Art. 3 ¶3)', () => {
    const s = step(begin(), ev('ADD_ITEM'));
    const r = refusal(s, ev('PUBLISH_CATALOG'));
    expect(r).toMatchObject({ code: 'PARTY_CONSENT_REQUIRED', article: 'R713 Art. 3 ¶3' });
    expect(r.zh).toContain('党委同意');
    // consent to an older version is refused, and a change voids a consent given before it
    expect(refusal(s, ev('RECORD_PARTY_CONSENT', valid.RECORD_PARTY_CONSENT(7))).code).toBe('CONSENT_VERSION_MISMATCH');
    const consented = step(s, ev('RECORD_PARTY_CONSENT', valid.RECORD_PARTY_CONSENT(1)));
    expect(currentConsent(ctx(consented))).toBeDefined();
    const changed = step(consented, ev('ADD_ITEM', valid.ADD_ITEM(1)));
    expect(refusal(changed, ev('PUBLISH_CATALOG')).code).toBe('PARTY_CONSENT_REQUIRED');
  });

  it('an adjustment of the published catalog needs consent again and is republished', () => {
    const s = step(published(), ev('ADJUST_ITEM', valid.ADJUST_ITEM(1)));
    expect(s.value).toBe('adjusting');
    const change = ctx(s).changes[2];
    expect(change).toMatchObject({ type: 'ADJUST', itemNo: 1, reason: expect.stringContaining('顺延'), contentVersion: 3 });
    expect(change.before?.milestones.collectiveDecision).toBe('2020-10');
    expect(change.after?.milestones.collectiveDecision).toBe('2020-12');
    expect(change.after?.milestones.legalityReview).toBe('2020-09');
    expect(refusal(s, ev('PUBLISH_CATALOG')).code).toBe('PARTY_CONSENT_REQUIRED');
    const again = step(step(s, ev('RECORD_PARTY_CONSENT', valid.RECORD_PARTY_CONSENT(3))), ev('PUBLISH_CATALOG'));
    expect(again.value).toBe('published');
    expect(ctx(again).publications.map((p) => p.contentVersion)).toEqual([2, 3]);
  });

  it('refuses empty adjustments, unknown items, hearings without participation and removing an item with a case', () => {
    const s = published();
    expect(refusal(s, ev('ADJUST_ITEM', { itemNo: 1, changes: { milestones: { initiation: '2020-03' } }, reason: 'x' })).code).toBe('CATALOG_ADJUSTMENT_EMPTY');
    expect(refusal(s, ev('ADJUST_ITEM', valid.ADJUST_ITEM(9))).code).toBe('CATALOG_ITEM_NOT_FOUND');
    const bad = valid.ADD_ITEM(0);
    bad.item.procedures = { ...bad.item.procedures, publicParticipation: false, hearing: true };
    expect(refusal(s, ev('ADD_ITEM', bad)).code).toBe('PROCEDURES_INCONSISTENT');
    const linked = step(s, ev('LINK_CASE'));
    expect(ctx(linked).items[0].caseId).toBe(valid.LINK_CASE().caseId);
    expect(refusal(linked, ev('REMOVE_ITEM', valid.REMOVE_ITEM(1))).code).toBe('CATALOG_ITEM_HAS_CASE');
    expect(refusal(linked, ev('LINK_CASE')).code).toBe('CATALOG_ITEM_ALREADY_LINKED');
    const removed = step(linked, ev('REMOVE_ITEM', valid.REMOVE_ITEM(2)));
    expect(ctx(removed).items[1].removed).toBe(true);
    // numbers are never reused
    const added = step(removed, ev('ADD_ITEM', valid.ADD_ITEM(1)));
    expect(ctx(added).items.map((i) => i.no)).toEqual([1, 2, 3]);
  });

  it('links a case only to a published item and only by its undertaking unit', () => {
    const draft = step(begin(), ev('ADD_ITEM'));
    expect(refusal(draft, ev('LINK_CASE')).code).toBe('CATALOG_ITEM_NOT_PUBLISHED');
    const other = { ...ACTORS['department-head'], orgUnit: 'other-unit' };
    expect(refusal(published(), ev('LINK_CASE', undefined, { actor: other }))).toMatchObject({ code: 'CATALOG_NOT_YOUR_ITEM', status: 403 });
  });
});
