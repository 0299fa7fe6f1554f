import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What an administrator records about a user's legal qualification (APL Art. 58 ¶2): the runtime
 * gives it to the workflows as the acting user's profile (fact kind `actor`). A field left out is
 * unchanged; `null` clears it.
 */
export class UpdateUserQualificationsRequestDto {
  @ApiProperty({ type: String, required: false, nullable: true, example: 'A20183302100456', description: '法律职业资格证书编号 (or the former 司法考试 certificate): 6–32 letters, digits or hyphens' })
  @IsOptional() @IsString() @Matches(/^[A-Za-z0-9-]{6,32}$/, { message: 'legalQualificationCertificateNumber: 6–32 letters, digits or hyphens' })
  readonly legalQualificationCertificateNumber?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, example: '2018-12-20', description: 'the day the qualification was obtained (YYYY-MM-DD)' })
  @IsOptional() @IsString() @Matches(DATE_ONLY) @IsISO8601({ strict: true })
  readonly legalQualificationObtainedOn?: string | null;

  @ApiProperty({ type: String, required: false, nullable: true, example: '2019-03-01', description: 'the day the user began legal review (法制审核) work (YYYY-MM-DD)' })
  @IsOptional() @IsString() @Matches(DATE_ONLY) @IsISO8601({ strict: true })
  readonly legalReviewSince?: string | null;
}
