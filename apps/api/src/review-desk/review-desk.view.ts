import { articleZh } from '@app/engine';
import type { HistoryRecord, Label, WorkflowDefinition } from '@app/engine';
import type { CaseEntity, DeadlineEntity, LiaisonFormEntity } from '@app/persistence';
import {
  DESK_STATUS_LABELS,
  LIAISON_FORM_NUMBER_FACT,
  DeskStatus,
  OUTCOME_LABELS,
  REVIEW_EVENTS,
  REVIEW_STATES,
  reviewDeadlineKeys,
} from './review-desk.profiles';

/** One work liaison form on the desk: one submission of a case, as its history tells it. */
export interface DeskEntry {
  caseId: string;
  title: string;
  kind: string;
  kindLabel: Label;
  workflowVersion: number;
  caseRevision: number;
  state: { path: string; label: Label | null };
  /** 送审单位 (its code) */
  unit: string;
  /** 送审单位 as a person reads it (null: a unit no longer registered) */
  unitLabel: Label | null;
  /**
   * The work liaison form: its number is the submission record's `facts.liaisonFormNumber` (for a
   * submission recorded before numbers were drawn with it: the number its form row was given);
   * `id` and the contact come from the desk's form row, when the form was sent through the desk.
   */
  liaisonForm: { id: string | null; number: string | null; contact: { name: string | null; phone: string | null } } | null;
  submittedAt: string;
  submittedSeq: number;
  /** the submitter's user id */
  submittedBy: string;
  /** the submitter as a person reads it: name and unit (null until named, or for a user no longer registered) */
  submittedByPerson: DeskPerson | null;
  materials: unknown;
  requestedCompletionDate: string | null;
  urgentReason: string | null;
  /** the statutory due date: the review deadline row opened by this submission */
  dueDate: string | null;
  deadline: { key: string; label: Label; status: string; article: string; articleZh: string; dueDate: string | null; overdue: boolean } | null;
  status: DeskStatus;
  statusLabel: Label;
  accepted: { at: string; seq: number; by: string; byPerson: DeskPerson | null; receiptNumber: string | null } | null;
  returned: { at: string; seq: number; by: string; byPerson: DeskPerson | null; missing: string[]; note: string | null } | null;
  opinion: {
    at: string;
    seq: number;
    by: string;
    byPerson: DeskPerson | null;
    outcome: string;
    outcomeLabel: Label;
    reasons: string;
    legalBasis: string[];
    advisersConsulted: string[];
    suggestions: string | null;
  } | null;
}

/** A person on the desk as one reads them: the name and the unit, never the id or username. */
export interface DeskPerson {
  displayName: string;
  unit: Label | null;
}

type Payload = Record<string, unknown>;
const payloadOf = (r: HistoryRecord): Payload => (r.payload && typeof r.payload === 'object' ? (r.payload as Payload) : {});
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** The form's number: the submission record's own fact (none on a submission recorded before submissions were numbered). */
export function formNumber(submit: HistoryRecord): string | null {
  return str(submit.facts?.[LIAISON_FORM_NUMBER_FACT]);
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * The desk's entries of one case, derived from its history: each SUBMIT_FOR_LEGALITY_REVIEW record
 * is a form, and the acceptance, return or opinion that follows it (before the next submission)
 * gives its status. Nothing here is stored apart from the case: the number is the submission's own
 * fact, and the form row only adds the contact.
 */
export function deskEntries(
  row: CaseEntity,
  def: WorkflowDefinition,
  records: HistoryRecord[],
  forms: LiaisonFormEntity[],
  deadlines: DeadlineEntity[],
  today: string,
): DeskEntry[] {
  const sorted = [...records].sort((a, b) => a.seq - b.seq);
  const submits = sorted.filter((r) => r.type === REVIEW_EVENTS.submit);
  const keys = reviewDeadlineKeys(def);
  const live = row.statePath === REVIEW_STATES.submitted || row.statePath === REVIEW_STATES.underReview;
  return submits.map((s, i) => {
    const next = submits[i + 1]?.seq ?? Number.POSITIVE_INFINITY;
    const window = sorted.filter((r) => r.seq > s.seq && r.seq < next);
    const accept = window.find((r) => r.type === REVIEW_EVENTS.accept);
    const ret = window.find((r) => r.type === REVIEW_EVENTS.return);
    const op = window.find((r) => r.type === REVIEW_EVENTS.opinion);
    const latest = i === submits.length - 1;
    const status: DeskStatus = op ? 'OPINION_ISSUED' : ret ? 'RETURNED' : latest && live ? (accept ? 'UNDER_REVIEW' : 'PENDING') : 'ENDED';
    const form = forms.find((f) => f.caseId === row.id && f.submitSeq === s.seq) ?? null;
    const d = deadlines.find((x) => x.caseId === row.id && x.openedSeq === s.seq && keys.includes(x.key)) ?? null;
    const sp = payloadOf(s);
    const number = formNumber(s);
    return {
      caseId: row.id,
      title: row.title,
      kind: row.kind,
      kindLabel: def.label,
      workflowVersion: row.workflowVersion,
      caseRevision: row.revision,
      state: { path: row.statePath, label: def.states[row.statePath]?.label ?? null },
      unit: form?.orgUnit ?? s.actor.orgUnit,
      unitLabel: null,
      liaisonForm:
        form || number !== null ? { id: form?.id ?? null, number, contact: { name: form?.contactName ?? null, phone: form?.contactPhone ?? null } } : null,
      submittedAt: s.at,
      submittedSeq: s.seq,
      submittedBy: s.actor.userId,
      submittedByPerson: null,
      materials: sp.materials ?? null,
      requestedCompletionDate: str(sp.requestedCompletionDate),
      urgentReason: str(sp.urgentReason),
      dueDate: d?.dueDate ?? null,
      deadline: d
        ? {
            key: d.key,
            label: { zh: d.labelZh, en: d.labelEn },
            status: d.status,
            article: d.article,
            articleZh: articleZh(d.article),
            dueDate: d.dueDate,
            overdue: d.status === 'open' && d.dueDate !== null && d.dueDate < today,
          }
        : null,
      status,
      statusLabel: DESK_STATUS_LABELS[status],
      accepted: accept ? { at: accept.at, seq: accept.seq, by: accept.actor.userId, byPerson: null, receiptNumber: str(payloadOf(accept).receiptNumber) } : null,
      returned: ret
        ? { at: ret.at, seq: ret.seq, by: ret.actor.userId, byPerson: null, missing: strings(payloadOf(ret).missing), note: str(payloadOf(ret).note) }
        : null,
      opinion: op
        ? (() => {
            const p = payloadOf(op);
            const outcome = String(p.outcome ?? '');
            return {
              at: op.at,
              seq: op.seq,
              by: op.actor.userId,
              byPerson: null,
              outcome,
              outcomeLabel: OUTCOME_LABELS[outcome] ?? { zh: outcome, en: outcome },
              reasons: String(p.reasons ?? ''),
              legalBasis: strings(p.legalBasis),
              advisersConsulted: strings(p.legalAdvisers),
              suggestions: str(p.suggestions),
            };
          })()
        : null,
    };
  });
}

/**
 * The entries with their people and units named (`unitLabel`, `submittedByPerson`, `byPerson`) from
 * the users and units given; ids stay in their own fields. Pure.
 */
export function nameDeskPeople(
  entries: DeskEntry[],
  users: Map<string, { displayName: string; orgUnit: string }>,
  units: Map<string, Label>,
): DeskEntry[] {
  const person = (id: string): DeskPerson | null => {
    const u = users.get(id);
    return u ? { displayName: u.displayName, unit: units.get(u.orgUnit) ?? null } : null;
  };
  return entries.map((e) => ({
    ...e,
    unitLabel: units.get(e.unit) ?? null,
    submittedByPerson: person(e.submittedBy),
    accepted: e.accepted && { ...e.accepted, byPerson: person(e.accepted.by) },
    returned: e.returned && { ...e.returned, byPerson: person(e.returned.by) },
    opinion: e.opinion && { ...e.opinion, byPerson: person(e.opinion.by) },
  }));
}

/** Due date first (open forms without one last), then submission time; `desc` reverses. */
export function sortEntries(entries: DeskEntry[], sort: 'dueDate' | 'submittedAt', order: 'asc' | 'desc'): DeskEntry[] {
  const dir = order === 'desc' ? -1 : 1;
  const cmp = (a: string | null, b: string | null) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -dir : dir);
  return [...entries].sort(
    (a, b) =>
      (sort === 'dueDate' ? cmp(a.dueDate, b.dueDate) : 0) ||
      cmp(a.submittedAt, b.submittedAt) ||
      (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : a.submittedSeq - b.submittedSeq),
  );
}
