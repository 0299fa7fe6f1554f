/**
 * The major-decision machine, version 2 (issue 9 §7): the same states, rules and actions as v1,
 * except that the start decision records the undertaking unit as the org unit the runtime resolved
 * (`facts.undertakingUnit`, fact kind `orgUnit`): its id, which access compares, and its name, for
 * display. In v1 the typed text itself became a unit of the case, so "assigned to its unit" only
 * worked when the town head typed the unit's code.
 */
import { assign } from 'xstate';
import type { OrgUnitRecord } from '@app/engine';
import { orNull, payloadOf, strings } from '../../common/machine-helpers';
import { stamp } from '../../common/stamp';
import {
  copyProcedures,
  majorDecisionV1Machine,
  type MajorDecisionContext,
  type MajorDecisionEvent,
  type StartRecord,
} from '../v1/major-decision.machine';
import type { DecideToStartPayload } from '../v1/major-decision.payloads';

/** v2's start decision: the undertaking unit by id (access) and by name (display). */
export interface StartRecordV2 extends StartRecord {
  /** the id of the undertaking unit in the org-units table (a unit of the case) */
  undertakingUnitId: string;
  /** its name (名称) as the org-units table gives it */
  undertakingUnit: string;
}

export type MajorDecisionV2Context = Omit<MajorDecisionContext, 'start'> & { start: StartRecordV2 | null };

type ActionArgs = { context: MajorDecisionContext; event: MajorDecisionEvent };

const recordStart = assign<MajorDecisionContext, MajorDecisionEvent, undefined, MajorDecisionEvent, never>(({ event }: ActionArgs) => {
  const p = payloadOf<DecideToStartPayload>(event);
  const unit = (event.facts as Record<string, unknown> | undefined)?.undertakingUnit as OrgUnitRecord | undefined;
  const procedures = copyProcedures(p.procedures);
  const start: StartRecordV2 = {
    ...stamp(event),
    // the runtime always resolves the unit (or refuses the event); the typed text is a fallback for replays only
    undertakingUnitId: unit?.id ?? String(p.undertakingUnit ?? ''),
    undertakingUnit: unit?.nameZh ?? String(p.undertakingUnit ?? ''),
    cooperatingUnits: strings(p.cooperatingUnits),
    procedures,
    note: orNull(p.note),
  };
  return { start, procedures };
});

export const majorDecisionV2Machine = majorDecisionV1Machine.provide({ actions: { recordStart } });
