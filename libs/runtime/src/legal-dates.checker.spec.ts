import type { LegalDateDeclaration } from '@app/engine';
import { checkLegalDates } from './legal-dates.checker';
import { DocketError } from './runtime.errors';

const opensAt: LegalDateDeclaration = {
  payload: 'opensAt',
  kind: 'scheduled',
  label: { zh: '征求意见开始日', en: 'Opening' },
  article: 'A',
  notBefore: [{ label: { zh: '文件草案提交日', en: 'draft submission' }, date: ({ context }) => context.draftAt }],
};
const filedOn: LegalDateDeclaration = { payload: 'filing.on', kind: 'done', label: { zh: '报送备案日', en: 'Filing' }, article: 'B' };
const validUntil: LegalDateDeclaration = { payload: 'validUntil', kind: 'stated', label: { zh: '有效期届满日', en: 'End of validity' } };

const check = (over: Partial<Parameters<typeof checkLegalDates>[0]>) =>
  checkLegalDates({ declarations: [opensAt, filedOn, validUntil], payload: {}, context: { draftAt: '2026-10-20T02:00:00.000Z' }, today: '2026-12-03', params: {}, ...over });
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof DocketError ? [e.code, e.status, e.article] : e;
  }
};

describe('checkLegalDates (issue 9 §9)', () => {
  it('accepts dates of today, future scheduled and stated dates, and absent dates', () => {
    expect(check({ payload: { opensAt: '2026-12-03', filing: { on: '2026-12-03' }, validUntil: '2020-01-01' } })).toBeNull();
    expect(check({ payload: { opensAt: '2027-01-04' } })).toBeNull();
    expect(check({ payload: {} })).toBeNull();
  });
  it('refuses a done date in the future and a date before the prior fact (read as an Asia/Shanghai day)', () => {
    expect(codeOf(() => check({ payload: { filing: { on: '2026-12-04' } } }))).toEqual(['LEGAL_DATE_IN_FUTURE', 422, 'B']);
    expect(codeOf(() => check({ payload: { opensAt: '2026-10-19' }, backfill: { reason: 'r' } }))).toEqual(['LEGAL_DATE_BEFORE_PRIOR_FACT', 422, 'A']);
    expect(check({ payload: { opensAt: '2026-10-20' }, backfill: { reason: 'r' } })).toMatchObject({ dates: [{ field: 'opensAt', daysBefore: 44 }] });
  });
  it('needs a reason for a past done or scheduled date, within the window, and refuses a backfill without one', () => {
    expect(codeOf(() => check({ payload: { filing: { on: '2026-12-02' } } }))).toEqual(['BACKFILL_REASON_REQUIRED', 422, 'B']);
    expect(codeOf(() => check({ payload: { filing: { on: '2026-12-02' } }, backfill: { reason: '  ' } }))).toEqual(['BACKFILL_REASON_REQUIRED', 422, 'B']);
    expect(check({ payload: { filing: { on: '2026-12-02' } }, backfill: { reason: '纸质回执' } })).toEqual({
      reason: '纸质回执',
      recordedOn: '2026-12-03',
      dates: [{ field: 'filing.on', label: '报送备案日', date: '2026-12-02', daysBefore: 1 }],
    });
    expect(codeOf(() => check({ payload: { filing: { on: '2025-12-02' } }, backfill: { reason: 'r' } }))).toEqual(['BACKFILL_WINDOW_EXCEEDED', 422, 'B']);
    expect(check({ payload: { filing: { on: '2025-12-02' } }, backfill: { reason: 'r' }, params: { 'records.backfill.maxDays': 400 } })).not.toBeNull();
    expect(codeOf(() => check({ payload: { filing: { on: '2026-12-03' } }, backfill: { reason: 'r' } }))).toEqual(['BACKFILL_NOT_APPLICABLE', 422, 'A']);
    expect(codeOf(() => checkLegalDates({ declarations: undefined, payload: {}, context: {}, today: '2026-12-03', params: {}, backfill: { reason: 'r' } }))).toEqual([
      'BACKFILL_NOT_APPLICABLE',
      422,
      undefined,
    ]);
  });
});
