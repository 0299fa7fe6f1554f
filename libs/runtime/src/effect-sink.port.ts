import type { Effect } from '@app/engine';

/**
 * Performs the effects of an accepted event after its transaction has committed
 * (schedule / cancel a deadline job, emit a notification). The deadlines work plugs its
 * scheduler in here; the default only logs.
 */
export interface EffectSink {
  perform(caseId: string, revision: number, effects: Effect[]): Promise<void>;
}

export class LoggingEffectSink implements EffectSink {
  constructor(private readonly log: (msg: string) => void = () => undefined) {}

  async perform(caseId: string, revision: number, effects: Effect[]): Promise<void> {
    for (const e of effects) this.log(`case ${caseId}@${revision}: effect ${JSON.stringify(e)}`);
  }
}
