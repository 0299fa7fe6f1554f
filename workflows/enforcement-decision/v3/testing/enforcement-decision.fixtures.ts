/**
 * Test fixtures for enforcement-decision v3: version 1's, and valid payloads for the events after
 * the decision (decision 2024-03-01, served the same day). Pure data, no I/O.
 */
import type { WorkflowEvent } from '@app/engine';
import * as v1 from '../../v1/testing/enforcement-decision.fixtures';
import type { EnforcementDecisionV3EventType } from '../enforcement-decision.machine';

export { ACTORS, AT, createInput, createPayload, HASH, profile, TODAY, UNQUALIFIED } from '../../v1/testing/enforcement-decision.fixtures';

export const valid = {
  ...v1.valid,
  SERVE_DECISION: (servedOn = '2024-03-01') => ({ servedOn, method: 'DIRECT', recipient: '慈溪市某建材有限公司', receiptHash: 'd'.repeat(64), publicationRequired: true }),
  PUBLISH_DECISION_NOTICE: (publishedOn = '2024-03-01') => ({ publishedOn, channel: '镇政府网站行政执法公示专栏', url: 'http://www.cixi.gov.cn/art/2024/3/1/art_1.html' }),
  RECORD_EXECUTION: (executedOn = '2024-03-01') => ({ mode: 'VOLUNTARY', executedOn, note: '当事人已缴纳罚款。' }),
  ARCHIVE_CASE: (archivedOn = '2024-03-01') => ({ archiveNumber: '掌综执档〔2024〕3号', archivedOn }),
} satisfies Record<EnforcementDecisionV3EventType, (...args: any[]) => object>;

const ROLE_OF: Record<EnforcementDecisionV3EventType, keyof typeof v1.ACTORS> = {
  ...v1.ROLE_OF,
  SERVE_DECISION: 'department-head',
  PUBLISH_DECISION_NOTICE: 'secretary',
  RECORD_EXECUTION: 'department-head',
  ARCHIVE_CASE: 'secretary',
};

export function ev(type: EnforcementDecisionV3EventType, payload?: object, overrides: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    payload: payload ?? (valid[type] as () => object)(),
    actor: v1.ACTORS[ROLE_OF[type]],
    at: v1.AT,
    today: v1.TODAY,
    facts: type === 'ISSUE_REVIEW_OPINION' ? { reviewer: v1.profile() } : {},
    ...overrides,
  };
}
