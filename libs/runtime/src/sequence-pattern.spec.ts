import { BusinessCalendar } from '@app/calendar';
import type { Actor, FactDeclaration, WorkflowDefinition } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { planDraws, resolveActorFacts, resolveFacts, sequencePatternProblems } from './facts.resolver';
import { parseSequencePattern, renderSequence, SequencePatternError, sequenceScope } from './sequence-pattern';

describe('numbering patterns', () => {
  it('renders region + year + zero-padded sequence (SPEC §4.2 row 6: ZJLC01-2020-0009)', () => {
    const p = parseSequencePattern('{region}-{year}-{seq:4}', ['region']);
    const values = { region: 'ZJLC01', year: '2020' };
    expect(renderSequence(p, values, 9)).toBe('ZJLC01-2020-0009');
    expect(renderSequence(p, values, 12345)).toBe('ZJLC01-2020-12345');
    expect(sequenceScope(p, values)).toBe('region=ZJLC01|year=2020');
  });

  it('keeps literal text, also CJK, and allows {seq} without padding and no year', () => {
    const p = parseSequencePattern('掌政规〔{year}〕{seq}号', []);
    expect(renderSequence(p, { year: '2026' }, 3)).toBe('掌政规〔2026〕3号');
    const q = parseSequencePattern('N-{seq:6}', []);
    expect(renderSequence(q, {}, 42)).toBe('N-000042');
    // without {year} the sequence never restarts: one scope for ever
    expect(sequenceScope(q, { year: '2026' })).toBe('');
  });

  it('a change of literal text or padding keeps the scope (the sequence goes on); a new year or region starts a new one', () => {
    const a = parseSequencePattern('{region}-{year}-{seq:4}', ['region']);
    const b = parseSequencePattern('{region}{year}{seq:5}', ['region']);
    expect(sequenceScope(a, { region: 'R', year: '2026' })).toBe(sequenceScope(b, { region: 'R', year: '2026' }));
    expect(sequenceScope(a, { region: 'R', year: '2027' })).not.toBe(sequenceScope(a, { region: 'R', year: '2026' }));
  });

  it.each([
    ['{region}-{year}', /exactly once/],
    ['{seq}-{seq:2}', /exactly once/],
    ['{region}-{year}-{seq:4', /unclosed/],
    ['{region}}-{seq}', /unmatched/],
    ['{town}-{seq}', /unknown placeholder \{town\}/],
    ['{seq:0}', /1–12 digits/],
    ['{seq:13}', /1–12 digits/],
    ['{re-gion}-{seq}', /bad placeholder/],
    ['', /exactly once/],
  ])('refuses %j', (pattern, message) => {
    expect(() => parseSequencePattern(pattern, ['region'])).toThrow(SequencePatternError);
    expect(() => parseSequencePattern(pattern, ['region'])).toThrow(message);
  });
});

const normativeDocumentV1 = allWorkflows.find((d) => d.kind === 'normative-document')!;

describe('fact resolution', () => {
  const calendar = BusinessCalendar.fromChineseDays();
  const decls: Record<string, FactDeclaration> = {
    lastDay: { kind: 'yearsAfter', from: { payload: 'effectiveFrom' }, years: { key: 'v.years', default: 5 }, startDayCounted: true, rollToWorkday: false },
    number: {
      kind: 'sequence',
      counter: 'c',
      pattern: { key: 'c.pattern', default: '{region}-{year}-{seq:4}' },
      vars: { region: { key: 'c.region', default: 'ZJLC01' } },
    },
    me: { kind: 'actor' },
  };
  const actor: Actor = { userId: 'u1', role: 'legal-reviewer', orgUnit: 'sfs' };

  it('counts years with the calendar and the configured figure; leaves sequence and actor facts to their own resolution', () => {
    expect(resolveFacts(decls, { effectiveFrom: '2020-05-22' }, '2020-04-22', calendar, {})).toEqual({ lastDay: '2025-05-21' });
    expect(resolveFacts(decls, { effectiveFrom: '2020-05-22' }, '2020-04-22', calendar, { 'v.years': 2 })).toEqual({ lastDay: '2022-05-21' });
  });

  it('refuses a date whose period leaves the years the calendar can count, as a 400', () => {
    expect(() => resolveFacts(decls, { effectiveFrom: '9998-01-01' }, '2020-04-22', calendar, {})).toThrow(expect.objectContaining({ status: 400, code: 'DATE_OUT_OF_RANGE' }));
  });

  it('plans draws with the configured texts: scope per year and region', () => {
    const [d] = planDraws(decls, '2026-03-02', {});
    expect([d.fact, d.counter, d.scope, d.render(1)]).toEqual(['number', 'c', 'region=ZJLC01|year=2026', 'ZJLC01-2026-0001']);
    const [e] = planDraws(decls, '2027-01-04', { 'c.region': 'ZJCX01', 'c.pattern': '{region}〔{year}〕{seq:3}号' });
    expect([e.scope, e.render(12)]).toEqual(['region=ZJCX01|year=2027', 'ZJCX01〔2027〕012号']);
    expect(planDraws({ lastDay: decls.lastDay }, '2026-03-02', {})).toEqual([]);
  });

  it('gives the acting user’s recorded profile, or an empty one for a sender without a user record', async () => {
    const profile = { userId: 'u1', displayName: '李某', legalProfessionalQualification: { certificateNumber: 'A2018', obtainedOn: '2018-12-01' }, legalReviewSince: null };
    const profiles = { profile: async (id: string) => (id === 'u1' ? profile : null) };
    expect(await resolveActorFacts(decls, actor, profiles)).toEqual({ me: profile });
    expect(await resolveActorFacts(decls, { ...actor, userId: 'system:deadlines' }, profiles)).toEqual({
      me: { userId: 'system:deadlines', displayName: '', legalProfessionalQualification: null, legalReviewSince: null },
    });
    expect(await resolveActorFacts({ lastDay: decls.lastDay }, actor, profiles)).toEqual({});
  });

  it('checks the declared patterns against the configuration at start', () => {
    expect(sequencePatternProblems([normativeDocumentV1], {})).toEqual([]);
    expect(sequencePatternProblems([normativeDocumentV1], { 'normdoc.unifiedNumber.region': 'ZJCX01' })).toEqual([]);
    expect(sequencePatternProblems([normativeDocumentV1], { 'normdoc.unifiedNumber.pattern': '{region}-{year}' })[0]).toMatch(/REGISTER_DOCUMENT.unifiedNumber.*exactly once/);
    expect(sequencePatternProblems([normativeDocumentV1], { 'normdoc.unifiedNumber.region': 'A|B' })[0]).toMatch(/normdoc.unifiedNumber.region/);
    const creating = { ...normativeDocumentV1, create: { ...normativeDocumentV1.create, facts: { n: decls.number } } } as WorkflowDefinition;
    expect(sequencePatternProblems([creating], {})[0]).toMatch(/case creation cannot draw/);
  });
});
