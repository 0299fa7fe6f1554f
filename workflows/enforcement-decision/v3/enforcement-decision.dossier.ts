import type { DossierSection } from '@app/engine';
import { ENFORCEMENT_DECISION_DOSSIER } from '../v1/enforcement-decision.dossier';

/** Version 1's file of the case, with the records after the decision (送达、公示、执行、归档), stage by stage. */
export const ENFORCEMENT_DECISION_V3_DOSSIER: DossierSection[] = [
  ...ENFORCEMENT_DECISION_DOSSIER.filter((s) => s.stage !== 'ended'),
  { stage: 'service', records: [{ key: 'service', label: { zh: '决定书送达（送达回证）', en: 'Service of the decision (proof of service)' } }] },
  { stage: 'publication', records: [{ key: 'publication', label: { zh: '执法决定公示', en: 'Publication of the decision' } }] },
  { stage: 'execution', records: [{ key: 'execution', label: { zh: '执行情况', en: 'Execution' } }] },
  { stage: 'archive', records: [{ key: 'archive', label: { zh: '案卷归档', en: 'Archiving' } }] },
  ...ENFORCEMENT_DECISION_DOSSIER.filter((s) => s.stage === 'ended'),
];
