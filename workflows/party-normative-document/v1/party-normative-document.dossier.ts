import type { DossierSection } from '@app/engine';

/** The file of a party normative document (党内规范性文件档案), stage by stage. */
export const PARTY_NORMATIVE_DOCUMENT_DOSSIER: DossierSection[] = [
  {
    stage: 'drafting',
    records: [
      { key: 'proposal', label: { zh: '制定事项', en: 'Proposal' } },
      { key: 'drafts', label: { zh: '文件草案（按哈希存证）', en: 'Drafts (by hash)' } },
    ],
  },
  { stage: 'legalityReview', records: [{ key: 'legalityReview', label: { zh: '前置审核材料与审核意见', en: 'Pre-issuance review: submissions and opinion' } }] },
  { stage: 'issuance', records: [{ key: 'issuances', label: { zh: '印发', en: 'Issuance' } }] },
  {
    stage: 'filing',
    records: [
      { key: 'filings', label: { zh: '报送备案', en: 'Filings' } },
      { key: 'overdue', label: { zh: '逾期未报备', en: 'Filings overdue' } },
    ],
  },
  {
    stage: 'filingReview',
    records: [
      { key: 'filingReviews', label: { zh: '备案审查结果', en: 'Filing review results' } },
      { key: 'standing', label: { zh: '文件状态', en: 'Standing' } },
    ],
  },
  { stage: 'inForce', records: [{ key: 'amendments', label: { zh: '修改', en: 'Amendments' } }] },
  {
    stage: 'ended',
    records: [
      { key: 'repeal', label: { zh: '废止', en: 'Repeal' } },
      { key: 'withdrawals', label: { zh: '撤回', en: 'Withdrawals' } },
    ],
  },
];
