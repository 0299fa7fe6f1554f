/**
 * What a person reads about the comment period's and WITHDRAW's payload fields, for the generated
 * payload schemas. Pure data.
 */
import type { FieldDocTable } from './field-docs';
import { CloseCommentPeriodPayload, ExtendCommentPeriodPayload, PublishForCommentPayload } from './public-comment.payloads';
import { WithdrawPayload } from './withdraw.payload';

export const publicCommentFieldDocs: FieldDocTable = [
  [PublishForCommentPayload, {
    opensAt: { zh: '征求意见开始日期', en: 'Comment period opens on', example: '2020-08-04' },
    closesAt: { zh: '征求意见截止日期', en: 'Comment period closes on', example: '2020-09-03', description: { zh: '征求意见期限一般不少于 30 日', en: 'The comment period is at least 30 days as a rule' } },
    channels: { zh: '公布渠道', en: 'Channels', example: ['政府网站'] },
    shortenedReason: { zh: '缩短期限的理由', en: 'Reason for a shorter period', example: '因应急需要缩短征求意见期限。', description: { zh: '期限少于 30 日时必填', en: 'Required when the period is shorter than 30 days' } },
  }],
  [ExtendCommentPeriodPayload, {
    closesAt: { zh: '延长后的截止日期', en: 'New closing day', example: '2020-09-13' },
    reason: { zh: '延长理由', en: 'Reason', example: '意见较多，需延长征求意见期限。' },
  }],
  [CloseCommentPeriodPayload, { note: { zh: '备注', en: 'Note', example: '征求意见期满。' } }],
  [WithdrawPayload, { reason: { zh: '撤回理由', en: 'Reason for withdrawing', example: '因上级政策调整，不再推进该事项。' } }],
];
