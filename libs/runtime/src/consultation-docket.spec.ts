import { commentsSealedAt, sealComments } from '@app/audit';
import type { CommentGroupRow, ConsultationCommentRow } from '@app/persistence';
import { docketSeal, docketSummary, resolveDocketFacts } from './consultation-docket';

const row = (i: number, over: Partial<ConsultationCommentRow> = {}): ConsultationCommentRow => ({
  id: `c${i}`,
  caseId: 'case',
  round: 1,
  trackingNumber: `YJ20200310-AAAAA${i}`,
  queryCodeHash: null,
  source: 'PORTAL',
  submitterType: 'INDIVIDUAL',
  displayName: null,
  contact: null,
  clause: null,
  text: `意见${i}`,
  confidential: false,
  late: false,
  receivedAt: `2020-03-1${i}T02:00:00.000Z`,
  receivedOn: `2020-03-1${i}`,
  enteredBy: null,
  enteredRole: null,
  addressHash: null,
  challengeNonce: null,
  ...over,
});
const group: CommentGroupRow = { id: 'g1', caseId: 'case', round: 1, title: '重复意见', disposition: 'PARTIALLY_ADOPTED', dispositionReason: '部分采纳', clauseChanged: '第三条', createdAt: '2020-03-20T02:00:00.000Z' };

describe('the comment docket as facts', () => {
  const comments = [
    row(1, { groupId: 'g1' }),
    row(2, { groupId: 'g1' }),
    row(3, { hiddenReason: 'ADVERTISING' }),
    row(4, { disposition: 'NOT_ADOPTED', source: 'LETTER', submitterType: 'ENTERPRISE' }),
    row(5, { late: true, source: 'PHONE' }),
  ];

  it('the summary counts every comment, answers through groups, hidden ones need no answer', () => {
    expect(docketSummary(1, comments, [group])).toEqual({
      round: 1,
      received: 5,
      late: 1,
      hidden: 1,
      bySource: { PORTAL: 3, LETTER: 1, PHONE: 1 },
      bySubmitterType: { INDIVIDUAL: 4, ENTERPRISE: 1 },
      hiddenByReason: { ADVERTISING: 1 },
      byDisposition: { PARTIALLY_ADOPTED: 2, NOT_ADOPTED: 1 },
      groups: 1,
      undisposed: 1,
    });
    // an unanswered group leaves its members unanswered
    expect(docketSummary(1, comments, [{ ...group, disposition: null }]).undisposed).toBe(3);
  });

  it('the seal covers the comments received up to the close, hidden ones included', () => {
    const seal = docketSeal(1, comments, '2020-03-14T02:00:00.000Z');
    expect(seal).toEqual({ round: 1, ...sealComments(commentsSealedAt(comments.slice(0, 4), '2020-03-14T02:00:00.000Z')) });
    expect(seal.count).toBe(4);
  });

  it('resolves only the declared facts, from the docket of the round', async () => {
    const asked: Array<[string, number]> = [];
    const docket = { round: async (caseId: string, round: number) => (asked.push([caseId, round]), { comments, groups: [group] }) };
    expect(await resolveDocketFacts({ minClosesAt: { kind: 'calendarDaysAfter', from: 'today', days: { key: 'k', default: 1 }, rollToWorkday: false } }, 'case', 1, '2020-04-02T02:00:00.000Z', docket)).toEqual({});
    expect(asked).toEqual([]);
    const facts = await resolveDocketFacts(
      { commentSeal: { kind: 'commentDocket', what: 'seal' }, participationSummary: { kind: 'commentDocket', what: 'summary' } },
      'case',
      1,
      '2020-04-02T02:00:00.000Z',
      docket,
    );
    expect(asked).toEqual([['case', 1]]);
    expect(facts.commentSeal).toMatchObject({ round: 1, count: 5 });
    expect(facts.participationSummary).toMatchObject({ received: 5, undisposed: 1 });
    // without a docket nothing is given (the machine then refuses): never the seal of an empty set
    expect(await resolveDocketFacts({ s: { kind: 'commentDocket', what: 'seal' } }, 'case', 1, '2020-04-02T02:00:00.000Z', undefined)).toEqual({});
  });
});
