/**
 * Fixtures for the decision-catalog workflow: the seed town's two 2020 items (SPEC §1) and valid
 * payloads for every event. Pure data, no I/O.
 */
import type { Actor, WorkflowEvent, WorkflowInput } from '@app/engine';
import type { CatalogProcedures, DecisionCatalogEventType } from '../decision-catalog.machine';

export const AT = '2020-02-20T02:00:00.000Z';
export const TODAY = '2020-02-20';

export const ACTORS = {
  secretary: { userId: 'u-secretary', role: 'secretary', orgUnit: 'dzb' } as Actor,
  'town-head': { userId: 'u-town', role: 'town-head', orgUnit: 'dzb' } as Actor,
  'department-head': { userId: 'u-dept', role: 'department-head', orgUnit: 'jjfzb' } as Actor,
};

export const ALL_BUT_HEARING: CatalogProcedures = {
  publicParticipation: true,
  hearing: false,
  expertReview: true,
  riskAssessment: true,
  fairCompetitionReview: false,
};

/** 掌起镇2020年重大行政决策事项目录清单 (seed document): the two items. */
export const SEED_ITEMS = () => [
  {
    name: '省“工业特色型”美丽城镇样板镇创建',
    decisionBody: '掌起镇人民政府',
    undertakingUnit: 'jjfzb',
    legalBasis: ['《浙江省人民政府关于高水平推进美丽城镇建设的意见》', '《重大行政决策程序暂行条例》'],
    procedures: { ...ALL_BUT_HEARING, fairCompetitionReview: true },
    milestones: { initiation: '2020-03', drafting: '2020-05', publicParticipation: '2020-07', legalityReview: '2020-09', collectiveDecision: '2020-10', implementation: '2020-12' },
  },
  {
    name: '省3A级景区创建',
    decisionBody: '掌起镇人民政府',
    undertakingUnit: 'jjfzb',
    legalBasis: ['《中华人民共和国旅游法》', '《旅游景区质量等级的划分与评定》'],
    procedures: { ...ALL_BUT_HEARING },
    milestones: { initiation: '2020-04', drafting: '2020-06', legalityReview: '2020-10', collectiveDecision: '2020-11' },
  },
];

export const createPayload = (year = 2020) => ({ title: `掌起镇${year}年重大行政决策事项目录`, year });

export const createInput = (overrides: Partial<WorkflowInput> = {}): WorkflowInput => ({
  caseId: 'catalog-1',
  payload: createPayload(),
  actor: ACTORS.secretary,
  at: AT,
  today: TODAY,
  facts: {},
  ...overrides,
});

export const valid = {
  ADD_ITEM: (i = 0) => ({ item: SEED_ITEMS()[i], reason: '结合年度工作实际列入目录。' }),
  ADJUST_ITEM: (itemNo = 1) => ({ itemNo, changes: { milestones: { collectiveDecision: '2020-12' } }, reason: '专家论证延期，集体讨论时间顺延。' }),
  REMOVE_ITEM: (itemNo = 2) => ({ itemNo, reason: '上级统一部署，不再作为本镇决策事项。' }),
  RECORD_PARTY_CONSENT: (contentVersion = 1) => ({ contentVersion, meeting: '镇党委会议', agreedOn: TODAY, reference: '掌党纪〔2020〕3号' }),
  PUBLISH_CATALOG: () => ({ publishedAt: TODAY, channels: ['掌起镇人民政府网站', '政务微信公众号'], documentNumber: '掌政发〔2020〕3号' }),
  LINK_CASE: (itemNo = 1, caseId = '7b0c1e8e-8a44-4d5e-9a57-0c5f0e1e2a3b') => ({ itemNo, caseId }),
} satisfies Record<DecisionCatalogEventType, (...args: any[]) => object>;

const ROLE_OF: Record<DecisionCatalogEventType, keyof typeof ACTORS> = {
  ADD_ITEM: 'secretary',
  ADJUST_ITEM: 'secretary',
  REMOVE_ITEM: 'secretary',
  RECORD_PARTY_CONSENT: 'secretary',
  PUBLISH_CATALOG: 'secretary',
  LINK_CASE: 'department-head',
};

export function ev(type: DecisionCatalogEventType, payload?: object, overrides: Partial<WorkflowEvent> = {}): WorkflowEvent {
  return {
    type,
    payload: payload ?? (valid[type] as () => object)(),
    actor: ACTORS[ROLE_OF[type]],
    at: AT,
    today: TODAY,
    facts: {},
    ...overrides,
  };
}
