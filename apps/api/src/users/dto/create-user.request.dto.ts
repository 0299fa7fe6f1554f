import { ROLES } from '@app/engine';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsNotEmpty, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateUserRequestDto {
  @ApiProperty({ example: 'dept-head-2' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'username: 2–64 lower-case letters, digits, dot, dash, underscore' })
  readonly username: string;

  @ApiProperty({ example: '张三' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly displayName: string;

  @ApiProperty({ minLength: 8 })
  @IsString() @MinLength(8) @MaxLength(256)
  readonly password: string;

  @ApiProperty({ example: 'jjfzb' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  readonly orgUnit: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(6) @ArrayUnique() @IsIn(ROLES as unknown as string[], { each: true })
  readonly roles: string[];
}
