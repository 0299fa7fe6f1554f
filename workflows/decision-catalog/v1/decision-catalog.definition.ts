/**
 * The decision-catalog workflow, version 1: the annual catalog of major decision matters as a case,
 * so that its change trail gets the history, hash chain, verification, checkpoints and audit views
 * of every case.
 */
import type { LegalDateDeclaration } from '@app/engine';
import type { EventMeta, Label, RuleDefinition, StateMeta, WorkflowDefinition } from '@app/engine';
import { eventEntry as ev, type EventEntry, stateMeta as state, withRules } from '../../common/definition-helpers';
import {
  DECISION_CATALOG_EVENT_RULES,
  type DecisionCatalogContext,
  type DecisionCatalogEventType,
  decisionCatalogRules,
  decisionCatalogV1Machine,
} from './decision-catalog.machine';
import * as P from './decision-catalog.payloads';
import { standing } from '../../common/standing';
import { done, last, prior, scheduled, stated, withLegalDates } from '../../common/legal-dates';

export const DECISION_CATALOG_KIND = 'decision-catalog';

export const DECISION_CATALOG_STAGES: Record<string, Label> = {
  compiling: { zh: '目录编制', en: 'Compiling' },
  published: { zh: '已公布', en: 'Published' },
  adjusting: { zh: '目录调整', en: 'Adjusting' },
};

export const DECISION_CATALOG_STATES: Record<string, StateMeta> = {
  drafting: state('compiling', '编制中（待党委同意后公布）', 'Being compiled (to be published after party committee consent)'),
  published: state('published', '已公布', 'Published'),
  adjusting: state('adjusting', '调整中（待党委同意后重新公布）', 'Being adjusted (to be republished after party committee consent)'),
};


const EVENTS: Record<DecisionCatalogEventType, EventEntry> = {
  ADD_ITEM: standing(ev('增加目录事项', 'Add an item', ['secretary', 'town-head'], P.AddItemPayload)),
  ADJUST_ITEM: standing(ev('调整目录事项', 'Adjust an item', ['secretary', 'town-head'], P.AdjustItemPayload)),
  REMOVE_ITEM: standing(ev('移出目录事项', 'Remove an item', ['secretary', 'town-head'], P.RemoveItemPayload)),
  RECORD_PARTY_CONSENT: ev('记录镇党委同意', 'Record the party committee consent', ['secretary'], P.RecordPartyConsentPayload),
  PUBLISH_CATALOG: ev('公布目录', 'Publish the catalog', ['secretary', 'town-head'], P.PublishCatalogPayload),
  // sent only by the catalog API right after it created the case (POST /catalogs/:year/items/:no/case), as the
  // undertaking unit's department head — who cannot send events to the catalog case through /cases (not its unit)
  LINK_CASE: ev('关联决策案件', 'Link the decision case', ['department-head'], P.LinkCasePayload),
};

/** Issue 9 §9: the legal dates each event states, checked by the runtime (docs/legal-dates.md). */
export const DECISION_CATALOG_LEGAL_DATES: Partial<Record<DecisionCatalogEventType, LegalDateDeclaration[]>> = {
  RECORD_PARTY_CONSENT: [done('agreedOn', '镇党委同意日', 'Party committee consent', { article: 'R713 Art. 3' })],
  PUBLISH_CATALOG: [
    done<DecisionCatalogContext>('publishedAt', '目录公布日', 'Publication of the catalog', {
      notBefore: [prior<DecisionCatalogContext>('镇党委同意日', 'party committee consent', (c) => last(c.consents)?.agreedOn, 'R713 Art. 3')],
      article: 'R713 Art. 3',
    }),
  ],
};

export const DECISION_CATALOG_EVENTS: Record<DecisionCatalogEventType, EventMeta> = withLegalDates(withRules(EVENTS, DECISION_CATALOG_EVENT_RULES), DECISION_CATALOG_LEGAL_DATES);

export const decisionCatalogV1: WorkflowDefinition<DecisionCatalogContext> = {
  kind: DECISION_CATALOG_KIND,
  version: 1,
  label: { zh: '年度重大行政决策事项目录', en: 'Annual decision catalog' },
  machine: decisionCatalogV1Machine,
  states: DECISION_CATALOG_STATES,
  stages: DECISION_CATALOG_STAGES,
  create: {
    type: 'CREATE_CATALOG',
    label: { zh: '编制年度决策事项目录', en: 'Start the annual catalog' },
    roles: ['secretary', 'town-head'],
    payload: P.CreateDecisionCatalogPayload,
  },
  events: DECISION_CATALOG_EVENTS,
  // one catalog per year, whichever API process creates it
  uniqueKey: (context) => String(context.year),
  rules: decisionCatalogRules as Record<string, RuleDefinition<DecisionCatalogContext>>,
  dossier: [
    {
      stage: 'compiling',
      records: [
        { key: 'items', label: { zh: '目录事项', en: 'Items' } },
        { key: 'changes', label: { zh: '目录变更记录', en: 'Changes' } },
        { key: 'consents', label: { zh: '镇党委同意', en: 'Party committee consents' } },
      ],
    },
    { stage: 'published', records: [{ key: 'publications', label: { zh: '公布记录', en: 'Publications' } }, { key: 'links', label: { zh: '关联决策案件', en: 'Linked cases' } }] },
  ],
};
