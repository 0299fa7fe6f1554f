/**
 * The administrative-contract workflow, version 2 (issue 9 §12): version 1's states, events,
 * payloads and deadlines; the review opinion may not contradict its checklist (policies C9–C10).
 * Running v1 cases move to v2 by an administrator's migration, to the same state.
 */
import type { EventMeta, RuleDefinition, WorkflowDefinition } from '@app/engine';
import { withRules } from '../../common/definition-helpers';
import { sameStatesMigration } from '../../common/same-states-migration';
import {
  ADMINISTRATIVE_CONTRACT_EVENTS,
  type AdministrativeContractContext,
  type AdministrativeContractEventType,
  administrativeContractV1,
  administrativeContractV1Machine,
} from '../v1';
import { ADMINISTRATIVE_CONTRACT_V2_EVENT_RULES, administrativeContractV2Machine, administrativeContractV2Rules } from './administrative-contract.machine';

/** v1's events without their rules (v2 attaches its own). */
const EVENTS = Object.fromEntries(
  Object.entries(ADMINISTRATIVE_CONTRACT_EVENTS).map(([type, { rules: _rules, ...meta }]) => [type, meta]),
) as Record<AdministrativeContractEventType, Omit<EventMeta, 'rules'>>;

export const ADMINISTRATIVE_CONTRACT_V2_EVENTS: Record<AdministrativeContractEventType, EventMeta> = withRules(EVENTS, ADMINISTRATIVE_CONTRACT_V2_EVENT_RULES);

export const administrativeContractV2: WorkflowDefinition<AdministrativeContractContext> = {
  ...administrativeContractV1,
  version: 2,
  machine: administrativeContractV2Machine,
  events: ADMINISTRATIVE_CONTRACT_V2_EVENTS,
  rules: administrativeContractV2Rules as Record<string, RuleDefinition<AdministrativeContractContext>>,
  migrations: [
    sameStatesMigration(administrativeContractV1Machine, 1, {
      zh: '合法性审查意见不得与审查要点相矛盾：审查要点载明主体不适格、条款不合法、以机关名义担保或超越权限承诺的，不能认定合法（浙政办发〔2013〕37号）',
      en: 'A review opinion may not contradict its checklist: an unqualified counterparty, unlawful terms, a guarantee in the organ’s name or a promise beyond its authority cannot be found legal (Zhejiang General Office Doc. [2013] No. 37)',
    }),
  ],
};
