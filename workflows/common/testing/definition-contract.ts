/**
 * The checks every matter workflow's spec makes of its definition, as one helper each spec calls
 * inside its `describe('definition')`: the engine's contract check and registration, a label
 * (zh + en) and a declared stage for exactly the machine's state paths, exactly the events the
 * machine accepts (each with roles, a label, a `<Event>Payload` class and existing rules, every rule
 * used), the review desk's roles as major-decision v1 declares them, precondition rules that ignore
 * the payload and facts, and the fixtures' payloads accepted by the payload classes.
 *
 * Test code (jest globals). It imports nothing from libs/ at run time: the spec hands in the
 * engine's `definitionProblems` and `WorkflowRegistry` and the registered workflows, so the helper
 * stays within the workflows' dependency rules. No clock, no randomness.
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Actor, RuleDefinition, WorkflowDefinition, WorkflowRegistry } from '@app/engine';

type Node = { path: string[]; states: Record<string, Node>; on: Record<string, unknown> };
const nodes = (n: Node): Node[] => Object.values(n.states).flatMap((c) => [c, ...nodes(c)]);

/** The legality-review events whose names and roles every matter workflow shares with major-decision v1. */
export const REVIEW_DESK_EVENTS = ['SUBMIT_FOR_LEGALITY_REVIEW', 'ACCEPT_FOR_REVIEW', 'RETURN_INCOMPLETE', 'ISSUE_REVIEW_OPINION', 'CONFIRM_REVISIONS'] as const;

export interface DefinitionContract {
  /** the engine's functions (the spec imports them from `@app/engine`) */
  engine: { definitionProblems: (def: WorkflowDefinition) => string[]; WorkflowRegistry: new (defs: WorkflowDefinition[]) => WorkflowRegistry };
  /** every registered definition (`allWorkflows`), and the kind and version `def` is registered under there */
  workflows: WorkflowDefinition[];
  registeredAs: [kind: string, version: number];
  /** the machine file's list of event types */
  eventTypes: readonly string[];
  /** precondition rules are probed in this context with an empty event from `actor` at `at` (`today` 2024-03-01), then with `junk` payload and facts */
  precondition: { context: () => unknown; actor: Actor; at: string; junk: { payload: object; facts: Record<string, unknown> } };
  /** the fixtures: a valid payload per event, the creation payload, and further samples that must be accepted */
  fixtures: { valid: Record<string, (...args: never[]) => object>; createPayload: () => object; samples?: () => Array<[type: string, payload: object]> };
}

/** Registers the shared definition checks (call it inside the spec's `describe('definition')`). */
export function describeDefinitionContract(def: WorkflowDefinition, c: DefinitionContract): void {
  const allNodes = nodes(def.machine.root as unknown as Node);

  it('passes the engine’s contract check and registers', () => {
    expect(c.engine.definitionProblems(def)).toEqual([]);
    expect(new c.engine.WorkflowRegistry(c.workflows).get(...c.registeredAs)).toBe(def);
  });

  it('labels every state path (zh + en) with a declared stage, and nothing else', () => {
    expect(Object.keys(def.states).sort()).toEqual(allNodes.map((n) => n.path.join('.')).sort());
    for (const meta of Object.values(def.states)) {
      expect(meta.label.zh.trim() && meta.label.en.trim()).toBeTruthy();
      expect(Object.keys(def.stages)).toContain(meta.stage);
    }
  });

  it('declares exactly the events the machine accepts, each with roles, a label, a payload class and existing rules', () => {
    const used = new Set(allNodes.flatMap((n) => Object.keys(n.on)));
    expect([...used].sort()).toEqual(Object.keys(def.events).sort());
    expect([...c.eventTypes].sort()).toEqual(Object.keys(def.events).sort());
    const usedRules = new Set<string>();
    for (const [type, meta] of Object.entries(def.events)) {
      for (const r of meta.rules ?? []) usedRules.add(r);
      expect(meta.roles.length).toBeGreaterThan(0);
      expect(meta.label.zh && meta.label.en).toBeTruthy();
      const pascal = type.toLowerCase().split('_').map((w) => w[0].toUpperCase() + w.slice(1)).join('');
      expect(meta.payload!.name).toBe(`${pascal}Payload`);
    }
    expect([...usedRules].sort()).toEqual(Object.keys(def.rules).sort());
  });

  it('uses the review-desk event names and roles of major-decision v1', () => {
    const md = c.workflows.find((d) => d.kind === 'major-decision')!;
    for (const t of REVIEW_DESK_EVENTS) {
      expect(def.events[t].roles).toEqual(md.events[t].roles);
    }
  });

  it('marks as precondition only rules that ignore the payload and facts', () => {
    const context = c.precondition.context();
    for (const [name, rule] of Object.entries(def.rules as Record<string, RuleDefinition>)) {
      if (!rule.precondition) continue;
      const probe = { type: 'X', payload: {}, actor: c.precondition.actor, at: c.precondition.at, today: '2024-03-01', facts: {} };
      const junk = { ...probe, payload: c.precondition.junk.payload, facts: c.precondition.junk.facts };
      expect([name, rule.check({ context, event: probe })]).toEqual([name, rule.check({ context, event: junk })]);
    }
  });

  it('accepts the fixtures’ payloads with the payload classes', () => {
    const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };
    for (const [type, make] of Object.entries(c.fixtures.valid)) {
      expect([type, validateSync(plainToInstance(def.events[type].payload!, (make as () => object)()) as object, OPTIONS)]).toEqual([type, []]);
    }
    for (const [type, payload] of c.fixtures.samples?.() ?? []) {
      expect(validateSync(plainToInstance(def.events[type].payload!, payload) as object, OPTIONS)).toEqual([]);
    }
    expect(validateSync(plainToInstance(def.create.payload!, c.fixtures.createPayload()) as object, OPTIONS)).toEqual([]);
  });
}
