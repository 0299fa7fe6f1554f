import { ApiProperty } from '@nestjs/swagger';
import { LabelDto } from '../../common/dto/common.response.dto';
import { HistoryRecordDto } from '../../cases/dto/case.response.dto';

export class DeskPersonDto {
  @ApiProperty({ type: String, example: '司法所审查员' })
  readonly displayName: string;

  @ApiProperty({ type: () => LabelDto, nullable: true })
  readonly unit: LabelDto | null;
}

export class DeskStateDto {
  @ApiProperty({ type: String, example: 'legalityReview.underReview' })
  readonly path: string;

  @ApiProperty({ type: () => LabelDto, nullable: true })
  readonly label: LabelDto | null;
}

export class LiaisonFormContactDto {
  @ApiProperty({ type: String, nullable: true, example: '李明' })
  readonly name: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0574-65123456' })
  readonly phone: string | null;
}

/** The work liaison form (合法性审查工作联系单): its number and, when sent through the desk, its id and contact. */
export class LiaisonFormDto {
  @ApiProperty({ type: String, nullable: true })
  readonly id: string | null;

  @ApiProperty({ type: String, nullable: true, example: '联系单〔2020〕第2号' })
  readonly number: string | null;

  @ApiProperty({ type: () => LiaisonFormContactDto })
  readonly contact: LiaisonFormContactDto;
}

export class DeskDeadlineDto {
  @ApiProperty({ type: String, example: 'legalityReviewOpinion' })
  readonly key: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: String, example: 'open' })
  readonly status: string;

  @ApiProperty({ type: String })
  readonly article: string;

  @ApiProperty({ type: String })
  readonly articleZh: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  readonly dueDate: string | null;

  @ApiProperty({ type: Boolean })
  readonly overdue: boolean;
}

export class DeskAcceptedDto {
  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly by: string;

  @ApiProperty({ type: () => DeskPersonDto, nullable: true, description: 'who, by name and unit' })
  readonly byPerson: DeskPersonDto | null;

  @ApiProperty({ type: String, nullable: true })
  readonly receiptNumber: string | null;
}

export class DeskReturnedDto {
  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly by: string;

  @ApiProperty({ type: () => DeskPersonDto, nullable: true, description: 'who, by name and unit' })
  readonly byPerson: DeskPersonDto | null;

  @ApiProperty({ type: String, isArray: true, description: '需补充的材料 · Missing materials' })
  readonly missing: string[];

  @ApiProperty({ type: String, nullable: true })
  readonly note: string | null;
}

export class DeskOpinionDto {
  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly by: string;

  @ApiProperty({ type: () => DeskPersonDto, nullable: true, description: 'who, by name and unit' })
  readonly byPerson: DeskPersonDto | null;

  @ApiProperty({ type: String, example: 'LEGAL' })
  readonly outcome: string;

  @ApiProperty({ type: () => LabelDto })
  readonly outcomeLabel: LabelDto;

  @ApiProperty({ type: String })
  readonly reasons: string;

  @ApiProperty({ type: String, isArray: true })
  readonly legalBasis: string[];

  @ApiProperty({ type: String, isArray: true })
  readonly advisersConsulted: string[];

  @ApiProperty({ type: String, nullable: true })
  readonly suggestions: string | null;
}

/** One work liaison form on the review desk: one submission of a case, as its history tells it. */
export class DeskEntryDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: () => LabelDto })
  readonly kindLabel: LabelDto;

  @ApiProperty({ type: 'integer' })
  readonly workflowVersion: number;

  @ApiProperty({ type: 'integer' })
  readonly caseRevision: number;

  @ApiProperty({ type: () => DeskStateDto })
  readonly state: DeskStateDto;

  @ApiProperty({ type: String, description: '送审单位 · The submitting unit' })
  readonly unit: string;

  @ApiProperty({ type: () => LiaisonFormDto, nullable: true })
  readonly liaisonForm: LiaisonFormDto | null;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly submittedAt: string;

  @ApiProperty({ type: 'integer' })
  readonly submittedSeq: number;

  @ApiProperty({ type: String })
  readonly submittedBy: string;

  @ApiProperty({ type: 'object', additionalProperties: true, description: '送审材料 · The materials submitted' })
  readonly materials: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  readonly requestedCompletionDate: string | null;

  @ApiProperty({ type: String, nullable: true })
  readonly urgentReason: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true, description: '法定审查期限 · The statutory due date' })
  readonly dueDate: string | null;

  @ApiProperty({ type: () => DeskDeadlineDto, nullable: true })
  readonly deadline: DeskDeadlineDto | null;

  @ApiProperty({ type: String, example: 'UNDER_REVIEW' })
  readonly status: string;

  @ApiProperty({ type: () => LabelDto })
  readonly statusLabel: LabelDto;

  @ApiProperty({ type: () => LabelDto, nullable: true, description: 'the submitting unit by name' })
  readonly unitLabel: LabelDto | null;

  @ApiProperty({ type: () => DeskPersonDto, nullable: true, description: 'who submitted it, by name and unit' })
  readonly submittedByPerson: DeskPersonDto | null;

  @ApiProperty({ type: () => DeskAcceptedDto, nullable: true })
  readonly accepted: DeskAcceptedDto | null;

  @ApiProperty({ type: () => DeskReturnedDto, nullable: true })
  readonly returned: DeskReturnedDto | null;

  @ApiProperty({ type: () => DeskOpinionDto, nullable: true })
  readonly opinion: DeskOpinionDto | null;
}

export class ReviewQueueResponseDto {
  @ApiProperty({ type: String, format: 'date', description: '今日（北京时间）· Today (Beijing)' })
  readonly today: string;

  @ApiProperty({ type: 'integer' })
  readonly total: number;

  @ApiProperty({ type: () => DeskEntryDto, isArray: true })
  readonly items: DeskEntryDto[];
}

export class DeskCaseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: 'integer' })
  readonly revision: number;

  @ApiProperty({ type: () => DeskStateDto })
  readonly state: DeskStateDto;
}

/** What a desk action answers: the form as it now stands, the case's new revision and state, the recorded event. */
export class DeskActionResponseDto {
  @ApiProperty({ type: () => DeskEntryDto, nullable: true })
  readonly form: DeskEntryDto | null;

  @ApiProperty({ type: () => DeskCaseDto })
  readonly case: DeskCaseDto;

  @ApiProperty({ type: () => HistoryRecordDto })
  readonly event: HistoryRecordDto;
}
