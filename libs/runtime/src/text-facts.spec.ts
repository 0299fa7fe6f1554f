import type { FactDeclaration } from '@app/engine';
import { allWorkflows } from '@app/workflows';
import { resolveCalendarFacts, resolveTextFacts, textFactProblems } from './facts.resolver';

/** Fact kind `text` (issue 9 §14 b): a configured text or list a rule reads, recorded with the event. */
const decls: Record<string, FactDeclaration> = {
  types: { kind: 'text', text: { key: 'test.types', default: 'PENALTY' }, listOf: ['PENALTY', 'LICENSING', 'OTHER'] },
  region: { kind: 'text', text: { key: 'test.region', default: 'ZJ' } },
  reviewer: { kind: 'actor' },
};

describe('text facts', () => {
  it('are the configured text, else the default; a list is the array of its values, in order, without blanks or repeats', () => {
    expect(resolveTextFacts(decls, {})).toEqual({ types: ['PENALTY'], region: 'ZJ' });
    expect(resolveTextFacts(decls, { 'test.types': 'LICENSING, PENALTY,,LICENSING', 'test.region': 'CX' })).toEqual({ types: ['LICENSING', 'PENALTY'], region: 'CX' });
    expect(resolveTextFacts(undefined, { 'test.types': 'OTHER' })).toEqual({});
  });

  it('are no calendar facts', () => {
    expect(resolveCalendarFacts(decls, {}, '2024-03-01', undefined as never, {})).toEqual({ facts: {}, unavailable: {} });
  });

  it('stop the start when a list names a value it does not list', () => {
    const def = { ...allWorkflows[0], kind: 'test', events: { E: { label: { zh: '事件', en: 'E' }, roles: ['admin'], facts: decls } } } as never;
    expect(textFactProblems([def], {})).toEqual([]);
    expect(textFactProblems([def], { 'test.types': 'PENALTY,PENALTIES' })).toEqual(['test.types: PENALTIES is not one of PENALTY, LICENSING, OTHER']);
    // the shipped workflows with their defaults, and the enforcement reviewer's decision types
    expect(textFactProblems(allWorkflows, {})).toEqual([]);
    expect(textFactProblems(allWorkflows, { 'enforcement.reviewerQualification.decisionTypes': 'PENALTY,COMPULSORY_MEASURE' })).toEqual([]);
    expect(textFactProblems(allWorkflows, { 'enforcement.reviewerQualification.decisionTypes': 'penalty' })[0]).toMatch(/^enforcement.reviewerQualification.decisionTypes: penalty is not one of PENALTY/);
  });
});
