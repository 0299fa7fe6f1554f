/**
 * The legality-review desk (合法性审查工作台, issue 5 §5) over HTTP on SQLite and PostgreSQL: one
 * queue of work liaison forms across the five matter types; submit, accept, return and opinion
 * are the cases' own workflow events (checked in each case's state and history); the requested
 * completion date against the type's minimum; who sees and does what; bad input writes nothing.
 */
import { LiaisonFormRepository } from '@app/persistence';
import { randomUUID } from 'crypto';
import request from 'supertest';
import { caseFingerprint } from '../factories/db-fingerprint';
import {
  CONTACT,
  deskOpinion,
  liaisonForm,
  REVIEW_MATTER_KINDS,
  ReviewMatter,
  reviewMatterAwaitingSubmission,
} from '../factories/review-desk.factory';
import { createUser } from '../factories/users.factory';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

const CJK = /[\u4e00-\u9fff]/;
const NUMBER = /^联系单〔2020〕第(\d+)号$/;

describe.each(DRIVERS)('the legality-review desk on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  const matters: Record<string, ReviewMatter> = {};
  const numbers: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    await createUser(api, { username: 'dzb-head', orgUnit: 'dzb', roles: ['department-head'] });
    for (const kind of REVIEW_MATTER_KINDS) matters[kind] = await reviewMatterAwaitingSubmission(api, kind);
  }, 120_000);
  afterAll(async () => t?.close());

  const formCount = async () => Number((await t.sql('SELECT count(*) AS n FROM liaison_forms'))[0].n);
  const caseOf = async (id: string) => (await api.get('auditor', `/cases/${id}`)).body;
  const lastRecord = async (id: string) => {
    const h = (await api.get('auditor', `/cases/${id}/history`)).body.records;
    return h[h.length - 1];
  };
  const queue = async (user: string, query = '') => {
    const res = await api.get(user, `/review-desk/queue${query}`);
    expect(res.status).toBe(200);
    return res.body as { total: number; items: any[] };
  };

  /** A request that must be refused with this status and code and leave the case and the forms as they were. */
  async function refusedUnchanged(caseId: string, send: () => Promise<any>, status: number, code: string) {
    const before = [await caseFingerprint(t, caseId), await formCount()];
    const res = await send();
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
    expect(res.body.messageZh).toMatch(CJK);
    expect(res.body.message).toEqual(expect.any(String));
    expect([await caseFingerprint(t, caseId), await formCount()]).toEqual(before);
    return res.body;
  }

  describe('submitting a work liaison form', () => {
    it('is refused below the matter type’s minimum review period, citing the article, and writes nothing', async () => {
      const md = matters['major-decision'];
      await api.setClock(md.submit.clock!);
      // sent Tue 2020-09-29: the 7th working day after it is 2020-10-15 (National Day holidays skipped)
      const body = await refusedUnchanged(
        md.id,
        () => api.post('dept-head', '/review-desk/forms', liaisonForm(md, { requestedCompletionDate: '2020-10-14' })),
        422,
        'LEGALITY_REVIEW_PERIOD_TOO_SHORT',
      );
      expect(body.article).toBe('R713 Art. 26');
      expect(body.articleZh).toBe('《重大行政决策程序暂行条例》第二十六条');
      expect(body.messageZh).toContain('第7个工作日');
      expect(body.messageZh).toContain('《重大行政决策程序暂行条例》第二十六条');
      expect(body.message).toContain('7 working days');
      expect(body.details).toMatchObject({ minCompletionDate: '2020-10-15', requestedCompletionDate: '2020-10-14', minWorkdays: 7 });

      // a type without a statutory minimum: the configured one (SPEC §3.4)
      const ac = matters['administrative-contract'];
      await api.setClock(ac.submit.clock!);
      const c = await refusedUnchanged(
        ac.id,
        () => api.post('dept-head', '/review-desk/forms', liaisonForm(ac, { requestedCompletionDate: '2020-07-03' })),
        422,
        'LEGALITY_REVIEW_PERIOD_TOO_SHORT',
      );
      expect(c.article).toBe('SPEC §3.4');
      expect(c.articleZh).toBe('本镇合法性审查工作规则');
      expect(c.messageZh).toContain('应当说明紧急理由（本镇合法性审查工作规则）');
      expect(c.messageZh).not.toMatch(/SPEC|§/);
      expect(c.details).toMatchObject({ minWorkdays: 3, configKey: 'contract.legalityReview.minWorkdays' });
    });

    it('is refused with 400 and a stable code for bad input, writing nothing', async () => {
      const pd = matters['party-normative-document'];
      await api.setClock(pd.submit.clock!);
      const good = liaisonForm(pd);
      const rows: Array<[string, unknown]> = [
        ['empty body', {}],
        ['case id not a UUID', { ...good, caseId: 'case-1' }],
        ['no contact', { ...good, contact: undefined }],
        ['contact is a list', { ...good, contact: [] }],
        ['empty contact name', { ...good, contact: { ...CONTACT, name: '' } }],
        ['phone with letters', { ...good, contact: { ...CONTACT, phone: 'call me' } }],
        ['materials a string', { ...good, materials: '草案' }],
        ['no legal basis', { ...good, materials: { ...(good.materials as object), legalBasis: [] } }],
        ['draft hash not SHA-256', { ...good, materials: { ...(good.materials as object), draftHash: 'XYZ' } }],
        ['unknown material field', { ...good, materials: { ...(good.materials as object), signedBy: '某某' } }],
        ['date that does not exist', { ...good, requestedCompletionDate: '2020-02-30' }],
        ['date in another format', { ...good, requestedCompletionDate: '09/06/2020' }],
        ['date as a number', { ...good, requestedCompletionDate: 20200609 }],
        ['empty urgent reason', { ...good, urgentReason: '' }],
        ['unknown field', { ...good, priority: 'high' }],
        ['revision zero', { ...good, expectedRevision: 0 }],
      ];
      for (const [name, body] of rows) {
        const res = await refusedUnchanged(pd.id, () => api.post('dept-head', '/review-desk/forms', body), 400, 'VALIDATION_FAILED');
        expect({ name, details: Array.isArray(res.details?.errors) }).toEqual({ name, details: true });
      }
      const missing = await api.post('dept-head', '/review-desk/forms', { ...good, caseId: randomUUID() });
      expect([missing.status, missing.body.code]).toEqual([404, 'CASE_NOT_FOUND']);
    });

    it('is for the case’s own department head only', async () => {
      const pd = matters['party-normative-document'];
      // another unit's department head
      await refusedUnchanged(pd.id, () => api.post('dzb-head', '/review-desk/forms', liaisonForm(pd)), 403, 'NOT_YOUR_ORG_UNIT');
      // the reviewer does not send its own review requests
      await refusedUnchanged(pd.id, () => api.post('legal-reviewer', '/review-desk/forms', liaisonForm(pd)), 403, 'ROLE_NOT_ALLOWED');
    });

    it('sends each case of the five types to review through its own workflow and numbers the forms per year', async () => {
      for (const kind of REVIEW_MATTER_KINDS) {
        const m = matters[kind];
        await api.setClock(m.submit.clock!);
        const before = (await caseOf(m.id)).revision;
        const res = await api.post('dept-head', '/review-desk/forms', liaisonForm(m, { expectedRevision: before }));
        expect({ kind, status: res.status }).toEqual({ kind, status: 201 });
        expect(res.body.form.liaisonForm.number).toMatch(NUMBER);
        expect(res.body.form).toMatchObject({ caseId: m.id, kind, status: 'PENDING', statusLabel: { zh: '待受理' }, unit: 'jjfzb' });
        expect(res.body.form.liaisonForm.contact).toEqual(CONTACT);
        numbers[kind] = res.body.form.liaisonForm.number;

        // the case moved by its own event, recorded in its own history with the form's materials
        const c = await caseOf(m.id);
        expect({ kind, path: c.state.path, revision: c.revision }).toEqual({ kind, path: 'legalityReview.submitted', revision: before + 1 });
        const rec = await lastRecord(m.id);
        expect(rec.type).toBe('SUBMIT_FOR_LEGALITY_REVIEW');
        expect(rec.payload).toEqual({ materials: m.submit.payload.materials, requestedCompletionDate: m.submit.payload.requestedCompletionDate });
        expect(rec.actor).toMatchObject({ role: 'department-head', orgUnit: 'jjfzb' });
        // the form's number is the submission's own fact, drawn in its transaction (the one truth)
        expect({ kind, number: rec.facts.liaisonFormNumber }).toEqual({ kind, number: numbers[kind] });
      }
      const serials = Object.values(numbers).map((n) => Number(NUMBER.exec(n)![1]));
      expect(serials).toEqual([1, 2, 3, 4, 5]);
    });

    it('records one form per submission, holding the contact and not the number, append-only', async () => {
      const repo = t.app.get(LiaisonFormRepository);
      const form = (caseId: string) => ({
        caseId,
        submitSeq: 1,
        kind: 'administrative-contract',
        orgUnit: 'jjfzb',
        contactName: CONTACT.name,
        contactPhone: CONTACT.phone,
        createdAt: '2031-01-02T00:00:00.000Z',
        createdBy: 'test',
      });
      const ids = Array.from({ length: 20 }, () => randomUUID());
      const made = await Promise.all(ids.map((id) => repo.record(form(id))));
      expect(new Set(made.map((f) => f.id)).size).toBe(20);
      // the number is the submission record's fact, never the form row's
      expect(made.every((f) => !('number' in f))).toBe(true);
      // the same submission recorded twice at once gets one form
      const twice = await Promise.all([0, 1, 2].map(() => repo.record(form(ids[0]))));
      expect(new Set(twice.map((f) => f.id))).toEqual(new Set([made[0].id]));
      // a form once recorded stays: the rows are append-only on both databases
      const where = `created_at = '2031-01-02T00:00:00.000Z'`;
      await expect(t.sql(`UPDATE liaison_forms SET contact_name = 'x' WHERE ${where}`)).rejects.toThrow(/append-only/);
      await expect(t.sql(`DELETE FROM liaison_forms WHERE ${where}`)).rejects.toThrow(/append-only/);
      expect(Number((await t.sql(`SELECT count(*) AS n FROM liaison_forms WHERE ${where}`))[0].n)).toBe(20);
    });
  });

  describe('the queue', () => {
    it('shows the legal reviewer one queue across all five types with due dates, sortable and filterable', async () => {
      const q = await queue('legal-reviewer');
      expect(q.total).toBe(5);
      expect(new Set(q.items.map((i) => i.kind))).toEqual(new Set(REVIEW_MATTER_KINDS));
      for (const i of q.items) {
        const m = matters[i.kind];
        expect(i).toMatchObject({
          caseId: m.id,
          status: 'PENDING',
          statusLabel: { zh: '待受理', en: 'Awaiting acceptance' },
          unit: 'jjfzb',
          requestedCompletionDate: m.submit.payload.requestedCompletionDate,
          liaisonForm: { number: numbers[i.kind] },
        });
        // people and units as a person reads them; the ids stay in their own fields
        expect(i.unitLabel).toEqual({ zh: '经济发展办', en: 'Economic Development Office' });
        expect(i.submittedBy).toMatch(/^[0-9a-f-]{36}$/);
        expect(i.submittedByPerson).toEqual({ displayName: '经济发展办负责人', unit: { zh: '经济发展办', en: 'Economic Development Office' } });
        expect(i.kindLabel.zh).toMatch(CJK);
        expect(i.kindLabel.en).toEqual(expect.any(String));
        // the statutory due date is the case's own open review deadline
        const d = (await api.get('auditor', `/deadlines?caseId=${m.id}&status=open`)).body.items;
        expect(d).toHaveLength(1);
        expect(i.dueDate).toBe(d[0].dueDate);
        expect(i.deadline).toMatchObject({ status: 'open', article: d[0].article });
      }
      const dues = q.items.map((i) => i.dueDate);
      expect(dues).toEqual([...dues].sort());
      const desc = await queue('legal-reviewer', '?sort=dueDate&order=desc');
      expect(desc.items.map((i) => i.dueDate)).toEqual([...dues].reverse());

      const contracts = await queue('legal-reviewer', '?kind=administrative-contract');
      expect(contracts.items.map((i) => i.caseId)).toEqual([matters['administrative-contract'].id]);
      expect((await queue('legal-reviewer', '?status=UNDER_REVIEW')).total).toBe(0);
      expect((await queue('legal-reviewer', '?status=PENDING&limit=2')).items).toHaveLength(2);
    });

    it('shows a department head its own units’ forms only, and refuses bad query parameters', async () => {
      expect((await queue('dept-head')).total).toBe(5);
      expect((await queue('dzb-head')).total).toBe(0);
      expect((await queue('town-head')).total).toBe(5);
      for (const [query, code] of [
        ['?status=FOO', 'VALIDATION_FAILED'],
        ['?sort=title', 'VALIDATION_FAILED'],
        ['?limit=0', 'VALIDATION_FAILED'],
        ['?kind=no-such-kind', 'UNKNOWN_WORKFLOW'],
        ['?kind=DROP%20TABLE', 'VALIDATION_FAILED'],
      ]) {
        const res = await api.get('legal-reviewer', `/review-desk/queue${query}`);
        expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code });
      }
      const admin = await api.get('admin', '/review-desk/queue');
      expect([admin.status, admin.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
    });
  });

  describe('the reviewer’s actions flow into each case', () => {
    it('a department head may not accept, return or issue an opinion', async () => {
      const ac = matters['administrative-contract'];
      for (const action of ['accept', 'return', 'opinion']) {
        await refusedUnchanged(ac.id, () => api.post('dept-head', `/review-desk/cases/${ac.id}/${action}`, {}), 403, 'ROLE_NOT_ALLOWED');
      }
    });

    it('an opinion before acceptance is refused exactly as the workflow refuses it', async () => {
      const ac = matters['administrative-contract'];
      await api.setClock(ac.opinion.clock!);
      const before = await caseFingerprint(t, ac.id);
      const direct = await api.event('legal-reviewer', ac.id, 'ISSUE_REVIEW_OPINION', ac.opinion.payload);
      expect(direct.status).toBeGreaterThanOrEqual(400);
      const desk = await refusedUnchanged(
        ac.id,
        () => api.post('legal-reviewer', `/review-desk/cases/${ac.id}/opinion`, deskOpinion(ac)),
        direct.status,
        direct.body.code,
      );
      expect(desk.article).toBe(direct.body.article);
      expect(await caseFingerprint(t, ac.id)).toBe(before);
    });

    it('accepts each form: ACCEPT_FOR_REVIEW with the form number as receipt number', async () => {
      for (const kind of REVIEW_MATTER_KINDS) {
        const m = matters[kind];
        await api.setClock(m.submit.clock!.replace('T02:', 'T06:'));
        const res = await api.post('legal-reviewer', `/review-desk/cases/${m.id}/accept`, {});
        expect({ kind, status: res.status }).toEqual({ kind, status: 200 });
        expect(res.body.form).toMatchObject({ status: 'UNDER_REVIEW', statusLabel: { zh: '审查中' }, accepted: { receiptNumber: numbers[kind], byPerson: { displayName: '司法所审查员', unit: { zh: '司法所', en: 'Justice Office' } } } });
        expect((await caseOf(m.id)).state.path).toBe('legalityReview.underReview');
        const rec = await lastRecord(m.id);
        expect({ kind, type: rec.type, payload: rec.payload, role: rec.actor.role }).toEqual({
          kind,
          type: 'ACCEPT_FOR_REVIEW',
          payload: { receiptNumber: numbers[kind] },
          role: 'legal-reviewer',
        });
      }
      expect((await queue('legal-reviewer', '?status=UNDER_REVIEW')).total).toBe(5);
    });

    it('refuses bad opinion and return bodies with 400, writing nothing', async () => {
      const nd = matters['normative-document'];
      const good = deskOpinion(nd) as Record<string, unknown>;
      const rows: Array<[string, string, unknown, string]> = [
        ['opinion', 'unknown outcome', { ...good, outcome: 'MAYBE' }, 'VALIDATION_FAILED'],
        ['opinion', 'empty reasons', { ...good, reasons: '' }, 'VALIDATION_FAILED'],
        ['opinion', 'no legal basis', { ...good, legalBasis: [] }, 'VALIDATION_FAILED'],
        ['opinion', 'advisers not a list', { ...good, advisersConsulted: '李律师' }, 'VALIDATION_FAILED'],
        ['opinion', 'details repeats the outcome', { ...good, details: { outcome: 'ILLEGAL' } }, 'VALIDATION_FAILED'],
        ['opinion', 'details the workflow does not know', { ...good, details: { verdict: 'ok' } }, 'VALIDATION_FAILED'],
        ['opinion', 'details a string', { ...good, details: 'x' }, 'VALIDATION_FAILED'],
        ['return', 'nothing missing', { missing: [] }, 'VALIDATION_FAILED'],
        ['return', 'an empty item', { missing: [''] }, 'VALIDATION_FAILED'],
        ['return', 'unknown field', { missing: ['起草说明'], reason: 'x' }, 'VALIDATION_FAILED'],
        ['accept', 'unknown field', { receiptNumber: 'LXD-1' }, 'VALIDATION_FAILED'],
      ];
      for (const [action, name, body, code] of rows) {
        const res = await refusedUnchanged(nd.id, () => api.post('legal-reviewer', `/review-desk/cases/${nd.id}/${action}`, body), 400, code);
        expect(name).toBeTruthy();
        expect(res.statusCode).toBe(400);
      }
      // the workflow's own check answers under the desk's field names
      const unknown = await api.post('legal-reviewer', `/review-desk/cases/${nd.id}/opinion`, { ...good, details: { verdict: 'ok' } });
      expect(unknown.body.details.errors.map((e: any) => e.field)).toEqual(['details.verdict']);
      const bad = await api.post('legal-reviewer', '/review-desk/cases/not-a-uuid/accept', {});
      expect(bad.status).toBe(400);
    });

    it('refuses an opinion the workflow’s rules refuse, with the rule’s article', async () => {
      const md = matters['major-decision'];
      await api.setClock(md.opinion.clock!);
      const body = await refusedUnchanged(
        md.id,
        () => api.post('legal-reviewer', `/review-desk/cases/${md.id}/opinion`, { ...deskOpinion(md), outcome: 'EXPLORATORY_RISK_DISCLOSED' }),
        422,
        'RISK_STATEMENT_REQUIRED',
      );
      expect(body.article).toBe('R713 Art. 25');
      // legal advisers must be consulted on a decision (R713 Art. 28): the workflow's payload check, under the desk's name
      const { advisersConsulted, ...noAdvisers } = deskOpinion(md) as Record<string, unknown>;
      expect(advisersConsulted).toBeDefined();
      const res = await refusedUnchanged(
        md.id,
        () => api.post('legal-reviewer', `/review-desk/cases/${md.id}/opinion`, noAdvisers),
        400,
        'VALIDATION_FAILED',
      );
      expect(res.details.errors.map((e: any) => e.field)).toEqual(['advisersConsulted']);
    });

    it('returns a form for supplement and takes the resubmission as a new form', async () => {
      const nd = matters['normative-document'];
      await api.setClock('2020-04-08T02:00:00Z');
      const res = await api.post('legal-reviewer', `/review-desk/cases/${nd.id}/return`, { missing: ['公平竞争审查结论', '征求意见采纳情况说明'], note: '请补充后重新送审' });
      expect(res.status).toBe(200);
      expect(res.body.form).toMatchObject({ status: 'RETURNED', statusLabel: { zh: '退回补充' }, returned: { missing: ['公平竞争审查结论', '征求意见采纳情况说明'] } });
      expect((await caseOf(nd.id)).state.path).toBe('legalityReview.awaitingSubmission');
      const rec = await lastRecord(nd.id);
      expect([rec.type, rec.payload.missing]).toEqual(['RETURN_INCOMPLETE', ['公平竞争审查结论', '征求意见采纳情况说明']]);
      // the review deadline is restarted by the workflow, not by the desk
      expect((await api.get('auditor', `/deadlines?caseId=${nd.id}&status=open`)).body.items).toHaveLength(0);

      const again = await api.post('dept-head', '/review-desk/forms', liaisonForm(nd, { requestedCompletionDate: '2020-04-15' }));
      expect(again.status).toBe(201);
      expect(again.body.form.liaisonForm.number).toBe('联系单〔2020〕第6号');
      // each submission round is a form of its own, numbered by its own record
      expect((await lastRecord(nd.id)).facts.liaisonFormNumber).toBe('联系单〔2020〕第6号');
      const mine = (await queue('dept-head', '?kind=normative-document')).items;
      expect(mine.map((i) => [i.status, i.liaisonForm.number])).toEqual(
        expect.arrayContaining([
          ['RETURNED', numbers['normative-document']],
          ['PENDING', '联系单〔2020〕第6号'],
        ]),
      );
      expect(mine.find((i) => i.status === 'PENDING').dueDate).toBe('2020-04-15');
      numbers['normative-document'] = '联系单〔2020〕第6号';
      const acc = await api.post('legal-reviewer', `/review-desk/cases/${nd.id}/accept`, {});
      expect(acc.body.form.accepted.receiptNumber).toBe('联系单〔2020〕第6号');
    });

    it('issues each type’s review opinion into its case, and the queue shows it', async () => {
      for (const kind of REVIEW_MATTER_KINDS) {
        const m = matters[kind];
        await api.setClock(m.opinion.clock!);
        const res = await api.post('legal-reviewer', `/review-desk/cases/${m.id}/opinion`, deskOpinion(m));
        expect({ kind, status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ kind, status: 200, body: null });
        const outcome = m.opinion.payload.outcome;
        expect(res.body.form).toMatchObject({ status: 'OPINION_ISSUED', statusLabel: { zh: '已出具意见' }, opinion: { outcome, byPerson: { displayName: '司法所审查员' } } });
        const c = await caseOf(m.id);
        expect({ kind, inReview: /^legalityReview\.(submitted|underReview)$/.test(c.state.path) }).toEqual({ kind, inReview: false });
        const rec = await lastRecord(m.id);
        expect({ kind, type: rec.type }).toEqual({ kind, type: 'ISSUE_REVIEW_OPINION' });
        expect(rec.payload).toEqual(m.opinion.payload);
        // the review deadline is closed by the workflow's event
        expect((await api.get('auditor', `/deadlines?caseId=${m.id}&status=open`)).body.items.filter((d: any) => /review/i.test(d.key))).toHaveLength(0);
      }
      const done = await queue('legal-reviewer', '?status=OPINION_ISSUED');
      expect(done.total).toBe(5);
      expect(done.items.every((i) => i.opinion.outcomeLabel.zh === '合法' || i.opinion.outcomeLabel.zh === '修改后合法')).toBe(true);
      expect((await queue('legal-reviewer', '?status=PENDING')).total).toBe(0);
      // every case's history still verifies: the desk wrote nothing beside it
      for (const kind of REVIEW_MATTER_KINDS) {
        const v = await api.get('auditor', `/cases/${matters[kind].id}/verify`);
        expect({ kind, intact: v.body.intact }).toEqual({ kind, intact: true });
      }
    });
  });

  describe('one truth: the desk reads the cases', () => {
    it('shows a submission sent outside the desk with its number at once, and accepts it under that number', async () => {
      const m = await reviewMatterAwaitingSubmission(api, 'administrative-contract');
      await api.setClock(m.submit.clock!);
      await api.ok('dept-head', m.id, 'SUBMIT_FOR_LEGALITY_REVIEW', m.submit.payload);
      // numbered at submission, in the submission's own record (before: on acceptance)
      const number = (await lastRecord(m.id)).facts.liaisonFormNumber;
      expect(number).toMatch(NUMBER);
      expect(Object.values(numbers)).not.toContain(number);
      const [entry] = (await queue('legal-reviewer', '?status=PENDING')).items.filter((i) => i.caseId === m.id);
      expect(entry).toMatchObject({
        status: 'PENDING',
        liaisonForm: { id: null, number, contact: { name: null, phone: null } },
        unit: 'jjfzb',
        dueDate: m.submit.payload.requestedCompletionDate,
      });
      const forms = await formCount();

      const res = await api.post('legal-reviewer', `/review-desk/cases/${m.id}/accept`, {});
      expect(res.status).toBe(200);
      expect(res.body.form.liaisonForm.number).toBe(number);
      expect(res.body.form.accepted.receiptNumber).toBe(number);
      const rec = await lastRecord(m.id);
      expect([rec.type, rec.payload]).toEqual(['ACCEPT_FOR_REVIEW', { receiptNumber: number }]);
      expect(res.body.form.liaisonForm.contact).toEqual({ name: null, phone: null });
      // accepting writes no form: the number was never the desk's
      expect(await formCount()).toBe(forms);
    });

    it('ends a pending form when its case is withdrawn, by the case’s own event', async () => {
      const m = await reviewMatterAwaitingSubmission(api, 'major-decision');
      await api.setClock(m.submit.clock!);
      const sent = await api.post('dept-head', '/review-desk/forms', liaisonForm(m));
      expect(sent.status).toBe(201);
      await api.ok('town-head', m.id, 'WITHDRAW', { reason: '上级政策调整，决策事项不再推进' });
      const [entry] = (await queue('legal-reviewer')).items.filter((i) => i.caseId === m.id);
      expect(entry).toMatchObject({ status: 'ENDED', statusLabel: { zh: '已终止（未出具意见）' }, liaisonForm: { number: sent.body.form.liaisonForm.number } });
      expect(entry.deadline.status).toBe('cancelled');
      // nothing is left for the reviewer to do on it
      const accept = await api.post('legal-reviewer', `/review-desk/cases/${m.id}/accept`, {});
      expect(accept.status).toBeGreaterThanOrEqual(400);
      expect(accept.status).toBeLessThan(500);
      // a case that cannot be sent to review gets its workflow's answer, not the desk's date check
      const early = { ...m.submit.payload, requestedCompletionDate: '2020-09-30' };
      const direct = await api.event('dept-head', m.id, 'SUBMIT_FOR_LEGALITY_REVIEW', early);
      await refusedUnchanged(
        m.id,
        () => api.post('dept-head', '/review-desk/forms', liaisonForm(m, { requestedCompletionDate: '2020-09-30' })),
        direct.status,
        direct.body.code,
      );
      expect(direct.body.code).not.toBe('LEGALITY_REVIEW_PERIOD_TOO_SHORT');
    });
  });
});

describe.each(DRIVERS)('the desk’s minimum review periods are configuration (DOCKET_RULES) on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver, {
      DOCKET_RULES: JSON.stringify({ 'contract.legalityReview.minWorkdays': 10, 'decision.legalityReview.minWorkdays': 9 }),
    });
    api = new ApiClient(t);
  }, 60_000);
  afterAll(async () => t?.close());

  it('refuses with the configured figure, the same key the workflow itself reads for decisions', async () => {
    const ac = await reviewMatterAwaitingSubmission(api, 'administrative-contract');
    await api.setClock(ac.submit.clock!);
    const c = await api.post('dept-head', '/review-desk/forms', liaisonForm(ac));
    expect([c.status, c.body.code, c.body.details?.minWorkdays]).toEqual([422, 'LEGALITY_REVIEW_PERIOD_TOO_SHORT', 10]);
    // unless urgent (the reason goes into the case's own record)
    const urgent = await api.post('dept-head', '/review-desk/forms', liaisonForm(ac, { urgentReason: '租赁期限届满，须在本周内签订' }));
    expect(urgent.status).toBe(201);
    expect(urgent.body.form.urgentReason).toBe('租赁期限届满，须在本周内签订');

    const md = await reviewMatterAwaitingSubmission(api, 'major-decision');
    await api.setClock(md.submit.clock!);
    // 2020-09-29 + 9 working days = 2020-10-19: the factory's 2020-10-16 is now too early, for the desk and the workflow alike
    const d = await api.post('dept-head', '/review-desk/forms', liaisonForm(md));
    expect([d.status, d.body.code, d.body.article, d.body.details?.minCompletionDate]).toEqual([422, 'LEGALITY_REVIEW_PERIOD_TOO_SHORT', 'R713 Art. 26', '2020-10-19']);
    const direct = await api.event('dept-head', md.id, 'SUBMIT_FOR_LEGALITY_REVIEW', md.submit.payload);
    expect([direct.status, direct.body.code, direct.body.article]).toEqual([422, 'LEGALITY_REVIEW_PERIOD_TOO_SHORT', 'R713 Art. 26']);
    const ok = await api.post('dept-head', '/review-desk/forms', liaisonForm(md, { requestedCompletionDate: '2020-10-19' }));
    expect(ok.status).toBe(201);
  });
});

describe.each(DRIVERS)('work liaison form numbers are drawn with the submission itself on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let url: string;
  const N = 20;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    api = new ApiClient(t);
  }, 60_000);
  afterAll(async () => t?.close());

  /** truly concurrent requests, over a listening server */
  const post = async (user: string, path: string, body: unknown) =>
    request(url).post(`/api/v1${path}`).set('Authorization', `Bearer ${await api.token(user)}`).send(body as object);
  const counter = async (year: number): Promise<number | null> => {
    const rows = await t.sql(`SELECT value FROM sequence_counters WHERE counter = 'review.liaisonForm' AND scope = 'year=${year}'`);
    return rows.length ? Number(rows[0].value) : null;
  };
  const register = async (): Promise<Array<{ number: string; value: number; caseId: string; seq: number }>> =>
    (await t.sql(`SELECT number, value, case_id, case_seq FROM sequence_numbers WHERE counter = 'review.liaisonForm' ORDER BY value`)).map((r: any) => ({
      number: r.number,
      value: Number(r.value),
      caseId: r.case_id,
      seq: Number(r.case_seq),
    }));
  const submission = async (id: string) => {
    const h = (await api.get('auditor', `/cases/${id}/history`)).body.records;
    return [...h].reverse().find((r: any) => r.type === 'SUBMIT_FOR_LEGALITY_REVIEW');
  };
  const serial = (n: string) => Number(/^联系单〔2020〕第(\d+)号$/.exec(n)?.[1]);
  let ids: string[] = [];
  it(`${N} cases submitted at once, half through the desk and half through POST /cases/:id/events: ${N} distinct consecutive numbers, each in its submission record`, async () => {
    const ms: ReviewMatter[] = [];
    for (let i = 0; i < N; i++) ms.push(await reviewMatterAwaitingSubmission(api, 'administrative-contract'));
    ids = ms.map((m) => m.id);
    await api.setClock(ms[0].submit.clock!);
    const viaDesk = (i: number) => i % 2 === 0;
    const responses = await Promise.all(
      ms.map((m, i) =>
        viaDesk(i) ? post('dept-head', '/review-desk/forms', liaisonForm(m)) : post('dept-head', `/cases/${m.id}/events`, { type: 'SUBMIT_FOR_LEGALITY_REVIEW', payload: m.submit.payload }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(ms.map((_, i) => (viaDesk(i) ? 201 : 200)));

    const given: string[] = [];
    for (const [i, m] of ms.entries()) {
      const rec = await submission(m.id);
      expect(rec.facts.liaisonFormNumber).toMatch(/^联系单〔2020〕第\d+号$/);
      if (viaDesk(i)) expect(responses[i].body.form.liaisonForm.number).toBe(rec.facts.liaisonFormNumber);
      given.push(rec.facts.liaisonFormNumber);
    }
    // distinct and consecutive
    expect(given.map(serial).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    expect(await counter(2020)).toBe(N);
    // the register names each number's case and submission record
    const reg = await register();
    expect(reg.map((r) => r.value)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
    for (const [i, m] of ms.entries()) {
      const rec = await submission(m.id);
      expect(reg.find((r) => r.number === given[i])).toEqual({ number: given[i], value: serial(given[i]), caseId: m.id, seq: rec.seq });
    }
    // the queue shows every number at once, with the contact of the forms sent through the desk
    const q = (await api.get('legal-reviewer', '/review-desk/queue?status=PENDING&limit=500')).body.items;
    for (const [i, m] of ms.entries()) {
      const e = q.find((x: any) => x.caseId === m.id);
      expect({ i, number: e.liaisonForm.number, contact: e.liaisonForm.contact }).toEqual({
        i,
        number: given[i],
        contact: viaDesk(i) ? CONTACT : { name: null, phone: null },
      });
    }
    // the form rows hold the contact only
    const rows = await t.sql(`SELECT * FROM liaison_forms`);
    expect(rows).toHaveLength(N / 2);
    expect(rows.every((r: any) => r.contact_name === CONTACT.name && !('number' in r))).toBe(true);
    // the number is part of the recorded event: the history verifies with it
    expect((await api.get('auditor', `/cases/${ids[1]}/verify`)).body).toMatchObject({ intact: true, replay: { ok: true } });
  }, 120_000);

  it('a submission the workflow refuses, a stale revision, or a second submission at once consumes no number', async () => {
    const md = await reviewMatterAwaitingSubmission(api, 'major-decision');
    await api.setClock(md.submit.clock!);
    const before = { counter: await counter(2020), register: (await register()).length };
    // the workflow's own rule (R713 Art. 26): refused in the transaction that drew the number, which rolls back
    const early = await api.event('dept-head', md.id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...md.submit.payload, requestedCompletionDate: '2020-10-14' });
    expect([early.status, early.body.code, early.body.article]).toEqual([422, 'LEGALITY_REVIEW_PERIOD_TOO_SHORT', 'R713 Art. 26']);
    expect(early.body.messageZh).toMatch(CJK);
    expect(early.body.message).toEqual(expect.any(String));
    // a stale revision
    const { revision } = (await api.get('auditor', `/cases/${md.id}`)).body;
    const stale = await api.event('dept-head', md.id, 'SUBMIT_FOR_LEGALITY_REVIEW', md.submit.payload, revision - 1);
    expect([stale.status, stale.body.code]).toEqual([409, 'REVISION_CONFLICT']);
    expect({ counter: await counter(2020), register: (await register()).length }).toEqual(before);

    // the same case submitted twice at once: one submission, one number
    const both = await Promise.all([0, 1].map(() => post('dept-head', `/cases/${md.id}/events`, { type: 'SUBMIT_FOR_LEGALITY_REVIEW', payload: md.submit.payload })));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    const rec = await submission(md.id);
    expect(rec.facts.liaisonFormNumber).toBe(`联系单〔2020〕第${N + 1}号`);
    expect({ counter: await counter(2020), register: (await register()).length }).toEqual({ counter: before.counter! + 1, register: before.register + 1 });
    const [entry] = (await api.get('legal-reviewer', '/review-desk/queue?kind=major-decision')).body.items.filter((e: any) => e.caseId === md.id);
    expect(entry.liaisonForm.number).toBe(rec.facts.liaisonFormNumber);
  });

  it('the sequence restarts with the year of the submission', async () => {
    const m = await reviewMatterAwaitingSubmission(api, 'administrative-contract');
    await api.setClock('2021-01-04T02:00:00Z');
    const res = await api.post('dept-head', '/review-desk/forms', liaisonForm(m, { requestedCompletionDate: '2021-01-15' }));
    expect(res.status).toBe(201);
    expect(res.body.form.liaisonForm.number).toBe('联系单〔2021〕第1号');
    expect([await counter(2021), await counter(2020)]).toEqual([1, N + 1]);
  });
});
