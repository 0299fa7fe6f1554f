import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { LONG_TEXT } from '../../common/payload-validators';

/**
 * SUBMIT_PARTICIPATION_SUMMARY from version 3: the department writes how the main views were
 * studied and adopted (R713 Art. 29 (2)); the counts are computed by Docket from the comment docket
 * (the `participationSummary` fact), never typed in.
 */
export class SubmitParticipationSummaryV3Payload {
  /** 社会公众提出的主要意见的研究采纳情况 (Art. 29 (2)) */
  @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  summary: string;
}
