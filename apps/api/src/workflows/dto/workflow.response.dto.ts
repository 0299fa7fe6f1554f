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
}
