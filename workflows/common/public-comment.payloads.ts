/**
 * The payloads of the public comment period (公开征求意见) that major decisions (R713 Art. 15) and
 * normative documents (国办发〔2018〕37号) share: publishing the draft for comment, extending and
 * closing the period. The fields and checks are the same in both (major-decision v1 set them), so
 * each workflow re-exports these classes; the periods' minimums are the workflows' own rules.
 * Pure decorators: no I/O, no clock.
 */
import 'reflect-metadata';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_ONLY, IsRealDate, LONG_TEXT, SHORT_TEXT } from './payload-validators';

export class PublishForCommentPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  opensAt: string;

  /** the last day of the comment period (it runs to 24:00, CC Art. 203) */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  closesAt: string;

  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  channels: string[];

  /**
   * stated in the published notice when the period is shorter than the minimum (R713 Art. 15: 30
   * days; normative documents: general ones only)
   */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  shortenedReason?: string;
}

export class ExtendCommentPeriodPayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  closesAt: string;

  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  reason: string;
}

/**
 * No payload is needed; the optional note keeps the class non-empty, because class-validator 0.14
 * refuses instances of classes without any decorated property (forbidUnknownValues).
 */
export class CloseCommentPeriodPayload {
  /** (added) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}
