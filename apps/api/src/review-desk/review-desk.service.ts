import type { AuthenticatedUser } from '@app/auth';
import { roleNotAllowed } from '@app/auth';
import { BusinessCalendar, CalendarYearMissingError } from '@app/calendar';
import { DOCKET_CONFIG, DocketConfig } from '@app/config';
import { Actor, articleZh, HistoryRecord, Role, shanghaiDate, WorkflowDefinition, WorkflowRegistry } from '@app/engine';
import { CASE_REPOSITORY, CaseEntity, CaseRepository, LiaisonFormEntity, LiaisonFormRepository, USER_REPOSITORY, UserRepository } from '@app/persistence';
import {
  BUSINESS_CALENDAR,
  caseNotFound,
  CLOCK,
  Clock,
  DocketError,
  validationFailed,
  ValidationProblem,
  WORKFLOW_REGISTRY,
  WorkflowRuntime,
} from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { REQUEST_FIELD_TITLES } from '../common/request-field-titles';
import { assertCanView, listScope, notYourOrgUnit, ownsCase } from '../cases/case-access.policy';
import {
  AcceptFormRequestDto,
  IssueOpinionRequestDto,
  ReturnFormRequestDto,
  ReviewQueueRequestDto,
  SubmitLiaisonFormRequestDto,
} from './dto/review-desk.requests.dto';
import { isReviewMatter, minReviewPeriod, REVIEW_EVENT_TYPES, REVIEW_EVENTS, REVIEW_STATES } from './review-desk.profiles';
import { DeskEntry, deskEntries, formNumber, nameDeskPeople, sortEntries } from './review-desk.view';

export const notAReviewMatter = (kind: string, label: { zh: string; en: string }) =>
  new DocketError(422, 'NOT_A_REVIEW_MATTER', `该类事项没有合法性审查环节：${label.zh}`, `Matters of type ${label.en} (${kind}) have no legality review`, undefined, { kind });

/** The opinion fields the desk names itself; anything else of the workflow's opinion goes in `details`. */
const OPINION_FIELDS = ['outcome', 'reasons', 'legalBasis', 'suggestions', 'documentHash'];

/** R713 Art. 26 ¶2 for decisions; the matter type's configured minimum otherwise (SPEC §3.4). */
export const reviewPeriodTooShort = (
  def: WorkflowDefinition,
  d: { article: string; days: number; key: string; minCompletionDate: string; requestedCompletionDate: string },
) =>
  new DocketError(
    422,
    'LEGALITY_REVIEW_PERIOD_TOO_SHORT',
    `送请审查（${def.label.zh}），应当保证必要的审查时间：要求完成日期不得早于送审后第${d.days}个工作日（${d.minCompletionDate}）；确需缩短的，应当说明紧急理由（${articleZh(d.article)}）`,
    `A review of a ${def.label.en.toLowerCase()} needs at least ${d.days} working days: the requested completion date may not be before ${d.minCompletionDate} unless an urgent reason is given (${d.article}).`,
    d.article,
    { minCompletionDate: d.minCompletionDate, requestedCompletionDate: d.requestedCompletionDate, minWorkdays: d.days, configKey: d.key },
  );

/**
 * The legality-review desk (issue 5 §5): one queue of work liaison forms across the matter types,
 * and the reviewer's actions. Every action IS the case's own workflow event, sent through the one
 * runtime path (WorkflowRuntime.dispatch) with the case's own rules and refusals. The form's
 * number is the submission's own (`facts.liaisonFormNumber`, drawn by the runtime in the
 * submission's transaction, however the case was sent); the desk adds only the contact
 * (liaison_forms) and derives every status from the case history.
 */
@Injectable()
export class ReviewDeskService {
  constructor(
    private readonly runtime: WorkflowRuntime,
    private readonly forms: LiaisonFormRepository,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(BUSINESS_CALENDAR) private readonly calendar: BusinessCalendar,
    @Inject(DOCKET_CONFIG) private readonly config: DocketConfig,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
  ) {}

  private today(): string {
    return shanghaiDate(this.clock.now().toISOString());
  }

  /** The case and the role under which the user sends `type` on it (as POST /cases/:id/events decides). */
  private async acting(user: AuthenticatedUser, caseId: string, type: string): Promise<{ row: CaseEntity; def: WorkflowDefinition; actor: Actor }> {
    const row = await this.cases.findById(caseId);
    if (!row) throw caseNotFound(caseId);
    assertCanView(user, row);
    const def = this.registry.get(row.kind, row.workflowVersion);
    if (!isReviewMatter(def)) throw notAReviewMatter(row.kind, def.label);
    const roles: Role[] = def.events[type].roles;
    const eligible = user.roles.filter((r) => roles.includes(r));
    if (!eligible.length) throw roleNotAllowed(roles);
    // a department head acts only on its own unit's cases
    const role = eligible.find((r) => r !== 'department-head' || ownsCase(user, row));
    if (!role) throw notYourOrgUnit(caseId);
    return { row, def, actor: { userId: user.id, role, orgUnit: user.orgUnit } };
  }

  /** The requested completion date against the matter type's minimum review period (working days). */
  private checkPeriod(def: WorkflowDefinition, dto: SubmitLiaisonFormRequestDto): void {
    if (dto.urgentReason) return; // the workflow records the reason (R713 Art. 26 ¶2)
    const period = minReviewPeriod(def);
    if (!period) return;
    const days = this.config.rules[period.key] ?? period.default;
    let min: string;
    try {
      min = this.calendar.addWorkdays(this.today(), days);
    } catch (e) {
      // a period that touches a year without holiday data is refused, never guessed (SPEC §8)
      if (e instanceof CalendarYearMissingError) throw new DocketError(422, e.code, e.zh, e.en, 'SPEC §8', { year: e.year });
      throw e;
    }
    if (dto.requestedCompletionDate < min) {
      throw reviewPeriodTooShort(def, {
        article: period.article,
        days,
        key: period.key,
        minCompletionDate: min,
        requestedCompletionDate: dto.requestedCompletionDate,
      });
    }
  }

  /** Records the contact of a submission sent through the desk (once per submission). */
  private recordForm(row: CaseEntity, submit: HistoryRecord, createdBy: string, contact: { name: string; phone: string }): Promise<LiaisonFormEntity> {
    return this.forms.record({
      caseId: row.id,
      submitSeq: submit.seq,
      kind: row.kind,
      orgUnit: submit.actor.orgUnit,
      contactName: contact.name,
      contactPhone: contact.phone,
      createdAt: this.clock.now().toISOString(),
      createdBy,
    });
  }

  private async entry(user: AuthenticatedUser, caseId: string, seq?: number): Promise<DeskEntry | null> {
    const entries = await this.entries(user, { caseId });
    const mine = entries.filter((e) => e.caseId === caseId);
    return (seq === undefined ? mine[mine.length - 1] : mine.find((e) => e.submittedSeq === seq)) ?? null;
  }

  private async entries(user: AuthenticatedUser, filter: { kind?: string; caseId?: string }): Promise<DeskEntry[]> {
    const scope = listScope(user);
    const { records, cases, forms, deadlines } = await this.forms.reviewRecords(REVIEW_EVENT_TYPES, scope, filter);
    const today = this.today();
    const entries = cases.flatMap((row) => {
      const def = this.registry.get(row.kind, row.workflowVersion);
      if (!isReviewMatter(def)) return [];
      return deskEntries(row, def, records.filter((r) => r.caseId === row.id), forms, deadlines, today);
    });
    return nameDeskPeople(entries, await this.people(entries), new Map((await this.users.listOrgUnits()).map((u) => [u.id, { zh: u.nameZh, en: u.nameEn }])));
  }

  /** The users the entries name (submitter, who accepted, returned, gave the opinion). */
  private async people(entries: DeskEntry[]): Promise<Map<string, { displayName: string; orgUnit: string }>> {
    const ids = new Set(entries.flatMap((e) => [e.submittedBy, e.accepted?.by, e.returned?.by, e.opinion?.by].filter((x): x is string => !!x)));
    const out = new Map<string, { displayName: string; orgUnit: string }>();
    for (const id of ids) {
      const u = await this.users.findById(id);
      if (u) out.set(id, { displayName: u.displayName, orgUnit: u.orgUnit });
    }
    return out;
  }

  /**
   * Sends the event through the one runtime path. The workflow's payload check names its own
   * fields (`payload.legalAdvisers`); they are answered under the desk's names (`advisersConsulted`).
   */
  private async send(cmd: Parameters<WorkflowRuntime['dispatch']>[0], field: (name: string) => string) {
    try {
      return await this.runtime.dispatch(cmd);
    } catch (e) {
      const errors = e instanceof DocketError && e.code === 'VALIDATION_FAILED' ? (e.details?.errors as ValidationProblem[] | undefined) : undefined;
      if (!errors) throw e;
      throw validationFailed(errors.map((x) => ({ ...x, field: field(x.field.replace(/^payload\.?/, '')) })));
    }
  }

  private result(updated: CaseEntity, record: HistoryRecord, form: DeskEntry | null) {
    const def = this.registry.get(updated.kind, updated.workflowVersion);
    return {
      form,
      case: { id: updated.id, revision: updated.revision, state: { path: updated.statePath, label: def.states[updated.statePath]?.label ?? null } },
      event: record,
    };
  }

  /** GET /review-desk/queue */
  async queue(user: AuthenticatedUser, q: ReviewQueueRequestDto) {
    if (q.kind) this.runtime.latest(q.kind); // 400 UNKNOWN_WORKFLOW
    let items = await this.entries(user, { kind: q.kind });
    if (q.status) items = items.filter((e) => e.status === q.status);
    if (q.unit) items = items.filter((e) => e.unit === q.unit);
    items = sortEntries(items, q.sort ?? 'dueDate', q.order ?? 'asc');
    const offset = q.offset ?? 0;
    const limit = q.limit ?? 100;
    return { today: this.today(), total: items.length, items: items.slice(offset, offset + limit) };
  }

  /** POST /review-desk/forms: a department head sends its case to review with a liaison form. */
  async submit(user: AuthenticatedUser, dto: SubmitLiaisonFormRequestDto) {
    const { row, def, actor } = await this.acting(user, dto.caseId, REVIEW_EVENTS.submit);
    // the period is a payload check: a case that cannot be submitted now gets the workflow's own answer
    if (row.statePath === REVIEW_STATES.awaitingSubmission) this.checkPeriod(def, dto);
    const payload = {
      materials: dto.materials,
      requestedCompletionDate: dto.requestedCompletionDate,
      ...(dto.urgentReason !== undefined ? { urgentReason: dto.urgentReason } : {}),
    };
    const { case: updated, record } = await this.send(
      { caseId: row.id, type: REVIEW_EVENTS.submit, payload, actor, expectedRevision: dto.expectedRevision },
      (f) => f,
    );
    // The record carries the form's number (drawn in its transaction); after the commit the desk
    // adds the contact. Should this write fail, the submission still shows, numbered, on the desk.
    await this.recordForm(updated, record, user.id, dto.contact);
    return this.result(updated, record, await this.entry(user, row.id, record.seq));
  }

  /**
   * POST /review-desk/cases/:id/accept: 签收, with the form number as the receipt number: the
   * submission's own number (none on a submission recorded before submissions were numbered).
   */
  async accept(user: AuthenticatedUser, caseId: string, dto: AcceptFormRequestDto) {
    const { row, actor } = await this.acting(user, caseId, REVIEW_EVENTS.accept);
    let payload: Record<string, unknown> = {};
    if (row.statePath === REVIEW_STATES.submitted) {
      const submit = await this.forms.latestRecord(caseId, REVIEW_EVENTS.submit);
      const number = submit ? formNumber(submit) : null;
      if (number !== null) payload = { receiptNumber: number };
    }
    const { case: updated, record } = await this.send(
      { caseId, type: REVIEW_EVENTS.accept, payload, actor, expectedRevision: dto.expectedRevision },
      (f) => f,
    );
    return this.result(updated, record, await this.entry(user, caseId));
  }

  /** POST /review-desk/cases/:id/return: 退回补充材料. */
  async returnForSupplement(user: AuthenticatedUser, caseId: string, dto: ReturnFormRequestDto) {
    const { actor } = await this.acting(user, caseId, REVIEW_EVENTS.return);
    const { case: updated, record } = await this.send(
      {
        caseId,
        type: REVIEW_EVENTS.return,
        payload: { missing: dto.missing, ...(dto.note !== undefined ? { note: dto.note } : {}) },
        actor,
        expectedRevision: dto.expectedRevision,
      },
      (f) => f,
    );
    return this.result(updated, record, await this.entry(user, caseId));
  }

  /** POST /review-desk/cases/:id/opinion: 审查意见书, as the matter type's ISSUE_REVIEW_OPINION. */
  async issueOpinion(user: AuthenticatedUser, caseId: string, dto: IssueOpinionRequestDto) {
    const { actor } = await this.acting(user, caseId, REVIEW_EVENTS.opinion);
    const common: Record<string, unknown> = {
      outcome: dto.outcome,
      reasons: dto.reasons,
      legalBasis: dto.legalBasis,
      ...(dto.advisersConsulted?.length ? { legalAdvisers: dto.advisersConsulted } : {}),
      ...(dto.suggestions !== undefined ? { suggestions: dto.suggestions } : {}),
      ...(dto.documentHash !== undefined ? { documentHash: dto.documentHash } : {}),
    };
    const details = dto.details ?? {};
    const clash = Object.keys(details).filter((k) => OPINION_FIELDS.includes(k) || k === 'legalAdvisers');
    if (clash.length) {
      throw validationFailed(
        clash.map((k) => {
          const en = `details.${k} is a field of the opinion itself; send it there`;
          const zh = `属于审查意见本身的内容，请在“${REQUEST_FIELD_TITLES[k]?.zh ?? k}”中填写`;
          return { field: `details.${k}`, title: REQUEST_FIELD_TITLES[k], problems: [en], problemsZh: [zh], constraints: [{ code: 'misplaced', zh, en }] };
        }),
      );
    }
    const { case: updated, record } = await this.send(
      { caseId, type: REVIEW_EVENTS.opinion, payload: { ...details, ...common }, actor, expectedRevision: dto.expectedRevision },
      (f) => {
        const top = f.split(/[.[]/)[0];
        if (top === 'legalAdvisers') return `advisersConsulted${f.slice(top.length)}`;
        return OPINION_FIELDS.includes(top) ? f : `details.${f}`;
      },
    );
    return this.result(updated, record, await this.entry(user, caseId));
  }
}
