import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CheckpointKeyResponseDto, CheckpointResponseDto } from './checkpoint.response.dto';
import { ActorDto, LabelDto, VerdictFindingDto } from '../../common/dto/common.response.dto';
import { SOURCE_LABELS } from '../../participation/participation.labels';

export class AuditHistoryEventActorDto {
  @ApiProperty({ type: String })
  readonly userId: string;

  @ApiProperty({ type: String })
  readonly role: string;

  @ApiProperty({ type: String })
  readonly orgUnit: string;

  @ApiPropertyOptional({ type: String, description: '系统事件没有用户 · absent on events no user sent' })
  readonly username?: string;

  @ApiPropertyOptional({ type: String })
  readonly displayName?: string;

  @ApiProperty({ type: () => LabelDto })
  readonly roleLabel: LabelDto;
}

export class AuditHistoryEventWorkflowDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: 'integer' })
  readonly version: number;
}

export class AuditStateDto {
  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }], description: '状态机的状态值（嵌套状态为对象）· XState state value (an object for nested states)' })
  readonly value: string | Record<string, unknown>;

  @ApiProperty({ type: String })
  readonly path: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String })
  readonly stage: string;

  @ApiProperty({ type: () => LabelDto })
  readonly stageLabel: LabelDto;
}

export class AuditHistoryEventChangeDto {
  @ApiProperty({ type: String })
  readonly path: string;

  @ApiProperty({ type: String, enum: ['added', 'removed', 'changed'] })
  readonly op: string;

  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }], nullable: true, description: '新值（任意 JSON）· The new value (any JSON)' })
  readonly new?: unknown;

  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }], nullable: true, description: '原值（任意 JSON）· The old value (any JSON)' })
  readonly old?: unknown;
}

export class AuditHistoryEventDto {
  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: () => AuditHistoryEventActorDto })
  readonly actor: AuditHistoryEventActorDto;

  @ApiProperty({ type: () => AuditHistoryEventWorkflowDto })
  readonly workflow: AuditHistoryEventWorkflowDto;

  @ApiProperty({ type: () => AuditStateDto, nullable: true })
  readonly from: AuditStateDto | null;

  @ApiProperty({ type: () => AuditStateDto })
  readonly to: AuditStateDto;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly payload: Record<string, unknown>;

  @ApiProperty({ type: () => AuditHistoryEventChangeDto, isArray: true })
  readonly changes: AuditHistoryEventChangeDto[];

  @ApiProperty({ type: String })
  readonly hash: string;
}

export class AuditHistoryResponseDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: () => AuditHistoryEventDto, isArray: true })
  readonly events: AuditHistoryEventDto[];

  @ApiProperty({ type: 'integer', nullable: true, description: '重放与记录首次不一致的序号 · First seq where the replay diverged' })
  readonly replayDivergedAt: number | null;
}

export class ReplayStepWorkflowDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: 'integer' })
  readonly version: number;
}

export class ReplayStepReplayDto {
  @ApiProperty({ type: Boolean })
  readonly ok: boolean;

  @ApiProperty({ type: String })
  readonly stateHash: string;
}

export class ReplayStepChecksDto {
  @ApiProperty({ type: Boolean })
  readonly seq: boolean;

  @ApiProperty({ type: Boolean })
  readonly prevHash: boolean;

  @ApiProperty({ type: Boolean })
  readonly hash: boolean;

  @ApiProperty({ type: Boolean })
  readonly replay: boolean;
}

export class ReplayStepDto {
  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: () => ActorDto })
  readonly actor: ActorDto;

  @ApiProperty({ type: () => ReplayStepWorkflowDto })
  readonly workflow: ReplayStepWorkflowDto;

  @ApiProperty({ type: () => AuditStateDto })
  readonly to: AuditStateDto;

  @ApiProperty({ type: String })
  readonly recordedStateHash: string;

  @ApiProperty({ type: () => ReplayStepReplayDto })
  readonly replay: ReplayStepReplayDto;

  @ApiProperty({ type: () => ReplayStepChecksDto })
  readonly checks: ReplayStepChecksDto;

  @ApiProperty({ type: Boolean })
  readonly ok: boolean;
}

export class VerdictCheckpointsDto {
  @ApiProperty({ type: 'integer' })
  readonly anchorsVerified: number;

  @ApiProperty({ type: 'integer' })
  readonly anchoredSeq: number;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly latestSeq: number | null;
}

export class ReplayVerdictDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: 'integer' })
  readonly events: number;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly seq: number | null;

  @ApiProperty({ type: String, nullable: true })
  readonly reason: string | null;

  @ApiProperty({ type: () => VerdictFindingDto, isArray: true })
  readonly findings: VerdictFindingDto[];

  @ApiProperty({ type: () => VerdictCheckpointsDto })
  readonly checkpoints: VerdictCheckpointsDto;
}

export class ReplayResponseDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: 'integer' })
  readonly events: number;

  @ApiProperty({ type: () => ReplayStepDto, isArray: true })
  readonly steps: ReplayStepDto[];

  @ApiProperty({ type: () => ReplayVerdictDto })
  readonly verdict: ReplayVerdictDto;
}

export class StateAtAsOfDto {
  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: String })
  readonly hash: string;
}

export class StateAtWorkflowDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: 'integer' })
  readonly version: number;
}

export class StateAtResponseDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: () => StateAtAsOfDto })
  readonly asOf: StateAtAsOfDto;

  @ApiProperty({ type: 'integer' })
  readonly revision: number;

  @ApiProperty({ type: () => StateAtWorkflowDto })
  readonly workflow: StateAtWorkflowDto;

  @ApiProperty({ type: () => AuditStateDto })
  readonly state: AuditStateDto;

  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly records: Record<string, unknown>;

  @ApiProperty({ type: String })
  readonly stateHash: string;

  @ApiProperty({ type: Boolean })
  readonly current: boolean;
}

export class InclusionProofInclusionHeadDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly hash: string;
}

export class InclusionProofInclusionDto {
  @ApiProperty({ type: 'integer' })
  readonly checkpointSeq: number;

  @ApiProperty({ type: () => InclusionProofInclusionHeadDto })
  readonly head: InclusionProofInclusionHeadDto;

  @ApiProperty({ type: 'integer' })
  readonly leafIndex: number;

  @ApiProperty({ type: 'integer' })
  readonly treeSize: number;

  @ApiProperty({ type: String, isArray: true })
  readonly proof: string[];
}

export class InclusionProofResponseDto {
  @ApiProperty({ type: () => CheckpointResponseDto })
  readonly checkpoint: CheckpointResponseDto;

  @ApiProperty({ type: () => InclusionProofInclusionDto })
  readonly inclusion: InclusionProofInclusionDto;

  @ApiProperty({ type: Boolean })
  readonly verified: boolean;
}

export class DossierCaseDto {
  @ApiProperty({ type: String })
  readonly id: string;

  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: 'integer' })
  readonly workflowVersion: number;

  @ApiProperty({ type: () => LabelDto })
  readonly workflowLabel: LabelDto;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: String })
  readonly statePath: string;

  @ApiProperty({ type: () => LabelDto })
  readonly stateLabel: LabelDto;

  @ApiProperty({ type: 'integer' })
  readonly revision: number;

  @ApiProperty({ type: String })
  readonly headHash: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly createdAt: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly updatedAt: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly snapshot: Record<string, unknown>;
}

export class DossierStageRecordDto {
  @ApiProperty({ type: String, example: 'proposal' })
  readonly key: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'object', additionalProperties: true }, { type: 'array', items: {} }], nullable: true, description: '该项记录（任意 JSON，结构随流程而定）· The record (any JSON, as the workflow keeps it)' })
  readonly value: unknown;
}

export class DossierStageDto {
  @ApiProperty({ type: String })
  readonly stage: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: () => DossierStageRecordDto, isArray: true })
  readonly records: DossierStageRecordDto[];
}

export class DossierHistoryWorkflowDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: 'integer' })
  readonly version: number;
}

export class DossierHistoryDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly payload: Record<string, unknown>;

  @ApiProperty({ type: () => ActorDto })
  readonly actor: ActorDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly facts: Record<string, unknown>;

  @ApiProperty({ type: () => DossierHistoryWorkflowDto })
  readonly workflow: DossierHistoryWorkflowDto;

  @ApiProperty({ oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }], description: '事件之后的状态值 · The state value after the event' })
  readonly stateAfter: string | Record<string, unknown>;

  @ApiProperty({ type: String })
  readonly stateHash: string;

  @ApiProperty({ type: String })
  readonly prevHash: string;

  @ApiProperty({ type: String })
  readonly hash: string;
}

export class DossierCheckpointsDto {
  @ApiProperty({ type: () => CheckpointKeyResponseDto, isArray: true })
  readonly keys: CheckpointKeyResponseDto[];

  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: '锚定本案的检查点及其包含证明 · Checkpoints that anchored the case, with inclusion (and log) proofs' })
  readonly anchors: Array<Record<string, unknown>>;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '最新检查点及本案在其中的包含证明 · The latest checkpoint and the case’s inclusion in it' })
  readonly latest: Record<string, unknown> | null;
}

export class DossierVerdictDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: 'integer' })
  readonly events: number;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly seq: number | null;

  @ApiProperty({ type: String, nullable: true })
  readonly reason: string | null;

  @ApiProperty({ type: () => VerdictFindingDto, isArray: true })
  readonly findings: VerdictFindingDto[];

  @ApiProperty({ type: () => VerdictCheckpointsDto })
  readonly checkpoints: VerdictCheckpointsDto;
}

/** A comment as received, the fields the seal covers (docs/participation.md). */
export class DossierSealedCommentDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: 'integer' })
  readonly round: number;

  @ApiProperty({ type: String })
  readonly trackingNumber: string;

  @ApiProperty({ type: String, enum: Object.keys(SOURCE_LABELS), description: '来源 · Source' })
  readonly source: string;

  @ApiProperty({ type: String })
  readonly submitterType: string;

  @ApiProperty({ type: String, nullable: true })
  readonly displayName: string | null;

  @ApiProperty({ type: String, nullable: true, description: '联系方式（不公开，仅存档） · Contact (never published; archived)' })
  readonly contact: string | null;

  @ApiProperty({ type: 'integer', nullable: true })
  readonly clause: number | null;

  @ApiProperty({ type: String })
  readonly text: string;

  @ApiProperty({ type: Boolean })
  readonly confidential: boolean;

  @ApiProperty({ type: Boolean })
  readonly late: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly receivedAt: string;

  @ApiProperty({ type: String, format: 'date' })
  readonly receivedOn: string;

  @ApiProperty({ type: String, nullable: true })
  readonly enteredBy: string | null;
}

/** One seal of the history, recomputed from the dossier's comments at export. */
export class DossierCommentSealDto {
  @ApiProperty({ type: 'integer', description: '封存征求意见的记录序号 · The seq of the close that sealed' })
  readonly seq: number;

  @ApiProperty({ type: 'integer' })
  readonly round: number;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly sealedAt: string;

  @ApiProperty({ type: 'integer' })
  readonly sealedCount: number;

  @ApiProperty({ type: String })
  readonly sealedRoot: string;

  @ApiProperty({ type: 'integer' })
  readonly count: number;

  @ApiProperty({ type: String })
  readonly root: string;

  @ApiProperty({ type: Boolean })
  readonly ok: boolean;
}

/** The sealed comment set: every comment as received and each seal recomputed from them. */
export class DossierCommentsDto {
  @ApiProperty({ type: String, example: 'RFC6962-SHA256/docket-comment-v1' })
  readonly scheme: string;

  @ApiProperty({ type: () => DossierCommentSealDto, isArray: true })
  readonly seals: DossierCommentSealDto[];

  @ApiProperty({ type: () => DossierSealedCommentDto, isArray: true, description: '全部意见（含已屏蔽、逾期的），各轮按收到顺序 · Every comment (hidden and late ones included), by round in the order received' })
  readonly items: DossierSealedCommentDto[];
}

export class DossierResponseDto {
  @ApiProperty({ type: String })
  readonly format: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly exportedAt: string;

  @ApiProperty({ type: () => DossierCaseDto })
  readonly case: DossierCaseDto;

  @ApiProperty({ type: () => DossierStageDto, isArray: true })
  readonly stages: DossierStageDto[];

  @ApiProperty({ type: () => DossierHistoryDto, isArray: true })
  readonly history: DossierHistoryDto[];

  @ApiProperty({ type: () => DossierCheckpointsDto })
  readonly checkpoints: DossierCheckpointsDto;

  @ApiProperty({ type: () => DossierVerdictDto })
  readonly verdict: DossierVerdictDto;

  @ApiPropertyOptional({ type: () => DossierCommentsDto, description: '本案封存的征求意见及其默克尔根（结束征求意见时封存；离线校验时重新计算） · The sealed comment set and its roots (recomputed by the offline verifier); absent when the case sealed none' })
  readonly comments?: DossierCommentsDto;
}
