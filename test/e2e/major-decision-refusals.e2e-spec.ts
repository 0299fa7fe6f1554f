/**
 * Every rule of major-decision v1 that a request can break over HTTP (issue 2 §3, "Tests": "every
 * INV refusal above"), on SQLite and PostgreSQL: the breaking request answers the rule's status
 * (422) with the rule's `code` and `article` and messages in English and zh-CN, and leaves the case
 * exactly as it was (revision, head hash, state, records, history length); the closest valid
 * request is then accepted, so each check can fail both ways.
 *
 * Cases are reused: one case is driven to a state, several refusals are tried there, then the
 * valid request moves it on. `it` blocks of one `describe` share their case and run in order.
 * SEPARATION_OF_DUTIES is covered by another file.
 */
import { articleZh, shortArticleRefsIn } from '@app/engine';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';
import {
  ALL_PROCEDURES,
  majorDecisionSteps,
  NO_PROCEDURES,
  Procedures,
  runMajorDecision,
  runStep,
  sha,
  Step,
} from '../factories/major-decision.factory';

const CJK = /[\u4e00-\u9fff]/;
const ZH_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 25 → 二十五 (article numbers of R713 are < 100) */
function zhNumber(n: number): string {
  if (n < 10) return ZH_DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : ZH_DIGITS[tens]}十${units ? ZH_DIGITS[units] : ''}`;
}

/** 'R713 Art. 25' → '第二十五条' */
function zhArticle(article: string): string | null {
  const m = /^R713 Art\. (\d+)$/.exec(article);
  return m ? `第${zhNumber(Number(m[1]))}条` : null;
}

const stepOf = (name: string, procedures: Procedures = ALL_PROCEDURES): Step => {
  const s = majorDecisionSteps(procedures).find((x) => x.name === name);
  if (!s) throw new Error(`no step ${name}`);
  return s;
};
const payloadOf = (name: string, procedures: Procedures = ALL_PROCEDURES) => structuredClone(stepOf(name, procedures).payload) as any;

/** the hash of the factory's draft (what the legality review is asked to review) */
const DRAFT_HASH = payloadOf('draft').documentHash as string;
const REVISED_HASH = sha('draft-v2: 按合法性审查意见修改后的草案');

const HEARING_ONLY_PP: Procedures = { ...NO_PROCEDURES, publicParticipation: true, hearing: true };
const RISK_ONLY: Procedures = { ...NO_PROCEDURES, riskAssessment: true };

describe.each(DRIVERS)('major-decision v1: every rule refuses over HTTP on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
  });
  afterAll(async () => t?.close());

  /** What must not change when a request is refused. */
  async function observe(id: string) {
    const c = await api.get('auditor', `/cases/${id}`);
    const h = await api.get('auditor', `/cases/${id}/history`);
    if (c.status !== 200 || h.status !== 200) throw new Error(`observe ${id}: ${c.status} / ${h.status}`);
    return {
      revision: c.body.revision,
      headHash: c.body.headHash,
      state: c.body.state.value,
      status: c.body.status,
      records: c.body.records,
      historyLength: h.body.records.length,
    };
  }

  async function stateOf(id: string): Promise<string> {
    return (await api.get('auditor', `/cases/${id}`)).body.state.path;
  }

  /**
   * Sends an event that must be refused with `code` / `article` / `status`, messages in English
   * and Chinese (the zh message cites the article), and the case unchanged.
   */
  async function refused(
    user: string,
    id: string,
    type: string,
    payload: unknown,
    code: string,
    article: string | undefined,
    status = 422,
  ) {
    const before = await observe(id);
    const res = await api.event(user, id, type, payload);
    expect({ type, status: res.status, code: res.body.code, article: res.body.article }).toEqual({ type, status, code, article });
    expect(typeof res.body.message).toBe('string');
    expect(res.body.message.trim().length).toBeGreaterThan(0);
    expect(typeof res.body.messageZh).toBe('string');
    expect(res.body.messageZh).toMatch(CJK);
    const zh = article ? zhArticle(article) : null;
    if (zh) expect(res.body.messageZh).toContain(zh);
    // the zh message cites the article as a clerk reads it, never by its short reference
    if (article) expect(res.body.articleZh).toBe(articleZh(article));
    expect(shortArticleRefsIn(res.body.messageZh)).toEqual([]);
    expect(await observe(id)).toEqual(before);
    return res.body;
  }

  /** Sends an event that must be accepted; checks the resulting state path and revision. */
  async function accepted(user: string, id: string, type: string, payload: unknown, path?: string) {
    const before = await observe(id);
    const body = await api.ok(user, id, type, payload);
    expect(body.case.revision).toBe(before.revision + 1);
    if (path) expect(body.case.state.path).toBe(path);
    return body;
  }

  async function caseAt(before: string, procedures: Procedures = ALL_PROCEDURES) {
    return (await runMajorDecision(api, { before, procedures })).id;
  }

  // ---------------------------------------------------------------------------------------------
  describe('initiation and drafting', () => {
    let id: string;

    it('DECIDE_TO_START: a hearing without public participation is refused (PROCEDURES_INCONSISTENT, Art. 14)', async () => {
      id = await caseAt('start');
      const inconsistent = { ...payloadOf('start'), procedures: { ...ALL_PROCEDURES, publicParticipation: false } };
      await refused('town-head', id, 'DECIDE_TO_START', inconsistent, 'PROCEDURES_INCONSISTENT', 'R713 Art. 14');
      await accepted('town-head', id, 'DECIDE_TO_START', payloadOf('start'), 'drafting');
    });

    it('SUBMIT_DRAFT without the required fair-competition review is refused (FAIR_COMPETITION_REVIEW_REQUIRED, Art. 29)', async () => {
      const { fairCompetitionReview: _, ...withoutReview } = payloadOf('draft');
      await refused('dept-head', id, 'SUBMIT_DRAFT', withoutReview, 'FAIR_COMPETITION_REVIEW_REQUIRED', 'R713 Art. 29');
      // Art. 12 (≥ 1 option) is enforced by the payload class: an empty list is a 400 naming the field
      const before = await observe(id);
      const empty = await api.event('dept-head', id, 'SUBMIT_DRAFT', { ...payloadOf('draft'), options: [] });
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toContain('options');
      expect(await observe(id)).toEqual(before);
      await accepted('dept-head', id, 'SUBMIT_DRAFT', payloadOf('draft'), 'publicParticipation.preparing');
    });

    it('PUBLISH_FOR_COMMENT: closing on or before the opening day is refused (COMMENT_PERIOD_INVALID, Art. 15)', async () => {
      const p = payloadOf('publish');
      await refused('dept-head', id, 'PUBLISH_FOR_COMMENT', { ...p, closesAt: p.opensAt, shortenedReason: '防汛应急' }, 'COMMENT_PERIOD_INVALID', 'R713 Art. 15');
      await refused('dept-head', id, 'PUBLISH_FOR_COMMENT', { ...p, closesAt: '2020-08-01', shortenedReason: '防汛应急' }, 'COMMENT_PERIOD_INVALID', 'R713 Art. 15');
    });

    it('PUBLISH_FOR_COMMENT: 29 days without shortenedReason refused (exact body), with shortenedReason accepted', async () => {
      const short = { ...payloadOf('publish'), opensAt: '2020-08-04', closesAt: '2020-09-02' };
      const body = await refused('dept-head', id, 'PUBLISH_FOR_COMMENT', short, 'COMMENT_PERIOD_TOO_SHORT', 'R713 Art. 15');
      // the one full-body check: nothing but the documented fields
      expect(body).toEqual({
        statusCode: 422,
        code: 'COMMENT_PERIOD_TOO_SHORT',
        article: 'R713 Art. 15',
        articleZh: '《重大行政决策程序暂行条例》第十五条',
        message: expect.stringMatching(/30 days/),
        messageZh: expect.stringMatching(/^[^A-Za-z]*30日[^A-Za-z]*$/),
        details: { rule: 'commentPeriodLongEnough', event: 'PUBLISH_FOR_COMMENT' },
      });
      expect(body.messageZh).toContain('《重大行政决策程序暂行条例》第十五条');
      const res = await accepted('dept-head', id, 'PUBLISH_FOR_COMMENT', { ...short, shortenedReason: '汛期临近，须在汛前完成设施建设' }, 'publicParticipation.commentOpen');
      expect(res.case.records.participation[0].notice).toMatchObject({ closesAt: '2020-09-02', minClosesAt: '2020-09-03', shortenedReason: '汛期临近，须在汛前完成设施建设' });
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('comment period over the National Day holiday (SPEC §8.3)', () => {
    let id: string;

    it('opensAt 2020-09-01 + 30 days = 10-01 (holiday) is refused until the rolled date 2020-10-09', async () => {
      id = await caseAt('publish', HEARING_ONLY_PP);
      const p = { ...payloadOf('publish'), opensAt: '2020-09-01' };
      for (const closesAt of ['2020-10-01', '2020-10-08']) {
        await refused('dept-head', id, 'PUBLISH_FOR_COMMENT', { ...p, closesAt }, 'COMMENT_PERIOD_TOO_SHORT', 'R713 Art. 15');
      }
      const res = await accepted('dept-head', id, 'PUBLISH_FOR_COMMENT', { ...p, closesAt: '2020-10-09' }, 'publicParticipation.commentOpen');
      expect(res.case.records.participation[0].notice.minClosesAt).toBe('2020-10-09');
    });

    it('EXTEND_COMMENT_PERIOD to the same or an earlier day is refused (COMMENT_EXTENSION_NOT_LATER), later accepted', async () => {
      const reason = '收到意见较多，延长征求意见期限';
      for (const closesAt of ['2020-10-09', '2020-10-05']) {
        await refused('dept-head', id, 'EXTEND_COMMENT_PERIOD', { closesAt, reason }, 'COMMENT_EXTENSION_NOT_LATER', 'R713 Art. 15');
      }
      await accepted('dept-head', id, 'EXTEND_COMMENT_PERIOD', { closesAt: '2020-10-12', reason }, 'publicParticipation.commentOpen');
      // the extension is now the closing day to beat
      await refused('dept-head', id, 'EXTEND_COMMENT_PERIOD', { closesAt: '2020-10-12', reason }, 'COMMENT_EXTENSION_NOT_LATER', 'R713 Art. 15');
    });

    it('CLOSE_COMMENT_PERIOD before and on the (extended) closing day is refused (COMMENT_PERIOD_NOT_ENDED), the next day accepted', async () => {
      // 2020-10-10 in Shanghai; the original closing day 10-09 has passed but the extension runs to 10-12
      await api.setClock('2020-10-10T02:00:00Z');
      await refused('dept-head', id, 'CLOSE_COMMENT_PERIOD', {}, 'COMMENT_PERIOD_NOT_ENDED', 'R713 Art. 15');
      // 23:59:59 on 10-12 in Shanghai: the last day runs to 24:00
      await api.setClock('2020-10-12T15:59:59Z');
      await refused('dept-head', id, 'CLOSE_COMMENT_PERIOD', {}, 'COMMENT_PERIOD_NOT_ENDED', 'R713 Art. 15');
      // 00:00 on 10-13 in Shanghai (still 10-12 in UTC)
      await api.setClock('2020-10-12T16:00:00Z');
      const res = await accepted('dept-head', id, 'CLOSE_COMMENT_PERIOD', {}, 'publicParticipation.commentClosed');
      expect(res.case.records.participation[0].closed.closedOn).toBe('2020-10-13');
    });

    it('SUBMIT_PARTICIPATION_SUMMARY without the required hearing is refused (HEARING_NOT_RECORDED, Art. 16)', async () => {
      await refused('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', payloadOf('summary'), 'HEARING_NOT_RECORDED', 'R713 Art. 16');
    });

    it('RECORD_HEARING: unsigned record, materials served 6 days before, late announcement, unpublished selection are refused; 7 days accepted', async () => {
      const h = { ...payloadOf('hearing'), heldAt: '2020-09-20', materialsServedAt: '2020-09-13' };
      await refused('dept-head', id, 'RECORD_HEARING', { ...h, recordSigned: false }, 'HEARING_RECORD_UNSIGNED', 'R713 Art. 17');
      await refused('dept-head', id, 'RECORD_HEARING', { ...h, materialsServedAt: '2020-09-14' }, 'HEARING_MATERIALS_LATE', 'R713 Art. 16');
      await refused('dept-head', id, 'RECORD_HEARING', { ...h, announcedAt: '2020-09-20' }, 'HEARING_NOT_ANNOUNCED_IN_ADVANCE', 'R713 Art. 16');
      await refused(
        'dept-head',
        id,
        'RECORD_HEARING',
        { ...h, participantsSelected: true, selectionMethodPublishedAt: '2020-09-10' },
        'HEARING_PARTICIPANTS_NOT_PUBLISHED',
        'R713 Art. 16',
      );
      await accepted(
        'dept-head',
        id,
        'RECORD_HEARING',
        { ...h, announcedAt: '2020-09-10', participantsSelected: true, selectionMethodPublishedAt: '2020-09-08', participantListPublishedAt: '2020-09-15' },
        'publicParticipation.commentClosed',
      );
    });

    it('SUBMIT_PARTICIPATION_SUMMARY: typed-in counts are refused (v3 computes them), an unanswered comment refuses it (COMMENTS_UNDISPOSED, Art. 17), then accepted', async () => {
      // v1/v2's ADOPTED_EXCEEDS_RECEIVED (typed-in counts) is covered by the machine spec; v3 takes no counts
      await refused('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', { ...payloadOf('summary'), received: 3, adopted: 4 }, 'VALIDATION_FAILED', undefined, 400);
      const late = await api.post('dept-head', `/cases/${id}/comments`, { source: 'LETTER', submitterType: 'INDIVIDUAL', text: '建议公开听证会记录。' });
      expect(late.status).toBe(201);
      await refused('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', payloadOf('summary'), 'COMMENTS_UNDISPOSED', 'R713 Art. 17');
      const answer = await api.post('dept-head', `/cases/${id}/comments/${late.body.id}/disposition`, { disposition: 'ADOPTED', clauseChanged: '第八条' });
      expect(answer.status).toBe(200);
      const res = await accepted('dept-head', id, 'SUBMIT_PARTICIPATION_SUMMARY', payloadOf('summary'), 'legalityReview.awaitingSubmission');
      expect(res.case.records.participation[0].summary).toMatchObject({ received: 1, adopted: 1, computed: true });
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('the whole pipeline, one rule after another', () => {
    let id: string;
    const ASSESSOR = '宁波市（社会）风险评估中心';

    it('RECORD_HEARING materials served exactly 7 days before is accepted', async () => {
      id = await caseAt('hearing');
      const h = payloadOf('hearing'); // held 2020-08-20
      await refused('dept-head', id, 'RECORD_HEARING', { ...h, materialsServedAt: '2020-08-14' }, 'HEARING_MATERIALS_LATE', 'R713 Art. 16');
      await accepted('dept-head', id, 'RECORD_HEARING', { ...h, materialsServedAt: '2020-08-13' }, 'publicParticipation.commentOpen');
      await runStep(api, id, stepOf('close'));
      await runStep(api, id, stepOf('summary'));
      expect(await stateOf(id)).toBe('expertReview');
    });

    it('expert review: summary without opinion, direct interest and unsigned opinions are refused', async () => {
      await refused('dept-head', id, 'SUBMIT_EXPERT_SUMMARY', payloadOf('expertSummary'), 'EXPERT_OPINION_REQUIRED', 'R713 Art. 19');
      const e = payloadOf('expert');
      await refused('dept-head', id, 'RECORD_EXPERT_OPINION', { ...e, hasDirectInterest: true }, 'EXPERT_HAS_DIRECT_INTEREST', 'R713 Art. 20');
      await refused('dept-head', id, 'RECORD_EXPERT_OPINION', { ...e, signed: false }, 'EXPERT_OPINION_UNSIGNED', 'R713 Art. 19');
      await accepted('dept-head', id, 'RECORD_EXPERT_OPINION', e, 'expertReview');
      await accepted('dept-head', id, 'SUBMIT_EXPERT_SUMMARY', payloadOf('expertSummary'), 'riskAssessment');
    });

    it('SUBMIT_RISK_REPORT without real risk points or measures is refused (RISK_REPORT_INCOMPLETE, Art. 23)', async () => {
      const r = { ...payloadOf('risk'), assessorUnit: ASSESSOR };
      await refused('dept-head', id, 'SUBMIT_RISK_REPORT', { ...r, riskPoints: ['   '] }, 'RISK_REPORT_INCOMPLETE', 'R713 Art. 23');
      await refused('dept-head', id, 'SUBMIT_RISK_REPORT', { ...r, measures: ' \t ' }, 'RISK_REPORT_INCOMPLETE', 'R713 Art. 23');
      await accepted('dept-head', id, 'SUBMIT_RISK_REPORT', r, 'legalityReview.awaitingSubmission');
    });

    it('SUBMIT_FOR_LEGALITY_REVIEW on Tue 2020-09-29: another draft refused; 10-14 refused, 10-14 with urgentReason accepted', async () => {
      await api.setClock('2020-09-29T02:00:00Z');
      const s = payloadOf('submitReview');
      await refused(
        'dept-head',
        id,
        'SUBMIT_FOR_LEGALITY_REVIEW',
        { ...s, materials: { ...s.materials, draftHash: sha('another draft') } },
        'DRAFT_HASH_MISMATCH',
        'R713 Art. 26',
      );
      await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...s, requestedCompletionDate: '2020-10-14' }, 'LEGALITY_REVIEW_PERIOD_TOO_SHORT', 'R713 Art. 26');
      const res = await accepted(
        'dept-head',
        id,
        'SUBMIT_FOR_LEGALITY_REVIEW',
        { ...s, requestedCompletionDate: '2020-10-14', urgentReason: '汛期临近，须尽快作出决策' },
        'legalityReview.submitted',
      );
      expect(res.case.records.legalityReview.submissions[0]).toMatchObject({ submittedOn: '2020-09-29', minCompletionDate: '2020-10-15' });
    });

    it('RETURN_INCOMPLETE, then on 09-29 10-15 is accepted; returned again, the minimum counts from the resubmission day (09-30 → 10-16)', async () => {
      const s = payloadOf('submitReview');
      const missing = { missing: ['合法性论证报告'] };
      await accepted('legal-reviewer', id, 'RETURN_INCOMPLETE', missing, 'legalityReview.awaitingSubmission');
      await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...s, requestedCompletionDate: '2020-10-14' }, 'LEGALITY_REVIEW_PERIOD_TOO_SHORT', 'R713 Art. 26');
      await accepted('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...s, requestedCompletionDate: '2020-10-15' }, 'legalityReview.submitted');
      await accepted('legal-reviewer', id, 'ACCEPT_FOR_REVIEW', {}, 'legalityReview.underReview');
      await accepted('legal-reviewer', id, 'RETURN_INCOMPLETE', missing, 'legalityReview.awaitingSubmission');
      await api.setClock('2020-09-30T02:00:00Z'); // Wed: 10-09, 10-10 (make-up), 10-12 … 10-16 = 7th working day
      await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...s, requestedCompletionDate: '2020-10-15' }, 'LEGALITY_REVIEW_PERIOD_TOO_SHORT', 'R713 Art. 26');
      const res = await accepted('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...s, requestedCompletionDate: '2020-10-16' }, 'legalityReview.submitted');
      expect(res.case.records.legalityReview.submissions[2]).toMatchObject({ submittedOn: '2020-09-30', minCompletionDate: '2020-10-16' });
      await accepted('legal-reviewer', id, 'ACCEPT_FOR_REVIEW', {}, 'legalityReview.underReview');
    });

    it('ISSUE_REVIEW_OPINION without a legal adviser or an exploratory opinion without riskStatement is refused; LEGAL_WITH_REVISIONS accepted', async () => {
      await api.setClock('2020-10-16T02:00:00Z');
      const o = payloadOf('opinion');
      await refused('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', { ...o, legalAdvisers: ['  '] }, 'LEGAL_ADVISER_REQUIRED', 'R713 Art. 28');
      // an empty list is stopped by the payload class (400 naming the field)
      const before = await observe(id);
      const empty = await api.event('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', { ...o, legalAdvisers: [] });
      expect(empty.status).toBe(400);
      expect(JSON.stringify(empty.body)).toContain('legalAdvisers');
      expect(await observe(id)).toEqual(before);
      await refused('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', { ...o, outcome: 'EXPLORATORY_RISK_DISCLOSED' }, 'RISK_STATEMENT_REQUIRED', 'R713 Art. 25');
      await accepted('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', { ...o, outcome: 'LEGAL_WITH_REVISIONS', suggestions: '第三条应明确资金来源' }, 'legalityReview.revisionsRequired');
    });

    it('SCHEDULE_MEETING after LEGAL_WITH_REVISIONS, before CONFIRM_REVISIONS, is refused with LEGALITY_REVIEW_REQUIRED (INV-D1, Art. 25)', async () => {
      const body = await refused('secretary', id, 'SCHEDULE_MEETING', payloadOf('schedule'), 'LEGALITY_REVIEW_REQUIRED', 'R713 Art. 25');
      expect(body.messageZh).toContain('未经合法性审查或者经审查不合法的，不得提交决策机关讨论');
      expect(body.messageZh).toContain('第二十五条');
    });

    it('CONFIRM_REVISIONS with the reviewed document is refused (REVISION_HASH_UNCHANGED, Art. 28); revised accepted, then the meeting can be scheduled', async () => {
      // whatever the answer to the previous test, the case is still waiting for the revisions
      expect(await stateOf(id)).toBe('legalityReview.revisionsRequired');
      await refused('dept-head', id, 'CONFIRM_REVISIONS', { documentHash: DRAFT_HASH, note: '已修改' }, 'REVISION_HASH_UNCHANGED', 'R713 Art. 28');
      await accepted('dept-head', id, 'CONFIRM_REVISIONS', { documentHash: REVISED_HASH, note: '已按审查意见明确资金来源' }, 'collectiveDecision.preparing');
      await accepted('secretary', id, 'SCHEDULE_MEETING', payloadOf('schedule'), 'collectiveDecision.scheduled');
    });

    it('RECORD_MEETING: speaker absent, no member, no head, two heads, head not last, head against the majority without reason are refused; with headReason accepted', async () => {
      await api.setClock('2020-10-20T04:00:00Z');
      const m = payloadOf('meeting');
      const [zhou, wu, zheng, head] = m.statements;
      const meeting = (statements: unknown[], extra: object = {}) => ({ ...m, statements, ...extra });
      await refused(
        'secretary',
        id,
        'RECORD_MEETING',
        meeting([{ ...zhou, speaker: '副镇长 孙某' }, wu, zheng, head]),
        'SPEAKER_NOT_IN_ATTENDANCE',
        'R713 Art. 30',
      );
      await refused('secretary', id, 'RECORD_MEETING', meeting([head]), 'COLLECTIVE_DISCUSSION_REQUIRED', 'R713 Art. 30');
      await refused('secretary', id, 'RECORD_MEETING', meeting([zhou, wu, zheng]), 'HEAD_STATEMENT_REQUIRED', 'R713 Art. 30');
      await refused('secretary', id, 'RECORD_MEETING', meeting([head, zhou, wu, zheng, head]), 'HEAD_STATEMENT_REQUIRED', 'R713 Art. 30');
      await refused('secretary', id, 'RECORD_MEETING', meeting([zhou, head, wu, zheng]), 'HEAD_MUST_SPEAK_LAST', 'R713 Art. 30');
      const majorityOpposes = [
        { ...zhou, position: 'OPPOSE', text: '反对，资金来源不落实' },
        wu,
        zheng,
        { ...head, text: '同意实施，资金分三年安排' },
      ];
      await refused('secretary', id, 'RECORD_MEETING', meeting(majorityOpposes), 'HEAD_REASON_REQUIRED', 'R713 Art. 30');
      const res = await accepted(
        'secretary',
        id,
        'RECORD_MEETING',
        meeting(majorityOpposes, { headReason: '上级考核要求年内启动，资金已纳入三年预算' }),
        'partyCommitteeReport',
      );
      const minutes = res.case.records.meetings[0].minutes;
      expect(minutes).toMatchObject({ memberMajority: 'OPPOSE', headDiffersFromMajority: true });
      expect(minutes.statements[0].text).toBe('反对，资金来源不落实'); // dissent verbatim
    });

    it('PUBLISH_DECISION before the party committee report is refused with PARTY_COMMITTEE_REPORT_REQUIRED (INV-D10, Art. 31)', async () => {
      await refused('secretary', id, 'PUBLISH_DECISION', payloadOf('publishDecision'), 'PARTY_COMMITTEE_REPORT_REQUIRED', 'R713 Art. 31');
    });

    it('WITHDRAW after the meeting has decided is not possible (409 EVENT_NOT_ALLOWED_IN_STATE, policy P11)', async () => {
      await refused('town-head', id, 'WITHDRAW', { reason: '情况变化' }, 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
    });

    it('PUBLISH_DECISION without a channel or without the adoption explanation is refused (Art. 32), then accepted', async () => {
      expect(await stateOf(id)).toBe('partyCommitteeReport');
      await runStep(api, id, stepOf('party'));
      const d = payloadOf('publishDecision');
      await refused('secretary', id, 'PUBLISH_DECISION', { ...d, channels: [] }, 'PUBLICATION_CHANNEL_REQUIRED', 'R713 Art. 32');
      const { adoptionExplanation: _, ...noExplanation } = d;
      await refused('secretary', id, 'PUBLISH_DECISION', noExplanation, 'ADOPTION_EXPLANATION_REQUIRED', 'R713 Art. 32');
      // recorded on the day of publication (a publication day after the recording day is refused, issue 9 §9)
      await api.setClock(stepOf('publishDecision').clock!);
      await accepted('secretary', id, 'PUBLISH_DECISION', d, 'implementation.inProgress');
    });

    it('ARCHIVE of a case still being implemented is refused with ARCHIVE_INCOMPLETE (INV-D11, Art. 33)', async () => {
      await refused('secretary', id, 'ARCHIVE', {}, 'ARCHIVE_INCOMPLETE', 'R713 Art. 33');
    });

    it('post-evaluation: not started, by the undertaking unit, the risk assessor or the expert institution refused; independent accepted; a second one refused', async () => {
      await api.setClock('2021-03-01T02:00:00Z');
      await refused('secretary', id, 'SUBMIT_POST_EVALUATION', { report: '评估报告' }, 'POST_EVALUATION_NOT_STARTED', 'R713 Art. 36');
      for (const evaluatorUnit of ['jjfzb', ' jjfzb ', ASSESSOR, '宁波市(社会) 风险评估中心', '宁波大学']) {
        await refused('town-head', id, 'START_POST_EVALUATION', { evaluatorUnit }, 'POST_EVALUATOR_NOT_INDEPENDENT', 'R713 Art. 36');
      }
      await accepted('town-head', id, 'START_POST_EVALUATION', { evaluatorUnit: '宁波市决策咨询研究中心' }, 'implementation.inProgress');
      await refused('town-head', id, 'START_POST_EVALUATION', { evaluatorUnit: '浙江省发展规划研究院' }, 'POST_EVALUATION_IN_PROGRESS', 'R713 Art. 36');
    });

    it('CLOSE_CASE without an implementation report, then with an evaluation running, is refused (Art. 34, 36)', async () => {
      await refused('town-head', id, 'CLOSE_CASE', {}, 'IMPLEMENTATION_REPORT_REQUIRED', 'R713 Art. 34');
      await runStep(api, id, stepOf('implement'));
      await refused('town-head', id, 'CLOSE_CASE', {}, 'POST_EVALUATION_IN_PROGRESS', 'R713 Art. 36');
      await accepted('secretary', id, 'SUBMIT_POST_EVALUATION', { report: '决策实施效果良好', recommendation: 'CONTINUE' }, 'implementation.inProgress');
    });

    it('SUSPEND / RESUME: no closing while suspended, no double suspension or resumption; MINOR adjustment stays in implementation', async () => {
      await refused('town-head', id, 'RESUME', {}, 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
      await accepted('town-head', id, 'SUSPEND', { reason: '群众反映强烈，需暂停执行' }, 'implementation.suspended');
      await refused('town-head', id, 'SUSPEND', { reason: '再次中止' }, 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
      await refused('town-head', id, 'CLOSE_CASE', {}, 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
      await accepted('town-head', id, 'RESUME', { reason: '问题已解决' }, 'implementation.inProgress');
      await accepted('town-head', id, 'PROPOSE_ADJUSTMENT', { scope: 'MINOR', description: '调整一处收集点选址' }, 'implementation.inProgress');
      await accepted('town-head', id, 'CLOSE_CASE', {}, 'closed');
      await accepted('secretary', id, 'ARCHIVE', {}, 'archived');
      const verify = await api.get('auditor', `/cases/${id}/verify`);
      expect(verify.body).toMatchObject({ intact: true });
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('routing consequences', () => {
    it('ILLEGAL sends the case back to drafting: no meeting, no review submission until a new draft', async () => {
      const id = await caseAt('opinion', NO_PROCEDURES);
      await api.setClock('2020-10-16T02:00:00Z');
      await accepted('legal-reviewer', id, 'ISSUE_REVIEW_OPINION', { ...payloadOf('opinion', NO_PROCEDURES), outcome: 'ILLEGAL' }, 'drafting');
      // an ILLEGAL opinion: 经审查不合法的，不得提交决策机关讨论 (the precondition answers, not the state)
      await refused('secretary', id, 'SCHEDULE_MEETING', payloadOf('schedule', NO_PROCEDURES), 'LEGALITY_REVIEW_REQUIRED', 'R713 Art. 25');
      await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', payloadOf('submitReview', NO_PROCEDURES), 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
      await accepted('dept-head', id, 'SUBMIT_DRAFT', { ...payloadOf('draft', NO_PROCEDURES), documentHash: REVISED_HASH }, 'legalityReview.awaitingSubmission');
      // the new round reviews the new draft only
      await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...payloadOf('submitReview', NO_PROCEDURES), requestedCompletionDate: '2020-10-30' }, 'DRAFT_HASH_MISMATCH', 'R713 Art. 26');
    });

    it('INV-D7: a risk that is not controllable sends the case back to drafting (accepted) and the new draft is assessed again', async () => {
      const id = await caseAt('risk', RISK_ONLY);
      const r = payloadOf('risk', RISK_ONLY);
      const res = await accepted('dept-head', id, 'SUBMIT_RISK_REPORT', { ...r, riskLevel: 'HIGH', controllable: false }, 'drafting');
      expect(res.case.records.riskReports).toHaveLength(1);
      expect(res.case.records.riskReports[0]).toMatchObject({ controllable: false, riskLevel: 'HIGH' });
      await api.setClock('2020-09-29T02:00:00Z');
      const submit = { ...payloadOf('submitReview', RISK_ONLY), requestedCompletionDate: '2020-10-16' };
      await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', submit, 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
      await refused('secretary', id, 'SCHEDULE_MEETING', payloadOf('schedule', RISK_ONLY), 'LEGALITY_REVIEW_REQUIRED', 'R713 Art. 25');
      await accepted('dept-head', id, 'SUBMIT_DRAFT', { ...payloadOf('draft', RISK_ONLY), documentHash: REVISED_HASH }, 'riskAssessment');
      await accepted('dept-head', id, 'SUBMIT_RISK_REPORT', { ...r, measures: '调整选址，避开居民区' }, 'legalityReview.awaitingSubmission');
      await accepted('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...submit, materials: { ...submit.materials, draftHash: REVISED_HASH } }, 'legalityReview.submitted');
    });

    it('WITHDRAW before the meeting has decided is accepted (collectiveDecision.scheduled → withdrawn)', async () => {
      const id = await caseAt('meeting', NO_PROCEDURES);
      expect(await stateOf(id)).toBe('collectiveDecision.scheduled');
      const res = await accepted('town-head', id, 'WITHDRAW', { reason: '上级政策调整，决策事项不再需要' }, 'withdrawn');
      expect(res.case.status).toBe('done');
      await refused('secretary', id, 'RECORD_MEETING', payloadOf('meeting', NO_PROCEDURES), 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
    });

    it('PROPOSE_ADJUSTMENT MAJOR with inconsistent procedures refused; MAJOR re-opens drafting and ends a suspension (INV-D13)', async () => {
      const id = await caseAt('implement', NO_PROCEDURES);
      await accepted('town-head', id, 'SUSPEND', { reason: '执行中发现重大问题' }, 'implementation.suspended');
      const major = { scope: 'MAJOR', description: '扩大实施范围至全镇企业' };
      await refused(
        'town-head',
        id,
        'PROPOSE_ADJUSTMENT',
        { ...major, procedures: { ...NO_PROCEDURES, hearing: true } },
        'PROCEDURES_INCONSISTENT',
        'R713 Art. 14',
      );
      const res = await accepted('town-head', id, 'PROPOSE_ADJUSTMENT', { ...major, procedures: { ...NO_PROCEDURES, expertReview: true } }, 'drafting');
      expect(res.case.records.suspensions[0].resumed).toMatchObject({ reason: 'MAJOR_ADJUSTMENT' });
      expect(res.case.records.procedures).toMatchObject({ expertReview: true });
      await refused('dept-head', id, 'REPORT_IMPLEMENTATION', { report: '继续执行' }, 'EVENT_NOT_ALLOWED_IN_STATE', undefined, 409);
      // the changed content runs the re-declared procedure
      await accepted('dept-head', id, 'SUBMIT_DRAFT', { ...payloadOf('draft', NO_PROCEDURES), documentHash: REVISED_HASH }, 'expertReview');
    });
  });

  // ---------------------------------------------------------------------------------------------
  describe('a period that needs a calendar year without data', () => {
    it('SUBMIT_FOR_LEGALITY_REVIEW on 2026-12-28 (7th working day in 2027) → 422 CALENDAR_YEAR_MISSING, case unchanged; from 2026-12-18 accepted', async () => {
      const id = await caseAt('submitReview', NO_PROCEDURES);
      const s = payloadOf('submitReview', NO_PROCEDURES);
      await api.setClock('2026-12-28T02:00:00Z');
      const body = await refused('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...s, requestedCompletionDate: '2027-01-29' }, 'CALENDAR_YEAR_MISSING', 'SPEC §8');
      expect(JSON.stringify(body)).toContain('2027');
      // an urgent reason does not make the missing year known
      await refused(
        'dept-head',
        id,
        'SUBMIT_FOR_LEGALITY_REVIEW',
        { ...s, requestedCompletionDate: '2027-01-29', urgentReason: '年底前必须完成' },
        'CALENDAR_YEAR_MISSING',
        'SPEC §8',
      );
      // Fri 2026-12-18: the 7th working day after is Tue 2026-12-29, inside the data
      await api.setClock('2026-12-18T02:00:00Z');
      const res = await accepted('dept-head', id, 'SUBMIT_FOR_LEGALITY_REVIEW', { ...s, requestedCompletionDate: '2026-12-29' }, 'legalityReview.submitted');
      expect(res.case.records.legalityReview.submissions[0]).toMatchObject({ submittedOn: '2026-12-18', minCompletionDate: '2026-12-29' });
    });
  });
});
