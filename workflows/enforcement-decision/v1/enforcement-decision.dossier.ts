import type { DossierSection } from '@app/engine';

/** The file of a major enforcement decision's review (执法决定审查档案), stage by stage. */
export const ENFORCEMENT_DECISION_DOSSIER: DossierSection[] = [
  {
    stage: 'investigation',
    records: [
      { key: 'proposal', label: { zh: '拟作出的决定事项', en: 'Proposed decision' } },
      { key: 'drafts', label: { zh: '拟处理意见及案卷材料（按哈希存证）', en: 'Proposed decisions and case files (by hash)' } },
      { key: 'sentBack', label: { zh: '退回补充调查', en: 'Sent back for further investigation' } },
    ],
  },
  { stage: 'legalityReview', records: [{ key: 'legalityReview', label: { zh: '法制审核材料与审核意见', en: 'Legal review: submissions and opinion' } }] },
  { stage: 'decision', records: [{ key: 'decision', label: { zh: '作出的决定', en: 'Decision' } }] },
  { stage: 'ended', records: [{ key: 'withdrawal', label: { zh: '撤回', en: 'Withdrawal' } }] },
];
