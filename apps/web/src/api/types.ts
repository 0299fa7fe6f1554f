/**
 * Response shapes the console reads, by the names it uses: the OpenAPI document's response schemas
 * (schema.d.ts, generated from the API's response DTOs by `npm run api:types`).
 */
import type { components } from './schema';

type S = components['schemas'];

export type Label = S['LabelDto'];
export type ApiError = S['ErrorBodyResponseDto'];
export type Me = S['MeResponseDto'];
export type CaseSummary = S['CaseSummaryResponseDto'];
export type AllowedEvent = S['AllowedEventDto'];
export type Deadline = S['DeadlineListItemDto'];
export type CaseDetail = S['CaseResponseDto'];
export type HistoryRecord = S['HistoryRecordDto'];
export type CaseHistory = S['CaseHistoryResponseDto'];
export type WorkflowDescription = S['WorkflowDescriptionResponseDto'];
/** An event (or the creation) as the workflow describes it: who may send it and its payload's JSON Schema. */
export type WorkflowEvent = S['WorkflowDescriptionEventDto'] | S['WorkflowDescriptionCreateDto'];
export type DeskEntry = S['DeskEntryDto'];
export type PaperListItem = S['PaperListItemDto'];
export type AnnualReport = S['AnnualReportResponseDto'];
export type ReportFigure = S['ReportFigureDto'];
export type CatalogSummary = S['CatalogSummaryResponseDto'];
export type Catalog = S['CatalogResponseDto'];
export type CatalogChanges = S['CatalogChangesResponseDto'];
export type CatalogWorking = S['CatalogWorkingResponseDto'];
