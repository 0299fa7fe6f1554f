import type { DocketConfig } from '@app/config';
import type { WorkflowRegistry } from '@app/engine';
import type { DataSource } from 'typeorm';
import type { Measurement } from './stats';

export interface MajorDecisionResult {
  transitions: Measurement;
  eventsPerCase: number;
  cases: number;
}

/** Placeholder until the pipeline is wired (returns null = not measured). */
export async function measureMajorDecision(
  _registry: WorkflowRegistry,
  _ds: DataSource,
  _config: DocketConfig,
  _transitions: number,
): Promise<MajorDecisionResult | { skipped: string }> {
  return { skipped: 'not wired yet' };
}
