import type { DossierSection } from '@app/engine';

/**
 * The decision file (决策档案) of a major decision, stage by stage, as R713 Art. 33 asks it to be
 * archived whole: every record the machine keeps in its context, named by where it lives.
 */
export const MAJOR_DECISION_DOSSIER: DossierSection[] = [
  {
    stage: 'initiation',
    records: [
      { key: 'proposal', label: { zh: '决策事项建议', en: 'Proposal' } },
      { key: 'start', label: { zh: '启动决定', en: 'Start decision' } },
      { key: 'declined', label: { zh: '不予启动决定', en: 'Decision not to start' } },
      { key: 'procedures', label: { zh: '应履行的程序', en: 'Required procedures' } },
    ],
  },
  { stage: 'drafting', records: [{ key: 'drafts', label: { zh: '决策草案（按哈希存证）', en: 'Drafts (by hash)' } }] },
  { stage: 'publicParticipation', records: [{ key: 'participation', label: { zh: '公众参与记录及意见采纳情况', en: 'Public participation and adoption summary' } }] },
  {
    stage: 'expertReview',
    records: [
      { key: 'expertOpinions', label: { zh: '专家论证意见', en: 'Expert opinions' } },
      { key: 'expertSummaries', label: { zh: '专家意见采纳情况', en: 'Adoption of expert opinions' } },
    ],
  },
  { stage: 'riskAssessment', records: [{ key: 'riskReports', label: { zh: '风险评估报告', en: 'Risk assessment reports' } }] },
  { stage: 'legalityReview', records: [{ key: 'legalityReview', label: { zh: '合法性审查材料与审查意见', en: 'Legality review: submissions and opinion' } }] },
  { stage: 'collectiveDecision', records: [{ key: 'meetings', label: { zh: '集体讨论会议记录（含不同意见原文）', en: 'Meeting minutes (dissent verbatim)' } }] },
  { stage: 'partyCommitteeReport', records: [{ key: 'partyCommitteeReports', label: { zh: '向党委请示报告情况', en: 'Reports to the party committee' } }] },
  { stage: 'publication', records: [{ key: 'publications', label: { zh: '决策公布', en: 'Publication' } }] },
  {
    stage: 'implementation',
    records: [
      { key: 'implementationReports', label: { zh: '决策执行情况', en: 'Implementation reports' } },
      { key: 'postEvaluations', label: { zh: '决策后评估', en: 'Post-evaluations' } },
      { key: 'suspensions', label: { zh: '停止执行、暂缓执行', en: 'Suspensions' } },
      { key: 'adjustments', label: { zh: '决策调整', en: 'Adjustments' } },
    ],
  },
  {
    stage: 'archiving',
    records: [
      { key: 'closing', label: { zh: '办结', en: 'Closing' } },
      { key: 'archive', label: { zh: '归档', en: 'Archive' } },
    ],
  },
  { stage: 'terminated', records: [{ key: 'withdrawal', label: { zh: '撤回', en: 'Withdrawal' } }] },
];
