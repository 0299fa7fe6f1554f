import { canonicalJson } from '@app/engine';
import { checkSeal, commentInclusion, commentLeaf, commentsSealedAt, sealComments, SealedComment, verifyCommentInclusion } from './comment-seal';
import { EMPTY_ROOT, leafHash, merkleRoot, toHex } from './merkle';

const comment = (i: number, over: Partial<SealedComment> = {}): SealedComment => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  caseId: 'c1',
  round: 1,
  trackingNumber: `YJ20240301-AAAAA${i}`,
  source: 'PORTAL',
  submitterType: 'INDIVIDUAL',
  displayName: null,
  contact: '13812341234',
  clause: i,
  text: `意见 ${i}`,
  confidential: false,
  late: false,
  receivedAt: `2024-03-0${i}T02:00:00.000Z`,
  receivedOn: `2024-03-0${i}`,
  enteredBy: null,
  ...over,
});

describe('the comment seal', () => {
  const set = [1, 2, 3, 4, 5].map((i) => comment(i));

  it('a leaf is the canonical JSON of the received fields (format 1), never the moderation or the answer', () => {
    const leaf = commentLeaf({ ...set[0], hiddenReason: 'ADVERTISING', disposition: 'ADOPTED' } as SealedComment);
    expect(leaf).toBe(commentLeaf(set[0]));
    expect(JSON.parse(leaf)).toEqual({ ...set[0], v: 1 });
    expect(leaf).toBe(canonicalJson(JSON.parse(leaf)));
  });

  it('the root is RFC 6962 over the leaves in the order received', () => {
    expect(sealComments(set)).toEqual({ count: 5, root: toHex(merkleRoot(set.map((c) => leafHash(commentLeaf(c))))), scheme: 'RFC6962-SHA256/docket-comment-v1' });
    expect(sealComments([]).root).toBe(toHex(EMPTY_ROOT));
    expect(commentsSealedAt([set[2], set[0], set[1]], '2024-03-02T02:00:00.000Z').map((c) => c.id)).toEqual([set[0].id, set[1].id]);
  });

  it('every comment has an inclusion proof that verifies against the root, and fails against another', () => {
    const { root } = sealComments(set);
    for (const c of set) {
      const p = commentInclusion(set, c.id)!;
      expect(verifyCommentInclusion(p, root)).toBe(true);
      expect(verifyCommentInclusion(p, sealComments(set.slice(1)).root)).toBe(false);
    }
    expect(commentInclusion(set, 'nope')).toBeNull();
  });

  it('an edited, removed or added comment no longer produces the sealed root', () => {
    const sealed = sealComments(set);
    expect(checkSeal(set, sealed).ok).toBe(true);
    expect(checkSeal(set.map((c, i) => (i === 2 ? { ...c, text: c.text + '（改）' } : c)), sealed)).toMatchObject({ ok: false, count: 5 });
    expect(checkSeal(set.slice(0, 4), sealed)).toMatchObject({ ok: false, count: 4, sealedCount: 5 });
    expect(checkSeal([...set, comment(6)], sealed).ok).toBe(false);
    // an edited leaf's old proof no longer verifies
    const edited = set.map((c, i) => (i === 0 ? { ...c, contact: null } : c));
    expect(verifyCommentInclusion(commentInclusion(edited, set[0].id)!, sealed.root)).toBe(false);
  });
});
