import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { LONG_TEXT, MAX_ITEMS, SHORT_TEXT } from '../../common/payload-validators';
import { AdoptionFeedbackDto } from '../v1/normative-document.payloads';

/**
 * SUBMIT_PARTICIPATION_SUMMARY from version 3: the text and, for a market-related document, the
 * entities heard and the published feedback (OBE Art. 62); the counts are computed by Docket from
 * the comment docket (the `participationSummary` fact), never typed in.
 */
export class SubmitParticipationSummaryV3Payload {
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;

  /** market-related documents: the market entities and business associations heard (OBE Art. 62 ¶1) */
  @IsOptional() @IsArray() @ArrayMaxSize(MAX_ITEMS)
  @IsString({ each: true }) @IsNotEmpty({ each: true }) @MaxLength(SHORT_TEXT, { each: true })
  marketEntitiesHeard?: string[];

  /** market-related documents: the published feedback on adopted views (OBE Art. 62 ¶2) */
  @IsOptional() @IsObject() @ValidateNested() @Type(() => AdoptionFeedbackDto)
  adoptionFeedback?: AdoptionFeedbackDto;
}
