import type { WorkflowDefinition } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { dossierStages } from './dossier.service';

describe('dossier stages', () => {
  const def = {
    label: { zh: '测试', en: 'Test' },
    stages: { a: { zh: '甲', en: 'A' }, b: { zh: '乙', en: 'B' } },
    dossier: [
      { stage: 'a', records: [{ key: 'x', label: { zh: '记录甲', en: 'X' } }] },
      { stage: 'b', records: [{ key: 'y', label: { zh: '记录乙', en: 'Y' } }] },
    ],
  } as unknown as WorkflowDefinition;

  it('puts each named record under its stage and leaves no other record out', () => {
    const stages = dossierStages(def, { caseId: 'c', title: 't', round: 1, created: { at: 'x' }, x: [1], y: [], z: { n: 1 } });
    expect(stages).toEqual([
      { stage: 'a', label: { zh: '甲', en: 'A' }, records: [{ key: 'x', label: { zh: '记录甲', en: 'X' }, value: [1] }] },
      { stage: 'b', label: { zh: '乙', en: 'B' }, records: [] },
      { stage: 'other', label: { zh: '其他记录', en: 'Other records' }, records: [{ key: 'z', label: { zh: 'z', en: 'z' }, value: { n: 1 } }] },
    ]);
  });

  it('every workflow arranges its dossier by its own stages', () => {
    for (const d of allWorkflows) {
      expect({ kind: d.kind, version: d.version, sections: !!d.dossier?.length }).toEqual({ kind: d.kind, version: d.version, sections: true });
      for (const s of d.dossier ?? []) expect({ kind: d.kind, stage: s.stage, known: s.stage in d.stages }).toEqual({ kind: d.kind, stage: s.stage, known: true });
    }
  });
});
