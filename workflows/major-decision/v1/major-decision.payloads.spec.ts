/**
 * The payload classes validate what the API will let through: the fixtures' valid payloads pass
 * (so the machine specs use payloads a client can really send) and malformed ones are refused.
 */
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { isRealDate } from '../../common/payload-validators';
import { majorDecisionV1 } from './major-decision.definition';
import type { MajorDecisionEventType } from './major-decision.machine';
import { ALL_PROCEDURES, createPayload, NO_PROCEDURES, valid } from './testing/major-decision.fixtures';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

function errorsOf(cls: new () => object, plain: unknown): string[] {
  const flatten = (errors: ValidationError[], prefix = ''): string[] =>
    errors.flatMap((e) => [
      ...Object.keys(e.constraints ?? {}).map((c) => `${prefix}${e.property}:${c}`),
      ...flatten(e.children ?? [], `${prefix}${e.property}.`),
    ]);
  return flatten(validateSync(plainToInstance(cls, plain) as object, OPTIONS));
}

const payloadClass = (type: MajorDecisionEventType) => majorDecisionV1.events[type].payload!;

describe('payload classes', () => {
  const samples: Array<[MajorDecisionEventType, object]> = [
    ...(Object.keys(valid) as MajorDecisionEventType[]).map((t) => [t, (valid[t] as () => object)()] as [MajorDecisionEventType, object]),
    ['DECIDE_TO_START', valid.DECIDE_TO_START(NO_PROCEDURES)],
    ['ISSUE_REVIEW_OPINION', valid.ISSUE_REVIEW_OPINION('EXPLORATORY_RISK_DISCLOSED')],
    ['RECORD_MEETING', valid.RECORD_MEETING('REJECTED')],
    ['PROPOSE_ADJUSTMENT', valid.PROPOSE_ADJUSTMENT('MAJOR', ALL_PROCEDURES)],
    ['SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), urgentReason: '防汛应急' }],
    ['RECORD_HEARING', {
      ...valid.RECORD_HEARING(),
      place: '镇政府三楼会议室',
      announcedAt: '2024-03-01',
      participantsSelected: true,
      selectionMethodPublishedAt: '2024-03-01',
      participantListPublishedAt: '2024-03-04',
      recordHash: 'd'.repeat(64),
    }],
  ];

  it.each(samples)('accepts the valid %s payload', (type, payload) => {
    expect(errorsOf(payloadClass(type), payload)).toEqual([]);
  });

  it('accepts the creation payload', () => {
    expect(errorsOf(majorDecisionV1.create.payload!, createPayload())).toEqual([]);
  });

  it.each([
    ['CREATE_CASE', { title: 'x' }, 'proposal:isDefined'],
    ['DECIDE_TO_START', { undertakingUnit: '经济发展办', procedures: 'all' }, 'procedures:isObject'],
    ['SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), fairCompetitionReview: { conclusion: 'COMPLIANT', summary: 'x', reviewedOn: '2024-02-30' } }, 'fairCompetitionReview.reviewedOn:isRealDate'],
    ['CREATE_CASE', { ...createPayload(), proposal: { ...createPayload().proposal, problem: '' } }, 'proposal.problem:isNotEmpty'],
    ['CREATE_CASE', { ...createPayload(), title: 'x'.repeat(501) }, 'title:maxLength'],
    ['CREATE_CASE', { ...createPayload(), proposal: { ...createPayload().proposal, solution: 'x'.repeat(20_001) } }, 'proposal.solution:maxLength'],
    ['CREATE_CASE', { ...createPayload(), extra: 1 }, 'extra:whitelistValidation'],
    ['DECIDE_TO_START', { undertakingUnit: '经济发展办', procedures: { publicParticipation: 'yes' } }, 'procedures.publicParticipation:isBoolean'],
    ['SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), options: [] }, 'options:arrayMinSize'],
    ['SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), documentHash: 'A'.repeat(64) }, 'documentHash:matches'],
    ['SUBMIT_DRAFT', { ...valid.SUBMIT_DRAFT(), options: [{ title: '方案一' }] }, 'options.0.summary:isString'],
    ['PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), closesAt: '2024-02-30' }, 'closesAt:isRealDate'],
    ['PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), opensAt: '2024-03-01T00:00:00Z' }, 'opensAt:matches'],
    ['PUBLISH_FOR_COMMENT', { ...valid.PUBLISH_FOR_COMMENT(), channels: Array(51).fill('网站') }, 'channels:arrayMaxSize'],
    ['RECORD_HEARING', { ...valid.RECORD_HEARING(), recordSigned: 'true' }, 'recordSigned:isBoolean'],
    ['SUBMIT_PARTICIPATION_SUMMARY', { received: 1.5, adopted: 0, summary: '——' }, 'received:isInt'],
    ['SUBMIT_PARTICIPATION_SUMMARY', { received: -1, adopted: 0, summary: '——' }, 'received:min'],
    ['SUBMIT_RISK_REPORT', { ...valid.SUBMIT_RISK_REPORT(), riskLevel: 'EXTREME' }, 'riskLevel:isIn'],
    ['SUBMIT_FOR_LEGALITY_REVIEW', { ...valid.SUBMIT_FOR_LEGALITY_REVIEW(), materials: { draftHash: 'a'.repeat(64), legalBasis: [], procedureStatement: 'x' } }, 'materials.legalBasis:arrayMinSize'],
    ['ISSUE_REVIEW_OPINION', { ...valid.ISSUE_REVIEW_OPINION(), outcome: 'RETURNED_INCOMPLETE' }, 'outcome:isIn'],
    ['ISSUE_REVIEW_OPINION', { ...valid.ISSUE_REVIEW_OPINION(), legalAdvisers: [] }, 'legalAdvisers:arrayMinSize'],
    ['SCHEDULE_MEETING', { meetingType: 'STANDING_MEETING', scheduledAt: '2024-04-20 09:30' }, 'scheduledAt:matches'],
    ['SCHEDULE_MEETING', { meetingType: 'STANDING_MEETING', scheduledAt: '2024-02-30T09:30:00+08:00' }, 'scheduledAt:isIso8601'],
    ['SCHEDULE_MEETING', { meetingType: 'STANDING_MEETING', scheduledAt: '2024-04-20T09:30:00' }, 'scheduledAt:matches'],
    ['RECORD_MEETING', { ...valid.RECORD_MEETING(), statements: [{ speaker: '王镇长', role: 'CHAIR', position: 'SUPPORT', text: '同意' }] }, 'statements.0.role:isIn'],
    ['PROPOSE_ADJUSTMENT', { scope: 'MEDIUM', description: 'x' }, 'scope:isIn'],
    ['WITHDRAW', {}, 'reason:isString'],
    ['CLOSE_COMMENT_PERIOD', { reason: 'x' }, 'reason:whitelistValidation'],
    ['ARCHIVE', { archiveNumber: 42 }, 'archiveNumber:isString'],
  ] as Array<[string, object, string]>)('refuses a bad %s payload (%j) with %s', (type, payload, expected) => {
    const cls = type === 'CREATE_CASE' ? majorDecisionV1.create.payload! : payloadClass(type as MajorDecisionEventType);
    expect(errorsOf(cls, payload)).toContain(expected);
  });

  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-04-31', false],
    ['2024-13-01', false],
    ['0000-01-01', false],
    ['2024-1-01', false],
  ])('isRealDate(%s) = %s', (value, ok) => {
    expect(isRealDate(value)).toBe(ok);
  });
});
