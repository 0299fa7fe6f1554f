import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeDefinitionContract, REVIEW_DESK_EVENTS } from './definition-contract';

describe('definition contract helper', () => {
  it('is a function the specs call, with the review desk’s five events', () => {
    expect(typeof describeDefinitionContract).toBe('function');
    expect(REVIEW_DESK_EVENTS).toEqual(['SUBMIT_FOR_LEGALITY_REVIEW', 'ACCEPT_FOR_REVIEW', 'RETURN_INCOMPLETE', 'ISSUE_REVIEW_OPINION', 'CONFIRM_REVISIONS']);
  });

  it('imports only the decorator libraries at run time (engine types only); no clock, no randomness', () => {
    const code = readFileSync(join(__dirname, 'definition-contract.ts'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect([...code.matchAll(/^import\s+(?!type\b)(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1])).toEqual(['reflect-metadata', 'class-transformer', 'class-validator']);
    expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });
});
