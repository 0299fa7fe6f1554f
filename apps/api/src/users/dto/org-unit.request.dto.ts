import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';

/** A new department (org unit): its stable code and its names. */
export class CreateOrgUnitRequestDto {
  @ApiProperty({ example: 'cjb', description: '机构代码：2–64 位小写字母、数字、点、连字符、下划线，创建后不可更改 / stable code (2–64 lower-case letters, digits, . - _), never changes' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'id: 2–64 lower-case letters, digits, dot, dash, underscore' })
  readonly id: string;

  @ApiProperty({ example: '城建办', description: '中文名称 / Chinese name' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly nameZh: string;

  @ApiProperty({ example: 'Urban Construction Office', description: '英文名称 / English name' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly nameEn: string;
}

/** New names for a department; the old ones are kept in its former names. */
export class RenameOrgUnitRequestDto {
  @ApiProperty({ example: '村镇建设办', description: '新的中文名称 / new Chinese name' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly nameZh: string;

  @ApiProperty({ example: 'Town and Village Construction Office', description: '新的英文名称 / new English name' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly nameEn: string;
}
