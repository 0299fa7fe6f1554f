import request from 'supertest';
import { caseFingerprint, tableCounts } from '../factories/db-fingerprint';
import { majorDecisionSteps, NO_PROCEDURES, PROPOSAL, runMajorDecision } from '../factories/major-decision.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 2 §6: "Never a 5xx for bad input, and a refused request leaves the case byte-for-byte
 * unchanged." Every row is sent as is; the answer must be 4xx with a stable code and both
 * messages, and the stored case (row, history) must not have moved.
 */

type CaseKey = 'drafting' | 'preparing' | 'meeting';

interface Row {
  name: string;
  /** which reference case the event is sent to */
  at: CaseKey;
  user?: string;
  /** replaces the case id in the URL */
  id?: string;
  /** a JSON body (sent with supertest's JSON encoding) */
  body?: unknown;
  /** a raw body, sent as is with `contentType` (default application/json) */
  raw?: string;
  contentType?: string;
  status: number | number[];
  code: string | string[];
  /** a field the 400 answer must name in details.errors */
  field?: string;
}

const step = (name: string) => majorDecisionSteps().find((s) => s.name === name)!;
const DRAFT = step('draft').payload as Record<string, any>;
const PUBLISH = step('publish').payload as Record<string, any>;
const HEARING = step('hearing').payload as Record<string, any>;
const SCHEDULE = step('schedule').payload as Record<string, any>;
const MB = 1024 * 1024;

const draft = (patch: Record<string, unknown>) => ({ type: 'SUBMIT_DRAFT', payload: { ...DRAFT, ...patch } });
const publish = (patch: Record<string, unknown>) => ({ type: 'PUBLISH_FOR_COMMENT', payload: { ...PUBLISH, ...patch } });
const hearing = (patch: Record<string, unknown>) => ({ type: 'RECORD_HEARING', payload: { ...HEARING, ...patch } });
const schedule = (patch: Record<string, unknown>) => ({ type: 'SCHEDULE_MEETING', payload: { ...SCHEDULE, ...patch } });
const V = 'VALIDATION_FAILED';

const EVENT_ROWS: Row[] = [
  // wrong types in payload fields
  { name: 'payload field as a number', at: 'drafting', body: draft({ title: 42 }), status: 400, code: V, field: 'payload.title' },
  { name: 'payload field as an array', at: 'drafting', body: draft({ title: ['a', 'b'] }), status: 400, code: V, field: 'payload.title' },
  { name: 'payload field as null', at: 'drafting', body: draft({ title: null }), status: 400, code: V, field: 'payload.title' },
  { name: 'payload field as an object', at: 'drafting', body: draft({ title: { $gt: '' } }), status: 400, code: V, field: 'payload.title' },
  { name: 'payload field as a boolean', at: 'drafting', body: draft({ documentHash: true }), status: 400, code: V, field: 'payload.documentHash' },
  { name: 'required payload field missing', at: 'drafting', body: { type: 'SUBMIT_DRAFT', payload: { ...DRAFT, title: undefined } }, status: 400, code: V, field: 'payload.title' },
  { name: 'list field as a string', at: 'drafting', body: draft({ options: 'two options' }), status: 400, code: V, field: 'payload.options' },
  { name: 'list field as null', at: 'drafting', body: draft({ options: null }), status: 400, code: V, field: 'payload.options' },
  { name: 'nested field as a number', at: 'drafting', body: draft({ options: [{ title: 1, summary: 'x' }] }), status: 400, code: V, field: 'payload.options.0.title' },
  { name: 'list item as a string', at: 'drafting', body: draft({ options: ['方案一'] }), status: [400, 422], code: [V, 'TRANSITION_FAILED'] },
  { name: 'empty list where ≥1 is needed', at: 'drafting', body: draft({ options: [] }), status: [400, 422], code: [V, 'DRAFT_OPTIONS_REQUIRED'] },
  { name: 'list with 10 000 items', at: 'drafting', body: draft({ options: Array.from({ length: 10_000 }, () => ({ title: 't', summary: 's' })) }), status: 400, code: V, field: 'payload.options' },
  { name: 'hash that is not SHA-256 hex', at: 'drafting', body: draft({ documentHash: 'ABC' }), status: 400, code: V, field: 'payload.documentHash' },
  { name: 'number as a string', at: 'preparing', body: hearing({ recordSigned: 'true' }), status: 400, code: V, field: 'payload.recordSigned' },
  { name: 'payload as an array', at: 'drafting', body: { type: 'SUBMIT_DRAFT', payload: [DRAFT] }, status: 400, code: V, field: 'payload' },
  { name: 'payload as a string', at: 'drafting', body: { type: 'SUBMIT_DRAFT', payload: JSON.stringify(DRAFT) }, status: 400, code: V, field: 'payload' },
  { name: 'payload as a number', at: 'drafting', body: { type: 'SUBMIT_DRAFT', payload: 1 }, status: 400, code: V, field: 'payload' },
  { name: 'payload as null', at: 'drafting', body: { type: 'SUBMIT_DRAFT', payload: null }, status: 400, code: V },
  { name: 'payload missing', at: 'drafting', body: { type: 'SUBMIT_DRAFT' }, status: 400, code: V },
  // unknown fields
  { name: 'unknown top-level field', at: 'drafting', body: { ...draft({}), foo: 1 }, status: 400, code: V, field: 'foo' },
  { name: 'unknown payload field', at: 'drafting', body: draft({ approvedBy: 'me' }), status: 400, code: V, field: 'payload.approvedBy' },
  { name: 'unknown nested field', at: 'drafting', body: draft({ options: [{ title: 't', summary: 's', cost: 1 }] }), status: 400, code: V },
  { name: 'unknown field nested 5000 arrays deep', at: 'drafting', raw: `{"type":"SUBMIT_DRAFT","payload":{"title":"t","deep":${'['.repeat(5000)}${']'.repeat(5000)}}}`, status: [400, 413], code: ['PAYLOAD_TOO_DEEP'] },
  { name: 'unknown field nested 5000 objects deep', at: 'drafting', raw: `{"type":"SUBMIT_DRAFT","payload":{"title":"t","deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`, status: [400, 413], code: ['PAYLOAD_TOO_DEEP'] },
  // sizes
  { name: '1 MB string in a payload field', at: 'drafting', body: draft({ title: 'x'.repeat(MB) }), status: [400, 413], code: [V, 'PAYLOAD_TOO_LARGE'] },
  { name: '1 MB string of CJK text in a long-text field', at: 'drafting', body: draft({ options: [{ title: 't', summary: '决'.repeat(350_000) }] }), status: [400, 413], code: [V, 'PAYLOAD_TOO_LARGE'] },
  { name: '1 MB string in an unknown field', at: 'drafting', body: draft({ blob: 'x'.repeat(MB) }), status: [400, 413], code: [V, 'PAYLOAD_TOO_LARGE'] },
  { name: 'body over 2 MB', at: 'drafting', body: draft({ title: 'x'.repeat(2.5 * MB) }), status: 413, code: 'PAYLOAD_TOO_LARGE' },
  // case id
  { name: 'unknown case id', at: 'drafting', id: '7d3c2a8e-5b1f-4c6d-9e0a-1f2b3c4d5e6f', body: draft({}), status: 404, code: 'CASE_NOT_FOUND' },
  { name: 'non-UUID case id', at: 'drafting', id: 'not-a-uuid', body: draft({}), status: 400, code: V },
  { name: 'SQL in the case id', at: 'drafting', id: encodeURIComponent("1' OR '1'='1"), body: draft({}), status: 400, code: V },
  // event type
  { name: 'unknown event type', at: 'drafting', body: { type: 'APPROVE_EVERYTHING', payload: {} }, status: 400, code: 'UNKNOWN_EVENT' },
  { name: 'lower-case event type', at: 'drafting', body: { type: 'submit_draft', payload: DRAFT }, status: 400, code: V, field: 'type' },
  { name: 'event type as a number', at: 'drafting', body: { type: 7, payload: DRAFT }, status: 400, code: V, field: 'type' },
  { name: 'event type as an array', at: 'drafting', body: { type: ['SUBMIT_DRAFT'], payload: DRAFT }, status: 400, code: V, field: 'type' },
  { name: 'event type missing', at: 'drafting', body: { payload: DRAFT }, status: 400, code: V, field: 'type' },
  { name: 'event type of 1000 characters', at: 'drafting', body: { type: 'A'.repeat(1000), payload: {} }, status: 400, code: V, field: 'type' },
  { name: 'the creation event sent as an event', at: 'drafting', body: { type: 'CREATE_CASE', payload: { title: 'x', proposal: PROPOSAL } }, status: [400, 409], code: ['UNKNOWN_EVENT', 'EVENT_NOT_ALLOWED_IN_STATE'] },
  // body encoding
  { name: 'malformed JSON', at: 'drafting', raw: '{"type": "SUBMIT_DRAFT", "payload": {', status: 400, code: 'MALFORMED_JSON' },
  { name: 'JSON with a trailing comma', at: 'drafting', raw: '{"type": "SUBMIT_DRAFT",}', status: 400, code: 'MALFORMED_JSON' },
  { name: 'empty body', at: 'drafting', raw: '', status: 400, code: V },
  { name: 'empty JSON object', at: 'drafting', body: {}, status: 400, code: V },
  { name: 'JSON null as the body', at: 'drafting', raw: 'null', status: 400, code: ['MALFORMED_JSON', V] },
  { name: 'JSON array as the body', at: 'drafting', raw: JSON.stringify([draft({})]), status: 400, code: [V, 'MALFORMED_JSON'] },
  { name: 'JSON sent as text/plain', at: 'drafting', raw: JSON.stringify(draft({})), contentType: 'text/plain', status: [400, 415], code: [V, 'UNSUPPORTED_MEDIA_TYPE'] },
  { name: 'form-encoded body', at: 'drafting', raw: 'type=SUBMIT_DRAFT&payload=x', contentType: 'application/x-www-form-urlencoded', status: [400, 415], code: [V, 'UNSUPPORTED_MEDIA_TYPE'] },
  // expectedRevision
  { name: 'expectedRevision as a string', at: 'drafting', body: { ...draft({}), expectedRevision: '2' }, status: 400, code: V, field: 'expectedRevision' },
  { name: 'expectedRevision 0', at: 'drafting', body: { ...draft({}), expectedRevision: 0 }, status: 400, code: V, field: 'expectedRevision' },
  { name: 'expectedRevision negative', at: 'drafting', body: { ...draft({}), expectedRevision: -1 }, status: 400, code: V, field: 'expectedRevision' },
  { name: 'expectedRevision fractional', at: 'drafting', body: { ...draft({}), expectedRevision: 1.5 }, status: 400, code: V, field: 'expectedRevision' },
  { name: 'expectedRevision as null', at: 'drafting', body: { ...draft({ title: 42 }), expectedRevision: null }, status: 400, code: V },
  { name: 'expectedRevision stale', at: 'drafting', body: { ...draft({}), expectedRevision: 1 }, status: 409, code: 'REVISION_CONFLICT' },
  { name: 'expectedRevision in the future', at: 'drafting', body: { ...draft({}), expectedRevision: 99 }, status: 409, code: 'REVISION_CONFLICT' },
  { name: 'expectedRevision 1e20', at: 'drafting', body: { ...draft({}), expectedRevision: 1e20 }, status: [400, 409], code: [V, 'REVISION_CONFLICT'] },
  // dates (YYYY-MM-DD, real days)
  { name: 'impossible date 2020-02-30', at: 'preparing', body: publish({ opensAt: '2020-02-30' }), status: 400, code: V, field: 'payload.opensAt' },
  { name: 'impossible date 2021-02-29', at: 'preparing', body: hearing({ heldAt: '2021-02-29' }), status: 400, code: V, field: 'payload.heldAt' },
  { name: 'month 13', at: 'preparing', body: publish({ closesAt: '2020-13-01' }), status: 400, code: V, field: 'payload.closesAt' },
  { name: 'date without zero padding', at: 'preparing', body: publish({ closesAt: '2020-9-3' }), status: 400, code: V, field: 'payload.closesAt' },
  { name: 'date with a time where a day is meant', at: 'preparing', body: publish({ opensAt: '2020-08-04T00:00:00Z' }), status: 400, code: V, field: 'payload.opensAt' },
  { name: 'date as a number', at: 'preparing', body: publish({ opensAt: 20200804 }), status: 400, code: V, field: 'payload.opensAt' },
  { name: 'date in year 0', at: 'preparing', body: publish({ opensAt: '0000-01-01', closesAt: '0000-03-01' }), status: 400, code: V, field: 'payload.opensAt' },
  { name: 'date far outside the calendar data', at: 'preparing', body: publish({ opensAt: '2999-01-01', closesAt: '2999-03-01' }), status: [400, 422], code: [V, 'CALENDAR_YEAR_MISSING', 'INVALID_DATE'] },
  { name: 'channels as a string', at: 'preparing', body: publish({ channels: 'web' }), status: 400, code: V, field: 'payload.channels' },
  { name: 'channel as a number', at: 'preparing', body: publish({ channels: [1] }), status: 400, code: V, field: 'payload.channels' },
  // instants (ISO 8601 with an offset)
  { name: 'instant without offset', at: 'meeting', user: 'secretary', body: schedule({ scheduledAt: '2020-10-20T09:00:00' }), status: 400, code: V, field: 'payload.scheduledAt' },
  { name: 'instant as a date only', at: 'meeting', user: 'secretary', body: schedule({ scheduledAt: '2020-10-20' }), status: 400, code: V, field: 'payload.scheduledAt' },
  { name: 'impossible instant 2020-02-30', at: 'meeting', user: 'secretary', body: schedule({ scheduledAt: '2020-02-30T01:00:00Z' }), status: 400, code: V, field: 'payload.scheduledAt' },
  { name: 'instant at hour 25', at: 'meeting', user: 'secretary', body: schedule({ scheduledAt: '2020-10-20T25:00:00Z' }), status: 400, code: V, field: 'payload.scheduledAt' },
  { name: 'instant as epoch milliseconds', at: 'meeting', user: 'secretary', body: schedule({ scheduledAt: 1603155600000 }), status: 400, code: V, field: 'payload.scheduledAt' },
  { name: 'enum value in lower case', at: 'meeting', user: 'secretary', body: schedule({ meetingType: 'standing_meeting' }), status: 400, code: V, field: 'payload.meetingType' },
];

const CREATE = { kind: 'major-decision', title: '坏输入测试', proposal: PROPOSAL };

interface CreateRow {
  name: string;
  body?: unknown;
  raw?: string;
  contentType?: string;
  status: number | number[];
  code: string | string[];
  field?: string;
}

const CREATE_ROWS: CreateRow[] = [
  { name: 'kind missing', body: { ...CREATE, kind: undefined }, status: 400, code: V, field: 'kind' },
  { name: 'kind as a number', body: { ...CREATE, kind: 1 }, status: 400, code: V, field: 'kind' },
  { name: 'unknown kind', body: { ...CREATE, kind: 'no-such-kind' }, status: 400, code: 'UNKNOWN_WORKFLOW' },
  { name: 'kind with SQL', body: { ...CREATE, kind: "x'; DROP TABLE cases; --" }, status: 400, code: V, field: 'kind' },
  { name: 'title as a number', body: { ...CREATE, title: 12 }, status: 400, code: V, field: 'title' },
  { name: 'title as null', body: { ...CREATE, title: null }, status: 400, code: V, field: 'title' },
  { name: 'title as an array', body: { ...CREATE, title: ['a'] }, status: 400, code: V, field: 'title' },
  { name: 'empty title', body: { ...CREATE, title: '' }, status: 400, code: V, field: 'title' },
  { name: '1 MB title', body: { ...CREATE, title: 't'.repeat(MB) }, status: [400, 413], code: [V, 'PAYLOAD_TOO_LARGE'] },
  { name: 'proposal missing', body: { ...CREATE, proposal: undefined }, status: 400, code: V, field: 'proposal' },
  { name: 'proposal as an array', body: { ...CREATE, proposal: [PROPOSAL] }, status: 400, code: V, field: 'proposal' },
  { name: 'proposal as a string', body: { ...CREATE, proposal: 'please' }, status: 400, code: V, field: 'proposal' },
  { name: 'proposal as null', body: { ...CREATE, proposal: null }, status: 400, code: V, field: 'proposal' },
  { name: 'proposal field as a number', body: { ...CREATE, proposal: { ...PROPOSAL, problem: 1 } }, status: 400, code: V, field: 'payload.proposal.problem' },
  { name: 'proposal field missing', body: { ...CREATE, proposal: { ...PROPOSAL, necessity: undefined } }, status: 400, code: V, field: 'payload.proposal.necessity' },
  { name: 'unknown proposal field', body: { ...CREATE, proposal: { ...PROPOSAL, budget: 1e6 } }, status: 400, code: V, field: 'payload.proposal.budget' },
  { name: 'unknown top-level field', body: { ...CREATE, orgUnit: 'sfs' }, status: 400, code: V, field: 'orgUnit' },
  { name: '1 MB proposal field', body: { ...CREATE, proposal: { ...PROPOSAL, problem: 'p'.repeat(MB) } }, status: [400, 413], code: [V, 'PAYLOAD_TOO_LARGE'] },
  { name: 'body over 2 MB', body: { ...CREATE, proposal: { ...PROPOSAL, problem: 'p'.repeat(2.5 * MB) } }, status: 413, code: 'PAYLOAD_TOO_LARGE' },
  { name: 'unknown proposal field nested 5000 objects deep', raw: JSON.stringify(CREATE).replace('"proposal":{', `"proposal":{"deep":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)},`), status: [400, 413], code: ['PAYLOAD_TOO_DEEP'] },
  { name: 'malformed JSON', raw: '{"kind": "major-decision", "title": ', status: 400, code: 'MALFORMED_JSON' },
  { name: 'empty body', raw: '', status: 400, code: V },
  { name: 'JSON array as the body', raw: JSON.stringify([CREATE]), status: 400, code: [V, 'MALFORMED_JSON'] },
];

/**
 * Issue 10 §3: paging and sequence numbers. `?offset=1e20` is an integer to JavaScript but not to
 * SQLite ("datatype mismatch") or PostgreSQL ("bigint out of range"): every list endpoint bounds
 * its offset and limit with the one shared paging DTO, every sequence number likewise.
 */
const LIST_ENDPOINTS: Array<{ url: string; user: string }> = [
  { url: '/cases', user: 'dept-head' },
  { url: '/deadlines', user: 'auditor' },
  { url: '/notifications', user: 'legal-reviewer' },
  { url: '/checkpoints', user: 'auditor' },
  { url: '/review-desk/queue', user: 'legal-reviewer' },
  { url: '/security-log', user: 'auditor' },
];

const PAGING_QUERIES: Array<{ query: string; field: string }> = [
  { query: 'offset=1e20', field: 'offset' },
  { query: 'offset=99999999999999999999', field: 'offset' },
  { query: 'offset=9007199254740993', field: 'offset' },
  { query: 'offset=1000001', field: 'offset' },
  { query: 'offset=-1', field: 'offset' },
  { query: 'offset=1.5', field: 'offset' },
  { query: 'offset=abc', field: 'offset' },
  { query: 'offset=Infinity', field: 'offset' },
  { query: 'limit=-1', field: 'limit' },
  { query: 'limit=0', field: 'limit' },
  { query: 'limit=1e9', field: 'limit' },
  { query: 'limit=99999999999999999999', field: 'limit' },
  { query: 'limit=NaN', field: 'limit' },
];

const PAGING_ROWS: Row[] = LIST_ENDPOINTS.flatMap(({ url, user }) =>
  PAGING_QUERIES.map(({ query, field }) => ({ name: `GET ${url}?${query}`, at: 'drafting' as CaseKey, user, id: `${url}?${query}`, status: 400, code: V, field })),
);

/** Sequence numbers in paths and queries; `{case}` is replaced by a real case id. */
const SEQ_ROWS: Array<{ url: string; user: string; field?: string; code?: string }> = [
  { url: '/checkpoints/99999999999999999999', user: 'auditor', field: 'seq' },
  { url: '/checkpoints/1e20', user: 'auditor', field: 'seq' },
  { url: '/checkpoints/-1', user: 'auditor', field: 'seq' },
  { url: '/checkpoints/0', user: 'auditor', field: 'seq' },
  { url: '/checkpoints/99999999999999999999/consistency?from=1', user: 'auditor', field: 'seq' },
  { url: '/checkpoints/1/consistency?from=99999999999999999999', user: 'auditor', field: 'from' },
  { url: '/checkpoints/1/consistency?from=1e20', user: 'auditor', field: 'from' },
  { url: '/cases/{case}/inclusion-proof?checkpoint=99999999999999999999', user: 'auditor', field: 'checkpoint' },
  { url: '/cases/{case}/inclusion-proof?checkpoint=1e20', user: 'auditor', field: 'checkpoint' },
  { url: '/workflows/major-decision/99999999999999999999', user: 'auditor', field: 'version' },
  { url: '/workflows/major-decision/1e20', user: 'auditor', field: 'version' },
  { url: '/catalogs/99999999999999999999', user: 'auditor', code: 'INVALID_YEAR' },
  { url: '/catalogs/1e20/changes', user: 'auditor', code: 'INVALID_YEAR' },
  { url: '/reports/annual?year=99999999999999999999', user: 'auditor', field: 'year' },
];

const asList = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

function expectStableError(res: request.Response, row: { status: number | number[]; code: string | string[]; field?: string }) {
  // one comparison first, so that a failure prints what came back
  const got = { status: res.status, body: JSON.stringify(res.body).slice(0, 600) };
  expect({ statusOk: asList(row.status).includes(res.status), codeOk: asList(row.code).includes(res.body?.code), got }).toEqual({
    statusOk: true,
    codeOk: true,
    got,
  });
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  expect(res.body.statusCode).toBe(res.status);
  expect(asList(row.code)).toContain(res.body.code);
  expect(res.body.code).toMatch(/^[A-Z][A-Z0-9_]+$/);
  expect(typeof res.body.message).toBe('string');
  expect(res.body.message.length).toBeGreaterThan(0);
  expect(typeof res.body.messageZh).toBe('string');
  expect(res.body.messageZh.length).toBeGreaterThan(0);
  if (row.field) {
    const fields = ((res.body.details?.errors ?? []) as Array<{ field: string }>).map((e) => e.field);
    expect(fields).toContain(row.field);
  }
}

describe.each(DRIVERS)('bad input on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  const cases = {} as Record<CaseKey, string>;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    for (const key of ['drafting', 'preparing', 'meeting'] as const) cases[key] = await referenceCase(key);
    await api.token('secretary');
  });
  afterAll(async () => t?.close());

  async function referenceCase(key: CaseKey): Promise<string> {
    if (key === 'drafting') return (await runMajorDecision(api, { before: 'draft' })).id;
    if (key === 'preparing') return (await runMajorDecision(api, { before: 'publish' })).id;
    return (await runMajorDecision(api, { before: 'schedule', procedures: NO_PROCEDURES })).id;
  }

  async function send(url: string, user: string, row: { body?: unknown; raw?: string; contentType?: string }) {
    const token = await api.token(user);
    const req = request(api.server).post(url).set('Authorization', `Bearer ${token}`);
    if (row.raw !== undefined) return req.set('Content-Type', row.contentType ?? 'application/json').send(row.raw);
    return req.send(row.body as object);
  }

  it.each(EVENT_ROWS.map((r) => [r.name, r] as const))('POST /cases/:id/events, %s → 4xx, stable code, case unchanged', async (_name, row) => {
    const caseId = cases[row.at];
    const before = await caseFingerprint(t, caseId);
    const countsBefore = await tableCounts(t);
    const res = await send(`/api/v1/cases/${row.id ?? caseId}/events`, row.user ?? 'dept-head', row);
    const after = await caseFingerprint(t, caseId);
    // a wrongly accepted row must not make the following rows fail: give them a fresh case
    if (after !== before) cases[row.at] = await referenceCase(row.at);
    expectStableError(res, row);
    expect(after).toBe(before);
    expect(await tableCounts(t)).toEqual(countsBefore);
  });

  it.each(CREATE_ROWS.map((r) => [r.name, r] as const))('POST /cases, %s → 4xx, stable code, nothing stored', async (_name, row) => {
    const before = await tableCounts(t);
    const res = await send('/api/v1/cases', 'dept-head', row);
    expectStableError(res, row);
    expect(await tableCounts(t)).toEqual(before);
  });

  it.each([
    ['__proto__', `{"__proto__":{"isAdmin":true},`],
    ['constructor', `{"constructor":{"prototype":{"isAdmin":true}},`],
  ])('a %s key in the payload is refused or dropped: never stored, never a 5xx, no prototype pollution', async (key, prefix) => {
    const { id } = await runMajorDecision(api, { before: 'draft', procedures: NO_PROCEDURES });
    const before = await caseFingerprint(t, id);
    const raw = `{"type":"SUBMIT_DRAFT","payload":${JSON.stringify(DRAFT).replace(/^\{/, prefix)}}`;
    const res = await send(`/api/v1/cases/${id}/events`, 'dept-head', { raw });
    expect([200, 400]).toContain(res.status);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    if (res.status === 400) {
      expect(res.body.code).toBe(V);
      expect(await caseFingerprint(t, id)).toBe(before);
    } else {
      const history = await api.get('auditor', `/cases/${id}/history`);
      const stored = history.body.records.find((r: { type: string }) => r.type === 'SUBMIT_DRAFT');
      expect(Object.keys(stored.payload)).not.toContain(key);
      expect(JSON.stringify(stored.payload)).not.toContain('isAdmin');
    }
  });

  it('a NUL character in the title is refused with 400 INVALID_CHARACTER (PostgreSQL text cannot hold it)', async () => {
    const before = await tableCounts(t);
    const res = await api.post('dept-head', '/cases', { ...CREATE, title: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CHARACTER', details: { field: 'title' } });
    expect(await tableCounts(t)).toEqual(before);
  });

  it('a NUL character in an event payload is refused with 400 INVALID_CHARACTER, case unchanged', async () => {
    const { id } = await runMajorDecision(api, { before: 'draft', procedures: NO_PROCEDURES });
    const before = await caseFingerprint(t, id);
    const res = await api.event('dept-head', id, 'SUBMIT_DRAFT', { ...DRAFT, title: 'x\u0000y' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'INVALID_CHARACTER', details: { field: 'payload.title' } });
    expect(await caseFingerprint(t, id)).toBe(before);
  });

  it.each(PAGING_ROWS.map((r) => [r.name, r] as const))('%s → 400 VALIDATION_FAILED naming the field', async (_name, row) => {
    const res = await api.get(row.user!, row.id!);
    expectStableError(res, row);
  });

  it.each(LIST_ENDPOINTS.map((e) => [e.url, e] as const))('GET %s accepts the bounds themselves (offset=1000000, limit=1): 200', async (_url, { url, user }) => {
    const res = await api.get(user, `${url}?offset=1000000&limit=1`);
    expect(res.status).toBe(200);
    expect(Array.isArray(res.body) ? res.body : res.body.items).toEqual([]);
  });

  it('the security log pages like the other lists: newest first, `limit` at a time, `offset` for older ones', async () => {
    // three refused attempts (403), logged
    for (let i = 0; i < 3; i++) expect((await api.get('dept-head', '/security-log')).status).toBe(403);
    const all = (await api.get('auditor', '/security-log?limit=1000')).body as Array<{ id: number }>;
    expect(all.length).toBeGreaterThan(2);
    const second = (await api.get('auditor', '/security-log?offset=1&limit=2')).body as Array<{ id: number }>;
    expect(second.map((e) => e.id)).toEqual(all.slice(1, 3).map((e) => e.id));
  });

  it.each(SEQ_ROWS.map((r) => [r.url, r] as const))('GET %s → 400 with a stable code, never a 5xx', async (_url, row) => {
    const res = await api.get(row.user, row.url.replace('{case}', cases.drafting));
    expectStableError(res, { status: 400, code: row.code ?? V, field: row.field });
  });

  it('the reference cases still verify and still accept a valid event afterwards', async () => {
    for (const id of Object.values(cases)) {
      const v = await api.get('auditor', `/cases/${id}/verify`);
      expect(v.body).toMatchObject({ intact: true });
    }
    const ok = await api.event('dept-head', cases.drafting, 'SUBMIT_DRAFT', DRAFT);
    expect(ok.status).toBe(200);
  });
});
