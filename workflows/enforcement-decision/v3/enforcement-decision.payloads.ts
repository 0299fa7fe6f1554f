/**
 * Payloads of the enforcement-decision workflow, version 3: version 2's, and the steps after the
 * decision — service (送达, APL Art. 61), publication (公示, APL Art. 48), execution (执行,
 * APL Arts. 66–73; ACL Art. 53) and archiving (归档, APL Art. 47).
 */
import 'reflect-metadata';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_ONLY, IsRealDate, LONG_TEXT, SHA256_HEX, SHORT_TEXT } from '../../common/payload-validators';

export * from '../v2/enforcement-decision.payloads';

/** The ways a decision is served (APL Art. 61 ¶1 refers to the Civil Procedure Law, CPL Arts. 87–95; ¶2 electronic service). */
export const SERVICE_METHODS = ['DIRECT', 'LEFT_AT_RESIDENCE', 'MAIL', 'ENTRUSTED', 'PUBLIC_NOTICE', 'ELECTRONIC'] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** How the decision was carried out (APL Arts. 66, 72; ACL Art. 53). */
export const EXECUTION_MODES = ['VOLUNTARY', 'ORGAN_ENFORCED', 'COURT_APPLICATION'] as const;
export type ExecutionMode = (typeof EXECUTION_MODES)[number];

/** 送达: the decision handed to the party (APL Art. 61). */
export class ServeDecisionPayload {
  /** the day the party received the decision (not before the decision, not in the future) */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  servedOn: string;

  @IsIn(SERVICE_METHODS)
  method: ServiceMethod;

  /** 受送达人 */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  recipient: string;

  /** electronic service only: the party agreed and signed the confirmation (确认书, APL Art. 61 ¶2) */
  @IsOptional() @IsBoolean()
  electronicConsent?: boolean;

  /** service by public notice only: why the party cannot be served otherwise (CPL Art. 95) */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  publicNoticeGrounds?: string;

  /** SHA-256 of the proof of service (送达回证) */
  @IsOptional() @IsString() @Matches(SHA256_HEX)
  receiptHash?: string;

  /** the decision has a certain social impact and is published (APL Art. 48 ¶1) */
  @IsBoolean()
  publicationRequired: boolean;
}

/** 公示: the decision published under the 行政执法公示制度 (APL Art. 48). */
export class PublishDecisionNoticePayload {
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  publishedOn: string;

  /** where it was published, e.g. the government website's 行政执法公示 column */
  @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  channel: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  url?: string;
}

/** 执行: the decision carried out, by the party or by enforcement (APL Arts. 66–73). */
export class RecordExecutionPayload {
  @IsIn(EXECUTION_MODES)
  mode: ExecutionMode;

  /** the day it was performed, enforced, or the application was filed with the court */
  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  executedOn: string;

  /** a court application: the court applied to */
  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(SHORT_TEXT)
  court?: string;

  @IsOptional() @IsString() @IsNotEmpty() @MaxLength(LONG_TEXT)
  note?: string;
}

/** 归档: the case file archived (APL Art. 47). */
export class ArchiveCasePayload {
  /** 档案号 */
  @IsString() @IsNotEmpty() @MaxLength(64)
  archiveNumber: string;

  @IsString() @Matches(DATE_ONLY) @IsRealDate()
  archivedOn: string;
}
