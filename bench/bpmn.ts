import type Database from 'better-sqlite3';
import { Engine } from 'bpmn-engine';
import { randomUUID } from 'crypto';
import { EventEmitter } from 'events';
import { approvalComment, approverFor, APPROVAL_ROLES, APPROVAL_STEPS, benchCreator } from './approval.workflow';
import { BenchDatabase, openSqlite, PgClient, pgClient } from './databases';
import type { Recorder } from './stats';

/**
 * bpmn-engine (npm) running the BPMN equivalent of `bench-approval`: start → five user tasks →
 * end. Each step is one persistence cycle against the same database as Docket: load the saved state,
 * recover a new Engine from it, resume, signal the waiting user task, wait until the next one
 * waits (or the process ends), stop, serialise the state and save it in one transaction.
 */
const NODES = ['start', ...Array.from({ length: APPROVAL_STEPS }, (_, i) => `approve${i + 1}`), 'end'];

export const APPROVAL_BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="benchApprovalDefinitions" targetNamespace="http://docket.local/bench">
  <process id="benchApproval" isExecutable="true">
    <startEvent id="start" />
${NODES.slice(1, -1)
  .map((id, i) => `    <userTask id="${id}" name="Approval ${i + 1} (${APPROVAL_ROLES[i]})" />`)
  .join('\n')}
    <endEvent id="end" />
${NODES.slice(0, -1)
  .map((id, i) => `    <sequenceFlow id="flow${i + 1}" sourceRef="${id}" targetRef="${NODES[i + 1]}" />`)
  .join('\n')}
  </process>
</definitions>`;

/** Where the engine state lives: `bpmn_state(id text primary key, state text)`, one transaction per save. */
export interface BpmnStore {
  insert(id: string, state: string): Promise<void>;
  load(id: string): Promise<string>;
  save(id: string, state: string): Promise<void>;
  close(): Promise<void>;
}

/** A store in `db` (Docket's own database), on its own connection of the raw driver. */
export async function openBpmnStore(db: BenchDatabase): Promise<BpmnStore> {
  return db.driver === 'sqlite' ? sqliteBpmnStore(openSqlite(db.file!)) : pgBpmnStore(await pgClient(db.schema));
}

export function sqliteBpmnStore(db: Database.Database): BpmnStore {
  db.exec('CREATE TABLE IF NOT EXISTS bpmn_state (id text PRIMARY KEY, state text NOT NULL)');
  const ins = db.prepare('INSERT INTO bpmn_state (id, state) VALUES (?, ?)');
  const sel = db.prepare('SELECT state FROM bpmn_state WHERE id = ?');
  const upd = db.prepare('UPDATE bpmn_state SET state = ? WHERE id = ?');
  const save = db.transaction((id: string, state: string) => {
    if (upd.run(state, id).changes !== 1) throw new Error(`no bpmn_state row ${id}`);
  });
  return {
    insert: async (id, state) => void ins.run(id, state),
    load: async (id) => (sel.get(id) as { state: string }).state,
    save: async (id, state) => save(id, state),
    close: async () => void db.close(),
  };
}

export async function pgBpmnStore(client: PgClient): Promise<BpmnStore> {
  await client.query('CREATE TABLE IF NOT EXISTS bpmn_state (id text PRIMARY KEY, state text NOT NULL)');
  return {
    insert: async (id, state) => void (await client.query({ name: 'bpmn_ins', text: 'INSERT INTO bpmn_state (id, state) VALUES ($1, $2)', values: [id, state] })),
    load: async (id) => (await client.query({ name: 'bpmn_sel', text: 'SELECT state FROM bpmn_state WHERE id = $1', values: [id] })).rows[0].state,
    save: async (id, state) => {
      await client.query('BEGIN');
      try {
        const res = await client.query({ name: 'bpmn_upd', text: 'UPDATE bpmn_state SET state = $1 WHERE id = $2', values: [state, id] });
        if (res.rowCount !== 1) throw new Error(`no bpmn_state row ${id}`);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
    },
    close: () => client.end(),
  };
}

/** Starts an instance (it runs to the first user task) and returns its state as JSON. */
async function startInstance(): Promise<string> {
  const engine = new Engine({ name: 'bench-approval', source: APPROVAL_BPMN });
  const listener = new EventEmitter();
  const waiting = new Promise((resolve) => listener.once('wait', resolve));
  await engine.execute({ listener, variables: { createdBy: benchCreator.userId } });
  await waiting;
  await engine.stop();
  return JSON.stringify(await engine.getState());
}

/**
 * One persistence cycle (the reference procedure for bpmn-engine 25): recover a new engine from
 * the saved state, resume it, signal the postponed user task with the approval, wait for the next
 * non-recovered `wait` (or `end`), stop, serialise. The same trivial rule and role check as the
 * Docket workflow are applied before signalling.
 */
async function stepInstance(saved: string, step: number): Promise<string> {
  const actor = approverFor(step);
  const engine = new Engine().recover(JSON.parse(saved));
  const listener = new EventEmitter();
  let settle!: (what: string) => void;
  let fail!: (e: unknown) => void;
  const next = new Promise<string>((resolve, reject) => {
    settle = resolve;
    fail = reject;
  });
  listener.on('wait', (api: { id: string; content: { isRecovered?: boolean } }) => {
    if (!api.content.isRecovered) settle(`wait:${api.id}`);
  });
  engine.once('end', () => settle('end'));
  engine.once('error', fail);
  const execution = await engine.resume({ listener });
  const task = execution.getPostponed().find((a) => a.type === 'bpmn:UserTask');
  if (!task) throw new Error('bpmn: no user task is waiting');
  if (task.id !== `approve${step}`) throw new Error(`bpmn: ${task.id} is waiting, not approve${step}`);
  if (actor.role !== APPROVAL_ROLES[step - 1]) throw new Error('bpmn: role not allowed');
  if (actor.userId === execution.environment.variables.createdBy) throw new Error('bpmn: self-approval');
  execution.signal({ id: task.id, ...approvalComment(step), approvedBy: actor.userId, role: actor.role, at: new Date().toISOString() });
  const reached = await next;
  if (reached !== 'end') await engine.stop();
  const expected = step < APPROVAL_STEPS ? `wait:approve${step + 1}` : 'end';
  if (reached !== expected) throw new Error(`bpmn: reached ${reached}, expected ${expected}`);
  return JSON.stringify(await engine.getState());
}

/**
 * Same shape as the Docket measurement: `count` instances are started and stored first (not timed),
 * then step 1 is done for every instance, then step 2, … One step = load + recover + signal + save.
 * Returns the mean size of the saved state after step 1, in bytes.
 */
export async function runBpmn(store: BpmnStore, count: number, rec?: Recorder): Promise<number> {
  rec?.pause();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    await store.insert(id, await startInstance());
    ids.push(id);
  }
  rec?.start();
  let bytes = 0;
  for (let step = 1; step <= APPROVAL_STEPS; step++) {
    for (const id of ids) {
      const cycle = async () => {
        const state = await stepInstance(await store.load(id), step);
        await store.save(id, state);
        if (step === 1) bytes += Buffer.byteLength(state);
      };
      if (rec) await rec.time(cycle);
      else await cycle();
    }
  }
  rec?.pause();
  return bytes / Math.max(1, count);
}
