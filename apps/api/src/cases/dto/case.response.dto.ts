import { DeadlineListItemDto } from '../../deadlines/dto/deadline.response.dto';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ActorDto, LabelDto, VerdictFindingDto } from '../../common/dto/common.response.dto';

/** A rule that refuses, as the engine states it (code, article, zh-CN and English). */
export class RefusalDto {
  @ApiProperty({ type: String, example: 'OPINION_REQUIRED_BEFORE_DECISION' })
  readonly code: string;

  @ApiPropertyOptional({ type: String, example: 'R713 Art. 26' })
  readonly article?: string;

  @ApiProperty({ type: String })
  readonly zh: string;

  @ApiProperty({ type: String })
  readonly en: string;

  @ApiPropertyOptional({ type: 'integer', enum: [400, 403, 409, 422] })
  readonly status?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  readonly details?: Record<string, unknown>;
}

export class BackfillDateDto {
  @ApiProperty({ type: String })
  readonly field: string;

  @ApiProperty({ type: String })
  readonly label: string;

  @ApiProperty({ type: String, format: 'date' })
  readonly date: string;

  @ApiProperty({ type: 'integer' })
  readonly daysBefore: number;
}

/** An event recorded as 补录 (a past act), with the reason given. */
export class BackfillEntryDto {
  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: () => ActorDto })
  readonly actor: ActorDto;

  @ApiProperty({ type: String, description: '补录理由 · Reason for the backfill' })
  readonly reason: string;

  @ApiProperty({ type: String, format: 'date', description: '补录日（北京时间）· The day it was recorded (Beijing)' })
  readonly recordedOn: string;

  @ApiProperty({ type: () => BackfillDateDto, isArray: true, description: '早于补录日的法定日期 · The legal dates before that day' })
  readonly dates: BackfillDateDto[];
}

/** The state a case is in: the machine's value, its paths and the labels a person reads. */
export class CaseStateDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }], description: '状态机的状态值（嵌套状态为对象）· XState state value (an object for nested states)', example: { legalityReview: 'submitted' } })
  readonly value: string | Record<string, unknown>;

  @ApiProperty({ type: String, example: 'legalityReview.submitted' })
  readonly path: string;

  @ApiProperty({ type: String, isArray: true, description: '所有活动状态的路径 · Paths of every active state' })
  readonly paths: string[];

  @ApiPropertyOptional({ type: () => LabelDto })
  readonly label?: LabelDto;

  @ApiPropertyOptional({ type: String, example: 'legalityReview' })
  readonly stage?: string;

  @ApiPropertyOptional({ type: () => LabelDto })
  readonly stageLabel?: LabelDto;
}

/** A case as lists show it (allow-listed fields, labels in zh-CN and English). */
export class CaseSummaryResponseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String, example: 'major-decision' })
  readonly kind: string;

  @ApiProperty({ type: () => LabelDto })
  readonly kindLabel: LabelDto;

  @ApiProperty({ type: 'integer', example: 1 })
  readonly workflowVersion: number;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String, example: 'jjfzb', description: '承办单位 · The owning unit' })
  readonly orgUnit: string;

  @ApiProperty({ type: String, isArray: true, description: '可见本案的单位 · Units that see the case' })
  readonly orgUnits: string[];

  @ApiProperty({ type: () => CaseStateDto })
  readonly state: CaseStateDto;

  @ApiProperty({ type: String, example: 'active' })
  readonly status: string;

  @ApiProperty({ type: 'integer' })
  readonly revision: number;

  @ApiProperty({ type: String })
  readonly headHash: string;

  @ApiProperty({ type: String })
  readonly createdBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly updatedAt: string;
}

/** An event the caller may send now; `blockedBy` lists the precondition rules that refuse it today. */
export class AllowedEventDto {
  @ApiProperty({ type: String, example: 'SUBMIT_FOR_LEGALITY_REVIEW' })
  readonly type: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, isArray: true })
  readonly roles: string[];

  @ApiProperty({ type: () => RefusalDto, isArray: true, description: '当前阻止该事项的前置规则 · Failing precondition rules' })
  readonly blockedBy: RefusalDto[];
}

/** A case with what the caller may do next and its case file. */
export class CaseDetailResponseDto extends CaseSummaryResponseDto {
  @ApiProperty({ type: () => AllowedEventDto, isArray: true })
  readonly allowedEvents: AllowedEventDto[];

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '案卷：各阶段的记录，结构随流程而定（见 GET /workflows/{kind}/{version}）· The case file as the workflow keeps it' })
  readonly records: Record<string, unknown> | null;
}

/** GET /cases/:id: the detail with the case's open deadlines. */
export class CaseResponseDto extends CaseDetailResponseDto {
  @ApiProperty({ type: () => DeadlineListItemDto, isArray: true, description: '未办结的期限 · Open deadlines' })
  readonly deadlines: DeadlineListItemDto[];
}

/** A row of the case list: the case and its most pressing open time limit. */
export class CaseListItemDto extends CaseSummaryResponseDto {
  @ApiProperty({ type: () => DeadlineListItemDto, nullable: true, description: 'the open deadline due first (null: none open)' })
  readonly nearestDeadline: DeadlineListItemDto | null;
}

export class CaseListResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: () => CaseListItemDto, isArray: true })
  readonly items: CaseListItemDto[];
}

export class WorkflowRefDto {
  @ApiProperty({ type: String, example: 'major-decision' })
  readonly kind: string;

  @ApiProperty({ type: 'integer', example: 1 })
  readonly version: number;
}

/** One entry of a case's history (append-only, hash-chained). */
export class HistoryRecordDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '事项的提交内容（见该事项的 payloadSchema）· The event payload' })
  readonly payload: Record<string, unknown>;

  @ApiProperty({ type: () => ActorDto })
  readonly actor: ActorDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '系统为该事项计算的事实（如期限、编号、补录）· Facts Docket computed' })
  readonly facts: Record<string, unknown>;

  @ApiProperty({ type: () => WorkflowRefDto })
  readonly workflow: WorkflowRefDto;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }], description: '事件之后的状态值 · The state value after the event' })
  readonly stateAfter: string | Record<string, unknown>;

  @ApiProperty({ type: String })
  readonly stateHash: string;

  @ApiProperty({ type: String })
  readonly prevHash: string;

  @ApiProperty({ type: String })
  readonly hash: string;
}

export class CaseEventResponseDto {
  @ApiProperty({ type: () => CaseDetailResponseDto })
  readonly case: CaseDetailResponseDto;

  @ApiProperty({ type: () => HistoryRecordDto })
  readonly event: HistoryRecordDto;
}

export class CaseHistoryResponseDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: () => HistoryRecordDto, isArray: true })
  readonly records: HistoryRecordDto[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'] } })
  readonly eventLabels: Record<string, { zh: string; en: string }>;

  @ApiProperty({ type: () => BackfillEntryDto, isArray: true, description: '补录的事项及理由 · Events that recorded a past act, with the reason' })
  readonly backfills: BackfillEntryDto[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { displayName: { type: 'string' } }, required: ['displayName'] } })
  readonly people: Record<string, { displayName: string }>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'] } })
  readonly orgUnitLabels: Record<string, { zh: string; en: string }>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'] },
    description: '每条记录办理单位当时的名称（按记录序号；单位更名后历史仍显示原名） · Each record’s unit by the name it bore then, by seq (a renamed unit keeps its old name in the history)',
  })
  readonly actorUnitLabels: Record<string, { zh: string; en: string }>;

  @ApiProperty({ type: 'object', additionalProperties: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } }, required: ['zh', 'en'] } })
  readonly roleLabels: Record<string, { zh: string; en: string }>;
}

export class CaseVerificationChainDto {
  @ApiProperty({ type: Boolean })
  readonly ok: boolean;
}

export class CaseVerificationReplayDto {
  @ApiProperty({ type: Boolean })
  readonly ok: boolean;

  @ApiProperty({ type: String })
  readonly stateHash: string;
}

export class CaseVerificationCheckpointDto {
  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: 'integer' })
  readonly anchorsVerified: number;

  @ApiProperty({ type: 'integer' })
  readonly anchoredSeq: number;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly latestSeq: number | null;

  @ApiProperty({ type: () => VerdictFindingDto, isArray: true })
  readonly findings: VerdictFindingDto[];
}

export class CaseVerificationVerdictDto {
  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly seq: number | null;

  @ApiProperty({ type: String, nullable: true })
  readonly reason: string | null;

  @ApiProperty({ type: () => VerdictFindingDto, isArray: true })
  readonly findings: VerdictFindingDto[];
}

export class CaseVerificationCommentSealDto {
  @ApiProperty({ type: 'integer', description: '封存征求意见的记录序号（结束征求意见） · The seq of the close that sealed the comments' })
  readonly seq: number;

  @ApiProperty({ type: 'integer', description: '征求意见轮次 · Consultation round' })
  readonly round: number;

  @ApiProperty({ type: String, format: 'date-time', description: '封存时间 · When it was sealed' })
  readonly sealedAt: string;

  @ApiProperty({ type: 'integer', description: '封存的意见数 · Comments sealed' })
  readonly sealedCount: number;

  @ApiProperty({ type: String, description: '封存的默克尔根（RFC 6962，SHA-256） · Sealed Merkle root (RFC 6962, SHA-256)' })
  readonly sealedRoot: string;

  @ApiProperty({ type: 'integer', description: '现存意见数（该轮、封存时或之前收到） · Stored comments of the round received up to the seal' })
  readonly count: number;

  @ApiProperty({ type: String, description: '按现存意见重新计算的默克尔根 · Root recomputed from the stored comments' })
  readonly root: string;

  @ApiProperty({ type: Boolean, description: '现存意见仍得出封存的根 · The stored comments still produce the sealed root' })
  readonly ok: boolean;
}

export class CaseVerificationCommentsDto {
  @ApiProperty({ type: String, enum: ['PASS', 'FAIL', 'NONE'], description: 'NONE：本案没有封存的征求意见 · NONE: the case sealed no comments' })
  readonly status: 'PASS' | 'FAIL' | 'NONE';

  @ApiProperty({ type: () => CaseVerificationCommentSealDto, isArray: true })
  readonly seals: CaseVerificationCommentSealDto[];
}

export class CaseVerificationResponseDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: Boolean })
  readonly intact: boolean;

  @ApiProperty({ type: 'integer' })
  readonly revision: number;

  @ApiProperty({ type: String })
  readonly storedHeadHash: string;

  @ApiProperty({ type: Boolean })
  readonly headMatches: boolean;

  @ApiProperty({ type: Boolean })
  readonly ok: boolean;

  @ApiProperty({ type: 'integer' })
  readonly events: number;

  @ApiProperty({ type: () => CaseVerificationChainDto })
  readonly chain: CaseVerificationChainDto;

  @ApiProperty({ type: () => CaseVerificationReplayDto })
  readonly replay: CaseVerificationReplayDto;

  @ApiProperty({ type: String })
  readonly headHash: string;

  @ApiProperty({ type: () => CaseVerificationCheckpointDto })
  readonly checkpoint: CaseVerificationCheckpointDto;

  @ApiProperty({ type: () => CaseVerificationVerdictDto })
  readonly verdict: CaseVerificationVerdictDto;

  @ApiProperty({ type: () => CaseVerificationCommentsDto, description: '征求意见封存的校验：现存意见重新计算的默克尔根与结束征求意见时封存的是否一致 · The comment seals recomputed from the stored comments' })
  readonly comments: CaseVerificationCommentsDto;
}

export class TaskListItemEventDto {
  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;
}

export class TaskListItemDto {
  @ApiProperty({ type: () => CaseSummaryResponseDto })
  readonly case: CaseSummaryResponseDto;

  @ApiProperty({ type: () => TaskListItemEventDto, isArray: true })
  readonly events: TaskListItemEventDto[];

  @ApiProperty({ type: () => DeadlineListItemDto, nullable: true, description: 'the open deadline of the case due first (null: none open)' })
  readonly nearestDeadline: DeadlineListItemDto | null;
}

export class TaskListResponseDto {
  @ApiProperty({ type: 'integer', description: 'every task of the caller, whatever the page' })
  readonly total: number;

  @ApiProperty({ type: () => TaskListItemDto, isArray: true })
  readonly items: TaskListItemDto[];
}

/** POST /admin/cases/:id/migrate: the case as migrated (or as it would be, on a dry run) and the recorded event. */
export class CaseMigrationResponseDto {
  @ApiProperty({ type: Boolean })
  readonly dryRun: boolean;

  @ApiProperty({ type: () => CaseDetailResponseDto })
  readonly case: CaseDetailResponseDto;

  @ApiProperty({ type: () => HistoryRecordDto, nullable: true, description: '试运行时为空 · null on a dry run' })
  readonly event: HistoryRecordDto | null;
}

export class CaseFilterOptionDto {
  @ApiProperty({ type: String, example: 'major-decision' })
  readonly id: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;
}

export class CaseFilterStateDto {
  @ApiProperty({ type: String, example: 'major-decision' })
  readonly kind: string;

  @ApiProperty({ type: String, example: 'legalityReview.underReview' })
  readonly path: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, example: 'legalityReview' })
  readonly stage: string;
}

/** What the case list can be filtered by. */
export class CaseFiltersResponseDto {
  @ApiProperty({ type: () => [CaseFilterOptionDto] })
  readonly kinds: CaseFilterOptionDto[];

  @ApiProperty({ type: () => [CaseFilterOptionDto] })
  readonly stages: CaseFilterOptionDto[];

  @ApiProperty({ type: () => [CaseFilterStateDto] })
  readonly states: CaseFilterStateDto[];

  @ApiProperty({ type: () => [CaseFilterOptionDto] })
  readonly orgUnits: CaseFilterOptionDto[];

  @ApiProperty({ type: [Number], example: [2020, 2019] })
  readonly years: number[];
}
