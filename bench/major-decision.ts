import { BusinessCalendar } from '@app/calendar';
import type { DocketConfig } from '@app/config';
import { shanghaiDate, startCase, stepCase, WorkflowEvent, WorkflowRegistry } from '@app/engine';
import { AdjustableClock, docketSeal, docketSummary, resolveFacts, WorkflowRuntime } from '@app/runtime';
import { createActor } from 'xstate';
import type { DataSource } from 'typeorm';
import { OrgUnitEntity } from '@app/persistence';
import { ACTORS, ALL_PROCEDURES, createPayload, ROLE_OF, valid } from '../workflows/major-decision/v1/testing/major-decision.fixtures';
import { buildRuntime } from './runtime';
import { Measurement, measureCalls, Recorder } from './stats';

/**
 * The real `major-decision` pipeline (the registered latest version) through the runtime, initiation → archived with every
 * procedure required (public comment with a hearing, expert review, risk assessment, legality
 * review, meeting, party committee report, publication, implementation report, closing, archiving):
 * 19 events per case, with the valid payloads of the workflow's own test fixtures. The clock is an
 * `AdjustableClock` set to the fixtures' date (2024, inside the bundled holiday data) and moved past
 * the end of the comment period before it is closed, as a clerk's calendar would.
 */
type Step = { type: keyof typeof valid; payload: () => object; clock?: string };

const START = '2024-03-01T02:00:00.000Z';

export const MAJOR_DECISION_PATH: Step[] = [
  { type: 'DECIDE_TO_START', payload: () => valid.DECIDE_TO_START(ALL_PROCEDURES) },
  { type: 'SUBMIT_DRAFT', payload: () => valid.SUBMIT_DRAFT() },
  { type: 'RECORD_HEARING', payload: () => valid.RECORD_HEARING() },
  { type: 'PUBLISH_FOR_COMMENT', payload: () => valid.PUBLISH_FOR_COMMENT() },
  // the comment period runs to 2024-04-01 24:00
  { type: 'CLOSE_COMMENT_PERIOD', payload: () => valid.CLOSE_COMMENT_PERIOD(), clock: '2024-04-02T02:00:00.000Z' },
  // v3: the counts come from the comment docket, the payload carries the text only
  { type: 'SUBMIT_PARTICIPATION_SUMMARY', payload: () => ({ summary: valid.SUBMIT_PARTICIPATION_SUMMARY().summary }) },
  { type: 'RECORD_EXPERT_OPINION', payload: () => valid.RECORD_EXPERT_OPINION() },
  { type: 'SUBMIT_EXPERT_SUMMARY', payload: () => valid.SUBMIT_EXPERT_SUMMARY() },
  { type: 'SUBMIT_RISK_REPORT', payload: () => valid.SUBMIT_RISK_REPORT() },
  // 7 working days after 2024-04-02 (Qingming) is 2024-04-12: ask for the 15th
  { type: 'SUBMIT_FOR_LEGALITY_REVIEW', payload: () => ({ ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), requestedCompletionDate: '2024-04-15' }) },
  { type: 'ACCEPT_FOR_REVIEW', payload: () => valid.ACCEPT_FOR_REVIEW() },
  { type: 'ISSUE_REVIEW_OPINION', payload: () => valid.ISSUE_REVIEW_OPINION('LEGAL') },
  { type: 'SCHEDULE_MEETING', payload: () => valid.SCHEDULE_MEETING() },
  { type: 'RECORD_MEETING', payload: () => valid.RECORD_MEETING('APPROVED') },
  // acts are recorded on or after the day they happened (legal dates): the report on 04-22, the publication on 04-25
  { type: 'RECORD_PARTY_COMMITTEE_REPORT', payload: () => valid.RECORD_PARTY_COMMITTEE_REPORT(), clock: '2024-04-22T02:00:00.000Z' },
  { type: 'PUBLISH_DECISION', payload: () => valid.PUBLISH_DECISION(), clock: '2024-04-25T02:00:00.000Z' },
  { type: 'REPORT_IMPLEMENTATION', payload: () => valid.REPORT_IMPLEMENTATION() },
  { type: 'CLOSE_CASE', payload: () => valid.CLOSE_CASE() },
  { type: 'ARCHIVE', payload: () => valid.ARCHIVE() },
];

export class MajorDecisionBench {
  readonly eventsPerCase = MAJOR_DECISION_PATH.length;
  private readonly clock = new AdjustableClock();
  private readonly runtime: WorkflowRuntime;
  /** mean stored snapshot size of an archived case, bytes */
  snapshotBytes = 0;

  constructor(registry: WorkflowRegistry, private readonly dataSource: DataSource, config: DocketConfig) {
    this.runtime = buildRuntime(registry, dataSource, config, this.clock);
  }

  /** The unit the fixtures name as undertaking unit, in the org-units table (as the demo town has it). */
  private async ensureUnit(): Promise<void> {
    await this.dataSource.getRepository(OrgUnitEntity).save({ id: 'jjfzb', nameZh: '经济发展办', nameEn: 'Economic Development Office' });
  }

  /** Opens `count` cases (not timed), then sends event 1 to each, event 2 to each, … */
  async run(count: number, rec?: Recorder): Promise<void> {
    rec?.pause();
    await this.ensureUnit();
    this.clock.set(new Date(START));
    const ids: string[] = [];
    for (let c = 0; c < count; c++) {
      const row = await this.runtime.createCase({ kind: 'major-decision', payload: createPayload(), actor: ACTORS['department-head'] });
      ids.push(row.id);
    }
    let last: { snapshot: string } | undefined;
    for (const step of MAJOR_DECISION_PATH) {
      if (step.clock) {
        rec?.pause();
        this.clock.set(new Date(step.clock));
      }
      rec?.start();
      const actor = ACTORS[ROLE_OF[step.type]];
      for (const caseId of ids) {
        const payload = step.payload();
        const send = () => this.runtime.dispatch({ caseId, type: step.type, payload, actor });
        const res = rec ? await rec.time(send) : await send();
        last = res.case;
        if (step.type === 'ARCHIVE' && res.case.status !== 'done') throw new Error(`major-decision: case ${caseId} not archived`);
      }
    }
    rec?.pause();
    if (last) this.snapshotBytes = Buffer.byteLength(last.snapshot);
  }
}

/**
 * The pure engine along the same path (no database): `stepCase` per event, averaged over the 19
 * events, and `createActor(machine)`, the actor XState's `transition()` builds on every call.
 */
export function majorDecisionStepCost(registry: WorkflowRegistry, n: number): { stepCase: Measurement; createActor: Measurement } {
  const def = registry.latest('major-decision');
  const calendar = BusinessCalendar.fromChineseDays();
  let at = START;
  const start = startCase(def, { caseId: 'bench-major-decision', payload: createPayload(), actor: ACTORS['department-head'], at, today: shanghaiDate(at), facts: {} });
  if (!start.ok) throw new Error(`major-decision: creation refused: ${start.refusal.code}`);
  let persisted: unknown = start.snapshot;
  const steps: Array<{ persisted: unknown; event: WorkflowEvent }> = [];
  for (const step of MAJOR_DECISION_PATH) {
    if (step.clock) at = step.clock;
    const today = shanghaiDate(at);
    const payload = step.payload();
    const decls = def.events[step.type].facts ?? {};
    const facts: Record<string, unknown> = resolveFacts(decls, payload, today, calendar, {});
    // the comment docket (v3) of a consultation nobody commented on, as the runtime would read it
    const round = Number((persisted as { context?: { round?: number } }).context?.round ?? 0);
    for (const [name, d] of Object.entries(decls)) {
      if (d.kind === 'commentDocket') facts[name] = d.what === 'seal' ? docketSeal(round, [], at) : docketSummary(round, [], []);
    }
    const event: WorkflowEvent = { type: step.type, payload, actor: ACTORS[ROLE_OF[step.type]], at, today, facts };
    const out = stepCase(def, persisted, event);
    if (!out.ok) throw new Error(`major-decision: ${step.type} refused: ${out.refusal.code}`);
    steps.push({ persisted, event });
    persisted = out.snapshot;
  }
  let i = 0;
  return {
    stepCase: measureCalls(() => {
      const s = steps[i++ % steps.length];
      return stepCase(def, s.persisted, s.event);
    }, n),
    createActor: measureCalls(() => createActor(def.machine), n),
  };
}
