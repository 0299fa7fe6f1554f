import { ApiProperty } from '@nestjs/swagger';
import { ActorDto, LabelDto } from '../../common/dto/common.response.dto';
import { CatalogConsentDto } from '../../catalog/dto/catalog.response.dto';

export class ReportFigureDto {
  @ApiProperty({ type: String })
  readonly key: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: 'integer' })
  readonly value: number;

  @ApiProperty({ type: String, isArray: true })
  readonly caseIds: string[];

  @ApiProperty({ type: String })
  readonly drill: string;
}

export class AnnualReportPeriodDto {
  @ApiProperty({ type: String, format: 'date' })
  readonly from: string;

  @ApiProperty({ type: String, format: 'date' })
  readonly to: string;

  @ApiProperty({ type: String })
  readonly timeZone: string;
}

export class AnnualReportCasesByTypeByOutcomeDto {
  @ApiProperty({ type: String })
  readonly state: string;

  @ApiProperty({ type: String })
  readonly stage: string;

  @ApiProperty({ type: () => LabelDto })
  readonly stageLabel: LabelDto;

  @ApiProperty({ type: Boolean })
  readonly ended: boolean;

  @ApiProperty({ type: String })
  readonly key: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: 'integer' })
  readonly value: number;

  @ApiProperty({ type: String, isArray: true })
  readonly caseIds: string[];

  @ApiProperty({ type: String })
  readonly drill: string;
}

export class AnnualReportCasesByTypeDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly handled: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly created: ReportFigureDto;

  @ApiProperty({ type: () => AnnualReportCasesByTypeByOutcomeDto, isArray: true })
  readonly byOutcome: AnnualReportCasesByTypeByOutcomeDto[];
}

export class AnnualReportCasesDto {
  @ApiProperty({ type: () => ReportFigureDto })
  readonly total: ReportFigureDto;

  @ApiProperty({ type: () => AnnualReportCasesByTypeDto, isArray: true })
  readonly byType: AnnualReportCasesByTypeDto[];
}

export class AnnualReportLegalityReviewByTypeDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly requiring: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly reviewed: ReportFigureDto;

  @ApiProperty({ type: Number })
  readonly coverage: number;
}

export class AnnualReportLegalityReviewOpinionsIssuedDto {
  @ApiProperty({ type: String })
  readonly outcome: string;

  @ApiProperty({ type: 'integer' })
  readonly opinions: number;

  @ApiProperty({ type: String })
  readonly key: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: 'integer' })
  readonly value: number;

  @ApiProperty({ type: String, isArray: true })
  readonly caseIds: string[];

  @ApiProperty({ type: String })
  readonly drill: string;
}

export class AnnualReportLegalityReviewDto {
  @ApiProperty({ type: () => ReportFigureDto })
  readonly requiring: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly reviewed: ReportFigureDto;

  @ApiProperty({ type: Number })
  readonly coverage: number;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly underReview: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly notYetSubmitted: ReportFigureDto;

  @ApiProperty({ type: () => AnnualReportLegalityReviewByTypeDto, isArray: true })
  readonly byType: AnnualReportLegalityReviewByTypeDto[];

  @ApiProperty({ type: () => AnnualReportLegalityReviewOpinionsIssuedDto, isArray: true })
  readonly opinionsIssued: AnnualReportLegalityReviewOpinionsIssuedDto[];
}

export class AnnualReportDeadlineDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: () => LabelDto })
  readonly kindLabel: LabelDto;

  @ApiProperty({ type: String })
  readonly key: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: 'integer' })
  readonly deadlines: number;

  @ApiProperty({ type: 'integer' })
  readonly metCount: number;

  @ApiProperty({ type: 'integer' })
  readonly missedCount: number;

  @ApiProperty({ type: 'integer' })
  readonly openOverdueCount: number;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly met: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly missed: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly openOverdue: ReportFigureDto;

  @ApiProperty({ type: Number, nullable: true, description: '比例（0–1）· A ratio (0–1)' })
  readonly onTimeRate: number | null;
}

export class AnnualReportFilingsDto {
  @ApiProperty({ type: 'integer' })
  readonly deadlines: number;

  @ApiProperty({ type: 'integer' })
  readonly metCount: number;

  @ApiProperty({ type: 'integer' })
  readonly missedCount: number;

  @ApiProperty({ type: 'integer' })
  readonly openOverdueCount: number;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly met: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly missed: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly openOverdue: ReportFigureDto;

  @ApiProperty({ type: Number })
  readonly onTimeRate: number;
}

export class AnnualReportDocumentsByTypeDto {
  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: () => LabelDto })
  readonly label: LabelDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly issuedInYear: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly issuedNotADocument: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly inForce: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly expired: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly repealed: ReportFigureDto;
}

export class AnnualReportDocumentsDto {
  @ApiProperty({ type: () => AnnualReportDocumentsByTypeDto, isArray: true })
  readonly byType: AnnualReportDocumentsByTypeDto[];

  @ApiProperty({ type: () => ReportFigureDto })
  readonly inForce: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly issuedNotADocument: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly expired: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly repealed: ReportFigureDto;
}

export class AnnualReportCatalogPublishedDto {
  @ApiProperty({ type: String, format: 'date' })
  readonly publishedAt: string;

  @ApiProperty({ type: 'integer' })
  readonly publication: number;

  @ApiProperty({ type: 'integer' })
  readonly contentVersion: number;

  @ApiProperty({ type: String })
  readonly documentNumber: string;
}

export class AnnualReportCatalogItemDto {
  @ApiProperty({ type: 'integer' })
  readonly no: number;

  @ApiProperty({ type: String })
  readonly name: string;

  @ApiProperty({ type: String })
  readonly undertakingUnit: string;

  @ApiProperty({ type: String })
  readonly caseId: string;

  @ApiProperty({ type: String })
  readonly status: string;

  @ApiProperty({ type: () => LabelDto })
  readonly stateAtYearEnd: LabelDto;
}

export class AnnualReportCatalogDto {
  @ApiProperty({ type: String })
  readonly catalogCaseId: string;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: () => AnnualReportCatalogPublishedDto })
  readonly published: AnnualReportCatalogPublishedDto;

  @ApiProperty({ type: () => CatalogConsentDto })
  readonly consent: CatalogConsentDto;

  @ApiProperty({ type: 'integer' })
  readonly itemCount: number;

  @ApiProperty({ type: () => AnnualReportCatalogItemDto, isArray: true })
  readonly items: AnnualReportCatalogItemDto[];

  @ApiProperty({ type: () => ReportFigureDto })
  readonly linked: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly completed: ReportFigureDto;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly inProgress: ReportFigureDto;

  @ApiProperty({ type: 'integer' })
  readonly notStarted: number;

  @ApiProperty({ type: 'integer' })
  readonly adjustmentsInYear: number;
}

export class AnnualReportResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: () => AnnualReportPeriodDto })
  readonly period: AnnualReportPeriodDto;

  @ApiProperty({ type: String, format: 'date-time' })
  readonly generatedAt: string;

  @ApiProperty({ type: () => AnnualReportCasesDto })
  readonly cases: AnnualReportCasesDto;

  @ApiProperty({ type: () => AnnualReportLegalityReviewDto })
  readonly legalityReview: AnnualReportLegalityReviewDto;

  @ApiProperty({ type: () => AnnualReportDeadlineDto, isArray: true })
  readonly deadlines: AnnualReportDeadlineDto[];

  @ApiProperty({ type: () => AnnualReportFilingsDto })
  readonly filings: AnnualReportFilingsDto;

  @ApiProperty({ type: () => AnnualReportDocumentsDto })
  readonly documents: AnnualReportDocumentsDto;

  @ApiProperty({ type: () => AnnualReportCatalogDto })
  readonly catalog: AnnualReportCatalogDto;
}

export class DrilledCaseDto {
  @ApiProperty({ type: String, format: 'uuid' })
  readonly id: string;

  @ApiProperty({ type: String })
  readonly kind: string;

  @ApiProperty({ type: () => LabelDto })
  readonly kindLabel: LabelDto;

  @ApiProperty({ type: String })
  readonly title: string;

  @ApiProperty({ type: () => LabelDto, nullable: true, description: '年底所处状态 · The state at year end' })
  readonly stateAtYearEnd: LabelDto | null;

  @ApiProperty({ type: String, example: '/api/v1/cases/0b6f6b1e-3c5a-4d7e-9f10-2a3b4c5d6e7f' })
  readonly link: string;
}

/** `?drill=KEY`: the cases behind one figure of the report. */
export class AnnualReportDrillResponseDto {
  @ApiProperty({ type: 'integer' })
  readonly year: number;

  @ApiProperty({ type: () => ReportFigureDto })
  readonly figure: ReportFigureDto;

  @ApiProperty({ type: () => DrilledCaseDto, isArray: true })
  readonly cases: DrilledCaseDto[];
}
