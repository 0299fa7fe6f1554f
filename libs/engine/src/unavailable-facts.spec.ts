import { failingRules } from './rule-evaluation';
import type { Refusal, WorkflowDefinition, WorkflowEvent } from './types';
import { FactUnavailableError, guardUnavailableFacts, unavailableFactRefusal } from './unavailable-facts';

const MISSING: Refusal = { code: 'CALENDAR_YEAR_MISSING', zh: '缺少2027年节假日安排数据', en: 'No holiday data for 2027', article: 'SPEC §8', details: { year: 2027, fact: 'minMarket' } };

const def = {
  kind: 'demo',
  version: 1,
  rules: {
    market: {
      check: ({ context, event }: { context: { market: boolean }; event: WorkflowEvent }) => !context.market || event.facts.minMarket === '2027-01-04',
      refusal: { code: 'TOO_SHORT', zh: '期限过短', en: 'too short' },
    },
    plain: { check: ({ event }: { event: WorkflowEvent }) => event.facts.min === '2026-12-14', refusal: { code: 'PLAIN_TOO_SHORT', zh: '期限过短', en: 'too short' } },
  },
} as unknown as WorkflowDefinition;

const event = guardUnavailableFacts({ type: 'PUBLISH', payload: {}, actor: { userId: 'u', role: 'department-head', orgUnit: 'x' }, at: '', today: '', facts: { min: '2026-12-14' }, unavailableFacts: { minMarket: MISSING } } as WorkflowEvent);

describe('unavailable facts', () => {
  it('a rule that does not read the unavailable fact passes', () => {
    expect(failingRules(def, ['market', 'plain'], { market: false }, event, [])).toEqual([]);
  });

  it('a rule that reads it refuses with the fact’s refusal, naming the rule', () => {
    expect(failingRules(def, ['market', 'plain'], { market: true }, event, [])).toEqual([
      { ...MISSING, status: 422, details: { year: 2027, fact: 'minMarket', rule: 'market', event: 'PUBLISH' } },
    ]);
  });

  it('reading it throws; the available facts and their serialisation are unchanged', () => {
    expect(() => event.facts.minMarket).toThrow(FactUnavailableError);
    expect(event.facts.min).toBe('2026-12-14');
    expect(JSON.parse(JSON.stringify(event.facts))).toEqual({ min: '2026-12-14' });
    let thrown: unknown;
    try {
      void event.facts.minMarket;
    } catch (e) {
      thrown = new Error('wrapped', { cause: e });
    }
    expect(unavailableFactRefusal(thrown)).toEqual(MISSING);
    expect(unavailableFactRefusal(new Error('other'))).toBeNull();
  });
});
