import { decisionCatalog } from '@app/workflows';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

/**
 * Request bodies of the catalog API. The catalog's own event payloads are the workflow's payload
 * classes (validated again by the runtime); these add what the API needs around them.
 */
export class AddCatalogItemRequestDto extends decisionCatalog.AddItemPayload {
  @ApiPropertyOptional({ description: 'Title of the catalog when this first item creates it, e.g. 掌起镇2020年重大行政决策事项目录' })
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500)
  readonly catalogTitle?: string;
}

export class AdjustCatalogItemRequestDto {
  @IsDefined() @IsObject() @ValidateNested() @Type(() => decisionCatalog.CatalogItemChangesDto)
  readonly changes: decisionCatalog.CatalogItemChangesDto;

  @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly reason: string;
}

export class RemoveCatalogItemRequestDto {
  @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly reason: string;
}

/** The decision proposal of a case created from an item (R713 Art. 10 (2)); the title and legal basis default from the item. */
export class ItemProposalDto {
  @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly problem: string;

  @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly reasons: string;

  @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly solution: string;

  @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly necessity: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly feasibility?: string;

  /** default: the item's legal basis */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly legalBasis?: string;
}

export class CreateCaseFromItemRequestDto {
  /** default: the item's name */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500)
  readonly title?: string;

  @IsDefined() @IsObject() @ValidateNested() @Type(() => ItemProposalDto)
  readonly proposal: ItemProposalDto;
}

/** DECIDE_TO_START for an item's case: every field defaults from the catalog item. */
export class StartItemCaseRequestDto {
  @IsOptional() @IsObject() @ValidateNested() @Type(() => decisionCatalog.CatalogProceduresDto)
  readonly procedures?: decisionCatalog.CatalogProceduresDto;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(500)
  readonly undertakingUnit?: string;

  @IsOptional() @IsArray() @ArrayMaxSize(200)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(500, { each: true })
  readonly cooperatingUnits?: string[];

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(20_000)
  readonly note?: string;
}
