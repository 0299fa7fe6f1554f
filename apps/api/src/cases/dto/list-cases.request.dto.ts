import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PagingRequestDto } from '../../common/paging.request.dto';

export class ListCasesRequestDto extends PagingRequestDto {
  @ApiPropertyOptional({ example: 'major-decision' })
  @IsOptional() @IsString() @MaxLength(64)
  readonly kind?: string;

  @ApiPropertyOptional({ description: 'state path or its prefix, e.g. legalityReview', example: 'legalityReview' })
  @IsOptional() @IsString() @MaxLength(200) @Matches(/^[A-Za-z][A-Za-z0-9.]*$/)
  readonly state?: string;

  @ApiPropertyOptional({ enum: ['active', 'done'] })
  @IsOptional() @IsIn(['active', 'done'])
  readonly status?: string;
}
