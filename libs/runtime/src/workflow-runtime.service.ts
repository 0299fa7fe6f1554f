import { BusinessCalendar } from '@app/calendar';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import {
  Actor,
  allowedEvents,
  buildRecord,
  HistoryRecord,
  MIGRATE_WORKFLOW,
  migrateCase,
  shanghaiDate,
  startCase,
  StepAccepted,
  statePaths,
  stepCase,
  WorkflowDefinition,
  WorkflowRegistry,
} from '@app/engine';
import {
  CASE_REPOSITORY,
  CaseEntity,
  CaseRepository,
  DEADLINE_REPOSITORY,
  DeadlineRepository,
  RevisionConflictError,
  SequenceNumberTakenError,
} from '@app/persistence';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'crypto';
import { Clock } from './clock';
import { planDeadlines } from './deadline-planner';
import { namingRefusalField } from './refusal-field';
import { planMigrationDeadlines } from './migration-deadlines';
import { EffectSink } from './effect-sink.port';
import { ActorProfiles } from './actor-profiles';
import { planDraws, resolveActorFacts, resolveCalendarFacts, resolveOrgUnitFacts, resolveTextFacts } from './facts.resolver';
import type { OrgUnitDirectory } from './org-unit-directory';
import { type ConsultationDocket, resolveDocketFacts } from './consultation-docket';
import { validatePayload } from './payload.validator';
import { BackfillRequest, checkLegalDates } from './legal-dates.checker';
import { DeadlineScheduler } from './deadline-scheduler.port';
import { ACTOR_PROFILES, BUSINESS_CALENDAR, CLOCK, CONSULTATION_DOCKET, DEADLINE_SCHEDULER, EFFECT_SINK, ORG_UNIT_DIRECTORY, WORKFLOW_REGISTRY } from './runtime.di-tokens';
import { TRANSITION_OBSERVER, TransitionObserver } from './transition-observer.port';
import { caseAlreadyExists, caseNotFound, DocketError, revisionConflict, sequenceNumberTaken } from './runtime.errors';

export interface CreateCaseCommand {
  kind: string;
  payload: unknown;
  actor: Actor;
}

export interface DispatchCommand {
  caseId: string;
  type: string;
  payload: unknown;
  actor: Actor;
  expectedRevision?: number;
  /** a 补录: the event records a past act (issue 9 §9), with the reason stated */
  backfill?: BackfillRequest;
}

export interface MigrateCommand {
  caseId: string;
  toVersion: number;
  actor: Actor;
  expectedRevision?: number;
  dryRun?: boolean;
}

export const orgUnitsColumn = (units: string[]) => `|${[...new Set(units)].join('|')}|`;

/**
 * The columns of the case row an accepted step rewrites (the compare-and-swap adds the revision).
 * `def` is the version the case is in after the step: its own, or the target of a migration.
 */
function casePatch(current: CaseEntity, def: WorkflowDefinition, outcome: StepAccepted, headHash: string, at: string) {
  return {
    statePath: outcome.paths[outcome.paths.length - 1] ?? '',
    stateValue: JSON.stringify(outcome.value),
    status: outcome.status,
    snapshot: JSON.stringify(outcome.snapshot),
    headHash,
    visibleToReviewers: current.visibleToReviewers || (def.visibleToReviewers?.(outcome.context) ?? false),
    orgUnits: orgUnitsColumn([current.orgUnit, ...(def.orgUnits?.(outcome.context) ?? [])]),
    updatedAt: at,
    workflowVersion: def.version,
  };
}

/**
 * The one path every event takes, from the API (users) and the worker (deadlines):
 * load → validate → compute facts → engine step → persist snapshot + history in one
 * transaction (compare-and-swap on the revision) → perform effects.
 */
@Injectable()
export class WorkflowRuntime {
  private readonly logger = new Logger('WorkflowRuntime');

  constructor(
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUSINESS_CALENDAR) private readonly calendar: BusinessCalendar,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Inject(EFFECT_SINK) private readonly effects: EffectSink,
    @Inject(DEADLINE_REPOSITORY) private readonly deadlines: DeadlineRepository,
    @Optional() @Inject(DEADLINE_SCHEDULER) private readonly scheduler?: DeadlineScheduler,
    /** what Docket records about users (fact kind `actor`); without it every profile is empty */
    @Optional() @Inject(ACTOR_PROFILES) private readonly profiles?: ActorProfiles,
    /** the org units (fact kind `orgUnit`); without it every unit named is unknown */
    @Optional() @Inject(ORG_UNIT_DIRECTORY) private readonly orgUnits?: OrgUnitDirectory,
    /** told of every transition accepted or refused (the metrics) */
    @Optional() @Inject(TRANSITION_OBSERVER) private readonly observer?: TransitionObserver,
    /** the comment dockets of consultations (fact kind `commentDocket`); without it no docket fact is given (v3 refuses the close and the summary) */
    @Optional() @Inject(CONSULTATION_DOCKET) private readonly docket?: ConsultationDocket,
  ) {}

  /**
   * Runs one transition and tells the observer how it ended: accepted once committed, refused
   * with the DocketError's code. Other failures (the database away) are no decision and not told.
   */
  private async observed<T>(run: (seen: { kind: string; event: string }) => Promise<T>): Promise<T> {
    const seen = { kind: 'unknown', event: 'unknown' };
    try {
      const result = await run(seen);
      this.observer?.accepted({ ...seen });
      return result;
    } catch (e) {
      if (e instanceof DocketError) this.observer?.refused({ ...seen, code: e.code });
      throw e;
    }
  }

  definition(kind: string, version: number): WorkflowDefinition {
    try {
      return this.registry.get(kind, version);
    } catch {
      throw new DocketError(404, 'UNKNOWN_WORKFLOW', `未知的流程：${kind} v${version}`, `Unknown workflow ${kind} v${version}`);
    }
  }

  latest(kind: string): WorkflowDefinition {
    try {
      return this.registry.latest(kind);
    } catch {
      throw new DocketError(400, 'UNKNOWN_WORKFLOW', `未知的事项类型：${kind}`, `Unknown case kind ${kind}`, undefined, {
        kinds: [...new Set(this.registry.list().map((d) => d.kind))],
      });
    }
  }

  /** The case as stored; 404 when missing, 409 when it is no longer at the revision the caller saw. */
  private async load(caseId: string, expectedRevision?: number): Promise<CaseEntity> {
    const current = await this.cases.findById(caseId);
    if (!current) throw caseNotFound(caseId);
    if (expectedRevision !== undefined && expectedRevision !== current.revision) {
      throw revisionConflict(current.id, expectedRevision, current.revision);
    }
    return current;
  }

  private stamp() {
    const at = this.clock.now().toISOString();
    return { at, today: shanghaiDate(at) };
  }

  createCase(cmd: CreateCaseCommand): Promise<CaseEntity> {
    return this.observed((seen) => this.create(cmd, seen));
  }

  private async create(cmd: CreateCaseCommand, seen: { kind: string; event: string }): Promise<CaseEntity> {
    const def = this.latest(cmd.kind);
    Object.assign(seen, { kind: def.kind, event: def.create.type });
    const payload = await validatePayload(def.create.payload, cmd.payload);
    const { at, today } = this.stamp();
    const calendarFacts = resolveCalendarFacts(def.create.facts, payload, today, this.calendar, this.config.rules);
    const facts = {
      ...calendarFacts.facts,
      ...(await resolveActorFacts(def.create.facts, cmd.actor, this.profiles)),
      ...resolveTextFacts(def.create.facts, this.config.ruleTexts),
      ...(await resolveOrgUnitFacts(def.create.facts, payload, this.orgUnits)),
    };
    const caseId = randomUUID();
    const outcome = startCase(def, { caseId, payload, actor: cmd.actor, at, today, facts, unavailableFacts: calendarFacts.unavailable });
    if (!outcome.ok) throw DocketError.fromRefusal(namingRefusalField(outcome.refusal, def.create.payload));
    const record = buildRecord(null, {
      caseId,
      type: def.create.type,
      payload,
      actor: cmd.actor,
      at,
      facts,
      workflow: { kind: def.kind, version: def.version },
      stateAfter: outcome.value,
      stateHash: outcome.stateHash,
    });
    const row = new CaseEntity();
    Object.assign(row, {
      id: caseId,
      kind: def.kind,
      workflowVersion: def.version,
      title: String((payload as { title?: unknown }).title ?? ''),
      orgUnit: cmd.actor.orgUnit,
      orgUnits: orgUnitsColumn([cmd.actor.orgUnit, ...(def.orgUnits?.(outcome.context) ?? [])]),
      statePath: outcome.paths[outcome.paths.length - 1] ?? '',
      stateValue: JSON.stringify(outcome.value),
      status: outcome.status,
      snapshot: JSON.stringify(outcome.snapshot),
      revision: 1,
      headHash: record.hash,
      visibleToReviewers: def.visibleToReviewers?.(outcome.context) ?? false,
      createdBy: cmd.actor.userId,
      createdAt: at,
      updatedAt: at,
    } satisfies Partial<CaseEntity>);
    const deadlineChanges = planDeadlines({
      def,
      caseId,
      prevPaths: [],
      nextPaths: outcome.paths,
      context: outcome.context,
      seq: 1,
      eventType: def.create.type,
      at,
      today,
      orgUnits: row.orgUnits,
      running: [],
      calendar: this.calendar,
      params: this.config.rules,
    });
    const key = def.uniqueKey?.(outcome.context);
    if (key !== undefined) row.uniqueKey = `${def.kind}:${key}`;
    try {
      await this.cases.create(row, record, deadlineChanges);
    } catch (e) {
      // another process created it first: the unique index decided
      if (row.uniqueKey && (await this.cases.findByUniqueKey(row.uniqueKey))) throw caseAlreadyExists(def, key!);
      throw e;
    }
    await this.afterCommit(caseId, 1, outcome.effects, deadlineChanges);
    return row;
  }

  dispatch(cmd: DispatchCommand): Promise<{ case: CaseEntity; record: HistoryRecord }> {
    return this.observed((seen) => this.step(cmd, seen));
  }

  private async step(cmd: DispatchCommand, seen: { kind: string; event: string }): Promise<{ case: CaseEntity; record: HistoryRecord }> {
    const current = await this.load(cmd.caseId);
    seen.kind = current.kind;
    const def = this.definition(current.kind, current.workflowVersion);
    if (Object.prototype.hasOwnProperty.call(def.events, cmd.type)) seen.event = cmd.type;
    if (cmd.expectedRevision !== undefined && cmd.expectedRevision !== current.revision) {
      throw revisionConflict(current.id, cmd.expectedRevision, current.revision);
    }
    const snapshot = JSON.parse(current.snapshot);
    const meta = def.events[cmd.type];
    const { at, today } = this.stamp();
    const probe = { type: cmd.type, payload: {}, actor: cmd.actor, at, today, facts: {} };

    // Unknown event, wrong role or wrong state is answered before the payload is looked at.
    const offered = meta && allowedEvents(def, snapshot, [cmd.actor.role]).some((e) => e.type === cmd.type);
    if (!offered) {
      const refused = stepCase(def, snapshot, probe);
      if (!refused.ok) throw DocketError.fromRefusal(refused.refusal);
    }
    const payload = await validatePayload(meta?.payload, cmd.payload);
    // a fact that cannot be computed (a year without holiday data) refuses the event only if read
    const calendarFacts = resolveCalendarFacts(meta?.facts, payload, today, this.calendar, this.config.rules);
    const facts = {
      ...calendarFacts.facts,
      ...(await resolveActorFacts(meta?.facts, cmd.actor, this.profiles)),
      ...resolveTextFacts(meta?.facts, this.config.ruleTexts),
      ...(await resolveOrgUnitFacts(meta?.facts, payload, this.orgUnits)),
      ...(await resolveDocketFacts(meta?.facts, current.id, Number(snapshot.context?.round ?? 0), at, this.docket)),
    };
    const draws = planDraws(meta?.facts, today, this.config.ruleTexts);
    const running = def.deadlines?.length
      ? (await this.deadlines.forCase(current.id)).filter((d) => d.status === 'open' || d.status === 'calendar-missing')
      : [];

    // From the step on everything depends on the facts: with numbers to draw (e.g. a unified
    // number) it runs inside the transaction that draws them, so they commit with the event or not at all.
    const prepare = (drawn: Record<string, string>) => {
      const all = { ...facts, ...drawn };
      const outcome = stepCase(def, snapshot, { type: cmd.type, payload, actor: cmd.actor, at, today, facts: all, unavailableFacts: calendarFacts.unavailable });
      if (!outcome.ok) throw DocketError.fromRefusal(namingRefusalField(outcome.refusal, meta?.payload));
      // the event's legal dates, after the machine's own rules (issue 9 §9); a 补录 is recorded in its facts
      const backfill = checkLegalDates({
        declarations: meta?.legalDates,
        payload,
        context: snapshot.context,
        today,
        backfill: cmd.backfill,
        params: this.config.rules,
      });
      const prev = { seq: current.revision, hash: current.headHash };
      const record = buildRecord(prev, {
        caseId: current.id,
        type: cmd.type,
        payload,
        actor: cmd.actor,
        at,
        facts: backfill ? { ...all, backfill } : all,
        workflow: { kind: def.kind, version: def.version },
        stateAfter: outcome.value,
        stateHash: outcome.stateHash,
      });
      const patch = casePatch(current, def, outcome, record.hash, at);
      const deadlineChanges = planDeadlines({
        def,
        caseId: current.id,
        prevPaths: statePaths(JSON.parse(current.stateValue)),
        nextPaths: outcome.paths,
        context: outcome.context,
        seq: record.seq,
        eventType: cmd.type,
        payload,
        at,
        today,
        orgUnits: patch.orgUnits,
        running,
        calendar: this.calendar,
        params: this.config.rules,
      });
      return { outcome, record, patch, deadlineChanges };
    };
    let step!: ReturnType<typeof prepare>;
    try {
      if (draws.length) {
        await this.cases.advanceDrawing(current.id, current.revision, draws, at, (values) => {
          const numbers = draws.map((d, i) => ({ counter: d.counter, scope: d.scope, value: values[i], number: d.render(values[i]) }));
          step = prepare(Object.fromEntries(draws.map((d, i) => [d.fact, numbers[i].number])));
          return { patch: step.patch, record: step.record, deadlines: step.deadlineChanges, numbers };
        });
      } else {
        step = prepare({});
        await this.cases.advance(current.id, current.revision, step.patch, step.record, step.deadlineChanges);
      }
    } catch (e) {
      if (e instanceof RevisionConflictError) throw revisionConflict(current.id, current.revision);
      if (e instanceof SequenceNumberTakenError) throw sequenceNumberTaken(e.counter, e.number);
      throw e;
    }
    const { outcome, record, patch, deadlineChanges } = step;
    const updated = Object.assign(new CaseEntity(), current, patch, { revision: current.revision + 1 });
    await this.afterCommit(current.id, updated.revision, outcome.effects, deadlineChanges);
    return { case: updated, record };
  }

  /**
   * Moves a running case to another version of its workflow (issue 4 §5), through the same
   * compare-and-swap + history + deadlines transaction as every event: the engine's `migrateCase`
   * maps the state and context, the move is recorded as a MIGRATE_WORKFLOW event (replay then uses
   * the version in force at each event), and running deadlines carry over. `dryRun` answers what
   * the case would become without writing anything.
   */
  migrate(cmd: MigrateCommand): Promise<{ case: CaseEntity; record: HistoryRecord; dryRun: boolean }> {
    // a dry run decides nothing: not told
    return cmd.dryRun ? this.move(cmd, { kind: 'unknown', event: MIGRATE_WORKFLOW }) : this.observed((seen) => this.move(cmd, seen));
  }

  private async move(cmd: MigrateCommand, seen: { kind: string; event: string }): Promise<{ case: CaseEntity; record: HistoryRecord; dryRun: boolean }> {
    seen.event = MIGRATE_WORKFLOW;
    const current = await this.load(cmd.caseId, cmd.expectedRevision);
    seen.kind = current.kind;
    const from = this.definition(current.kind, current.workflowVersion);
    const to = this.definition(current.kind, cmd.toVersion);
    const outcome = migrateCase(from, to, JSON.parse(current.snapshot), cmd.actor);
    if (!outcome.ok) throw DocketError.fromRefusal(outcome.refusal);
    const { at, today } = this.stamp();
    const record = buildRecord(
      { seq: current.revision, hash: current.headHash },
      {
        caseId: current.id,
        type: MIGRATE_WORKFLOW,
        payload: outcome.payload,
        actor: cmd.actor,
        at,
        facts: {},
        workflow: { kind: to.kind, version: to.version },
        stateAfter: outcome.value,
        stateHash: outcome.stateHash,
      },
    );
    const patch = casePatch(current, to, outcome, record.hash, at);
    const updated = Object.assign(new CaseEntity(), current, patch, { revision: current.revision + 1 });
    if (cmd.dryRun) return { case: updated, record, dryRun: true };
    const running = (await this.deadlines.forCase(current.id)).filter((d) => d.status === 'open' || d.status === 'calendar-missing');
    const deadlineChanges = planMigrationDeadlines({
      to,
      caseId: current.id,
      prevPaths: statePaths(JSON.parse(current.stateValue)),
      nextPaths: outcome.paths,
      context: outcome.context,
      seq: record.seq,
      eventType: MIGRATE_WORKFLOW,
      at,
      today,
      orgUnits: patch.orgUnits,
      running,
      calendar: this.calendar,
      params: this.config.rules,
    });
    try {
      await this.cases.advance(current.id, current.revision, patch, record, deadlineChanges);
    } catch (e) {
      if (e instanceof RevisionConflictError) throw revisionConflict(current.id, current.revision);
      throw e;
    }
    this.logger.log(`case ${current.id} migrated ${current.kind} v${from.version} → v${to.version} by ${cmd.actor.userId}`);
    await this.afterCommit(current.id, updated.revision, [], deadlineChanges);
    return { case: updated, record, dryRun: false };
  }

  private async afterCommit(
    caseId: string,
    revision: number,
    effects: Parameters<EffectSink['perform']>[2],
    deadlines: Parameters<DeadlineScheduler['deadlinesChanged']>[1],
  ) {
    // The event is committed; a failed effect must not turn it into an error for the user
    // (deadline jobs are re-created from the rows by reconciliation).
    try {
      if (effects.length) await this.effects.perform(caseId, revision, effects);
      if (this.scheduler && (deadlines.open.length || deadlines.close.length)) {
        await this.scheduler.deadlinesChanged(caseId, deadlines);
      }
    } catch (e) {
      this.logger.error(`after-commit work of case ${caseId}@${revision} failed: ${(e as Error).message}`);
    }
  }
}
