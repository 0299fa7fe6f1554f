import { HistoryRecord, replay, WorkflowRegistry } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import * as fs from 'fs';
import * as path from 'path';

/**
 * Histories recorded from real runs of each workflow version. They must replay forever: a change
 * to a released machine that alters any recorded state breaks these tests (ship a new version
 * instead).
 */
const root = path.join(__dirname, '..', 'fixtures');
const fixtures = fs
  .readdirSync(root)
  .flatMap((kind) => fs.readdirSync(path.join(root, kind)).flatMap((v) => fs.readdirSync(path.join(root, kind, v)).map((f) => path.join(root, kind, v, f))))
  .filter((f) => f.endsWith('.events.json'));

const registry = new WorkflowRegistry(allWorkflows);
/** the state each recorded history ends in (every fixture names its own) */
const ENDS_IN: Record<string, string> = {
  'major-decision/v1/full-pipeline.events.json': 'archived',
  'major-decision/v1/no-optional-procedures.events.json': 'archived',
  // v2: the undertaking unit named by its name, resolved to 经济发展办 (jjfzb) and kept in the record's facts
  'major-decision/v2/undertaking-unit-by-name.events.json': 'archived',
  // v3: the close seals the docket (commentSeal), the summary is computed from it (participationSummary), both kept in the records' facts
  'major-decision/v3/comments-sealed-and-answered.events.json': 'archived',
  'normative-document/v3/comments-sealed-and-answered.events.json': 'expired',
  'administrative-contract/v1/full-lifecycle.events.json': 'closed',
  // accepted by v1, refused by v2 (OPINION_CONTRADICTS_CHECKLIST): still replays on v1
  'administrative-contract/v1/legal-opinion-contradicting-checklist.events.json': 'performance',
  'enforcement-decision/v1/penalty-after-hearing.events.json': 'decided',
  // accepted by v1, refused by v2 (COLLECTIVE_DISCUSSION_REQUIRED): still replays on v1
  'enforcement-decision/v1/complex-penalty-without-collective-discussion.events.json': 'decided',
  // v3: served, published, applied to the court after the six months, archived
  'enforcement-decision/v3/served-published-court-application-archived.events.json': 'archived',
};
const load = (f: string): HistoryRecord[] => JSON.parse(fs.readFileSync(f, 'utf8'));

describe('golden histories replay through their recorded workflow versions', () => {
  it('has fixtures', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(2);
  });

  it.each(fixtures.map((f) => [path.relative(root, f), f]))('%s replays with every state hash matching', (_, f) => {
    const records = load(f);
    const report = replay(registry, records);
    expect(report.chain).toEqual({ ok: true });
    expect(report.replay.ok).toBe(true);
    expect(report.events).toBe(records.length);
    expect(records[records.length - 1].stateAfter).toBe(ENDS_IN[path.relative(root, f)]);
  });

  it.each(fixtures.map((f) => [path.relative(root, f), f]))('%s: an edited payload is caught at its seq', (_, f) => {
    const records = load(f);
    const seq = Math.ceil(records.length / 2);
    (records[seq - 1].payload as Record<string, unknown>).tampered = true;
    const report = replay(registry, records);
    expect(report.ok).toBe(false);
    expect(report.chain).toMatchObject({ ok: false, seq, reason: 'HASH_MISMATCH' });
  });
});
