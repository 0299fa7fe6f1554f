/**
 * Major administrative decision (重大行政决策), version 1: the pipeline of State Council Decree 713
 * (《重大行政决策程序暂行条例》, "R713"), applied by reference to townships (Art. 42).
 *
 * PURE: this file imports xstate and types only. It reads no clock (time arrives in the event as
 * `at` / `today`, working-day deadlines as `facts`), draws no random numbers and performs no I/O,
 * so replaying a case's history through it always yields the same snapshots.
 *
 * The business rules live in `majorDecisionRules` below. The same `check` functions are the
 * machine's named guards (see `setup({ guards })`) and the engine's refusal reasons, so a refusal
 * shown to a clerk and a transition the machine blocks can never disagree.
 *
 * Policy decisions (where R713 is silent or leaves room), numbered for reference:
 *  P1  INV-D3 (Art. 26 ¶2): SUBMIT_FOR_LEGALITY_REVIEW is refused when `requestedCompletionDate` is
 *      before `facts.minCompletionDate` (the runtime's 7th working day after `today`, config key
 *      decision.legalityReview.minWorkdays) unless an `urgentReason` is given. RETURN_INCOMPLETE sends
 *      the case back to `awaitingSubmission`; the resubmission gets new facts, so the clock restarts.
 *      The 7 days are a floor given to the reviewer: a reviewer who finishes earlier may issue the
 *      opinion, and the meeting is not held back further.
 *  P2  INV-D4 (Art. 15): PUBLISH_FOR_COMMENT needs `closesAt ≥ facts.minClosesAt` (opensAt + 30
 *      calendar days, rolled to a working day) unless a `shortenedReason` is given — the payload is
 *      the published notice, so a reason given here is "stated in the notice". CLOSE_COMMENT_PERIOD
 *      is refused while `today ≤ closesAt`: the last day runs to 24:00 (CC Art. 203).
 *  P3  A hearing is a form of public participation (Art. 14 ¶2): a start decision that requires a
 *      hearing must also require public participation (PROCEDURES_INCONSISTENT). Hearings may be
 *      recorded in any sub-state of public participation; a voluntary hearing (Art. 16 "可以") is
 *      recorded under the same rules.
 *  P4  Every new draft (SUBMIT_DRAFT) opens a new "round": the stages the current procedures
 *      require run again for it (conservative reading of Art. 24, 28 and 37: the draft that goes to
 *      the meeting is the one that was consulted on, assessed and reviewed). Records of earlier
 *      rounds stay in the context, tagged with their round.
 *  P5  ILLEGAL, risk not controllable (INV-D7), meeting decision REVISE, party committee DISAGREED
 *      and a MAJOR adjustment (INV-D13) all return to `drafting`. A MAJOR adjustment may re-declare
 *      the procedures the changed content requires; otherwise the previous ones apply again.
 *  P6  INV-D9 "majority" (Art. 30 ¶2): the position (SUPPORT / OPPOSE / ABSTAIN) of each MEMBER
 *      speaker is their last MEMBER statement; a position is the majority when strictly more than
 *      half of the distinct MEMBER speakers hold it. The head's decision differs from the majority
 *      when the majority SUPPORTs and the decision is not APPROVED, or the majority OPPOSEs and the
 *      decision is not REJECTED. A majority of abstentions, or no majority, never requires a reason.
 *  P7  Fair-competition-review information (INV-D8, Art. 29 (1)) is carried on SUBMIT_DRAFT
 *      (`fairCompetitionReview`), because the review belongs to drafting and the legality reviewer
 *      must see it; SUBMIT_DRAFT and SCHEDULE_MEETING both refuse without it when it is required.
 *  P8  Separation of duties (issue §7): nobody who submitted the case for legality review (in any
 *      round) may issue its review opinion (403 SEPARATION_OF_DUTIES).
 *  P9  INV-D12 (Art. 36 ¶2): the post-evaluator may not be the undertaking unit, a cooperating
 *      undertaking unit, a unit that did a risk assessment (`assessorUnit`, default: the
 *      undertaking unit) or an institution that gave an expert opinion. Unit names are compared
 *      after removing white space and unifying full-width brackets.
 *  P10 CLOSE_CASE needs ≥ 1 implementation report for the decision in force (Art. 34) and no
 *      post-evaluation still running; ARCHIVE (INV-D11, Art. 33) needs every record the current
 *      round's required stages produce (see `missingArchiveRecords`).
 *  P11 WITHDRAW (town head) is accepted in every state before the meeting has decided the current
 *      round: initiation, drafting, publicParticipation, expertReview, riskAssessment,
 *      legalityReview and collectiveDecision.
 *  P12 Rules marked `precondition` read the context and at most `event.actor` / `event.today`,
 *      never the payload or facts.
 */
import { assign, setup } from 'xstate';
import type { RuleDefinition, WorkflowEvent, WorkflowInput } from '@app/engine';
// LR: the legality-review fragment the matter workflows share (records, shared rules, the legalityReview state)
import * as LR from '../../common/legality-review/legality-review.fragment';
// CD: the collective-deliberation fragment the workflows with a meeting share (meeting records, routing guards, the deliberation state)
import * as CD from '../../common/collective-decision/collective-decision.fragment';
import { ruleGuards } from '../../common/rule-guards';
import { whenOf } from '../../common/transition-guards';
import type {
  AdjustmentScope,
  ArchivePayload,
  CloseCasePayload,
  CreateMajorDecisionPayload,
  DecideToStartPayload,
  DeclineToStartPayload,
  ExtendCommentPeriodPayload,
  FairCompetitionConclusion,
  IssueReviewOpinionPayload,
  MeetingDecision,
  PartyCommitteeOutcome,
  Position,
  PostEvaluationRecommendation,
  PostEvaluationTrigger,
  ProposeAdjustmentPayload,
  PublishDecisionPayload,
  PublishForCommentPayload,
  RecordExpertOpinionPayload,
  RecordHearingPayload,
  RecordMeetingPayload,
  RecordPartyCommitteeReportPayload,
  ReportImplementationPayload,
  ResumePayload,
  ReviewOutcome,
  RiskLevel,
  SpeakerRole,
  StartPostEvaluationPayload,
  SubmitDraftPayload,
  SubmitExpertSummaryPayload,
  SubmitParticipationSummaryPayload,
  SubmitPostEvaluationPayload,
  SubmitRiskReportPayload,
  SuspendPayload,
} from './major-decision.payloads';
import { isDay, lastOf, nonEmpty, ofRound, orNull, payloadOf, strings } from '../../common/machine-helpers';
import { stamp, type Stamp, withdrawal, type WithdrawalRecordOf } from '../../common/stamp';

// ================================================================================================
// Events
// ================================================================================================

export const MAJOR_DECISION_EVENT_TYPES = [
  'DECIDE_TO_START',
  'DECLINE_TO_START',
  'SUBMIT_DRAFT',
  'PUBLISH_FOR_COMMENT',
  'EXTEND_COMMENT_PERIOD',
  'CLOSE_COMMENT_PERIOD',
  'RECORD_HEARING',
  'SUBMIT_PARTICIPATION_SUMMARY',
  'RECORD_EXPERT_OPINION',
  'SUBMIT_EXPERT_SUMMARY',
  'SUBMIT_RISK_REPORT',
  'SUBMIT_FOR_LEGALITY_REVIEW',
  'ACCEPT_FOR_REVIEW',
  'RETURN_INCOMPLETE',
  'ISSUE_REVIEW_OPINION',
  'CONFIRM_REVISIONS',
  'SCHEDULE_MEETING',
  'RECORD_MEETING',
  'RECORD_PARTY_COMMITTEE_REPORT',
  'PUBLISH_DECISION',
  'REPORT_IMPLEMENTATION',
  'START_POST_EVALUATION',
  'SUBMIT_POST_EVALUATION',
  'SUSPEND',
  'RESUME',
  'PROPOSE_ADJUSTMENT',
  'CLOSE_CASE',
  'ARCHIVE',
  'WITHDRAW',
] as const;
export type MajorDecisionEventType = (typeof MAJOR_DECISION_EVENT_TYPES)[number];

/** The events as the machine sees them (one union member per type, so xstate can narrow). */
export type MajorDecisionEvent = {
  [K in MajorDecisionEventType]: WorkflowEvent & { type: K };
}[MajorDecisionEventType];

// ================================================================================================
// Context: every stage's record, so ARCHIVE can check completeness and the minutes stay verbatim
// ================================================================================================

/** Who did something and when (server time, UTC). */
export type { Stamp } from '../../common/stamp';

export interface Procedures {
  publicParticipation: boolean;
  hearing: boolean;
  expertReview: boolean;
  riskAssessment: boolean;
  fairCompetitionReview: boolean;
}

export interface ProposalRecord {
  problem: string;
  reasons: string;
  legalBasis: string;
  solution: string;
  necessity: string;
  feasibility: string | null;
  catalogItem: string | null;
}

export interface StartRecord extends Stamp {
  /** v1: the text the town head typed (it became a unit of the case); from v2 on: the unit's name */
  undertakingUnit: string;
  /** from v2 on: the unit's id in the org-units table (the case's unit); absent in v1 cases */
  undertakingUnitId?: string;
  cooperatingUnits: string[];
  procedures: Procedures;
  note: string | null;
}

export interface DeclineRecord extends Stamp {
  reason: string;
}

export interface DraftRecord extends Stamp {
  /** the round this draft opened (1 for the first draft) */
  round: number;
  title: string;
  documentHash: string;
  options: Array<{ title: string; summary: string }>;
  explanation: string | null;
  fairCompetitionReview: { conclusion: FairCompetitionConclusion; summary: string; reviewedOn: string } | null;
  consultedUnits: string[];
  disputes: string | null;
}

export interface CommentNotice extends Stamp {
  opensAt: string;
  closesAt: string;
  channels: string[];
  shortenedReason: string | null;
  /** the earliest lawful close the runtime computed (facts.minClosesAt) */
  minClosesAt: string | null;
}

export interface CommentExtension extends Stamp {
  previousClosesAt: string;
  closesAt: string;
  reason: string;
}

export interface HearingRecord extends Stamp {
  heldAt: string;
  materialsServedAt: string;
  participants: string[];
  recordSigned: boolean;
  place: string | null;
  announcedAt: string | null;
  participantsSelected: boolean;
  selectionMethodPublishedAt: string | null;
  participantListPublishedAt: string | null;
  recordHash: string | null;
}

export interface ParticipationRecord {
  round: number;
  notice: CommentNotice | null;
  extensions: CommentExtension[];
  closed: (Stamp & { closedOn: string }) | null;
  hearings: HearingRecord[];
  summary: (Stamp & { received: number; adopted: number; summary: string }) | null;
}

export interface ExpertOpinionRecord extends Stamp {
  round: number;
  expert: string;
  institution: string;
  hasDirectInterest: boolean;
  opinion: string;
  signed: boolean;
  documentHash: string | null;
}

export interface ExpertSummaryRecord extends Stamp {
  round: number;
  adoptionSummary: string;
}

export interface RiskReportRecord extends Stamp {
  round: number;
  riskLevel: RiskLevel;
  controllable: boolean;
  riskPoints: string[];
  measures: string;
  handlingPlan: string | null;
  /** the unit that did the assessment (defaults to the undertaking unit) */
  assessorUnit: string;
  consultedDepartments: string[];
  documentHash: string | null;
}

/** The shared submission record (workflows/common/legality-review) and the minimum period it was checked against. */
export interface LegalitySubmissionRecord extends LR.LegalitySubmissionOf<Stamp> {
  /** the 7th working day after `submittedOn` as computed by the runtime (facts.minCompletionDate) */
  minCompletionDate: string | null;
}

export type LegalityAcceptanceRecord = LR.LegalityAcceptanceOf<Stamp>;

export type LegalityReturnRecord = LR.LegalityReturnOf<Stamp>;

export interface ReviewOpinionRecord extends Stamp {
  round: number;
  outcome: ReviewOutcome;
  reasons: string;
  legalBasis: string[];
  legalAdvisers: string[];
  riskStatement: string | null;
  suggestions: string | null;
  documentHash: string | null;
  /** the draft hash of the submission the opinion answers */
  reviewedDraftHash: string | null;
}

export type RevisionConfirmationRecord = LR.RevisionConfirmationOf<Stamp>;

export interface LegalityReviewRecords
  extends LR.LegalityReviewRecordsOf<
    LegalitySubmissionRecord,
    LegalityAcceptanceRecord,
    LegalityReturnRecord,
    ReviewOpinionRecord,
    RevisionConfirmationRecord
  > {}

export interface MeetingStatement {
  speaker: string;
  role: SpeakerRole;
  position: Position;
  /** verbatim */
  text: string;
}

export interface MeetingMinutes extends Stamp {
  heldAt: string;
  attendees: string[];
  statements: MeetingStatement[];
  decision: MeetingDecision;
  headReason: string | null;
  /** see policy P6 */
  memberMajority: Position | null;
  headDiffersFromMajority: boolean;
  /** MEMBER speakers whose position was OPPOSE (Art. 38 ¶3: recorded dissent reduces liability) */
  dissentingSpeakers: string[];
  minutesHash: string | null;
}

/** The meeting of a round (workflows/common/collective-decision): every (re)scheduling, the current one last, and its minutes. */
export interface MeetingRecord extends CD.MeetingRecordOf<Stamp, MeetingMinutes> {}

export interface PartyCommitteeReportRecord extends Stamp {
  round: number;
  reportedAt: string;
  outcome: PartyCommitteeOutcome;
  note: string | null;
}

export interface PublicationRecord extends Stamp {
  round: number;
  publishedAt: string;
  channels: string[];
  adoptionExplanation: string | null;
  documentNumber: string | null;
  nonDisclosureBasis: string | null;
}

export interface ImplementationReportRecord extends Stamp {
  round: number;
  report: string;
  problems: string | null;
}

export interface PostEvaluationRecord extends Stamp {
  round: number;
  evaluatorUnit: string;
  trigger: PostEvaluationTrigger | null;
  result: (Stamp & { report: string; recommendation: PostEvaluationRecommendation | null; documentHash: string | null }) | null;
}

export interface SuspensionRecord extends Stamp {
  round: number;
  reason: string;
  resumed: (Stamp & { reason: string | null }) | null;
}

export interface AdjustmentRecord extends Stamp {
  round: number;
  scope: AdjustmentScope;
  description: string;
  /** MAJOR: the procedures re-declared for the changed content, if any */
  procedures: Procedures | null;
}

export interface MajorDecisionContext {
  caseId: string;
  title: string;
  created: Stamp;
  proposal: ProposalRecord;
  start: StartRecord | null;
  declined: DeclineRecord | null;
  /** the procedures the current round requires (start decision, or the last MAJOR adjustment) */
  procedures: Procedures | null;
  /** the current round = number of drafts submitted (0 before the first draft), see policy P4 */
  round: number;
  drafts: DraftRecord[];
  participation: ParticipationRecord[];
  expertOpinions: ExpertOpinionRecord[];
  expertSummaries: ExpertSummaryRecord[];
  riskReports: RiskReportRecord[];
  legalityReview: LegalityReviewRecords;
  meetings: MeetingRecord[];
  partyCommitteeReports: PartyCommitteeReportRecord[];
  publications: PublicationRecord[];
  implementationReports: ImplementationReportRecord[];
  postEvaluations: PostEvaluationRecord[];
  suspensions: SuspensionRecord[];
  adjustments: AdjustmentRecord[];
  closing: (Stamp & { summary: string | null }) | null;
  archive: (Stamp & { archiveNumber: string | null; archivedOn: string }) | null;
  withdrawal: WithdrawalRecordOf<Stamp> | null;
}

// ================================================================================================
// Pure helpers (exported: the API and tests read the same definitions)
// ================================================================================================

type Ctx = MajorDecisionContext;

export function copyProcedures(p: Partial<Procedures> | undefined): Procedures {
  return {
    publicParticipation: p?.publicParticipation === true,
    hearing: p?.hearing === true,
    expertReview: p?.expertReview === true,
    riskAssessment: p?.riskAssessment === true,
    fairCompetitionReview: p?.fairCompetitionReview === true,
  };
}

export function currentDraft(ctx: Ctx): DraftRecord | undefined {
  return ctx.drafts.find((d) => d.round === ctx.round);
}

export function currentParticipation(ctx: Ctx): ParticipationRecord | undefined {
  return ctx.participation.find((p) => p.round === ctx.round);
}

/** The last day of the comment period, extensions included. */
export function effectiveClosesAt(p: ParticipationRecord | undefined): string | null {
  if (!p?.notice) return null;
  return lastOf(p.extensions)?.closesAt ?? p.notice.closesAt;
}

export function currentOpinion(ctx: Ctx): ReviewOpinionRecord | undefined {
  return LR.opinionOfRound(ctx.legalityReview, ctx.round);
}

const currentDraftHash = (ctx: Ctx) => currentDraft(ctx)?.documentHash;

/** INV-D1: a passing legality-review opinion for the current draft. */
export function legalityReviewPassed(ctx: Ctx): boolean {
  const opinion = currentOpinion(ctx);
  if (!opinion) return false;
  switch (opinion.outcome) {
    case 'LEGAL':
      return true;
    case 'LEGAL_WITH_REVISIONS':
      // one opinion per round: after it the case leaves review (or waits in revisionsRequired)
      return ofRound(ctx.legalityReview.revisionConfirmations, ctx.round).length > 0;
    case 'EXPLORATORY_RISK_DISCLOSED':
      return nonEmpty(opinion.riskStatement);
    default:
      return false;
  }
}

/** The hash of the document now before the decision body: the revised draft if revisions were confirmed. */
export function currentDocumentHash(ctx: Ctx): string | null {
  return (
    lastOf(ofRound(ctx.legalityReview.revisionConfirmations, ctx.round))?.documentHash ?? currentDraft(ctx)?.documentHash ?? null
  );
}

function participationTookPlace(ctx: Ctx): boolean {
  const p = currentParticipation(ctx);
  return !!(p && (p.notice || p.hearings.length > 0 || p.summary));
}
function expertReviewTookPlace(ctx: Ctx): boolean {
  return ofRound(ctx.expertOpinions, ctx.round).length > 0 || ofRound(ctx.expertSummaries, ctx.round).length > 0;
}
function riskAssessmentTookPlace(ctx: Ctx): boolean {
  return ofRound(ctx.riskReports, ctx.round).length > 0;
}

/**
 * INV-D8 (Art. 29): what the collective-discussion package of the current round lacks. Each
 * adoption-status document is required iff its procedure was required or took place.
 */
export function missingDecisionPackage(ctx: Ctx): string[] {
  const missing: string[] = [];
  const procedures = ctx.procedures ?? copyProcedures(undefined);
  const draft = currentDraft(ctx);
  if (!draft) missing.push('draft');
  if (procedures.fairCompetitionReview && !draft?.fairCompetitionReview) missing.push('fairCompetitionReview');
  if ((procedures.publicParticipation || participationTookPlace(ctx)) && !currentParticipation(ctx)?.summary) {
    missing.push('participationSummary');
  }
  if ((procedures.expertReview || expertReviewTookPlace(ctx)) && ofRound(ctx.expertSummaries, ctx.round).length === 0) {
    missing.push('expertSummary');
  }
  if (procedures.riskAssessment && !riskAssessmentTookPlace(ctx)) missing.push('riskReport');
  if (!currentOpinion(ctx)) missing.push('legalityReviewOpinion');
  return missing;
}

/** INV-D11 (Art. 33): the records an archive of the current round lacks (empty = complete). */
export function missingArchiveRecords(ctx: Ctx): string[] {
  const missing: string[] = [];
  const procedures = ctx.procedures ?? copyProcedures(undefined);
  if (!ctx.start) missing.push('startDecision');
  missing.push(...missingDecisionPackage(ctx));
  if (procedures.publicParticipation || participationTookPlace(ctx)) {
    const p = currentParticipation(ctx);
    if (!p?.notice) missing.push('commentNotice');
    if (!p?.closed) missing.push('commentClosing');
  }
  if (procedures.hearing && (currentParticipation(ctx)?.hearings.length ?? 0) === 0) missing.push('hearingRecord');
  if (procedures.expertReview && ofRound(ctx.expertOpinions, ctx.round).length === 0) missing.push('expertOpinion');
  const lastRisk = lastOf(ofRound(ctx.riskReports, ctx.round));
  if (lastRisk && !lastRisk.controllable) missing.push('controllableRiskReport');
  if (ofRound(ctx.legalityReview.submissions, ctx.round).length === 0) missing.push('legalityReviewSubmission');
  if (!legalityReviewPassed(ctx)) missing.push('passingLegalityReviewOpinion');
  const minutes = lastOf(ofRound(ctx.meetings, ctx.round))?.minutes;
  if (minutes?.decision !== 'APPROVED') missing.push('approvingMeetingMinutes');
  if (lastOf(ofRound(ctx.partyCommitteeReports, ctx.round))?.outcome !== 'AGREED') missing.push('partyCommitteeReport');
  if (ofRound(ctx.publications, ctx.round).length === 0) missing.push('publication');
  if (ofRound(ctx.implementationReports, ctx.round).length === 0) missing.push('implementationReport');
  if (ctx.postEvaluations.some((e) => !e.result)) missing.push('postEvaluationReport');
  if (ctx.suspensions.some((s) => !s.resumed)) missing.push('resumptionAfterSuspension');
  if (!ctx.closing) missing.push('closing');
  return missing;
}

/**
 * Policy P6: the majority position of the MEMBER speakers (each counted once, by their last
 * MEMBER statement), or null when no position is held by strictly more than half of them.
 */
export function memberMajority(statements: ReadonlyArray<{ speaker: string; role: string; position: string }>): Position | null {
  const bySpeaker = new Map<string, string>();
  for (const s of statements) if (s.role === 'MEMBER') bySpeaker.set(s.speaker, s.position);
  const n = bySpeaker.size;
  if (n === 0) return null;
  const counts = new Map<string, number>();
  for (const p of bySpeaker.values()) counts.set(p, (counts.get(p) ?? 0) + 1);
  for (const [position, count] of counts) if (count * 2 > n) return position as Position;
  return null;
}

/** Policy P6: does the head's decision differ from the majority of the members? */
export function decisionDiffersFromMajority(decision: string, majority: Position | null): boolean {
  if (majority === 'SUPPORT') return decision !== 'APPROVED';
  if (majority === 'OPPOSE') return decision !== 'REJECTED';
  return false;
}

/** Policy P9: unit names compared without white space and with half-width brackets. */
export function normalizeUnit(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/** Policy P9: units that may not do the post-evaluation (INV-D12). */
export function unitsBarredFromPostEvaluation(ctx: Ctx): string[] {
  const units = new Set<string>();
  if (ctx.start) {
    units.add(ctx.start.undertakingUnit);
    // v2 records the unit by name and id: an evaluator typed as either is the undertaking unit
    if (ctx.start.undertakingUnitId) units.add(ctx.start.undertakingUnitId);
    for (const u of ctx.start.cooperatingUnits) units.add(u);
  }
  for (const r of ctx.riskReports) units.add(r.assessorUnit);
  for (const o of ctx.expertOpinions) units.add(o.institution);
  return [...units];
}

// ================================================================================================
// Rules: the refusal reasons and, identically, the machine's guards
// ================================================================================================

type Rule = RuleDefinition<MajorDecisionContext>;
const CITE = '《重大行政决策程序暂行条例》';

export const majorDecisionRules = {
  // --- initiation / adjustment -------------------------------------------------------------------
  proceduresConsistent: {
    check: ({ event }) => {
      const p = payloadOf<DecideToStartPayload & ProposeAdjustmentPayload>(event);
      if (event.type === 'PROPOSE_ADJUSTMENT' && p.scope !== 'MAJOR') return true;
      return !p.procedures || !p.procedures.hearing || p.procedures.publicParticipation === true;
    },
    refusal: {
      code: 'PROCEDURES_INCONSISTENT',
      article: 'R713 Art. 14',
      zh: `听证会是公众参与的方式之一，要求召开听证会的，应当同时要求履行公众参与程序（${CITE}第十四条、第十六条）`,
      en: 'A hearing is a form of public participation: a decision that requires a hearing must also require public participation (R713 Art. 14, 16).',
    },
  },

  // --- drafting ----------------------------------------------------------------------------------
  draftHasOptions: {
    field: 'options',
    check: ({ event }) => {
      const options = payloadOf<SubmitDraftPayload>(event).options;
      return Array.isArray(options) && options.length >= 1;
    },
    refusal: {
      code: 'DRAFT_OPTIONS_REQUIRED',
      article: 'R713 Art. 12',
      zh: `决策草案应当至少载明一个方案；有关方面存在较大分歧的，可以提出两个以上方案（${CITE}第十二条）`,
      en: 'The draft must contain at least one option; where views diverge widely, two or more options may be proposed (R713 Art. 12).',
    },
  },
  fairCompetitionReviewIncluded: {
    field: 'fairCompetitionReview',
    check: ({ context, event }) =>
      !context.procedures?.fairCompetitionReview || !!payloadOf<SubmitDraftPayload>(event).fairCompetitionReview,
    refusal: {
      code: 'FAIR_COMPETITION_REVIEW_REQUIRED',
      article: 'R713 Art. 29',
      zh: `决策草案涉及市场主体经济活动的，应当进行公平竞争审查，并随草案报送公平竞争审查的有关情况（${CITE}第二十九条第一项、《公平竞争审查条例》第十八条）`,
      en: 'The draft touches market entities’ economic activity: a fair-competition review must be done and its result submitted with the draft (R713 Art. 29 (1); Fair Competition Review Regulations Art. 18).',
    },
  },

  // --- public participation ----------------------------------------------------------------------
  commentPeriodValid: {
    check: ({ event }) => {
      const p = payloadOf<PublishForCommentPayload>(event);
      return isDay(p.opensAt) && isDay(p.closesAt) && p.closesAt > p.opensAt;
    },
    refusal: {
      code: 'COMMENT_PERIOD_INVALID',
      article: 'R713 Art. 15',
      zh: `公开征求意见的截止日期应当晚于开始日期（${CITE}第十五条）`,
      en: 'The comment period must close after it opens (R713 Art. 15).',
    },
  },
  commentPeriodLongEnough: {
    check: ({ event }) => {
      const p = payloadOf<PublishForCommentPayload>(event);
      if (nonEmpty(p.shortenedReason)) return true;
      const min = event.facts?.minClosesAt;
      return isDay(min) && isDay(p.closesAt) && p.closesAt >= min;
    },
    refusal: {
      code: 'COMMENT_PERIOD_TOO_SHORT',
      article: 'R713 Art. 15',
      zh: `公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，应当在公开征求意见时予以说明（${CITE}第十五条）`,
      en: 'The public comment period must be at least 30 days; a shorter period needs a reason stated in the notice (R713 Art. 15).',
    },
  },
  commentExtensionLater: {
    check: ({ context, event }) => {
      const closesAt = payloadOf<ExtendCommentPeriodPayload>(event).closesAt;
      const current = effectiveClosesAt(currentParticipation(context));
      return isDay(closesAt) && current !== null && closesAt > current;
    },
    refusal: {
      code: 'COMMENT_EXTENSION_NOT_LATER',
      article: 'R713 Art. 15',
      zh: `延长后的征求意见截止日期应当晚于现截止日期（${CITE}第十五条）`,
      en: 'An extension must move the closing day later than the current one (R713 Art. 15).',
    },
  },
  commentPeriodEnded: {
    precondition: true,
    check: ({ context, event }) => {
      const closesAt = effectiveClosesAt(currentParticipation(context));
      return closesAt !== null && isDay(event.today) && event.today > closesAt;
    },
    refusal: {
      code: 'COMMENT_PERIOD_NOT_ENDED',
      article: 'R713 Art. 15',
      zh: `公开征求意见期限尚未届满，不得结束征求意见；期限的最后一日截止到二十四时（${CITE}第十五条、《民法典》第二百零三条）`,
      en: 'The comment period has not ended; its last day runs until 24:00 (R713 Art. 15; Civil Code Art. 203).',
    },
  },
  hearingRecordSigned: {
    check: ({ event }) => payloadOf<RecordHearingPayload>(event).recordSigned === true,
    refusal: {
      code: 'HEARING_RECORD_UNSIGNED',
      article: 'R713 Art. 17',
      zh: `听证参加人应当确认听证会记录并签字（${CITE}第十七条第三项）`,
      en: 'The hearing participants must confirm and sign the hearing record (R713 Art. 17 (3)).',
    },
  },
  hearingMaterialsServedInTime: {
    check: ({ event }) => {
      const p = payloadOf<RecordHearingPayload>(event);
      const earliest = event.facts?.earliestHearingDate;
      return isDay(earliest) && isDay(p.heldAt) && p.heldAt >= earliest;
    },
    refusal: {
      code: 'HEARING_MATERIALS_LATE',
      article: 'R713 Art. 16',
      zh: `听证会材料应当于召开听证会7日前送达听证参加人（${CITE}第十六条第三款）`,
      en: 'Hearing materials must be served on the participants at least 7 days before the hearing (R713 Art. 16 ¶3).',
    },
  },
  hearingAnnouncedInAdvance: {
    check: ({ event }) => {
      const p = payloadOf<RecordHearingPayload>(event);
      return p.announcedAt === undefined || p.announcedAt === null || (isDay(p.announcedAt) && isDay(p.heldAt) && p.announcedAt < p.heldAt);
    },
    refusal: {
      code: 'HEARING_NOT_ANNOUNCED_IN_ADVANCE',
      article: 'R713 Art. 16',
      zh: `应当在听证会召开前公布决策草案及其说明等材料，明确听证时间、地点等信息（${CITE}第十六条第二款）`,
      en: 'The draft, its explanation and the time and place of the hearing must be published before the hearing (R713 Art. 16 ¶2).',
    },
  },
  hearingParticipantsPublished: {
    check: ({ event }) => {
      const p = payloadOf<RecordHearingPayload>(event);
      if (p.participantsSelected !== true) return true;
      const before = (d: unknown) => isDay(d) && isDay(p.heldAt) && d < p.heldAt;
      return before(p.selectionMethodPublishedAt) && before(p.participantListPublishedAt);
    },
    refusal: {
      code: 'HEARING_PARTICIPANTS_NOT_PUBLISHED',
      article: 'R713 Art. 16',
      zh: `需要遴选听证参加人的，应当提前公布听证参加人遴选办法，听证参加人名单应当提前向社会公布（${CITE}第十六条第三款）`,
      en: 'Where participants are selected, the selection method and the participant list must be published before the hearing (R713 Art. 16 ¶3).',
    },
  },
  hearingRecorded: {
    precondition: true,
    check: ({ context }) => !context.procedures?.hearing || (currentParticipation(context)?.hearings.length ?? 0) > 0,
    refusal: {
      code: 'HEARING_NOT_RECORDED',
      article: 'R713 Art. 16',
      zh: `启动决定要求召开听证会，应当先记录听证会情况，再报送公众意见的研究采纳情况（${CITE}第十六条、第十七条）`,
      en: 'The start decision requires a hearing: record the hearing before submitting the participation summary (R713 Art. 16, 17).',
    },
  },
  adoptedWithinReceived: {
    check: ({ event }) => {
      const p = payloadOf<SubmitParticipationSummaryPayload>(event);
      return Number.isInteger(p.received) && Number.isInteger(p.adopted) && (p.adopted as number) <= (p.received as number);
    },
    refusal: {
      code: 'ADOPTED_EXCEEDS_RECEIVED',
      article: 'R713 Art. 18',
      zh: `采纳的意见条数不能多于收到的意见条数（${CITE}第十八条）`,
      en: 'The number of adopted opinions cannot exceed the number received (R713 Art. 18).',
    },
  },

  // --- expert review -----------------------------------------------------------------------------
  expertWithoutDirectInterest: {
    check: ({ event }) => payloadOf<RecordExpertOpinionPayload>(event).hasDirectInterest === false,
    refusal: {
      code: 'EXPERT_HAS_DIRECT_INTEREST',
      article: 'R713 Art. 20',
      zh: `不得选择与决策事项有直接利害关系的专家、专业机构参与论证（${CITE}第二十条）`,
      en: 'Experts or institutions with a direct interest in the matter may not take part in the argumentation (R713 Art. 20).',
    },
  },
  expertOpinionSigned: {
    check: ({ event }) => payloadOf<RecordExpertOpinionPayload>(event).signed === true,
    refusal: {
      code: 'EXPERT_OPINION_UNSIGNED',
      article: 'R713 Art. 19',
      zh: `专家、专业机构提供书面论证意见的，应当署名、盖章（${CITE}第十九条第二款）`,
      en: 'A written expert opinion must be signed and sealed (R713 Art. 19 ¶2).',
    },
  },
  expertOpinionRecorded: {
    precondition: true,
    check: ({ context }) => ofRound(context.expertOpinions, context.round).length > 0,
    refusal: {
      code: 'EXPERT_OPINION_REQUIRED',
      article: 'R713 Art. 19',
      zh: `尚未记录专家论证意见，不能报送专家论证意见的研究采纳情况（${CITE}第十九条、第二十九条第三项）`,
      en: 'No expert opinion has been recorded yet, so there is no adoption status to submit (R713 Art. 19, 29 (3)).',
    },
  },

  // --- risk assessment ---------------------------------------------------------------------------
  riskReportComplete: {
    check: ({ event }) => {
      const p = payloadOf<SubmitRiskReportPayload>(event);
      return strings(p.riskPoints).some(nonEmpty) && nonEmpty(p.measures);
    },
    refusal: {
      code: 'RISK_REPORT_INCOMPLETE',
      article: 'R713 Art. 23',
      zh: `风险评估报告应当明确风险点，提出风险防范措施和处置预案（${CITE}第二十三条第二款）`,
      en: 'The risk assessment report must name the risk points and the prevention measures (R713 Art. 23 ¶2).',
    },
  },

  // --- legality review ---------------------------------------------------------------------------
  draftHashMatches: LR.draftHashMatchesRule<Ctx>(currentDraftHash, {
    code: 'DRAFT_HASH_MISMATCH',
    article: 'R713 Art. 26',
    zh: `送审的决策草案与本案当前登记的草案不一致，请送审当前草案（${CITE}第二十六条第一款）`,
    en: 'The draft submitted for review is not the draft currently on record; submit the current draft (R713 Art. 26 ¶1).',
  }),
  legalityReviewPeriodSufficient: LR.reviewPeriodSufficientRule<Ctx>({
    code: 'LEGALITY_REVIEW_PERIOD_TOO_SHORT',
    article: 'R713 Art. 26',
    zh: `送请合法性审查，应当保证必要的审查时间，一般不少于7个工作日；确需缩短的，应当说明紧急理由（${CITE}第二十六条第二款）`,
    en: 'A legality review needs at least 7 working days; a shorter period needs an urgent reason (R713 Art. 26 ¶2).',
  }),
  separationOfDuties: LR.separationOfDutiesRule<Ctx>({
    code: 'SEPARATION_OF_DUTIES',
    article: 'R713 Art. 25',
    status: 403,
    zh: `送请合法性审查的人员不得出具同一事项的合法性审查意见（审查与送审相分离，不得以征求意见等方式代替合法性审查；${CITE}第二十五条）`,
    en: 'Whoever submitted the case for legality review may not issue its review opinion (separation of duties; R713 Art. 25).',
  }),
  legalAdviserInvolved: {
    field: 'legalAdvisers',
    check: ({ event }) => strings(payloadOf<IssueReviewOpinionPayload>(event).legalAdvisers).some(nonEmpty),
    refusal: {
      code: 'LEGAL_ADVISER_REQUIRED',
      article: 'R713 Art. 28',
      zh: `合法性审查过程中应当组织法律顾问、公职律师提出法律意见，请至少列明一名法律顾问或者公职律师（${CITE}第二十八条）`,
      en: 'Legal advisers or public-sector lawyers must give a legal opinion during the review; name at least one (R713 Art. 28).',
    },
  },
  riskStatementDisclosed: {
    field: 'riskStatement',
    check: ({ event }) => {
      const p = payloadOf<IssueReviewOpinionPayload>(event);
      return p.outcome !== 'EXPLORATORY_RISK_DISCLOSED' || nonEmpty(p.riskStatement);
    },
    refusal: {
      code: 'RISK_STATEMENT_REQUIRED',
      article: 'R713 Art. 25',
      zh: `对国家尚无明确规定的探索性改革决策事项，应当明示法律风险后方可提交决策机关讨论（${CITE}第二十五条第二款）`,
      en: 'An exploratory reform matter may go to the decision body only with its legal risk stated explicitly (R713 Art. 25 ¶2).',
    },
  },
  revisionsApplied: LR.revisionsAppliedRule<Ctx>(currentDraftHash, {
    code: 'REVISION_HASH_UNCHANGED',
    article: 'R713 Art. 28',
    zh: `决策承办单位应当根据合法性审查意见对草案进行调整；所报修改稿与送审稿相同（${CITE}第二十八条）`,
    en: 'The draft must be revised according to the review opinion; the document given is identical to the reviewed one (R713 Art. 28).',
  }),

  // --- collective decision -----------------------------------------------------------------------
  // passing here includes EXPLORATORY_RISK_DISCLOSED with its risk statement (Art. 25 ¶2)
  legalityReviewPassed: LR.reviewPassedRule<Ctx>(legalityReviewPassed, {
    code: 'LEGALITY_REVIEW_REQUIRED',
    article: 'R713 Art. 25',
    zh: `未经合法性审查或者经审查不合法的，不得提交决策机关讨论（${CITE}第二十五条）`,
    en: 'A draft that has not passed legality review may not be submitted to the decision body (R713 Art. 25).',
  }),
  riskControllable: {
    precondition: true,
    check: ({ context }) => {
      const last = lastOf(ofRound(context.riskReports, context.round));
      return !last || last.controllable;
    },
    refusal: {
      code: 'RISK_NOT_CONTROLLABLE',
      article: 'R713 Art. 24',
      zh: `风险评估认为风险不可控的，应当在采取调整决策草案等措施确保风险可控后，方可作出决策（${CITE}第二十四条）`,
      en: 'The risk was assessed as not controllable: adjust the draft until the risk is controllable before deciding (R713 Art. 24).',
    },
  },
  decisionPackageComplete: {
    precondition: true,
    check: ({ context }) => missingDecisionPackage(context).length === 0,
    refusal: {
      code: 'DECISION_PACKAGE_INCOMPLETE',
      article: 'R713 Art. 29',
      zh: `提请决策机关讨论的材料不齐全：应当报送决策草案（涉及市场主体经济活动的含公平竞争审查情况）、公众意见和专家论证意见的研究采纳情况、风险评估报告和合法性审查意见（${CITE}第二十九条）`,
      en: 'The package for the decision body is incomplete: draft (with the fair-competition review where required), adoption status of public and expert opinions, risk report and legality review opinion (R713 Art. 29).',
    },
  },
  speakersAttended: {
    check: ({ event }) => {
      const p = payloadOf<RecordMeetingPayload>(event);
      const attendees = new Set(strings(p.attendees));
      return Array.isArray(p.statements) && p.statements.every((s) => attendees.has(s?.speaker));
    },
    refusal: {
      code: 'SPEAKER_NOT_IN_ATTENDANCE',
      article: 'R713 Art. 30',
      zh: `会议记录中的发言人应当是出席会议的人员，集体讨论决定情况应当如实记录（${CITE}第三十条）`,
      en: 'Every speaker in the minutes must be listed among the attendees; the discussion must be recorded truthfully (R713 Art. 30).',
    },
  },
  membersSpoke: {
    field: 'statements',
    check: ({ event }) => {
      const statements = payloadOf<RecordMeetingPayload>(event).statements;
      return Array.isArray(statements) && statements.some((s) => s?.role === 'MEMBER');
    },
    refusal: {
      code: 'COLLECTIVE_DISCUSSION_REQUIRED',
      article: 'R713 Art. 30',
      zh: `决策草案应当经集体讨论，会议组成人员应当充分发表意见（${CITE}第三十条）`,
      en: 'The draft must be discussed collectively: the minutes must contain the members’ statements (R713 Art. 30).',
    },
  },
  singleHeadStatement: {
    field: 'statements',
    check: ({ event }) => {
      const statements = payloadOf<RecordMeetingPayload>(event).statements;
      return Array.isArray(statements) && statements.filter((s) => s?.role === 'HEAD').length === 1;
    },
    refusal: {
      code: 'HEAD_STATEMENT_REQUIRED',
      article: 'R713 Art. 30',
      zh: `会议记录应当载明行政首长的意见，且只能有一名行政首长（${CITE}第三十条）`,
      en: 'The minutes must contain exactly one statement by the administrative head (R713 Art. 30).',
    },
  },
  headSpeaksLast: {
    check: ({ event }) => {
      const statements = payloadOf<RecordMeetingPayload>(event).statements;
      return Array.isArray(statements) && lastOf(statements)?.role === 'HEAD';
    },
    refusal: {
      code: 'HEAD_MUST_SPEAK_LAST',
      article: 'R713 Art. 30',
      zh: `讨论决策草案，会议组成人员应当充分发表意见，行政首长最后发表意见（${CITE}第三十条第二款）`,
      en: 'The members speak first; the administrative head speaks last (R713 Art. 30 ¶2).',
    },
  },
  headReasonGiven: {
    field: 'headReason',
    check: ({ event }) => {
      const p = payloadOf<RecordMeetingPayload>(event);
      const statements = Array.isArray(p.statements) ? p.statements : [];
      return !decisionDiffersFromMajority(String(p.decision), memberMajority(statements)) || nonEmpty(p.headReason);
    },
    refusal: {
      code: 'HEAD_REASON_REQUIRED',
      article: 'R713 Art. 30',
      zh: `行政首长拟作出的决定与会议组成人员多数人的意见不一致的，应当在会上说明理由（${CITE}第三十条第二款）`,
      en: 'The head’s decision differs from the majority of the members: the reason stated at the meeting must be recorded (R713 Art. 30 ¶2).',
    },
  },

  // --- party committee, publication --------------------------------------------------------------
  partyCommitteeAgreed: {
    precondition: true,
    check: ({ context }) => lastOf(ofRound(context.partyCommitteeReports, context.round))?.outcome === 'AGREED',
    refusal: {
      code: 'PARTY_COMMITTEE_REPORT_REQUIRED',
      article: 'R713 Art. 31',
      zh: `重大行政决策出台前应当按照规定向同级党委请示报告（${CITE}第三十一条）`,
      en: 'Before issuance the decision must be reported to, and agreed by, the party committee at the same level (R713 Art. 31).',
    },
  },
  publicationChannelsGiven: {
    field: 'channels',
    check: ({ event }) => {
      const p = payloadOf<PublishDecisionPayload>(event);
      return strings(p.channels).some(nonEmpty) || nonEmpty(p.nonDisclosureBasis);
    },
    refusal: {
      code: 'PUBLICATION_CHANNEL_REQUIRED',
      article: 'R713 Art. 32',
      zh: `应当通过政府公报、政府网站以及本行政区域内发行的报纸等途径及时公布重大行政决策；依法不予公开的，应当载明依据（${CITE}第三十二条）`,
      en: 'Name the channels (gazette, website, local newspapers) the decision was published in, or the legal basis for not disclosing it (R713 Art. 32).',
    },
  },
  adoptionExplained: {
    field: 'adoptionExplanation',
    check: ({ context, event }) =>
      !(participationTookPlace(context) || expertReviewTookPlace(context)) ||
      nonEmpty(payloadOf<PublishDecisionPayload>(event).adoptionExplanation),
    refusal: {
      code: 'ADOPTION_EXPLANATION_REQUIRED',
      article: 'R713 Art. 32',
      zh: `履行了公众参与或者专家论证程序的，公布决策时应当说明公众意见、专家论证意见的采纳情况（${CITE}第三十二条）`,
      en: 'Public participation or expert argumentation took place: the publication must explain how those opinions were adopted (R713 Art. 32).',
    },
  },

  // --- implementation ----------------------------------------------------------------------------
  noPostEvaluationInProgress: {
    precondition: true,
    check: ({ context }) => context.postEvaluations.every((e) => e.result !== null),
    refusal: {
      code: 'POST_EVALUATION_IN_PROGRESS',
      article: 'R713 Art. 36',
      zh: `决策后评估尚未完成，请先报送评估报告（${CITE}第三十六条）`,
      en: 'A post-decision evaluation is still running; submit its report first (R713 Art. 36).',
    },
  },
  evaluatorIndependent: {
    check: ({ context, event }) => {
      const unit = payloadOf<StartPostEvaluationPayload>(event).evaluatorUnit;
      if (!nonEmpty(unit)) return false;
      const barred = new Set(unitsBarredFromPostEvaluation(context).map(normalizeUnit));
      return !barred.has(normalizeUnit(unit));
    },
    refusal: {
      code: 'POST_EVALUATOR_NOT_INDEPENDENT',
      article: 'R713 Art. 36',
      zh: `决策作出前承担主要论证评估工作的单位不得承担决策后评估（${CITE}第三十六条第二款）`,
      en: 'A unit that did the main argumentation or assessment before the decision may not do the post-decision evaluation (R713 Art. 36 ¶2).',
    },
  },
  postEvaluationStarted: {
    precondition: true,
    check: ({ context }) => context.postEvaluations.some((e) => e.result === null),
    refusal: {
      code: 'POST_EVALUATION_NOT_STARTED',
      article: 'R713 Art. 36',
      zh: `尚未启动决策后评估，不能报送评估报告（${CITE}第三十六条）`,
      en: 'No post-decision evaluation has been started (R713 Art. 36).',
    },
  },
  implementationReported: {
    precondition: true,
    check: ({ context }) => ofRound(context.implementationReports, context.round).length > 0,
    refusal: {
      code: 'IMPLEMENTATION_REPORT_REQUIRED',
      article: 'R713 Art. 34',
      zh: `决策执行单位应当向决策机关报告决策执行情况，尚无执行情况报告的不能办结（${CITE}第三十四条）`,
      en: 'The implementing unit has not reported on the implementation yet; the case cannot be closed (R713 Art. 34).',
    },
  },
  archiveComplete: {
    precondition: true,
    check: ({ context }) => missingArchiveRecords(context).length === 0,
    refusal: {
      code: 'ARCHIVE_INCOMPLETE',
      article: 'R713 Art. 33',
      zh: `履行决策程序形成的记录、材料应当及时完整归档，本案记录不完整，不能归档（${CITE}第三十三条）`,
      en: 'The records and materials of the decision procedure are incomplete and cannot be archived (R713 Art. 33).',
    },
  },
} satisfies Record<string, Rule>;

export type MajorDecisionRuleName = keyof typeof majorDecisionRules;

/** The rules each event is checked against, in order (the first failing one is the refusal). */
export const MAJOR_DECISION_EVENT_RULES = {
  DECIDE_TO_START: ['proceduresConsistent'],
  DECLINE_TO_START: [],
  SUBMIT_DRAFT: ['draftHasOptions', 'fairCompetitionReviewIncluded'],
  PUBLISH_FOR_COMMENT: ['commentPeriodValid', 'commentPeriodLongEnough'],
  EXTEND_COMMENT_PERIOD: ['commentExtensionLater'],
  CLOSE_COMMENT_PERIOD: ['commentPeriodEnded'],
  RECORD_HEARING: ['hearingRecordSigned', 'hearingMaterialsServedInTime', 'hearingAnnouncedInAdvance', 'hearingParticipantsPublished'],
  SUBMIT_PARTICIPATION_SUMMARY: ['hearingRecorded', 'adoptedWithinReceived'],
  RECORD_EXPERT_OPINION: ['expertWithoutDirectInterest', 'expertOpinionSigned'],
  SUBMIT_EXPERT_SUMMARY: ['expertOpinionRecorded'],
  SUBMIT_RISK_REPORT: ['riskReportComplete'],
  SUBMIT_FOR_LEGALITY_REVIEW: ['draftHashMatches', 'legalityReviewPeriodSufficient'],
  ACCEPT_FOR_REVIEW: [],
  RETURN_INCOMPLETE: [],
  ISSUE_REVIEW_OPINION: ['separationOfDuties', 'legalAdviserInvolved', 'riskStatementDisclosed'],
  CONFIRM_REVISIONS: ['revisionsApplied'],
  SCHEDULE_MEETING: ['legalityReviewPassed', 'riskControllable', 'decisionPackageComplete'],
  RECORD_MEETING: ['speakersAttended', 'membersSpoke', 'singleHeadStatement', 'headSpeaksLast', 'headReasonGiven'],
  RECORD_PARTY_COMMITTEE_REPORT: [],
  PUBLISH_DECISION: ['partyCommitteeAgreed', 'publicationChannelsGiven', 'adoptionExplained'],
  REPORT_IMPLEMENTATION: [],
  START_POST_EVALUATION: ['noPostEvaluationInProgress', 'evaluatorIndependent'],
  SUBMIT_POST_EVALUATION: ['postEvaluationStarted'],
  SUSPEND: [],
  RESUME: [],
  PROPOSE_ADJUSTMENT: ['proceduresConsistent'],
  CLOSE_CASE: ['implementationReported', 'noPostEvaluationInProgress'],
  ARCHIVE: ['archiveComplete'],
  WITHDRAW: [],
} as const satisfies Record<MajorDecisionEventType, readonly MajorDecisionRuleName[]>;

// ================================================================================================
// Guards: the rule checks (same functions) plus routing guards that only choose a target
// ================================================================================================

type GuardArgs = { context: MajorDecisionContext; event: MajorDecisionEvent };
const routingGuards = {
  requiresPublicParticipation: ({ context }: GuardArgs) => context.procedures?.publicParticipation === true,
  requiresExpertReview: ({ context }: GuardArgs) => context.procedures?.expertReview === true,
  requiresRiskAssessment: ({ context }: GuardArgs) => context.procedures?.riskAssessment === true,
  riskNotControllable: ({ event }: GuardArgs) => payloadOf<SubmitRiskReportPayload>(event).controllable !== true,
  opinionIllegal: LR.opinionIllegal,
  opinionWithRevisions: LR.opinionWithRevisions,
  opinionPassing: ({ event }: GuardArgs) => {
    const outcome = payloadOf<IssueReviewOpinionPayload>(event).outcome;
    return outcome === 'LEGAL' || outcome === 'EXPLORATORY_RISK_DISCLOSED';
  },
  meetingApproved: CD.meetingApproved,
  meetingRejected: CD.meetingRejected,
  meetingPostponed: CD.meetingPostponed,
  meetingRevise: CD.meetingRevise,
  partyAgreed: ({ event }: GuardArgs) => payloadOf<RecordPartyCommitteeReportPayload>(event).outcome === 'AGREED',
  partyDisagreed: ({ event }: GuardArgs) => payloadOf<RecordPartyCommitteeReportPayload>(event).outcome === 'DISAGREED',
  adjustmentMajor: ({ event }: GuardArgs) => payloadOf<ProposeAdjustmentPayload>(event).scope === 'MAJOR',
  adjustmentMinor: ({ event }: GuardArgs) => payloadOf<ProposeAdjustmentPayload>(event).scope === 'MINOR',
};
type GuardName = MajorDecisionRuleName | keyof typeof routingGuards;

/** The guard of a transition: the event's rules in order, then routing guards. */
const when = whenOf<MajorDecisionEventType, GuardName>(MAJOR_DECISION_EVENT_RULES);

// ================================================================================================
// Actions: record who did what, when
// ================================================================================================

type ActionArgs = { context: MajorDecisionContext; event: MajorDecisionEvent };

/** An `assign` typed for this machine (so named actions fit `setup({ actions })`). */
const record = (fn: (args: ActionArgs) => Partial<MajorDecisionContext>) =>
  assign<MajorDecisionContext, MajorDecisionEvent, undefined, MajorDecisionEvent, never>(fn);

function updateParticipation(ctx: Ctx, fn: (p: ParticipationRecord) => ParticipationRecord): ParticipationRecord[] {
  const existing = currentParticipation(ctx);
  const base: ParticipationRecord = existing ?? {
    round: ctx.round,
    notice: null,
    extensions: [],
    closed: null,
    hearings: [],
    summary: null,
  };
  const updated = fn(base);
  return existing ? ctx.participation.map((p) => (p === existing ? updated : p)) : [...ctx.participation, updated];
}

const actions = {
  recordStart: record(({ event }: ActionArgs) => {
    const p = payloadOf<DecideToStartPayload>(event);
    const procedures = copyProcedures(p.procedures);
    return {
      start: {
        ...stamp(event),
        undertakingUnit: String(p.undertakingUnit ?? ''),
        cooperatingUnits: strings(p.cooperatingUnits),
        procedures,
        note: orNull(p.note),
      },
      procedures,
    };
  }),
  recordDecline: record(({ event }: ActionArgs) => ({
    declined: { ...stamp(event), reason: String(payloadOf<DeclineToStartPayload>(event).reason ?? '') },
  })),
  recordDraft: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<SubmitDraftPayload>(event);
    const round = context.round + 1;
    const fcr = p.fairCompetitionReview;
    const draft: DraftRecord = {
      ...stamp(event),
      round,
      title: String(p.title ?? ''),
      documentHash: String(p.documentHash ?? ''),
      options: (Array.isArray(p.options) ? p.options : []).map((o) => ({ title: o.title, summary: o.summary })),
      explanation: orNull(p.explanation),
      fairCompetitionReview: fcr ? { conclusion: fcr.conclusion, summary: fcr.summary, reviewedOn: fcr.reviewedOn } : null,
      consultedUnits: strings(p.consultedUnits),
      disputes: orNull(p.disputes),
    };
    return { round, drafts: [...context.drafts, draft] };
  }),
  recordCommentNotice: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<PublishForCommentPayload>(event);
    const min = event.facts?.minClosesAt;
    return {
      participation: updateParticipation(context, (r) => ({
        ...r,
        notice: {
          ...stamp(event),
          opensAt: String(p.opensAt),
          closesAt: String(p.closesAt),
          channels: strings(p.channels),
          shortenedReason: orNull(p.shortenedReason),
          minClosesAt: isDay(min) ? min : null,
        },
      })),
    };
  }),
  recordCommentExtension: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<ExtendCommentPeriodPayload>(event);
    return {
      participation: updateParticipation(context, (r) => ({
        ...r,
        extensions: [
          ...r.extensions,
          { ...stamp(event), previousClosesAt: effectiveClosesAt(r) ?? '', closesAt: String(p.closesAt), reason: String(p.reason ?? '') },
        ],
      })),
    };
  }),
  recordCommentClosed: record(({ context, event }: ActionArgs) => ({
    participation: updateParticipation(context, (r) => ({ ...r, closed: { ...stamp(event), closedOn: event.today } })),
  })),
  recordHearing: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<RecordHearingPayload>(event);
    const hearing: HearingRecord = {
      ...stamp(event),
      heldAt: String(p.heldAt),
      materialsServedAt: String(p.materialsServedAt),
      participants: strings(p.participants),
      recordSigned: p.recordSigned === true,
      place: orNull(p.place),
      announcedAt: orNull(p.announcedAt),
      participantsSelected: p.participantsSelected === true,
      selectionMethodPublishedAt: orNull(p.selectionMethodPublishedAt),
      participantListPublishedAt: orNull(p.participantListPublishedAt),
      recordHash: orNull(p.recordHash),
    };
    return { participation: updateParticipation(context, (r) => ({ ...r, hearings: [...r.hearings, hearing] })) };
  }),
  recordParticipationSummary: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<SubmitParticipationSummaryPayload>(event);
    return {
      participation: updateParticipation(context, (r) => ({
        ...r,
        summary: { ...stamp(event), received: Number(p.received), adopted: Number(p.adopted), summary: String(p.summary ?? '') },
      })),
    };
  }),
  recordExpertOpinion: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<RecordExpertOpinionPayload>(event);
    const opinion: ExpertOpinionRecord = {
      ...stamp(event),
      round: context.round,
      expert: String(p.expert ?? ''),
      institution: String(p.institution ?? ''),
      hasDirectInterest: p.hasDirectInterest === true,
      opinion: String(p.opinion ?? ''),
      signed: p.signed === true,
      documentHash: orNull(p.documentHash),
    };
    return { expertOpinions: [...context.expertOpinions, opinion] };
  }),
  recordExpertSummary: record(({ context, event }: ActionArgs) => ({
    expertSummaries: [
      ...context.expertSummaries,
      {
        ...stamp(event),
        round: context.round,
        adoptionSummary: String(payloadOf<SubmitExpertSummaryPayload>(event).adoptionSummary ?? ''),
      },
    ],
  })),
  recordRiskReport: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<SubmitRiskReportPayload>(event);
    const report: RiskReportRecord = {
      ...stamp(event),
      round: context.round,
      riskLevel: p.riskLevel as RiskLevel,
      controllable: p.controllable === true,
      riskPoints: strings(p.riskPoints),
      measures: String(p.measures ?? ''),
      handlingPlan: orNull(p.handlingPlan),
      assessorUnit: nonEmpty(p.assessorUnit) ? p.assessorUnit : (context.start?.undertakingUnit ?? ''),
      consultedDepartments: strings(p.consultedDepartments),
      documentHash: orNull(p.documentHash),
    };
    return { riskReports: [...context.riskReports, report] };
  }),
  recordLegalitySubmission: record(({ context, event }: ActionArgs) => {
    const min = event.facts?.minCompletionDate;
    const submission: LegalitySubmissionRecord = {
      ...LR.legalitySubmission(stamp(event), context.round, event),
      minCompletionDate: isDay(min) ? min : null,
    };
    return LR.appendReviewRecord(context.legalityReview, 'submissions', submission);
  }),
  recordAcceptance: record(({ context, event }: ActionArgs) =>
    LR.appendReviewRecord(context.legalityReview, 'acceptances', LR.legalityAcceptance(stamp(event), context.round, event)),
  ),
  recordReturn: record(({ context, event }: ActionArgs) =>
    LR.appendReviewRecord(context.legalityReview, 'returns', LR.legalityReturn(stamp(event), context.round, event)),
  ),
  recordOpinion: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<IssueReviewOpinionPayload>(event);
    const opinion: ReviewOpinionRecord = {
      ...stamp(event),
      round: context.round,
      ...LR.opinionBasics<ReviewOutcome>(event),
      riskStatement: orNull(p.riskStatement),
      suggestions: orNull(p.suggestions),
      documentHash: orNull(p.documentHash),
      reviewedDraftHash: LR.reviewedDraftHash(context.legalityReview, context.round),
    };
    return LR.appendReviewRecord(context.legalityReview, 'opinions', opinion);
  }),
  recordRevisions: record(({ context, event }: ActionArgs) =>
    LR.appendReviewRecord(context.legalityReview, 'revisionConfirmations', LR.revisionConfirmation(stamp(event), context.round, event)),
  ),
  recordSchedule: record(({ context, event }: ActionArgs) => CD.scheduleMeeting(context.meetings, context.round, stamp(event), event)),
  recordMeeting: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<RecordMeetingPayload>(event);
    const statements: MeetingStatement[] = (Array.isArray(p.statements) ? p.statements : []).map((s) => ({
      speaker: s.speaker,
      role: s.role,
      position: s.position,
      text: s.text,
    }));
    const majority = memberMajority(statements);
    const decision = p.decision as MeetingDecision;
    const last = lastOf(context.meetings);
    const dissenting = new Set<string>();
    for (const s of statements) if (s.role === 'MEMBER' && s.position === 'OPPOSE') dissenting.add(s.speaker);
    const minutes: MeetingMinutes = {
      ...stamp(event),
      heldAt: CD.meetingHeldAt(p.heldAt, last, event.at),
      attendees: strings(p.attendees),
      statements,
      decision,
      headReason: orNull(p.headReason),
      memberMajority: majority,
      headDiffersFromMajority: decisionDiffersFromMajority(decision, majority),
      dissentingSpeakers: [...dissenting],
      minutesHash: orNull(p.minutesHash),
    };
    return CD.recordMinutes(context.meetings, context.round, minutes);
  }),
  recordPartyCommitteeReport: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<RecordPartyCommitteeReportPayload>(event);
    return {
      partyCommitteeReports: [
        ...context.partyCommitteeReports,
        {
          ...stamp(event),
          round: context.round,
          reportedAt: String(p.reportedAt),
          outcome: p.outcome as PartyCommitteeOutcome,
          note: orNull(p.note),
        },
      ],
    };
  }),
  recordPublication: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<PublishDecisionPayload>(event);
    return {
      publications: [
        ...context.publications,
        {
          ...stamp(event),
          round: context.round,
          publishedAt: String(p.publishedAt),
          channels: strings(p.channels),
          adoptionExplanation: orNull(p.adoptionExplanation),
          documentNumber: orNull(p.documentNumber),
          nonDisclosureBasis: orNull(p.nonDisclosureBasis),
        },
      ],
    };
  }),
  recordImplementationReport: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<ReportImplementationPayload>(event);
    return {
      implementationReports: [
        ...context.implementationReports,
        { ...stamp(event), round: context.round, report: String(p.report ?? ''), problems: orNull(p.problems) },
      ],
    };
  }),
  recordPostEvaluationStart: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<StartPostEvaluationPayload>(event);
    return {
      postEvaluations: [
        ...context.postEvaluations,
        { ...stamp(event), round: context.round, evaluatorUnit: String(p.evaluatorUnit ?? ''), trigger: orNull(p.trigger), result: null },
      ],
    };
  }),
  recordPostEvaluationReport: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<SubmitPostEvaluationPayload>(event);
    const index = context.postEvaluations.findIndex((e) => e.result === null);
    return {
      postEvaluations: context.postEvaluations.map((e, i) =>
        i === index
          ? {
              ...e,
              result: {
                ...stamp(event),
                report: String(p.report ?? ''),
                recommendation: orNull(p.recommendation),
                documentHash: orNull(p.documentHash),
              },
            }
          : e,
      ),
    };
  }),
  recordSuspension: record(({ context, event }: ActionArgs) => ({
    suspensions: [
      ...context.suspensions,
      { ...stamp(event), round: context.round, reason: String(payloadOf<SuspendPayload>(event).reason ?? ''), resumed: null },
    ],
  })),
  recordResumption: record(({ context, event }: ActionArgs) => ({
    suspensions: context.suspensions.map((s) =>
      s.resumed === null ? { ...s, resumed: { ...stamp(event), reason: orNull(payloadOf<ResumePayload>(event).reason) } } : s,
    ),
  })),
  recordAdjustment: record(({ context, event }: ActionArgs) => {
    const p = payloadOf<ProposeAdjustmentPayload>(event);
    const major = p.scope === 'MAJOR';
    const procedures = major && p.procedures ? copyProcedures(p.procedures) : null;
    const adjustment: AdjustmentRecord = {
      ...stamp(event),
      round: context.round,
      scope: p.scope as AdjustmentScope,
      description: String(p.description ?? ''),
      procedures,
    };
    return {
      adjustments: [...context.adjustments, adjustment],
      procedures: procedures ?? context.procedures,
      // a major adjustment re-opens drafting while the decision was suspended: the suspension ends with it
      suspensions: major
        ? context.suspensions.map((s) => (s.resumed === null ? { ...s, resumed: { ...stamp(event), reason: 'MAJOR_ADJUSTMENT' } } : s))
        : context.suspensions,
    };
  }),
  recordClosing: record(({ event }: ActionArgs) => ({
    closing: { ...stamp(event), summary: orNull(payloadOf<CloseCasePayload>(event).summary) },
  })),
  recordArchive: record(({ event }: ActionArgs) => ({
    archive: { ...stamp(event), archiveNumber: orNull(payloadOf<ArchivePayload>(event).archiveNumber), archivedOn: event.today },
  })),
  recordWithdrawal: record(({ event }: ActionArgs) => ({
    withdrawal: withdrawal(stamp(event), event),
  })),
};

// ================================================================================================
// Routing: the next required stage, in the order of R713 (participation → experts → risk → review)
// ================================================================================================

const ROOT = '#major-decision';
const OPTIONAL_STAGES = [
  ['publicParticipation', 'requiresPublicParticipation'],
  ['expertReview', 'requiresExpertReview'],
  ['riskAssessment', 'requiresRiskAssessment'],
] as const;

/** Transitions to the next required stage after `after`; legality review is always required. */
function routeAfter(
  after: 'drafting' | 'publicParticipation' | 'expertReview' | 'riskAssessment',
  type: MajorDecisionEventType,
  action: keyof typeof actions,
  ...extra: GuardName[]
): any[] {
  const from = after === 'drafting' ? 0 : OPTIONAL_STAGES.findIndex(([s]) => s === after) + 1;
  return [
    ...OPTIONAL_STAGES.slice(from).map(([stage, guard]) => ({
      guard: when(type, ...extra, guard),
      target: `${ROOT}.${stage}`,
      actions: action,
    })),
    { guard: when(type, ...extra), target: `${ROOT}.legalityReview`, actions: action },
  ];
}

const WITHDRAW = { WITHDRAW: { guard: when('WITHDRAW'), target: `${ROOT}.withdrawn`, actions: 'recordWithdrawal' } } as const;

// ================================================================================================
// The machine
// ================================================================================================

export const majorDecisionV1Machine = setup({
  types: {} as {
    context: MajorDecisionContext;
    events: MajorDecisionEvent;
    input: WorkflowInput<CreateMajorDecisionPayload>;
  },
  guards: { ...ruleGuards(majorDecisionRules), ...routingGuards },
  actions,
}).createMachine({
  id: 'major-decision',
  initial: 'initiation',
  context: ({ input }) => {
    // xstate's pure transition() builds a throw-away actor without input on every call; answering
    // it cheaply spares a thrown-and-caught error per event. Cases always start with an input.
    if (!input) return {} as MajorDecisionContext;
    const proposal = (input.payload?.proposal ?? {}) as Partial<CreateMajorDecisionPayload['proposal']>;
    return {
      caseId: input.caseId,
      title: String(input.payload?.title ?? ''),
      created: stamp(input),
      proposal: {
        problem: String(proposal.problem ?? ''),
        reasons: String(proposal.reasons ?? ''),
        legalBasis: String(proposal.legalBasis ?? ''),
        solution: String(proposal.solution ?? ''),
        necessity: String(proposal.necessity ?? ''),
        feasibility: orNull(proposal.feasibility),
        catalogItem: orNull(proposal.catalogItem),
      },
      start: null,
      declined: null,
      procedures: null,
      round: 0,
      drafts: [],
      participation: [],
      expertOpinions: [],
      expertSummaries: [],
      riskReports: [],
      legalityReview: LR.noLegalityReview(),
      meetings: [],
      partyCommitteeReports: [],
      publications: [],
      implementationReports: [],
      postEvaluations: [],
      suspensions: [],
      adjustments: [],
      closing: null,
      archive: null,
      withdrawal: null,
    };
  },
  states: {
    initiation: {
      on: {
        DECIDE_TO_START: { guard: when('DECIDE_TO_START'), target: 'drafting', actions: 'recordStart' },
        DECLINE_TO_START: { guard: when('DECLINE_TO_START'), target: 'notStarted', actions: 'recordDecline' },
        ...WITHDRAW,
      },
    },
    notStarted: { type: 'final' },
    drafting: {
      on: {
        SUBMIT_DRAFT: routeAfter('drafting', 'SUBMIT_DRAFT', 'recordDraft'),
        ...WITHDRAW,
      },
    },
    publicParticipation: {
      initial: 'preparing',
      on: {
        RECORD_HEARING: { guard: when('RECORD_HEARING'), actions: 'recordHearing' },
        ...WITHDRAW,
      },
      states: {
        preparing: {
          on: {
            PUBLISH_FOR_COMMENT: { guard: when('PUBLISH_FOR_COMMENT'), target: 'commentOpen', actions: 'recordCommentNotice' },
          },
        },
        commentOpen: {
          on: {
            EXTEND_COMMENT_PERIOD: { guard: when('EXTEND_COMMENT_PERIOD'), actions: 'recordCommentExtension' },
            CLOSE_COMMENT_PERIOD: { guard: when('CLOSE_COMMENT_PERIOD'), target: 'commentClosed', actions: 'recordCommentClosed' },
          },
        },
        commentClosed: {
          on: {
            SUBMIT_PARTICIPATION_SUMMARY: routeAfter('publicParticipation', 'SUBMIT_PARTICIPATION_SUMMARY', 'recordParticipationSummary'),
          },
        },
      },
    },
    expertReview: {
      on: {
        RECORD_EXPERT_OPINION: { guard: when('RECORD_EXPERT_OPINION'), actions: 'recordExpertOpinion' },
        SUBMIT_EXPERT_SUMMARY: routeAfter('expertReview', 'SUBMIT_EXPERT_SUMMARY', 'recordExpertSummary'),
        ...WITHDRAW,
      },
    },
    riskAssessment: {
      on: {
        SUBMIT_RISK_REPORT: [
          // INV-D7 (Art. 24): not controllable → adjust the draft, then assess again
          { guard: when('SUBMIT_RISK_REPORT', 'riskNotControllable'), target: `${ROOT}.drafting`, actions: 'recordRiskReport' },
          ...routeAfter('riskAssessment', 'SUBMIT_RISK_REPORT', 'recordRiskReport'),
        ],
        ...WITHDRAW,
      },
    },
    legalityReview: LR.legalityReviewState(when, { ...WITHDRAW }, {
      opinion: [
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionIllegal'), target: `${ROOT}.drafting`, actions: 'recordOpinion' },
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionWithRevisions'), target: 'revisionsRequired', actions: 'recordOpinion' },
        // LEGAL, or EXPLORATORY_RISK_DISCLOSED (Art. 25 ¶2)
        { guard: when('ISSUE_REVIEW_OPINION', 'opinionPassing'), target: `${ROOT}.collectiveDecision`, actions: 'recordOpinion' },
      ],
      revisions: { guard: when('CONFIRM_REVISIONS'), target: `${ROOT}.collectiveDecision`, actions: 'recordRevisions' },
    }),
    collectiveDecision: CD.collectiveDecisionState(when, { ...WITHDRAW }, [
      { guard: when('RECORD_MEETING', 'meetingApproved'), target: `${ROOT}.partyCommitteeReport`, actions: 'recordMeeting' },
      { guard: when('RECORD_MEETING', 'meetingRejected'), target: `${ROOT}.rejected`, actions: 'recordMeeting' },
      { guard: when('RECORD_MEETING', 'meetingPostponed'), target: 'preparing', actions: 'recordMeeting' },
      { guard: when('RECORD_MEETING', 'meetingRevise'), target: `${ROOT}.drafting`, actions: 'recordMeeting' },
    ]),
    partyCommitteeReport: {
      on: {
        RECORD_PARTY_COMMITTEE_REPORT: [
          { guard: when('RECORD_PARTY_COMMITTEE_REPORT', 'partyAgreed'), target: 'publication', actions: 'recordPartyCommitteeReport' },
          { guard: when('RECORD_PARTY_COMMITTEE_REPORT', 'partyDisagreed'), target: 'drafting', actions: 'recordPartyCommitteeReport' },
        ],
      },
    },
    publication: {
      on: {
        PUBLISH_DECISION: { guard: when('PUBLISH_DECISION'), target: 'implementation', actions: 'recordPublication' },
      },
    },
    implementation: {
      initial: 'inProgress',
      on: {
        REPORT_IMPLEMENTATION: { guard: when('REPORT_IMPLEMENTATION'), actions: 'recordImplementationReport' },
        START_POST_EVALUATION: { guard: when('START_POST_EVALUATION'), actions: 'recordPostEvaluationStart' },
        SUBMIT_POST_EVALUATION: { guard: when('SUBMIT_POST_EVALUATION'), actions: 'recordPostEvaluationReport' },
        PROPOSE_ADJUSTMENT: [
          // INV-D13 (Art. 37): a major adjustment re-runs the statutory procedures from drafting
          { guard: when('PROPOSE_ADJUSTMENT', 'adjustmentMajor'), target: `${ROOT}.drafting`, actions: 'recordAdjustment' },
          { guard: when('PROPOSE_ADJUSTMENT', 'adjustmentMinor'), actions: 'recordAdjustment' },
        ],
      },
      states: {
        inProgress: {
          on: {
            SUSPEND: { guard: when('SUSPEND'), target: 'suspended', actions: 'recordSuspension' },
            CLOSE_CASE: { guard: when('CLOSE_CASE'), target: `${ROOT}.closed`, actions: 'recordClosing' },
          },
        },
        suspended: {
          on: {
            RESUME: { guard: when('RESUME'), target: 'inProgress', actions: 'recordResumption' },
          },
        },
      },
    },
    closed: {
      on: {
        ARCHIVE: { guard: when('ARCHIVE'), target: 'archived', actions: 'recordArchive' },
      },
    },
    archived: { type: 'final' },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
