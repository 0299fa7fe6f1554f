import { jsonDiff } from './json-diff';

describe('jsonDiff', () => {
  it('lists changed, added and removed values as JSON Pointers, in document order', () => {
    const before = { title: '草案', drafts: [{ round: 1, title: 'a' }], start: null, meta: { 'a/b': 1, gone: true } };
    const after = { title: '草案', drafts: [{ round: 1, title: 'b' }, { round: 2, title: 'c' }], start: { unit: 'jjfzb' }, meta: { 'a/b': 2 } };
    expect(jsonDiff(before, after)).toEqual([
      { path: '/drafts/0/title', op: 'changed', old: 'a', new: 'b' },
      { path: '/drafts/1', op: 'added', new: { round: 2, title: 'c' } },
      { path: '/start', op: 'changed', old: null, new: { unit: 'jjfzb' } },
      { path: '/meta/a~1b', op: 'changed', old: 1, new: 2 },
      { path: '/meta/gone', op: 'removed', old: true },
    ]);
  });

  it('is empty for equal documents and reports the whole value from or to nothing', () => {
    expect(jsonDiff({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toEqual([]);
    expect(jsonDiff(undefined, { a: 1 })).toEqual([{ path: '/', op: 'added', new: { a: 1 } }]);
    expect(jsonDiff([1, 2], [1])).toEqual([{ path: '/1', op: 'removed', old: 2 }]);
  });
});
