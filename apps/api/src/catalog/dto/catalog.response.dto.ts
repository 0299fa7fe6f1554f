import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseSummaryResponseDto } from '../../cases/dto/case.response.dto';
import { ActorDto, LabelDto } from '../../common/dto/common.response.dto';

export class CatalogSummaryResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String })
  readonly catalogCaseId: string;

  @ApiProperty({ type: String })
  readonly state: string;

  @ApiProperty({ type: String, format: 'date' })
  readonly publishedAt: string;

  @ApiProperty({ type: 'integer' })
  readonly items: number;
}

/** The party committee's consent to a catalog version (R713 Art. 10), as recorded. */
export class CatalogConsentDto {
  @ApiProperty({ type: () => ActorDto })
  readonly by: ActorDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly contentVersion: number;

  @ApiProperty({ type: String })
  readonly meeting: string;

  @ApiProperty({ type: String, format: 'date' })
  readonly agreedOn: string;

  @ApiProperty({ type: String })
  readonly reference: string;
}

export class CatalogItemProceduresDto {
  @ApiProperty({ type: Boolean })
  readonly publicParticipation: boolean;

  @ApiProperty({ type: Boolean })
  readonly hearing: boolean;

  @ApiProperty({ type: Boolean })
  readonly expertReview: boolean;

  @ApiProperty({ type: Boolean })
  readonly riskAssessment: boolean;

  @ApiProperty({ type: Boolean })
  readonly fairCompetitionReview: boolean;
}

export class CatalogItemMilestonesDto {
  @ApiProperty({ type: String })
  readonly initiation: string;

  @ApiProperty({ type: String })
  readonly drafting: string;

  @ApiPropertyOptional({ type: String })
  readonly publicParticipation?: string;

  @ApiProperty({ type: String })
  readonly legalityReview: string;

  @ApiProperty({ type: String })
  readonly collectiveDecision: string;

  @ApiPropertyOptional({ type: String })
  readonly implementation?: string;
}

/** A catalog item as a publication lists it. */
export class CatalogChangesPublicationItemDto {
  @ApiProperty({ type: 'integer' })
  readonly no: number;

  @ApiProperty({ type: String })
  readonly name: string;

  @ApiProperty({ type: String })
  readonly decisionBody: string;

  @ApiProperty({ type: String })
  readonly undertakingUnit: string;

  @ApiProperty({ type: String })
  readonly undertakingUnitId: string;

  @ApiProperty({ type: String, isArray: true })
  readonly legalBasis: string[];

  @ApiProperty({ type: () => CatalogItemProceduresDto })
  readonly procedures: CatalogItemProceduresDto;

  @ApiProperty({ type: () => CatalogItemMilestonesDto })
  readonly milestones: CatalogItemMilestonesDto;

  @ApiProperty({ type: String, nullable: true })
  readonly note: string | null;
}

/** A published catalog item, with the case started for it. */
export class CatalogPublishedItemDto extends CatalogChangesPublicationItemDto {
  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: () => CaseSummaryResponseDto })
  readonly case: CaseSummaryResponseDto;
}

export class CatalogPublishedDto {
  @ApiProperty({ type: 'integer' })
  readonly publication: number;

  @ApiProperty({ type: 'integer' })
  readonly contentVersion: number;

  @ApiProperty({ type: String, format: 'date' })
  readonly publishedAt: string;

  @ApiProperty({ type: String, isArray: true })
  readonly channels: string[];

  @ApiProperty({ type: String })
  readonly documentNumber: string;

  @ApiProperty({ type: () => CatalogConsentDto })
  readonly consent: CatalogConsentDto;

  @ApiProperty({ type: () => CatalogPublishedItemDto, isArray: true })
  readonly items: CatalogPublishedItemDto[];
}

export class CatalogWorkingItemDto {
  @ApiProperty({ type: String })
  readonly name: string;

  @ApiProperty({ type: String })
  readonly decisionBody: string;

  @ApiProperty({ type: String })
  readonly undertakingUnit: string;

  @ApiProperty({ type: String })
  readonly undertakingUnitId: string;

  @ApiProperty({ type: String, isArray: true })
  readonly legalBasis: string[];

  @ApiProperty({ type: () => CatalogItemProceduresDto })
  readonly procedures: CatalogItemProceduresDto;

  @ApiProperty({ type: () => CatalogItemMilestonesDto })
  readonly milestones: CatalogItemMilestonesDto;

  @ApiProperty({ type: String, nullable: true })
  readonly note: string | null;

  @ApiProperty({ type: 'integer' })
  readonly no: number;

  @ApiProperty({ type: Boolean })
  readonly removed: boolean;

  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: () => CaseSummaryResponseDto })
  readonly case: CaseSummaryResponseDto;
}

export class CatalogWorkingDto {
  @ApiProperty({ type: String })
  readonly state: string;

  @ApiProperty({ type: () => LabelDto })
  readonly stateLabel: LabelDto;

  @ApiProperty({ type: 'integer' })
  readonly revision: number;

  @ApiProperty({ type: 'integer' })
  readonly contentVersion: number;

  @ApiProperty({ type: Boolean })
  readonly unpublishedChanges: boolean;

  @ApiProperty({ type: () => CatalogConsentDto })
  readonly consent: CatalogConsentDto;

  @ApiProperty({ type: () => CatalogWorkingItemDto, isArray: true })
  readonly items: CatalogWorkingItemDto[];
}

export class CatalogResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String })
  readonly catalogCaseId: string;

  @ApiProperty({ type: () => CatalogPublishedDto })
  readonly published: CatalogPublishedDto;

  @ApiPropertyOptional({ type: () => CatalogWorkingDto, description: '工作稿：仅维护人员和审计人员可见 · The working copy: maintainers and auditors only' })
  readonly working?: CatalogWorkingDto;
}

export class CatalogTrailRecordDto {
  @ApiProperty({ type: 'integer' })
  readonly seq: number;

  @ApiProperty({ type: String })
  readonly hash: string;

  @ApiProperty({ type: String })
  readonly prevHash: string;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: () => ActorDto })
  readonly actor: ActorDto;
}

export class CatalogChangesChangeDto {
  @ApiProperty({ type: () => ActorDto })
  readonly by: ActorDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly n: number;

  @ApiProperty({ type: String })
  readonly type: string;

  @ApiProperty({ type: 'integer' })
  readonly itemNo: number;

  @ApiProperty({ type: String })
  readonly reason: string;

  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: '变更前的事项（新增时为空）· The item before the change (null when added)' })
  readonly before: Record<string, unknown> | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly after: Record<string, unknown>;

  @ApiProperty({ type: 'integer' })
  readonly contentVersion: number;

  @ApiProperty({ type: () => CatalogTrailRecordDto })
  readonly record: CatalogTrailRecordDto;
}

export class CatalogChangesConsentDto {
  @ApiProperty({ type: () => ActorDto })
  readonly by: ActorDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly contentVersion: number;

  @ApiProperty({ type: String })
  readonly meeting: string;

  @ApiProperty({ type: String, format: 'date' })
  readonly agreedOn: string;

  @ApiProperty({ type: String })
  readonly reference: string;

  @ApiProperty({ type: () => CatalogTrailRecordDto })
  readonly record: CatalogTrailRecordDto;
}

export class CatalogChangesPublicationDto {
  @ApiProperty({ type: () => ActorDto })
  readonly by: ActorDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly n: number;

  @ApiProperty({ type: 'integer' })
  readonly contentVersion: number;

  @ApiProperty({ type: String, format: 'date' })
  readonly publishedAt: string;

  @ApiProperty({ type: String, isArray: true })
  readonly channels: string[];

  @ApiProperty({ type: String })
  readonly documentNumber: string;

  @ApiProperty({ type: () => CatalogChangesPublicationItemDto, isArray: true })
  readonly items: CatalogChangesPublicationItemDto[];

  @ApiProperty({ type: () => CatalogTrailRecordDto })
  readonly record: CatalogTrailRecordDto;
}

export class CatalogChangesLinkDto {
  @ApiProperty({ type: () => ActorDto })
  readonly by: ActorDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly at: string;

  @ApiProperty({ type: 'integer' })
  readonly itemNo: number;

  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: () => CatalogTrailRecordDto })
  readonly record: CatalogTrailRecordDto;
}

export class CatalogChangesResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: String })
  readonly catalogCaseId: string;

  @ApiProperty({ type: Boolean })
  readonly intact: boolean;

  @ApiProperty({ type: String })
  readonly headHash: string;

  @ApiProperty({ type: () => CatalogChangesChangeDto, isArray: true })
  readonly changes: CatalogChangesChangeDto[];

  @ApiProperty({ type: () => CatalogChangesConsentDto, isArray: true })
  readonly consents: CatalogChangesConsentDto[];

  @ApiProperty({ type: () => CatalogChangesPublicationDto, isArray: true })
  readonly publications: CatalogChangesPublicationDto[];

  @ApiProperty({ type: () => CatalogChangesLinkDto, isArray: true })
  readonly links: CatalogChangesLinkDto[];
}

/** What a change to the catalog answers: the year's working copy. */
export class CatalogWorkingResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: String, format: 'uuid' })
  readonly catalogCaseId: string;

  @ApiProperty({ type: () => CatalogWorkingDto })
  readonly working: CatalogWorkingDto;
}

export class CatalogItemRefDto {
  @ApiProperty({ type: 'integer' })
  readonly no: number;

  @ApiProperty({ type: String })
  readonly name: string;
}

export class CatalogStartDefaultsDto {
  @ApiProperty({ type: String, example: 'jjfzb' })
  readonly undertakingUnit: string;

  @ApiProperty({ type: () => CatalogItemProceduresDto })
  readonly procedures: CatalogItemProceduresDto;
}

export class CatalogItemCaseResponseDto {
  @ApiProperty({ type: () => CaseSummaryResponseDto })
  readonly case: CaseSummaryResponseDto;

  @ApiProperty({ type: () => CatalogItemRefDto })
  readonly item: CatalogItemRefDto;

  @ApiProperty({ type: () => CatalogStartDefaultsDto, description: 'POST …/items/{no}/start 默认采用的启动内容 · What …/start sends unless told otherwise' })
  readonly startDefaults: CatalogStartDefaultsDto;
}

export class CatalogItemStartedResponseDto {
  @ApiProperty({ type: () => CaseSummaryResponseDto })
  readonly case: CaseSummaryResponseDto;

  @ApiProperty({ type: () => CatalogItemProceduresDto })
  readonly procedures: CatalogItemProceduresDto;

  @ApiProperty({ type: String, enum: ['request', 'catalog'], description: '程序取自请求或目录 · Whether the procedures came from the request or the catalog' })
  readonly proceduresFrom: 'request' | 'catalog';
}
