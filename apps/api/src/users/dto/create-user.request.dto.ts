import { HUMAN_ROLES } from '@app/engine';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsEmail, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateUserRequestDto {
  @ApiProperty({ example: 'dept-head-2' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{1,63}$/, { message: 'username: 2–64 lower-case letters, digits, dot, dash, underscore' })
  readonly username: string;

  @ApiProperty({ example: '张三' })
  @IsString() @IsNotEmpty() @MaxLength(200)
  readonly displayName: string;

  @ApiProperty({ minLength: 8, example: 'Zhangqi-2020-demo' })
  @IsString() @MinLength(8) @MaxLength(256)
  readonly password: string;

  @ApiProperty({ example: 'jjfzb' })
  @IsString() @IsNotEmpty() @MaxLength(64)
  readonly orgUnit: string;

  @ApiProperty({ enum: HUMAN_ROLES, isArray: true, example: ['department-head'], description: "a person's roles; 'system' (Docket's own deadline events) is refused" })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(6) @ArrayUnique() @IsIn(HUMAN_ROLES as string[], { each: true })
  readonly roles: string[];

  /** where deadline reminders are e-mailed when SMTP_URL is set (optional) */
  @ApiProperty({ required: false, example: 'zhangsan@zhangqi.gov.cn' })
  @IsOptional() @IsEmail() @MaxLength(254)
  readonly email?: string;
}
