/**
 * The annual catalog of major administrative decision matters (年度重大行政决策事项目录), version 1:
 * SPEC §2.3. The catalog is a case: every addition, adjustment and removal of an item, the party
 * committee's consent, each publication and each link to a major-decision case is an event in its
 * hash-chained history, so the change trail is as provable as a case's.
 *
 * PURE: imports xstate and types only. The rules below are both guards and refusal reasons.
 *
 * Sources: R713 Art. 3 ¶3 [CONFIRMED] — the decision body may fix a catalog; it is published after
 * the same-level party committee agrees (经同级党委同意后向社会公布) and may be adjusted. NBR Art. 12 ¶2
 * [CONFIRMED] — Ningbo townships shall make and publish it. Adjusting an item needs approval and
 * re-publication (P-QJ, 兰溪 2023) [CONFIRMED-2ND].
 *
 * Policy decisions:
 *  K1  The consent is to one version of the content (`contentVersion`, raised by every change).
 *      A change after the consent voids it: the adjusted catalog needs the committee's consent again
 *      before it is republished (R713 Art. 3 ¶3 read with P-QJ). Publishing without a consent to the
 *      current version is refused (PARTY_CONSENT_REQUIRED).
 *  K2  Items keep their number (序号) for ever; a removed item stays in the record, marked removed,
 *      and its number is not reused. An item whose major-decision case exists cannot be removed:
 *      the case is ended through its own workflow first (engine policy).
 *  K3  Every change names its reason and keeps the item before and after (the trail), besides the
 *      history record's actor and time.
 *  K4  A major-decision case is linked only to an item of the published catalog, once, and by the
 *      item's undertaking unit (R713 Art. 11), when its department head proposes the decision. The
 *      machine cannot see other cases: that the case exists is the catalog API's part (it creates
 *      the case through the runtime, then links it).
 *  K5  Legality review and collective discussion always apply (R713 Art. 25, 30) and are not
 *      fields; a hearing is a form of public participation, so it requires it (Art. 14, 16).
 */
import { assign, setup } from 'xstate';
import type { RuleDefinition, WorkflowEvent, WorkflowInput } from '@app/engine';
import { ruleGuards } from '../../common/rule-guards';
import { whenOf } from '../../common/transition-guards';
import type {
  AddItemPayload,
  AdjustItemPayload,
  CatalogItemChangesDto,
  CreateDecisionCatalogPayload,
  LinkCasePayload,
  PublishCatalogPayload,
  RecordPartyConsentPayload,
  RemoveItemPayload,
} from './decision-catalog.payloads';
import { isDay, lastOf, payloadOf, strings } from '../../common/machine-helpers';
import { stamp, type Stamp } from '../../common/stamp';

export const DECISION_CATALOG_EVENT_TYPES = [
  'ADD_ITEM',
  'ADJUST_ITEM',
  'REMOVE_ITEM',
  'RECORD_PARTY_CONSENT',
  'PUBLISH_CATALOG',
  'LINK_CASE',
] as const;
export type DecisionCatalogEventType = (typeof DECISION_CATALOG_EVENT_TYPES)[number];

export type DecisionCatalogEvent = {
  [K in DecisionCatalogEventType]: WorkflowEvent & { type: K };
}[DecisionCatalogEventType];

// ================================================================================================
// Context
// ================================================================================================

export type { Stamp } from '../../common/stamp';

export interface CatalogProcedures {
  publicParticipation: boolean;
  hearing: boolean;
  expertReview: boolean;
  riskAssessment: boolean;
  fairCompetitionReview: boolean;
}

export const MILESTONE_KEYS = [
  'initiation',
  'drafting',
  'publicParticipation',
  'expertReview',
  'riskAssessment',
  'legalityReview',
  'collectiveDecision',
  'implementation',
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

/** The content of a catalog row (what changes record before and after). */
export interface CatalogItemContent {
  name: string;
  decisionBody: string;
  /** the undertaking unit: in v1 the text typed; from v2 on the unit's name (for display) */
  undertakingUnit: string;
  /** from v2 on: the undertaking unit's id in the org-units table (what access compares); absent in v1 items */
  undertakingUnitId?: string;
  legalBasis: string[];
  procedures: CatalogProcedures;
  milestones: Partial<Record<MilestoneKey, string>>;
  note: string | null;
}

export interface CatalogItem extends CatalogItemContent {
  /** 序号, never reused */
  no: number;
  removed: boolean;
  /** the major-decision case created for the item */
  caseId: string | null;
}

export interface CatalogChange extends Stamp {
  /** 1, 2, … in the order of the history */
  n: number;
  type: 'ADD' | 'ADJUST' | 'REMOVE';
  itemNo: number;
  reason: string;
  before: CatalogItemContent | null;
  after: CatalogItemContent | null;
  /** the content version the change produced */
  contentVersion: number;
}

export interface PartyConsent extends Stamp {
  contentVersion: number;
  meeting: string;
  agreedOn: string;
  reference: string | null;
}

export interface CatalogPublication extends Stamp {
  n: number;
  contentVersion: number;
  publishedAt: string;
  channels: string[];
  documentNumber: string | null;
  /** the items as published (removed items left out) */
  items: Array<CatalogItemContent & { no: number }>;
}

export interface DecisionCatalogContext {
  caseId: string;
  title: string;
  year: number;
  created: Stamp;
  items: CatalogItem[];
  nextNo: number;
  /** raised by every change of the content; 0 = nothing in it yet */
  contentVersion: number;
  changes: CatalogChange[];
  consents: PartyConsent[];
  publications: CatalogPublication[];
  links: Array<Stamp & { itemNo: number; caseId: string }>;
}

// ================================================================================================
// Pure helpers
// ================================================================================================

type Ctx = DecisionCatalogContext;

function procedures(p: unknown): CatalogProcedures {
  const o = (p !== null && typeof p === 'object' ? p : {}) as Record<string, unknown>;
  return {
    publicParticipation: o.publicParticipation === true,
    hearing: o.hearing === true,
    expertReview: o.expertReview === true,
    riskAssessment: o.riskAssessment === true,
    fairCompetitionReview: o.fairCompetitionReview === true,
  };
}

function milestones(m: unknown): Partial<Record<MilestoneKey, string>> {
  const o = (m !== null && typeof m === 'object' ? m : {}) as Record<string, unknown>;
  const out: Partial<Record<MilestoneKey, string>> = {};
  for (const k of MILESTONE_KEYS) if (typeof o[k] === 'string') out[k] = o[k] as string;
  return out;
}

export function itemContent(i: Partial<CatalogItemContent> | undefined): CatalogItemContent {
  return {
    name: String(i?.name ?? ''),
    decisionBody: String(i?.decisionBody ?? ''),
    undertakingUnit: String(i?.undertakingUnit ?? ''),
    ...(typeof i?.undertakingUnitId === 'string' ? { undertakingUnitId: i.undertakingUnitId } : {}),
    legalBasis: strings(i?.legalBasis),
    procedures: procedures(i?.procedures),
    milestones: milestones(i?.milestones),
    note: typeof i?.note === 'string' ? i.note : null,
  };
}

const contentOf = (item: CatalogItem): CatalogItemContent => itemContent(item);

/** The item after an adjustment: the changed fields replace the old ones (milestones field by field). */
export function adjusted(item: CatalogItemContent, changes: Partial<CatalogItemChangesDto> & { undertakingUnitId?: string }): CatalogItemContent {
  return itemContent({
    ...item,
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.decisionBody !== undefined ? { decisionBody: changes.decisionBody } : {}),
    ...(changes.undertakingUnit !== undefined ? { undertakingUnit: changes.undertakingUnit } : {}),
    ...(changes.undertakingUnitId !== undefined ? { undertakingUnitId: changes.undertakingUnitId } : {}),
    ...(changes.legalBasis !== undefined ? { legalBasis: changes.legalBasis } : {}),
    ...(changes.procedures !== undefined ? { procedures: procedures(changes.procedures) } : {}),
    ...(changes.milestones !== undefined ? { milestones: { ...item.milestones, ...milestones(changes.milestones) } } : {}),
    ...(changes.note !== undefined ? { note: changes.note } : {}),
  });
}

const sameContent = (a: CatalogItemContent, b: CatalogItemContent) => JSON.stringify(a) === JSON.stringify(b);

export const activeItems = (ctx: Ctx): CatalogItem[] => ctx.items.filter((i) => !i.removed);
export const findItem = (ctx: Ctx, no: unknown): CatalogItem | undefined =>
  ctx.items.find((i) => i.no === no && !i.removed);
export const currentConsent = (ctx: Ctx): PartyConsent | undefined =>
  ctx.consents.find((c) => c.contentVersion === ctx.contentVersion && ctx.contentVersion > 0);
export const lastPublication = (ctx: Ctx): CatalogPublication | undefined => lastOf(ctx.publications);
/** True when the content changed since it was last published (or was never published). */
export const unpublishedChanges = (ctx: Ctx): boolean => lastPublication(ctx)?.contentVersion !== ctx.contentVersion;

// ================================================================================================
// Rules
// ================================================================================================

type Rule = RuleDefinition<DecisionCatalogContext>;
const R713 = '《重大行政决策程序暂行条例》';

const hearingWithParticipation = (p: unknown) => {
  const x = procedures(p);
  return !x.hearing || x.publicParticipation;
};

export const decisionCatalogRules = {
  proceduresConsistent: {
    check: ({ event }) => {
      const p = event.payload as Partial<AddItemPayload & AdjustItemPayload> | undefined;
      const procs = p?.item?.procedures ?? p?.changes?.procedures;
      return procs === undefined || hearingWithParticipation(procs);
    },
    refusal: {
      code: 'PROCEDURES_INCONSISTENT',
      article: 'R713 Art. 14, 16',
      zh: `听证会是公众参与的一种方式：要求举行听证的事项，履行程序要求中也应当包括公众参与（${R713}第十四条、第十六条）`,
      en: 'A hearing is a form of public participation: an item that requires a hearing must also require public participation (R713 Art. 14, 16).',
    },
  },
  itemExists: {
    check: ({ context, event }) => findItem(context, payloadOf<AdjustItemPayload>(event).itemNo) !== undefined,
    refusal: {
      code: 'CATALOG_ITEM_NOT_FOUND',
      article: 'R713 Art. 3 ¶3',
      zh: `目录中没有该序号的事项（或已被移出目录）（${R713}第三条第三款）`,
      en: 'The catalog has no item with this number (or it was removed) (R713 Art. 3 ¶3).',
    },
  },
  adjustmentChangesSomething: {
    check: ({ context, event }) => {
      const p = payloadOf<AdjustItemPayload>(event);
      const item = findItem(context, p.itemNo);
      return !item || !sameContent(contentOf(item), adjusted(contentOf(item), p.changes ?? {}));
    },
    refusal: {
      code: 'CATALOG_ADJUSTMENT_EMPTY',
      article: 'R713 Art. 3 ¶3',
      zh: `调整未改变该事项的任何内容（${R713}第三条第三款）`,
      en: 'The adjustment changes nothing in the item (R713 Art. 3 ¶3).',
    },
  },
  itemHasNoCase: {
    check: ({ context, event }) => !findItem(context, payloadOf<RemoveItemPayload>(event).itemNo)?.caseId,
    refusal: {
      code: 'CATALOG_ITEM_HAS_CASE',
      article: 'R713 Art. 3 ¶3',
      status: 409,
      zh: `该事项已启动重大行政决策程序，不能直接移出目录；请先依程序终止该决策案件（${R713}第三条第三款、第三十七条）`,
      en: 'A major-decision case runs for this item: end the case through its own procedure before removing the item (R713 Art. 3 ¶3, Art. 37).',
    },
  },
  catalogNotEmpty: {
    precondition: true,
    check: ({ context }) => activeItems(context).length > 0,
    refusal: {
      code: 'CATALOG_EMPTY',
      article: 'R713 Art. 3 ¶3',
      zh: `目录中还没有任何事项，不能报请党委同意或公布（${R713}第三条第三款）`,
      en: 'The catalog has no items yet: there is nothing for the party committee to agree to or to publish (R713 Art. 3 ¶3).',
    },
  },
  consentToCurrentVersion: {
    check: ({ context, event }) => payloadOf<RecordPartyConsentPayload>(event).contentVersion === context.contentVersion,
    refusal: {
      code: 'CONSENT_VERSION_MISMATCH',
      article: 'R713 Art. 3 ¶3',
      status: 409,
      zh: `党委同意的不是目录的当前版本：目录在报请后又有调整，请按当前版本重新报请镇党委同意（${R713}第三条第三款）`,
      en: 'The consent is not for the current version of the catalog: it changed after it was submitted; submit the current version to the party committee again (R713 Art. 3 ¶3).',
    },
  },
  consentDateValid: {
    check: ({ event }) => {
      const d = payloadOf<RecordPartyConsentPayload>(event).agreedOn;
      return isDay(d) && isDay(event.today) && d <= event.today;
    },
    refusal: {
      code: 'CONSENT_DATE_INVALID',
      article: 'R713 Art. 3 ¶3',
      zh: `党委同意的日期不得晚于今天（${R713}第三条第三款）`,
      en: 'The day the party committee agreed cannot be in the future (R713 Art. 3 ¶3).',
    },
  },
  partyConsentRequired: {
    precondition: true,
    check: ({ context }) => currentConsent(context) !== undefined,
    refusal: {
      code: 'PARTY_CONSENT_REQUIRED',
      article: 'R713 Art. 3 ¶3',
      zh: `决策事项目录应当经同级党委同意后向社会公布；目录（含调整后的目录）须先记录镇党委对当前版本的同意，方可公布（${R713}第三条第三款）`,
      en: 'The decision catalog is published only after the same-level party committee has agreed to it; record the township party committee’s consent to the current version (also after an adjustment) before publishing (R713 Art. 3 ¶3).',
    },
  },
  publicationDateValid: {
    check: ({ context, event }) => {
      const d = payloadOf<PublishCatalogPayload>(event).publishedAt;
      const agreed = currentConsent(context)?.agreedOn;
      return isDay(d) && isDay(event.today) && d <= event.today && (!agreed || d >= agreed);
    },
    refusal: {
      code: 'PUBLICATION_DATE_INVALID',
      article: 'R713 Art. 3 ¶3',
      zh: `公布日期不得早于党委同意之日，也不得晚于今天（${R713}第三条第三款）`,
      en: 'The publication day can be neither before the party committee agreed nor in the future (R713 Art. 3 ¶3).',
    },
  },
  itemPublished: {
    check: ({ context, event }) => {
      const no = payloadOf<LinkCasePayload>(event).itemNo;
      return findItem(context, no) !== undefined && (lastPublication(context)?.items.some((i) => i.no === no) ?? false);
    },
    refusal: {
      code: 'CATALOG_ITEM_NOT_PUBLISHED',
      article: 'R713 Art. 3 ¶3',
      zh: `该事项不在已公布的决策事项目录中，须经党委同意并公布后方可据以启动决策程序（${R713}第三条第三款）`,
      en: 'The item is not in the published catalog: it must be agreed by the party committee and published before a decision case is started from it (R713 Art. 3 ¶3).',
    },
  },
  itemNotLinked: {
    check: ({ context, event }) => !findItem(context, payloadOf<LinkCasePayload>(event).itemNo)?.caseId,
    refusal: {
      code: 'CATALOG_ITEM_ALREADY_LINKED',
      article: 'R713 Art. 3 ¶3',
      status: 409,
      zh: `该目录事项已有对应的重大行政决策案件（${R713}第三条第三款）`,
      en: 'A major-decision case already exists for this catalog item (R713 Art. 3 ¶3).',
    },
  },
  linkedByUndertakingUnit: {
    check: ({ context, event }) => {
      const item = findItem(context, payloadOf<LinkCasePayload>(event).itemNo);
      return event.actor?.role !== 'department-head' || !item || (item.undertakingUnitId ?? item.undertakingUnit) === event.actor.orgUnit;
    },
    refusal: {
      code: 'CATALOG_NOT_YOUR_ITEM',
      article: 'R713 Art. 11',
      status: 403,
      zh: `只有该事项的决策承办单位可以据此提出决策事项建议（${R713}第十一条）`,
      en: 'Only the item’s undertaking unit may propose the decision for it (R713 Art. 11).',
    },
  },
} satisfies Record<string, Rule>;

export type DecisionCatalogRuleName = keyof typeof decisionCatalogRules;

export const DECISION_CATALOG_EVENT_RULES = {
  ADD_ITEM: ['proceduresConsistent'],
  ADJUST_ITEM: ['itemExists', 'proceduresConsistent', 'adjustmentChangesSomething'],
  REMOVE_ITEM: ['itemExists', 'itemHasNoCase'],
  RECORD_PARTY_CONSENT: ['catalogNotEmpty', 'consentToCurrentVersion', 'consentDateValid'],
  PUBLISH_CATALOG: ['catalogNotEmpty', 'partyConsentRequired', 'publicationDateValid'],
  LINK_CASE: ['itemPublished', 'itemNotLinked', 'linkedByUndertakingUnit'],
} as const satisfies Record<DecisionCatalogEventType, readonly DecisionCatalogRuleName[]>;

// ================================================================================================
// Guards
// ================================================================================================

const when = whenOf<DecisionCatalogEventType, DecisionCatalogRuleName>(DECISION_CATALOG_EVENT_RULES);

// ================================================================================================
// Actions
// ================================================================================================

type ActionArgs = { context: DecisionCatalogContext; event: DecisionCatalogEvent };
const record = (fn: (args: ActionArgs) => Partial<DecisionCatalogContext>) =>
  assign<DecisionCatalogContext, DecisionCatalogEvent, undefined, DecisionCatalogEvent, never>(fn);

function change(
  ctx: Ctx,
  event: DecisionCatalogEvent,
  type: CatalogChange['type'],
  itemNo: number,
  reason: unknown,
  before: CatalogItemContent | null,
  after: CatalogItemContent | null,
): Pick<Ctx, 'changes' | 'contentVersion'> {
  const contentVersion = ctx.contentVersion + 1;
  return {
    contentVersion,
    changes: [...ctx.changes, { ...stamp(event), n: ctx.changes.length + 1, type, itemNo, reason: String(reason ?? ''), before, after, contentVersion }],
  };
}

/** The bodies of the named actions (a later version reuses them with its own event handling). */
export const catalogActionBodies = {
  addItem: (({ context, event }) => {
    const p = payloadOf<AddItemPayload>(event);
    const content = itemContent(p.item);
    const no = context.nextNo;
    return {
      items: [...context.items, { ...content, no, removed: false, caseId: null }],
      nextNo: no + 1,
      ...change(context, event, 'ADD', no, p.reason, null, content),
    };
  }),
  adjustItem: (({ context, event }) => {
    const p = payloadOf<AdjustItemPayload>(event);
    const item = findItem(context, p.itemNo)!;
    const before = contentOf(item);
    const after = adjusted(before, p.changes ?? {});
    return {
      items: context.items.map((i) => (i === item ? { ...i, ...after } : i)),
      ...change(context, event, 'ADJUST', item.no, p.reason, before, after),
    };
  }),
  removeItem: (({ context, event }) => {
    const p = payloadOf<RemoveItemPayload>(event);
    const item = findItem(context, p.itemNo)!;
    return {
      items: context.items.map((i) => (i === item ? { ...i, removed: true } : i)),
      ...change(context, event, 'REMOVE', item.no, p.reason, contentOf(item), null),
    };
  }),
  recordConsent: (({ context, event }) => {
    const p = payloadOf<RecordPartyConsentPayload>(event);
    return {
      consents: [
        ...context.consents,
        {
          ...stamp(event),
          contentVersion: context.contentVersion,
          meeting: String(p.meeting ?? ''),
          agreedOn: String(p.agreedOn ?? ''),
          reference: typeof p.reference === 'string' ? p.reference : null,
        },
      ],
    };
  }),
  publish: (({ context, event }) => {
    const p = payloadOf<PublishCatalogPayload>(event);
    return {
      publications: [
        ...context.publications,
        {
          ...stamp(event),
          n: context.publications.length + 1,
          contentVersion: context.contentVersion,
          publishedAt: String(p.publishedAt ?? ''),
          channels: strings(p.channels),
          documentNumber: typeof p.documentNumber === 'string' ? p.documentNumber : null,
          items: activeItems(context).map((i) => ({ no: i.no, ...contentOf(i) })),
        },
      ],
    };
  }),
  linkCase: (({ context, event }) => {
    const p = payloadOf<LinkCasePayload>(event);
    const caseId = String(p.caseId ?? '');
    return {
      items: context.items.map((i) => (i.no === p.itemNo && !i.removed ? { ...i, caseId } : i)),
      links: [...context.links, { ...stamp(event), itemNo: Number(p.itemNo), caseId }],
    };
  }),
} satisfies Record<string, (args: ActionArgs) => Partial<DecisionCatalogContext>>;

const actions = {
  addItem: record(catalogActionBodies.addItem),
  adjustItem: record(catalogActionBodies.adjustItem),
  removeItem: record(catalogActionBodies.removeItem),
  recordConsent: record(catalogActionBodies.recordConsent),
  publish: record(catalogActionBodies.publish),
  linkCase: record(catalogActionBodies.linkCase),
};

// ================================================================================================
// The machine
// ================================================================================================

const CHANGES = (target?: string) =>
  ({
    ADD_ITEM: { guard: when('ADD_ITEM'), actions: 'addItem', ...(target ? { target } : {}) },
    ADJUST_ITEM: { guard: when('ADJUST_ITEM'), actions: 'adjustItem', ...(target ? { target } : {}) },
    REMOVE_ITEM: { guard: when('REMOVE_ITEM'), actions: 'removeItem', ...(target ? { target } : {}) },
  }) as const;
const LINK = { LINK_CASE: { guard: when('LINK_CASE'), actions: 'linkCase' } } as const;
const CONSENT_AND_PUBLISH = {
  RECORD_PARTY_CONSENT: { guard: when('RECORD_PARTY_CONSENT'), actions: 'recordConsent' },
  PUBLISH_CATALOG: { guard: when('PUBLISH_CATALOG'), target: 'published', actions: 'publish' },
} as const;

export const decisionCatalogV1Machine = setup({
  types: {} as {
    context: DecisionCatalogContext;
    events: DecisionCatalogEvent;
    input: WorkflowInput<CreateDecisionCatalogPayload>;
  },
  guards: ruleGuards(decisionCatalogRules),
  actions,
}).createMachine({
  id: 'decision-catalog',
  initial: 'drafting',
  context: ({ input }) => {
    if (!input) return {} as DecisionCatalogContext;
    return {
      caseId: input.caseId,
      title: String(input.payload?.title ?? ''),
      year: Number(input.payload?.year ?? 0),
      created: stamp(input),
      items: [],
      nextNo: 1,
      contentVersion: 0,
      changes: [],
      consents: [],
      publications: [],
      links: [],
    };
  },
  states: {
    drafting: { on: { ...CHANGES(), ...CONSENT_AND_PUBLISH, ...LINK } },
    published: { on: { ...CHANGES('adjusting'), ...LINK } },
    adjusting: { on: { ...CHANGES(), ...CONSENT_AND_PUBLISH, ...LINK } },
  },
});
