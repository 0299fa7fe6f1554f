/**
 * Payloads of the enforcement-decision workflow, version 2: version 1's, with the investigation's
 * finding that the violation is serious (重大违法行为, APL Art. 57 ¶2) on the proposed decision.
 */
import 'reflect-metadata';
import { IsBoolean, IsOptional } from 'class-validator';
import { SubmitDraftPayload as SubmitDraftPayloadV1 } from '../v1/enforcement-decision.payloads';

export {
  AcceptForReviewPayload,
  ConfirmRevisionsPayload,
  CreateEnforcementDecisionPayload,
  DECISION_TYPES,
  IssueReviewOpinionPayload,
  MAJOR_GROUNDS,
  RecordDecisionPayload,
  ReturnForRevisionPayload,
  ReturnIncompletePayload,
  SubmitForLegalityReviewPayload,
  WithdrawPayload,
} from '../v1/enforcement-decision.payloads';
export type { DecisionType, MajorGround } from '../v1/enforcement-decision.payloads';

/** The proposed decision after investigation; v2 adds whether the violation is serious. */
export class SubmitDraftPayload extends SubmitDraftPayloadV1 {
  /** 重大违法行为: a penalty for it is decided collectively by the organ's heads (APL Art. 57 ¶2); default false */
  @IsOptional() @IsBoolean()
  seriousViolation?: boolean;
}
