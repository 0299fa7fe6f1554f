import { inspectBody, MAX_JSON_DEPTH } from './body-guard.middleware';

describe('inspectBody', () => {
  const nest = (n: number) => {
    let v: unknown = 'x';
    for (let i = 0; i < n; i++) v = { a: v };
    return v;
  };

  it('accepts ordinary bodies up to the depth limit', () => {
    expect(inspectBody({ type: 'X', payload: { list: [{ a: 'b' }] } })).toBeNull();
    expect(inspectBody(nest(MAX_JSON_DEPTH))).toBeNull();
  });

  it('refuses deeper bodies without recursion (100,000 levels)', () => {
    expect(inspectBody(nest(MAX_JSON_DEPTH + 1))).toMatchObject({ code: 'PAYLOAD_TOO_DEEP' });
    expect(inspectBody(nest(100_000))).toMatchObject({ code: 'PAYLOAD_TOO_DEEP' });
  });

  it('refuses NUL characters in values and keys, naming the field', () => {
    expect(inspectBody({ title: 'a\u0000b' })).toEqual({ code: 'INVALID_CHARACTER', path: 'title' });
    expect(inspectBody({ p: { ['k\u0000']: 1 } })).toMatchObject({ code: 'INVALID_CHARACTER' });
  });
});
