/** What a person reads about the payload fields major-decision v3 adds (pure data). */
import type { FieldDocTable } from '../../common/field-docs';
import { SubmitParticipationSummaryV3Payload } from './major-decision.v3.payloads';

export const majorDecisionV3FieldDocs: FieldDocTable = [
  [SubmitParticipationSummaryV3Payload, {
    summary: {
      zh: '意见研究采纳情况',
      en: 'How the opinions were adopted',
      example: '共收到意见 3 条，采纳 1 条，未采纳的已逐条说明理由。',
      description: {
        zh: '《重大行政决策程序暂行条例》第二十九条第（二）项；收到、采纳等数量由系统根据意见台账计算，无需填写',
        en: 'As the regulation on major decisions requires (Art. 29 (2)); the counts (received, adopted, …) are computed from the comment docket, not typed in',
      },
    },
  }],
];
