/**
 * The rule table every matter workflow's spec walks: for each rule, cases of an event it refuses in
 * a state (`bad`, at `at()`) and one it lets pass (`good`, in the same state path, at `goodAt()` or
 * `at()`). `describeRuleCases` registers, inside the spec's `describe('rules: …')`, the check that
 * the table covers exactly the definition's rules and one test per case: the rule's check fails,
 * the machine refuses, the event names the rule, the engine answers with the rule's code and
 * article; the good event passes the check and the machine in the same state path.
 *
 * Test code (jest globals). It imports nothing at run time: the spec hands in the engine's
 * `stepCase` and its own `leaf` (how it names a snapshot's state path). No clock, no randomness.
 */
import type { WorkflowDefinition, WorkflowEvent } from '@app/engine';

/** What the table reads of an xstate snapshot. */
export interface RuleCaseSnapshot {
  context: unknown;
  can(event: never): boolean;
}

export interface RuleCaseOf<S extends RuleCaseSnapshot> {
  at: () => S;
  bad: WorkflowEvent;
  good: WorkflowEvent;
  /** the snapshot the good event is tried in, when it differs from `at` */
  goodAt?: () => S;
}

export function describeRuleCases<S extends RuleCaseSnapshot>(
  def: WorkflowDefinition,
  cases: Record<string, RuleCaseOf<S> | Array<RuleCaseOf<S>>>,
  c: { stepCase: (def: WorkflowDefinition, persisted: unknown, event: WorkflowEvent) => unknown; leaf: (s: S) => string },
): void {
  const machine = def.machine as unknown as { getPersistedSnapshot(s: S): unknown };

  it('covers every rule of the definition', () => {
    expect(Object.keys(cases).sort()).toEqual(Object.keys(def.rules).sort());
  });

  const rows = Object.entries(cases).flatMap(([name, list]) =>
    (Array.isArray(list) ? list : [list]).map((rc, i) => [`${name} #${i + 1} (${def.rules[name].refusal.code})`, name, rc] as const),
  );

  it.each(rows)('%s', (_title, name, rc) => {
    const rule = def.rules[name];
    const s = rc.at();
    expect(rule.check({ context: s.context, event: rc.bad })).toBe(false);
    expect(s.can(rc.bad as never)).toBe(false);
    expect(def.events[rc.bad.type].rules).toContain(name);
    // through the engine: the rule's own refusal
    const refused = c.stepCase(def, machine.getPersistedSnapshot(s), rc.bad);
    expect(refused).toMatchObject({ ok: false, refusal: { code: rule.refusal.code, article: rule.refusal.article } });
    const good = rc.goodAt?.() ?? s;
    expect(c.leaf(good)).toBe(c.leaf(s));
    expect(rule.check({ context: good.context, event: rc.good })).toBe(true);
    expect(good.can(rc.good as never)).toBe(true);
  });
}
