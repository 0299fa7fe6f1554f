import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';

export class WorkflowSummaryResponseDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: 'integer' })
  readonly version: number;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;
}

export class WorkflowDescriptionStageDto {
  @ApiProperty({ type: String })
  readonly id: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;
}

export class WorkflowDescriptionStateDto {
  @ApiProperty({ type: String })
  readonly path: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String })
  readonly stage: string;

  @ApiProperty({ type: Boolean })
  readonly final: boolean;
}

export class WorkflowDescriptionEventRuleDto {
  @ApiProperty({ type: String })
  readonly name: string;

  @ApiProperty({ type: String })
  readonly code: string;

  @ApiProperty({ type: String })
  readonly article: string;

  @ApiProperty({ type: String })
  readonly articleZh: string;

  @ApiProperty({ type: String })
  readonly zh: string;

  @ApiProperty({ type: String })
  readonly en: string;

  @ApiProperty({ type: Boolean })
  readonly precondition: boolean;

  @ApiPropertyOptional({ type: String })
  readonly field?: string;
}

export class WorkflowDescriptionEventDto {
  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, isArray: true })
  readonly roles: string[];

  @ApiProperty({ type: () => WorkflowDescriptionEventRuleDto, isArray: true })
  readonly rules: WorkflowDescriptionEventRuleDto[];

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly payloadSchema: Record<string, unknown>;
}

export class WorkflowDescriptionCreateDto {
  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, isArray: true })
  readonly roles: string[];

  @ApiProperty({ type: () => WorkflowDescriptionEventRuleDto, isArray: true })
  readonly rules: WorkflowDescriptionEventRuleDto[];

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly payloadSchema: Record<string, unknown>;
}

export class WorkflowGraphNodeDto {
  @ApiProperty({ type: String, description: '状态路径 · The state path', example: 'legalityReview.underReview' })
  readonly id: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, nullable: true, description: '上级状态路径，顶层为 null · The enclosing state path, null at the top level' })
  readonly parent: string | null;

  @ApiProperty({ enum: ['atomic', 'compound', 'parallel', 'final'] })
  readonly type: 'atomic' | 'compound' | 'parallel' | 'final';

  @ApiProperty({ type: Boolean, description: '是否为上级（或流程）的初始状态 · The initial child of its parent (or of the machine)' })
  readonly initial: boolean;
}

export class WorkflowGraphEdgeDto {
  @ApiProperty({ type: String, example: 'legalityReview.underReview' })
  readonly from: string;

  @ApiProperty({ type: String, description: '目标状态路径（复合状态进入其初始子状态）· The target path (a compound state enters its initial child)', example: 'collectiveDecision' })
  readonly to: string;

  @ApiProperty({ type: String, description: '事件类型；always、done、after <时长> 为自动转移 · The event type; always, done and after <delay> are automatic', example: 'ISSUE_REVIEW_OPINION' })
  readonly event: string;
}

/** The state graph as data: what the Mermaid diagram draws. */
export class WorkflowGraphDto {
  @ApiProperty({ type: () => WorkflowGraphNodeDto, isArray: true })
  readonly nodes: WorkflowGraphNodeDto[];

  @ApiProperty({ type: () => WorkflowGraphEdgeDto, isArray: true })
  readonly edges: WorkflowGraphEdgeDto[];
}

export class WorkflowDescriptionResponseDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: 'integer' })
  readonly version: number;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: () => WorkflowDescriptionStageDto, isArray: true })
  readonly stages: WorkflowDescriptionStageDto[];

  @ApiProperty({ type: () => WorkflowDescriptionStateDto, isArray: true })
  readonly states: WorkflowDescriptionStateDto[];

  @ApiProperty({ type: () => WorkflowDescriptionEventDto, isArray: true })
  readonly events: WorkflowDescriptionEventDto[];

  @ApiProperty({ type: () => WorkflowDescriptionCreateDto })
  readonly create: WorkflowDescriptionCreateDto;

  @ApiProperty({ type: String })
  readonly mermaid: string;

  @ApiProperty({ type: () => WorkflowGraphDto, description: '状态图数据（节点与转移）· The state graph as nodes and edges' })
  readonly graph: WorkflowGraphDto;
}
