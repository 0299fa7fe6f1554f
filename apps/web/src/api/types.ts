/**
 * Response shapes the console reads. The OpenAPI document describes paths, parameters and request
 * bodies (schema.d.ts, generated); it does not describe these responses yet, so they are declared
 * here, field for field as apps/api returns them.
 */
export interface Label {
  zh: string;
  en: string;
}

export interface ApiError {
  statusCode: number;
  code: string;
  article?: string;
  articleZh?: string;
  message: string;
  messageZh: string;
  details?: unknown;
}

export interface Me {
  id: string;
  username: string;
  displayName: string;
  orgUnit: string;
  roles: string[];
  roleLabels: Array<{ role: string } & Label>;
}

export interface CaseSummary {
  id: string;
  kind: string;
  kindLabel: Label;
  workflowVersion: number;
  title: string;
  orgUnit: string;
  state: { path: string; label?: Label; stage?: string; stageLabel?: Label };
  status: 'active' | 'done' | string;
  revision: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface AllowedEvent {
  type: string;
  label: Label;
  roles: string[];
  blockedBy: Array<{ code?: string; message?: string; messageZh?: string; article?: string; articleZh?: string }>;
}

export interface Deadline {
  id: string;
  caseId: string;
  key: string;
  label: Label;
  article: string;
  articleZh: string;
  type: string;
  dueDate: string | null;
  status: string;
  overdue: boolean;
  workingDaysLeft: number | null;
}

export interface CaseDetail extends CaseSummary {
  allowedEvents: AllowedEvent[];
  deadlines: Deadline[];
}

export interface HistoryRecord {
  seq: number;
  type: string;
  at: string;
  actor: { userId: string; role: string; orgUnit: string };
  payload: unknown;
}

export interface CaseHistory {
  caseId: string;
  records: HistoryRecord[];
  eventLabels: Record<string, Label>;
  people: Record<string, { displayName: string }>;
  orgUnitLabels: Record<string, Label>;
  roleLabels: Record<string, Label>;
}

/** An event (or the creation) as the workflow describes it: who may send it and its payload's JSON Schema. */
export interface WorkflowEvent {
  type: string;
  label: Label;
  roles: string[];
  payloadSchema?: Record<string, unknown> | null;
}

export interface WorkflowDescription {
  kind: string;
  version: number;
  label: Label;
  stages: Array<{ id: string; label: Label }>;
  events?: WorkflowEvent[];
  create?: WorkflowEvent;
}
