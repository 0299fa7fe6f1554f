/**
 * What a person reads about the shared collective-deliberation payload fields, for the generated
 * payload schemas (RECORD_MEETING's own classes take their common fields from
 * workflows/common/field-docs.ts). Pure data.
 */
import type { FieldDocTable } from '../field-docs';
import { ScheduleMeetingPayload } from './collective-decision.payloads';

export const collectiveDecisionFieldDocs: FieldDocTable = [
  [ScheduleMeetingPayload, {
    meetingType: { zh: '会议类型', en: 'Meeting type' },
    scheduledAt: { zh: '会议时间', en: 'Scheduled at', example: '2020-10-20T09:00:00+08:00' },
  }],
];
