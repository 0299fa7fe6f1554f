/**
 * GET /workflows/:kind/:version describes each event's payload (payloadSchema), and a client that
 * knows nothing else can use it: for every matter type, a case is created from the creation
 * schema's example and walked on by sending, each time, an event the case offers with its schema's
 * example payload. No request is refused for its payload's shape (VALIDATION_FAILED); where the
 * workflow's rules refuse a step (a period, an order of dates), the walk tries the next event offered.
 */
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import { DEMO_USER_ROLES } from '../factories/users.factory';

/** Events that end or set aside the walk rather than take the case on. */
const NOT_WALKED = new Set(['WITHDRAW', 'SUSPEND', 'DECLINE_TO_START', 'RETURN_INCOMPLETE', 'RETURN_FOR_REVISION']);
const STEPS = 6;

describe.each(DRIVERS)('payload schemas drive the API on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    await api.setClock('2020-03-02T01:00:00Z');
  });
  afterAll(async () => t?.close());

  it('GET /workflows/:kind/:version gives each event a JSON Schema of its payload, in zh-CN and English', async () => {
    const res = await api.get('auditor', '/workflows/major-decision/1');
    expect(res.status).toBe(200);
    expect(res.body.create.payloadSchema).toMatchObject({ type: 'object', required: ['title', 'proposal'], title: res.body.create.label.zh });
    const submit = res.body.events.find((e: { type: string }) => e.type === 'SUBMIT_FOR_LEGALITY_REVIEW');
    expect(submit.payloadSchema.properties.requestedCompletionDate).toMatchObject({ type: 'string', format: 'date', title: '要求完成日期', 'x-title-en': 'Requested completion date' });
    expect(submit.payloadSchema.properties.materials.properties.draftHash).toMatchObject({ format: 'sha256', 'x-docket-file': true });
    const meeting = res.body.events.find((e: { type: string }) => e.type === 'RECORD_MEETING');
    expect(meeting.payloadSchema.properties.decision['x-enum-labels'].APPROVED).toEqual({ zh: '通过', en: 'Approved' });
    for (const e of res.body.events) expect([e.type, e.payloadSchema?.type]).toEqual([e.type, 'object']);
  });

  it('a case of every matter type is created and taken on from the schemas’ examples alone', async () => {
    const kinds: Array<{ kind: string; version: number }> = (await api.get('auditor', '/workflows')).body;
    const latest = new Map<string, number>();
    for (const k of kinds) latest.set(k.kind, Math.max(latest.get(k.kind) ?? 0, k.version));
    const walked: Record<string, string[]> = {};
    const invalid: unknown[] = [];
    for (const [kind, version] of latest) {
      const wf = (await api.get('auditor', `/workflows/${kind}/${version}`)).body;
      const createSchema = wf.create.payloadSchema;
      if (!createSchema.properties.proposal) continue; // created elsewhere (the decision catalog: POST /catalogs)
      const creator = Object.keys(DEMO_USER_ROLES).find((u) => wf.create.roles.includes(DEMO_USER_ROLES[u]))!;
      const created = await api.post(creator, '/cases', { kind, ...createSchema.example });
      expect([kind, created.status, created.body.code]).toEqual([kind, 201, undefined]);
      const id = created.body.id;
      walked[kind] = [wf.create.type];
      for (let step = 0; step < STEPS; step++) {
        let moved = false;
        for (const username of Object.keys(DEMO_USER_ROLES)) {
          const offered: Array<{ type: string }> = (await api.get(username, `/cases/${id}`)).body.allowedEvents ?? [];
          for (const { type } of offered) {
            if (NOT_WALKED.has(type)) continue;
            const event = wf.events.find((e: { type: string }) => e.type === type);
            const res = await api.event(username, id, type, event.payloadSchema.example);
            if (res.status === 400 && res.body.code === 'VALIDATION_FAILED') invalid.push([kind, type, res.body.details]);
            if (res.status === 200) {
              walked[kind].push(type);
              moved = true;
              break;
            }
          }
          if (moved) break;
        }
        if (!moved) break;
      }
    }
    expect(invalid).toEqual([]);
    // every matter type got past its creation on examples alone
    for (const [kind, types] of Object.entries(walked)) expect([kind, types.length > 1]).toEqual([kind, true]);
    expect(Object.keys(walked).length).toBeGreaterThanOrEqual(5);
    expect(walked['major-decision'].slice(0, 3)).toEqual(['CREATE_CASE', 'DECIDE_TO_START', 'SUBMIT_DRAFT']);
    expect(walked['administrative-contract']).toEqual(expect.arrayContaining(['SUBMIT_FOR_LEGALITY_REVIEW', 'ACCEPT_FOR_REVIEW', 'ISSUE_REVIEW_OPINION']));
  });
});
