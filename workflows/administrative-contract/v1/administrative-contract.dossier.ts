import type { DossierSection } from '@app/engine';

/** The file of a contract review (合同审查档案), stage by stage: every record its context keeps. */
export const ADMINISTRATIVE_CONTRACT_DOSSIER: DossierSection[] = [
  {
    stage: 'dueDiligence',
    records: [
      { key: 'proposal', label: { zh: '合同事项', en: 'Proposal' } },
      { key: 'dueDiligence', label: { zh: '签约前尽职调查', en: 'Due diligence' } },
    ],
  },
  { stage: 'drafting', records: [{ key: 'drafts', label: { zh: '合同文本（按哈希存证）', en: 'Contract drafts (by hash)' } }] },
  { stage: 'legalityReview', records: [{ key: 'legalityReview', label: { zh: '合法性审查材料与审查意见', en: 'Legality review: submissions and opinion' } }] },
  { stage: 'collectiveDecision', records: [{ key: 'meetings', label: { zh: '集体讨论会议记录', en: 'Meetings' } }] },
  { stage: 'signing', records: [{ key: 'signings', label: { zh: '签订', en: 'Signing' } }] },
  { stage: 'registration', records: [{ key: 'platformRegistrations', label: { zh: '合同管理平台录入', en: 'Platform registration' } }] },
  { stage: 'filing', records: [{ key: 'filings', label: { zh: '备案', en: 'Filings' } }] },
  { stage: 'performance', records: [{ key: 'performanceReports', label: { zh: '履行情况', en: 'Performance reports' } }] },
  {
    stage: 'ended',
    records: [
      { key: 'closing', label: { zh: '终结及归档', en: 'Closing and archive' } },
      { key: 'withdrawals', label: { zh: '撤回', en: 'Withdrawals' } },
    ],
  },
];
