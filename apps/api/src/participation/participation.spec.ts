import { daysLeft, periodOf, phaseAt } from './consultation-period';
import { leadingZeroBits, powDigest, solveChallenge } from './challenge';
import { maskContact, queryCodeHash } from './participation.service';

const snapshot = (context: Record<string, unknown>) => JSON.stringify({ value: 'x', context });

describe('the comment period read from the case', () => {
  const nd = snapshot({
    round: 1,
    drafts: [{ round: 1, title: '掌起镇临时摊点管理办法', documentHash: 'ab'.repeat(32), explanation: '起草说明' }],
    consultations: [
      { round: 1, notice: { opensAt: '2020-03-02', closesAt: '2020-04-01', channels: ['网站'] }, extensions: [{ previousClosesAt: '2020-04-01', closesAt: '2020-04-10' }], closed: null },
    ],
  });

  it('takes the last extension as the last day and keeps the first', () => {
    expect(periodOf('normative-document', nd)).toMatchObject({ round: 1, opensAt: '2020-03-02', closesAt: '2020-04-10', originalClosesAt: '2020-04-01', closedOn: null });
  });

  it('runs the last day to 24:00 Beijing time', () => {
    const p = periodOf('normative-document', nd)!;
    expect(phaseAt(p, new Date('2020-03-01T15:59:59Z'))).toBe('NOT_OPEN');
    expect(phaseAt(p, new Date('2020-03-01T16:00:00Z'))).toBe('OPEN');
    expect(phaseAt(p, new Date('2020-04-10T15:59:59Z'))).toBe('OPEN');
    expect(phaseAt(p, new Date('2020-04-10T16:00:00Z'))).toBe('CLOSED');
    expect(daysLeft(p, new Date('2020-04-10T02:00:00Z'))).toBe(1);
    expect(daysLeft(p, new Date('2020-04-11T02:00:00Z'))).toBe(0);
  });

  it('is closed once CLOSE_COMMENT_PERIOD is recorded, and absent for other rounds and kinds', () => {
    const closed = snapshot({ round: 1, participation: [{ round: 1, notice: { opensAt: '2020-08-04', closesAt: '2020-09-03' }, extensions: [], closed: { closedOn: '2020-09-04' } }] });
    expect(phaseAt(periodOf('major-decision', closed)!, new Date('2020-08-10T02:00:00Z'))).toBe('CLOSED');
    expect(periodOf('major-decision', snapshot({ round: 2, participation: [{ round: 1, notice: { opensAt: '2020-08-04', closesAt: '2020-09-03' }, closed: null }] }))).toBeNull();
    expect(periodOf('administrative-contract', nd)).toBeNull();
  });
});

describe('the portal challenge', () => {
  it('counts leading zero bits', () => {
    expect(leadingZeroBits(Buffer.from([0, 0x80]))).toBe(8);
    expect(leadingZeroBits(Buffer.from([0, 0x0f]))).toBe(12);
    expect(leadingZeroBits(Buffer.from([0x40]))).toBe(1);
  });

  it('finds an answer whose digest has the bits asked for', () => {
    const answer = solveChallenge('token', 10);
    expect(leadingZeroBits(powDigest('token', answer))).toBeGreaterThanOrEqual(10);
  });
});

describe('receipts and contacts', () => {
  it('hashes the 查询码 with its tracking number, whatever the case typed', () => {
    expect(queryCodeHash('YJ20200310-ABCDEF', 'h4n8rt2p')).toBe(queryCodeHash('YJ20200310-ABCDEF', 'H4N8RT2P'));
    expect(queryCodeHash('YJ20200310-ABCDEF', 'H4N8RT2P')).not.toBe(queryCodeHash('YJ20200310-ABCDEG', 'H4N8RT2P'));
  });

  it('masks every contact', () => {
    expect(maskContact('13800001234')).toBe('138****1234');
    expect(maskContact('zhangsan@example.cn')).toBe('z***@example.cn');
    expect(maskContact('0574-63201234')).toBe('057****1234');
    expect(maskContact('1234')).toBe('****');
    expect(maskContact(null)).toBeNull();
  });
});
