import { decisionCatalog, majorDecision, payloadFieldDocs } from '@app/workflows';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { documentRequestFields } from '../../common/api-doc';
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

// titles and examples of the fields these bodies add (the generated schemas and the validation messages read them)
documentRequestFields(AddCatalogItemRequestDto, {
  catalogTitle: { zh: '目录名称', en: 'Catalog title', example: '掌起镇2020年重大行政决策事项目录', description: { zh: '本年度首个事项创建目录时的目录名称', en: 'The title of the catalog when this first item creates it' } },
});
documentRequestFields(AdjustCatalogItemRequestDto, { reason: { zh: '调整理由', en: 'Reason for the adjustment', example: '根据上级部署调整完成时间。' } });
documentRequestFields(RemoveCatalogItemRequestDto, { reason: { zh: '删除理由', en: 'Reason for the removal', example: '该事项已并入其他事项。' } });
// the proposal's fields mean what they mean in a major decision's own proposal
documentRequestFields(ItemProposalDto, { ...payloadFieldDocs.get(majorDecision.ProposalDto), legalBasis: { zh: '依据', en: 'Legal basis', example: '《浙江省人民政府关于高水平推进美丽城镇建设的意见》', description: { zh: '默认取目录事项的依据', en: "Default: the item's legal basis" } } });
documentRequestFields(CreateCaseFromItemRequestDto, {
  title: { zh: '决策事项名称', en: 'Decision matter', example: '省“工业特色型”美丽城镇样板镇创建', description: { zh: '默认取目录事项名称', en: "Default: the item's name" } },
  proposal: { zh: '决策事项建议', en: 'Decision proposal' },
});
documentRequestFields(StartItemCaseRequestDto, {
  procedures: { zh: '应履行的程序', en: 'Required procedures', description: { zh: '默认取目录事项确定的程序', en: "Default: the item's procedures" } },
  undertakingUnit: { zh: '决策承办单位', en: 'Undertaking unit', example: 'jjfzb', description: { zh: '默认取目录事项的承办单位', en: "Default: the item's undertaking unit" } },
  cooperatingUnits: { zh: '协办单位', en: 'Cooperating units', example: ['czb'] },
  note: { zh: '备注', en: 'Note', example: '请承办单位于三个月内报送草案。' },
});
