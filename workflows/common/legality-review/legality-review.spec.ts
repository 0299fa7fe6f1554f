import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, validateSync } from 'class-validator';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  appendReviewRecord,
  datedRevisionConfirmation,
  draftHashMatchesRule,
  legalityAcceptance,
  legalityReturn,
  legalityReviewState,
  legalitySubmission,
  noLegalityReview,
  opinionBasics,
  opinionIllegal,
  opinionLegal,
  opinionWithRevisions,
  reviewedDraftHash,
  reviewPassedInRound,
  reviewPassedRule,
  reviewPeriodSufficientRule,
  revisionConfirmation,
  revisionsAppliedRule,
  separationOfDutiesRule,
} from './legality-review.fragment';
import { LIAISON_FORM_NUMBER, LIAISON_FORM_NUMBER_FACT, legalityReviewDeadline, legalityReviewEvents, legalityReviewStateMeta, requestedCompletionDate } from './legality-review.meta';
import {
  AcceptForReviewPayload,
  ConfirmRevisionsPayload,
  LegalityReviewMaterialsDto,
  OptionalLongText,
  RequiredLongText,
  ReturnIncompletePayload,
  SubmitForLegalityReviewPayload,
} from './legality-review.payloads';

const H = (c: string) => c.repeat(64);
const stamp = { by: { userId: 'u1', role: 'department-head', orgUnit: 'x' }, at: '2026-03-02T01:00:00Z' };
const ev = (payload: unknown, extra: Record<string, unknown> = {}) => ({ actor: { userId: 'u1' }, today: '2026-03-02', payload, ...extra });
const refusal = { code: 'X', article: 'A', zh: 'z', en: 'e' };
const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function stripComments(file: string): string {
  return readFileSync(join(__dirname, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
}
const runtimeImports = (code: string) =>
  [...code.matchAll(/^import\s+(?!type\b)(?:[^;]*?from\s+)?'([^']+)'/gm)].map((m) => m[1]);

describe('legality-review fragment', () => {
  it('is pure: the machine side imports types and the shared pure helpers only, the payloads only the decorator libraries and common helpers; no clock, no randomness', () => {
    const fragment = stripComments('legality-review.fragment.ts');
    expect(runtimeImports(fragment)).toEqual(['../machine-helpers']);
    const payloads = stripComments('legality-review.payloads.ts');
    expect(runtimeImports(payloads)).toEqual(['reflect-metadata', 'class-transformer', 'class-validator', '../payload-validators']);
    const meta = stripComments('legality-review.meta.ts');
    // ../legal-dates: the pure builders of the events' legal dates (issue 9 §9)
    expect(runtimeImports(meta)).toEqual(['../legal-dates', './legality-review.payloads']);
    for (const code of [fragment, payloads, meta]) expect(code).not.toMatch(/Date\.now|new Date\(|Math\.random|console\.|process\.|require\(/);
  });

  it('builds the records with their keys in the order the workflows wrote them', () => {
    const payload = {
      materials: { draftHash: H('a'), legalBasis: ['b', 3], procedureStatement: 'p' },
      requestedCompletionDate: '2026-03-12',
    };
    const s = legalitySubmission(stamp, 2, ev(payload));
    expect(Object.keys(s)).toEqual(['by', 'at', 'round', 'submittedBy', 'submittedOn', 'materials', 'requestedCompletionDate', 'urgentReason']);
    expect(s.materials).toEqual({ draftHash: H('a'), legalBasis: ['b'], procedureStatement: 'p', otherMaterials: [] });
    expect(s.urgentReason).toBeNull();
    expect(legalityAcceptance(stamp, 2, ev({}))).toEqual({ ...stamp, round: 2, receiptNumber: null });
    expect(Object.keys(legalityReturn(stamp, 2, ev({ missing: ['m'] })))).toEqual(['by', 'at', 'round', 'missing', 'note']);
    expect(Object.keys(revisionConfirmation(stamp, 2, ev({ documentHash: H('c'), note: 'n' })))).toEqual(['by', 'at', 'round', 'documentHash', 'note']);
    expect(datedRevisionConfirmation(stamp, 2, ev({ documentHash: H('c') }))).toEqual({ ...stamp, round: 2, confirmedOn: '2026-03-02', documentHash: H('c'), note: '' });
    expect(opinionBasics(ev({ outcome: 'LEGAL', reasons: 'r', legalBasis: ['l'] }))).toEqual({ outcome: 'LEGAL', reasons: 'r', legalBasis: ['l'], legalAdvisers: [] });
  });

  it('appends to one list of the records, keeping the others and their order', () => {
    const records: { submissions: unknown[]; acceptances: unknown[]; returns: unknown[]; opinions: unknown[]; revisionConfirmations: unknown[] } = noLegalityReview();
    const patch = appendReviewRecord(records, 'returns', { n: 1 });
    expect(Object.keys(patch.legalityReview)).toEqual(['submissions', 'acceptances', 'returns', 'opinions', 'revisionConfirmations']);
    expect(patch.legalityReview.returns).toEqual([{ n: 1 }]);
    expect(records.returns).toEqual([]);
  });

  it('reads the review of the round', () => {
    const submissions = [{ round: 1, materials: { draftHash: H('a') } }, { round: 2, materials: { draftHash: H('b') } }];
    expect(reviewedDraftHash({ submissions }, 2)).toBe(H('b'));
    expect(reviewedDraftHash({ submissions }, 3)).toBeNull();
    const opinions = [{ round: 1, outcome: 'LEGAL' }, { round: 2, outcome: 'LEGAL_WITH_REVISIONS' }];
    expect(reviewPassedInRound({ opinions, revisionConfirmations: [] }, 1)).toBe(true);
    expect(reviewPassedInRound({ opinions, revisionConfirmations: [{ round: 1 }] }, 2)).toBe(false);
    expect(reviewPassedInRound({ opinions, revisionConfirmations: [{ round: 2 }] }, 2)).toBe(true);
    expect(reviewPassedInRound({ opinions: [{ round: 1, outcome: 'ILLEGAL' }], revisionConfirmations: [] }, 1)).toBe(false);
  });

  it('checks the shared rules and keeps the refusal it is given', () => {
    type C = { round: number; draft: string; legalityReview: { submissions: { submittedBy: string }[]; opinions: { round: number; reviewedDraftHash: string | null }[] } };
    const context: C = { round: 1, draft: H('a'), legalityReview: { submissions: [{ submittedBy: 'u1' }], opinions: [{ round: 1, reviewedDraftHash: H('b') }] } };
    const args = (payload: unknown, extra: Record<string, unknown> = {}) => ({ context, event: { type: 'E', actor: { userId: 'u1' }, at: '', today: '2026-03-02', payload, ...extra } as never });
    const draft = draftHashMatchesRule<C>((c) => c.draft, refusal);
    expect(draft.refusal).toBe(refusal);
    expect(draft.check(args({ materials: { draftHash: H('a') } }))).toBe(true);
    expect(draft.check(args({ materials: { draftHash: H('b') } }))).toBe(false);
    const period = reviewPeriodSufficientRule<C>(refusal);
    expect(period.check(args({ requestedCompletionDate: '2026-03-11' }, { facts: { minCompletionDate: '2026-03-11' } }))).toBe(true);
    expect(period.check(args({ requestedCompletionDate: '2026-03-10' }, { facts: { minCompletionDate: '2026-03-11' } }))).toBe(false);
    expect(period.check(args({ requestedCompletionDate: '2026-03-10', urgentReason: 'u' }, { facts: {} }))).toBe(true);
    const separation = separationOfDutiesRule<C>(refusal);
    expect(Object.keys(separation)).toEqual(['precondition', 'check', 'refusal']);
    expect(separation.check(args({}))).toBe(false);
    expect(separation.check({ ...args({}), event: { actor: { userId: 'u2' } } as never })).toBe(true);
    const revised = revisionsAppliedRule<C>((c) => c.draft, refusal);
    expect(revised.check(args({ documentHash: H('b') }))).toBe(false);
    expect(revised.check(args({ documentHash: H('a') }))).toBe(true);
    const passed = reviewPassedRule<C>((c) => c.round > 1, refusal);
    expect(passed.precondition).toBe(true);
    expect(passed.check(args({}))).toBe(false);
  });

  it('routes on the outcome only', () => {
    const e = (outcome: unknown) => ({ event: { payload: { outcome } } });
    expect([opinionIllegal(e('ILLEGAL')), opinionWithRevisions(e('LEGAL_WITH_REVISIONS')), opinionLegal(e('LEGAL'))]).toEqual([true, true, true]);
    expect([opinionIllegal(e('LEGAL')), opinionLegal({ event: { payload: null } })]).toEqual([false, false]);
  });

  it('builds the legalityReview state node around the workflow’s own guards and transitions', () => {
    const node = legalityReviewState((type) => `g:${type}`, { WITHDRAW: 'w' }, { opinion: ['o'], revisions: 'r' });
    expect(node).toEqual({
      initial: 'awaitingSubmission',
      on: { WITHDRAW: 'w' },
      states: {
        awaitingSubmission: {
          on: { SUBMIT_FOR_LEGALITY_REVIEW: { guard: 'g:SUBMIT_FOR_LEGALITY_REVIEW', target: 'submitted', actions: 'recordLegalitySubmission' } },
        },
        submitted: {
          on: {
            ACCEPT_FOR_REVIEW: { guard: 'g:ACCEPT_FOR_REVIEW', target: 'underReview', actions: 'recordAcceptance' },
            RETURN_INCOMPLETE: { guard: 'g:RETURN_INCOMPLETE', target: 'awaitingSubmission', actions: 'recordReturn' },
          },
        },
        underReview: {
          on: {
            RETURN_INCOMPLETE: { guard: 'g:RETURN_INCOMPLETE', target: 'awaitingSubmission', actions: 'recordReturn' },
            ISSUE_REVIEW_OPINION: ['o'],
          },
        },
        revisionsRequired: { on: { CONFIRM_REVISIONS: 'r' } },
      },
    });
  });

  it('stacks decorators as written one after another: same checks, same messages in the same order', () => {
    class Written {
      @IsString() @IsNotEmpty() @MaxLength(5)
      a: string;

      @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20_000)
      b?: string;
    }
    class Stacked {
      @RequiredLongText()
      a: string;

      @OptionalLongText()
      b?: string;
    }
    const errors = (cls: new () => object, plain: object) =>
      validateSync(plainToInstance(cls, plain) as object, OPTIONS).map((e) => [e.property, Object.keys(e.constraints ?? {}), Object.values(e.constraints ?? {})]);
    // the same keys in the same order (Written caps `a` at 5 characters to show MaxLength's place)
    expect(errors(Stacked, { a: 7, b: '' }).map(([p, keys]) => [p, keys])).toEqual(errors(Written, { a: 7, b: '' }).map(([p, keys]) => [p, keys]));
    expect(errors(Stacked, { a: 'ok' })).toEqual([]);
  });

  it('validates the shared submission with nested materials and refuses unknown fields', () => {
    const errs = validateSync(plainToInstance(SubmitForLegalityReviewPayload, { materials: { draftHash: 'x', extra: 1 }, requestedCompletionDate: '2026-02-30' }) as object, OPTIONS);
    expect(errs.map((e) => e.property)).toEqual(['materials', 'requestedCompletionDate']);
    expect(errs[0].children?.map((c) => c.property)).toEqual(['extra', 'draftHash', 'legalBasis', 'procedureStatement']);
    expect(new LegalityReviewMaterialsDto()).toBeInstanceOf(LegalityReviewMaterialsDto);
  });

  it('declares the review states, events and deadline the way the workflows did', () => {
    expect(
      legalityReviewStateMeta({
        review: { zh: '合法性审查', en: 'Legality review' },
        awaitingSubmission: { zh: '待送请合法性审查', en: 'Awaiting submission for review' },
        underReview: '审查中',
        revisionsRequired: '待按审查意见修改',
      }),
    ).toEqual({
      legalityReview: { stage: 'legalityReview', label: { zh: '合法性审查', en: 'Legality review' } },
      'legalityReview.awaitingSubmission': { stage: 'legalityReview', label: { zh: '待送请合法性审查', en: 'Awaiting submission for review' } },
      'legalityReview.submitted': { stage: 'legalityReview', label: { zh: '已送审（待签收）', en: 'Submitted (awaiting acceptance)' } },
      'legalityReview.underReview': { stage: 'legalityReview', label: { zh: '审查中', en: 'Under review' } },
      'legalityReview.revisionsRequired': { stage: 'legalityReview', label: { zh: '待按审查意见修改', en: 'Revisions required' } },
    });
    class Opinion {}
    const events = legalityReviewEvents({
      submit: { label: { zh: 's', en: 'S' }, facts: { reviewer: { kind: 'actor' } } },
      opinion: { label: { zh: 'o', en: 'O' }, payload: Opinion },
      confirm: { label: { zh: 'c', en: 'C' }, payload: ConfirmRevisionsPayload },
    });
    expect(Object.keys(events)).toEqual(['SUBMIT_FOR_LEGALITY_REVIEW', 'ACCEPT_FOR_REVIEW', 'RETURN_INCOMPLETE', 'ISSUE_REVIEW_OPINION', 'CONFIRM_REVISIONS']);
    // the workflow's own facts, then the liaison form number every submission draws (SPEC §3.4)
    expect(events.SUBMIT_FOR_LEGALITY_REVIEW).toEqual({
      label: { zh: 's', en: 'S' },
      roles: ['department-head'],
      payload: SubmitForLegalityReviewPayload,
      facts: { reviewer: { kind: 'actor' }, liaisonFormNumber: LIAISON_FORM_NUMBER },
      // issue 10: the requested completion date is set ahead — a past one only as 补录 (issue 9 §9)
      legalDates: [{ payload: 'requestedCompletionDate', kind: 'scheduled', label: { zh: '要求完成审查日期', en: 'Requested completion date' }, article: 'SPEC §3.4' }],
    });
    expect(Object.keys(events.SUBMIT_FOR_LEGALITY_REVIEW.facts!)).toEqual(['reviewer', LIAISON_FORM_NUMBER_FACT]);
    expect(LIAISON_FORM_NUMBER).toEqual({
      kind: 'sequence',
      counter: 'review.liaisonForm',
      pattern: { key: 'review.liaisonForm.pattern', default: '联系单〔{year}〕第{seq}号', article: 'SPEC §3.4' },
    });
    const bare = legalityReviewEvents({
      submit: { label: { zh: 's', en: 'S' } },
      opinion: { label: { zh: 'o', en: 'O' }, payload: Opinion },
      confirm: { label: { zh: 'c', en: 'C' }, payload: ConfirmRevisionsPayload },
    });
    expect(bare.SUBMIT_FOR_LEGALITY_REVIEW.facts).toEqual({ liaisonFormNumber: LIAISON_FORM_NUMBER });
    expect(events.ACCEPT_FOR_REVIEW).toEqual({ label: { zh: '签收送审材料', en: 'Accept for review' }, roles: ['legal-reviewer'], payload: AcceptForReviewPayload });
    expect(events.RETURN_INCOMPLETE.payload).toBe(ReturnIncompletePayload);
    expect(Object.keys(events.ISSUE_REVIEW_OPINION)).toEqual(['label', 'roles', 'payload']);
    expect(events.CONFIRM_REVISIONS.roles).toEqual(['department-head']);

    const deadline = legalityReviewDeadline({ key: 'k', label: { zh: 'l', en: 'L' }, length: { key: 'x', default: 15 }, reminders: [3, 0], article: 'A' });
    expect(Object.keys(deadline)).toEqual(['key', 'label', 'states', 'type', 'unit', 'length', 'dueDate', 'responsible', 'supervisor', 'reminders', 'escalate', 'restartOn', 'cancelOn', 'article']);
    expect(deadline).toMatchObject({ states: ['legalityReview.submitted', 'legalityReview.underReview'], restartOn: ['RETURN_INCOMPLETE'], cancelOn: ['WITHDRAW'] });
    const ctx = (round: number) => ({ round, legalityReview: { submissions: [{ round: 1, requestedCompletionDate: '2026-03-10' }] } });
    expect([deadline.dueDate!(ctx(1)), deadline.dueDate!(ctx(2))]).toEqual(['2026-03-10', undefined]);
    expect(requestedCompletionDate({ round: 1, legalityReview: { submissions: [] } })).toBeUndefined();
  });
});
