import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateIf } from 'class-validator';

export class MigrateCaseRequestDto {
  @ApiProperty({ example: 2, description: 'The workflow version to move the case to; it must declare a migration from the case’s version' })
  @IsInt() @Min(1) @Max(10_000)
  readonly toVersion: number;

  @ApiPropertyOptional({ description: 'Refuse with 409 REVISION_CONFLICT unless the case is still at this revision' })
  @ValidateIf((_, v) => v !== undefined) @IsInt() @Min(1)
  readonly expectedRevision?: number;

  @ApiPropertyOptional({ description: 'Show the state the case would be in, without migrating it' })
  @IsOptional() @IsBoolean()
  readonly dryRun?: boolean;
}
