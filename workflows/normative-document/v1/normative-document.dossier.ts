import type { DossierSection } from '@app/engine';

/** The file of a normative document (规范性文件档案), stage by stage: every record its context keeps. */
export const NORMATIVE_DOCUMENT_DOSSIER: DossierSection[] = [
  {
    stage: 'drafting',
    records: [
      { key: 'proposal', label: { zh: '制定事项', en: 'Proposal' } },
      { key: 'drafts', label: { zh: '文件草案及起草说明（按哈希存证）', en: 'Drafts and explanations (by hash)' } },
    ],
  },
  { stage: 'publicConsultation', records: [{ key: 'consultations', label: { zh: '公开征求意见及采纳情况', en: 'Public consultations and adoption' } }] },
  { stage: 'fairCompetitionReview', records: [{ key: 'fairCompetitionReviews', label: { zh: '公平竞争审查', en: 'Fair-competition reviews' } }] },
  { stage: 'legalityReview', records: [{ key: 'legalityReview', label: { zh: '合法性审核材料与审核意见', en: 'Legality review: submissions and opinion' } }] },
  { stage: 'collectiveDeliberation', records: [{ key: 'meetings', label: { zh: '集体审议会议记录', en: 'Deliberation meetings' } }] },
  {
    stage: 'issuance',
    records: [
      { key: 'registrations', label: { zh: '统一登记、统一编号', en: 'Registration and unified number' } },
      { key: 'publications', label: { zh: '统一公布', en: 'Publication' } },
    ],
  },
  {
    stage: 'filing',
    records: [
      { key: 'filings', label: { zh: '备案', en: 'Filings' } },
      { key: 'filingOverdue', label: { zh: '逾期未备案', en: 'Filings overdue' } },
    ],
  },
  {
    stage: 'inForce',
    records: [
      { key: 'inEffect', label: { zh: '施行及有效期', en: 'In force and validity' } },
      { key: 'expiryEvaluations', label: { zh: '有效期届满前评估', en: 'Evaluations before expiry' } },
      { key: 'cleanupReviews', label: { zh: '清理结论', en: 'Cleanup conclusions' } },
      { key: 'cleanupCampaigns', label: { zh: '参加的清理', en: 'Cleanup campaigns' } },
      { key: 'amendments', label: { zh: '修改', en: 'Amendments' } },
    ],
  },
  {
    stage: 'ended',
    records: [
      { key: 'repeal', label: { zh: '废止', en: 'Repeal' } },
      { key: 'expiry', label: { zh: '失效', en: 'Expiry' } },
    ],
  },
  { stage: 'terminated', records: [{ key: 'withdrawals', label: { zh: '撤回', en: 'Withdrawals' } }] },
];
