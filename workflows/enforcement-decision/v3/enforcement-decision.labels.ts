/**
 * What a person reads about the payload fields v3 adds (service, publication, execution,
 * archiving), for the generated payload schemas. Pure data.
 */
import type { FieldDocTable } from '../../common/field-docs';
import { ArchiveCasePayload, PublishDecisionNoticePayload, RecordExecutionPayload, ServeDecisionPayload } from './enforcement-decision.payloads';

export const enforcementDecisionV3FieldDocs: FieldDocTable = [
  [ServeDecisionPayload, {
    servedOn: { zh: '送达日期', en: 'Served on', description: { zh: '不得早于决定日期，也不得晚于今天', en: 'Not before the decision, not in the future' } },
    method: { zh: '送达方式', en: 'Method of service', description: { zh: '《行政处罚法》第六十一条、《民事诉讼法》规定的送达方式', en: 'APL Art. 61; CPL Arts. 87–95' }, enumLabels: {
      DIRECT: { zh: '直接送达', en: 'Direct service' },
      LEFT_AT_RESIDENCE: { zh: '留置送达', en: 'Service by leaving it at the residence' },
      MAIL: { zh: '邮寄送达', en: 'Service by mail' },
      ENTRUSTED: { zh: '委托送达', en: 'Entrusted service' },
      PUBLIC_NOTICE: { zh: '公告送达', en: 'Service by public notice' },
      ELECTRONIC: { zh: '电子送达', en: 'Electronic service' },
    } },
    recipient: { zh: '受送达人', en: 'Recipient', example: '慈溪市某建材有限公司' },
    electronicConsent: { zh: '当事人同意电子送达并签订确认书', en: 'Party consented to electronic service', example: false, description: { zh: '电子送达时必填', en: 'Required for electronic service' } },
    publicNoticeGrounds: { zh: '公告送达理由', en: 'Grounds for service by public notice', example: '受送达人下落不明。' },
    receiptHash: { zh: '送达回证（SHA-256）', en: 'Proof of service (SHA-256)' },
    publicationRequired: { zh: '具有一定社会影响，应当公示', en: 'To be published', example: true, description: { zh: '具有一定社会影响的行政处罚决定应当依法公开（《行政处罚法》第四十八条）', en: 'Decisions with a certain social impact are published (APL Art. 48)' } },
  }],
  [PublishDecisionNoticePayload, {
    publishedOn: { zh: '公示日期', en: 'Published on' },
    channel: { zh: '公示渠道', en: 'Channel', example: '镇政府网站行政执法公示专栏' },
    url: { zh: '公示网址', en: 'Address', example: 'http://www.cixi.gov.cn/art/2020/8/20/art_1.html' },
  }],
  [RecordExecutionPayload, {
    mode: { zh: '执行方式', en: 'Mode of execution', enumLabels: {
      VOLUNTARY: { zh: '当事人自觉履行', en: 'Performed by the party' },
      ORGAN_ENFORCED: { zh: '行政机关强制执行', en: 'Enforced by the organ' },
      COURT_APPLICATION: { zh: '申请人民法院强制执行', en: 'Application to the court for enforcement' },
    } },
    executedOn: { zh: '执行日期', en: 'Executed on', description: { zh: '履行完毕、强制执行或者申请人民法院强制执行之日', en: 'The day performed, enforced or applied for' } },
    court: { zh: '受理申请的人民法院', en: 'Court', example: '慈溪市人民法院' },
    note: { zh: '执行情况说明', en: 'Note', example: '当事人已缴纳罚款 24 万元。' },
  }],
  [ArchiveCasePayload, {
    archiveNumber: { zh: '档案号', en: 'Archive number', example: '掌综执档〔2020〕15号' },
    archivedOn: { zh: '归档日期', en: 'Archived on' },
  }],
];
