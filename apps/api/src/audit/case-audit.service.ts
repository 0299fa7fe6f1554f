import { CaseVerdict, jsonDiff, JsonChange } from '@app/audit';
import {
  GENESIS_HASH,
  hashRecord,
  HistoryRecord,
  Label,
  MIGRATE_WORKFLOW,
  replaySteps,
  ROLE_LABELS,
  Role,
  stateMetaOf,
  statePaths,
  StateValue,
  WorkflowDefinition,
  WorkflowRegistry,
} from '@app/engine';
import { CASE_REPOSITORY, CaseEntity, CaseRepository, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { caseNotFound, DocketError, WORKFLOW_REGISTRY } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { CaseEvidenceService } from './case-evidence.service';

export interface StateView {
  value: unknown;
  path: string | null;
  label: Label | null;
  stage: string | null;
  stageLabel: Label | null;
}

const caseDidNotExist = (id: string, at: string) =>
  new DocketError(404, 'CASE_NOT_YET_CREATED', `案件在 ${at} 时尚未创建`, `Case ${id} did not exist yet at ${at}`, undefined, { caseId: id, at });

/**
 * The auditor's reading of a case (issue 4 §1): who did what and when, how the state and the
 * records changed at each step, the case as it stood at any time, and a replay that shows each
 * step's verification. Read-only: everything is recomputed from the history by the engine.
 */
@Injectable()
export class CaseAuditService {
  constructor(
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    private readonly evidence: CaseEvidenceService,
  ) {}

  async load(id: string): Promise<{ row: CaseEntity; records: HistoryRecord[] }> {
    const row = await this.cases.findById(id);
    if (!row) throw caseNotFound(id);
    return { row, records: await this.cases.history(id) };
  }

  /** A state value with its labels, read in the definition of the version that produced it. */
  stateView(def: WorkflowDefinition | null, value: unknown): StateView {
    let meta: ReturnType<typeof stateMetaOf> | undefined;
    try {
      meta = def && value !== undefined && value !== null ? stateMetaOf(def, value as StateValue) : undefined;
    } catch {
      meta = undefined;
    }
    let path: string | null = null;
    try {
      const paths = statePaths(value as StateValue);
      path = paths[paths.length - 1] ?? null;
    } catch {
      path = null;
    }
    return { value, path, label: meta?.label ?? null, stage: meta?.stage ?? null, stageLabel: meta && def ? def.stages[meta.stage] ?? null : null };
  }

  private definitionOf(record: HistoryRecord): WorkflowDefinition | null {
    try {
      return this.registry.get(record.workflow?.kind, record.workflow?.version);
    } catch {
      return null;
    }
  }

  private eventLabel(def: WorkflowDefinition | null, type: string): Label {
    if (type === MIGRATE_WORKFLOW) return { zh: '迁移流程版本', en: 'Migrated to another workflow version' };
    if (!def) return { zh: type, en: type };
    if (type === def.create.type) return def.create.label;
    return def.events[type]?.label ?? { zh: type, en: type };
  }

  private async people(records: HistoryRecord[]): Promise<Map<string, { username: string; displayName: string }>> {
    const ids = [...new Set(records.map((r) => r.actor?.userId).filter((x): x is string => typeof x === 'string'))];
    const found = await Promise.all(ids.map((id) => this.users.findById(id)));
    return new Map(found.filter((u) => u).map((u) => [u!.id, { username: u!.username, displayName: u!.displayName }]));
  }

  /** Per event: who, when, from → to (labelled), and the record fields that changed, old → new. */
  async history(id: string) {
    const { row, records } = await this.load(id);
    const people = await this.people(records);
    const contexts = new Map<number, unknown>();
    let divergedAt: number | null = null;
    for (const step of replaySteps(this.registry, records)) {
      if (!step.ok) {
        divergedAt = step.seq;
        break;
      }
      contexts.set(step.seq, step.snapshot.context);
    }
    let previous: { value: unknown; def: WorkflowDefinition | null; context: unknown } | null = null;
    const events = records.map((r) => {
      const def = this.definitionOf(r);
      const context = contexts.get(r.seq);
      const changes: JsonChange[] | null = contexts.has(r.seq) ? jsonDiff(previous?.context ?? {}, context) : null;
      const event = {
        seq: r.seq,
        type: r.type,
        label: this.eventLabel(def, r.type),
        at: r.at,
        actor: {
          ...r.actor,
          ...(people.get(r.actor?.userId) ?? {}),
          roleLabel: ROLE_LABELS[r.actor?.role as Role] ?? null,
        },
        workflow: r.workflow,
        from: previous ? this.stateView(previous.def, previous.value) : null,
        to: this.stateView(def, r.stateAfter),
        payload: r.payload,
        changes,
        hash: r.hash,
      };
      previous = { value: r.stateAfter, def, context };
      return event;
    });
    return {
      caseId: id,
      title: row.title,
      kind: row.kind,
      events,
      /** changes are shown up to the first record the engine cannot replay */
      replayDivergedAt: divergedAt,
    };
  }

  /**
   * The case as it stood at `at`: the history up to the last record at or before `at`, replayed.
   * Records are taken in seq order and the first one after `at` ends the prefix.
   */
  async stateAt(id: string, at: string) {
    const { row, records } = await this.load(id);
    const t = Date.parse(at);
    const prefix: HistoryRecord[] = [];
    for (const r of records) {
      if (!(Date.parse(r.at) <= t)) break;
      prefix.push(r);
    }
    if (!prefix.length) throw caseDidNotExist(id, at);
    let last: { snapshot: { value: unknown; status: string; context: unknown }; def: WorkflowDefinition; stateHash: string } | null = null;
    let diverged: { seq: number; reason: string } | null = null;
    for (const step of replaySteps(this.registry, prefix)) {
      if (!step.ok) {
        diverged = { seq: step.seq, reason: step.reason };
        break;
      }
      last = { snapshot: step.snapshot, def: step.definition, stateHash: step.stateHash };
    }
    if (diverged || !last) {
      throw new DocketError(
        409,
        'HISTORY_NOT_REPLAYABLE',
        `案件历史在第 ${diverged?.seq} 条无法重放，无法还原该时点的状态`,
        `The history cannot be replayed at seq ${diverged?.seq} (${diverged?.reason}); the state at ${at} cannot be rebuilt`,
        undefined,
        { caseId: id, ...diverged },
      );
    }
    const head = prefix[prefix.length - 1];
    return {
      caseId: id,
      title: row.title,
      at,
      asOf: { seq: head.seq, at: head.at, type: head.type, hash: head.hash },
      revision: head.seq,
      workflow: head.workflow,
      state: this.stateView(last.def, last.snapshot.value),
      status: last.snapshot.status,
      records: last.snapshot.context,
      stateHash: last.stateHash,
      current: row.revision === head.seq,
    };
  }

  /** Replays the history step by step: each record's chain checks and the engine's result. */
  async replay(id: string) {
    const { row, records } = await this.load(id);
    const replayed = new Map<number, { ok: true; stateHash: string } | { ok: false; reason: string; expected: unknown; actual: unknown }>();
    for (const step of replaySteps(this.registry, records)) {
      if (step.ok) replayed.set(step.seq, { ok: true, stateHash: step.stateHash });
      else {
        replayed.set(step.seq, { ok: false, reason: step.reason, expected: step.expected, actual: step.actual });
        break;
      }
    }
    const steps = records.map((r, i) => {
      const def = this.definitionOf(r);
      let hashOk = false;
      try {
        hashOk = hashRecord(r) === r.hash;
      } catch {
        hashOk = false;
      }
      const engine = replayed.get(r.seq) ?? null;
      const checks = {
        seq: r.seq === i + 1,
        prevHash: r.prevHash === (i === 0 ? GENESIS_HASH : records[i - 1].hash),
        hash: hashOk,
        replay: engine ? engine.ok : null,
      };
      return {
        seq: r.seq,
        type: r.type,
        label: this.eventLabel(def, r.type),
        at: r.at,
        actor: r.actor,
        workflow: r.workflow,
        to: this.stateView(def, r.stateAfter),
        recordedStateHash: r.stateHash,
        replay: engine,
        checks,
        ok: checks.seq && checks.prevHash && checks.hash && checks.replay === true,
      };
    });
    const verdict: CaseVerdict = await this.evidence.verdict(row, records);
    return { caseId: id, events: records.length, steps, verdict };
  }
}
