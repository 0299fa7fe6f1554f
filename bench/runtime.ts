import { BusinessCalendar } from '@app/calendar';
import type { DocketConfig } from '@app/config';
import { WorkflowDefinition, WorkflowRegistry } from '@app/engine';
import { CaseRepository, ConsultationCommentRepository, DeadlineRepository, UserRepository } from '@app/persistence';
import { Clock, LoggingEffectSink, SystemClock, TableConsultationDocket, TableOrgUnitDirectory, WorkflowRuntime } from '@app/runtime';
import type { DataSource } from 'typeorm';
import { approvalComment, approverFor, APPROVAL_STEPS, benchApprovalV1, benchCreator } from './approval.workflow';
import type { Recorder } from './stats';

/** The real runtime, built by hand as the Nest module builds it (no app, no HTTP). */
export function buildRuntime(registry: WorkflowRegistry, dataSource: DataSource, config: DocketConfig, clock: Clock = new SystemClock()): WorkflowRuntime {
  return new WorkflowRuntime(
    registry,
    new CaseRepository(dataSource),
    clock,
    BusinessCalendar.fromChineseDays(),
    config,
    new LoggingEffectSink(),
    new DeadlineRepository(dataSource),
    undefined,
    undefined,
    // the undertaking unit of a major decision (v2) is resolved from the org-units table, as in the app
    new TableOrgUnitDirectory(new UserRepository(dataSource)),
    // no transition observer (the metrics)
    undefined,
    // the comment docket a major decision's close seals and its summary counts (v3), as in the app
    new TableConsultationDocket(new ConsultationCommentRepository(dataSource)),
  );
}

/** The bench's registry: every real workflow plus `bench-approval` v1. */
export function buildRegistry(real: readonly WorkflowDefinition[]): WorkflowRegistry {
  return new WorkflowRegistry([...real, benchApprovalV1]);
}

async function createApprovalCases(runtime: WorkflowRuntime, count: number, rec?: Recorder): Promise<string[]> {
  const ids: string[] = [];
  for (let c = 0; c < count; c++) {
    const create = () => runtime.createCase({ kind: 'bench-approval', payload: { title: `基准审批 ${c + 1}（bench approval ${c + 1}）` }, actor: benchCreator });
    const row = rec ? await rec.time(create) : await create();
    ids.push(row.id);
  }
  return ids;
}

async function approveAll(runtime: WorkflowRuntime, ids: readonly string[], rec?: Recorder): Promise<void> {
  for (let step = 1; step <= APPROVAL_STEPS; step++) {
    const type = `APPROVE_${step}`;
    const actor = approverFor(step);
    for (const caseId of ids) {
      const send = () => runtime.dispatch({ caseId, type, payload: approvalComment(step), actor });
      if (rec) await rec.time(send);
      else await send();
    }
  }
}

/**
 * `bench-approval` through `WorkflowRuntime.dispatch` (load the case, validate the payload, engine
 * step, CAS update + history append + chain hash in one transaction). `count` cases are opened first
 * (timed apart in `created`), then step 1 is sent to every case, then step 2, …
 */
export async function runApproval(runtime: WorkflowRuntime, count: number, rec?: Recorder, created?: Recorder): Promise<void> {
  rec?.pause();
  created?.start();
  const ids = await createApprovalCases(runtime, count, created);
  created?.pause();
  rec?.start();
  await approveAll(runtime, ids, rec);
  rec?.pause();
}
