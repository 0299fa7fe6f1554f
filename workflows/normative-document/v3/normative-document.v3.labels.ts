/** What a person reads about the payload fields normative-document v3 adds (pure data). */
import type { FieldDocTable } from '../../common/field-docs';
import { SubmitParticipationSummaryV3Payload } from './normative-document.v3.payloads';

export const normativeDocumentV3FieldDocs: FieldDocTable = [
  [SubmitParticipationSummaryV3Payload, {
    summary: {
      zh: '意见研究采纳情况',
      en: 'How the opinions were adopted',
      example: '共收到意见 2 条，采纳 1 条，未采纳的已说明理由。',
      description: { zh: '收到、采纳等数量由系统根据意见台账计算，无需填写', en: 'The counts (received, adopted, …) are computed from the comment docket, not typed in' },
    },
    marketEntitiesHeard: { zh: '听取意见的市场主体、行业协会', en: 'Market entities heard', example: ['镇个体劳动者协会'] },
    adoptionFeedback: { zh: '意见采纳情况反馈', en: 'Feedback on adopted views', description: { zh: '向社会公布的采纳情况（《优化营商环境条例》第六十二条第二款）', en: 'Published feedback on how views were adopted (OBE Art. 62 ¶2)' } },
  }],
];
