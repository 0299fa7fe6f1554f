import { OrgUnitNames } from '../users/org-unit-names';
import type { AuthenticatedUser } from '@app/auth';
import { HistoryRecord, WorkflowRegistry } from '@app/engine';
import { CASE_REPOSITORY, CaseRepository, LiaisonFormRepository, USER_REPOSITORY, UserRepository } from '@app/persistence';
import { caseNotFound, DocketError, WORKFLOW_REGISTRY } from '@app/runtime';
import { allWorkflows } from '@app/workflows';
import { Inject, Injectable } from '@nestjs/common';
import { assertCanView } from '../cases/case-access.policy';
import { FieldTexts, PaperNames } from './paper-text';
import { PAPER_KINDS, PAPER_SOURCES, PAPER_TITLES, PaperKind, renderPaper } from './papers.renderer';

/** The field titles of every workflow, built once (pure data from the payload classes). */
let fieldTexts: FieldTexts | null = null;
export const paperFieldTexts = (): FieldTexts => (fieldTexts ??= new FieldTexts(allWorkflows));

/** Names of the people who acted on a case and of every unit, for the papers. */
export async function paperNames(users: UserRepository, records: Array<Pick<HistoryRecord, 'actor'>>): Promise<PaperNames> {
  const people: Record<string, string> = {};
  for (const id of new Set(records.map((r) => r.actor?.userId).filter((x): x is string => typeof x === 'string'))) {
    const u = await users.findById(id);
    if (u) people[id] = u.displayName;
  }
  const rows = await users.listOrgUnits();
  const named = new OrgUnitNames(rows);
  const units = Object.fromEntries(rows.map((u) => [u.id, u.nameZh]));
  return { people, units, unitAt: (id, at) => named.at(id, at)?.zh };
}

/**
 * The printable papers of a case (issue 11, Papers): the work liaison form, the review opinion,
 * the meeting minutes, the filing report and the publication notice, each printed from the
 * latest record it rests on. Whoever may see the case may print its papers.
 */
@Injectable()
export class PapersService {
  constructor(
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    @Inject(WORKFLOW_REGISTRY) private readonly registry: WorkflowRegistry,
    private readonly forms: LiaisonFormRepository,
  ) {}

  /** The papers the case has a record for (the latest record each is printed from), in PAPER_KINDS order. */
  async list(user: AuthenticatedUser, id: string) {
    const row = await this.cases.findById(id);
    if (!row) throw caseNotFound(id);
    assertCanView(user, row);
    const history = await this.cases.history(id);
    const items = PAPER_KINDS.flatMap((paper) => {
      const record = history.filter((r) => PAPER_SOURCES[paper].includes(r.type)).at(-1);
      return record ? [{ paper, title: PAPER_TITLES[paper], seq: record.seq, at: record.at }] : [];
    });
    return { caseId: id, items };
  }

  async render(user: AuthenticatedUser, id: string, paper: PaperKind): Promise<string> {
    const row = await this.cases.findById(id);
    if (!row) throw caseNotFound(id);
    assertCanView(user, row);
    const def = this.registry.get(row.kind, row.workflowVersion);
    const history = await this.cases.history(id);
    const records = history.filter((r) => PAPER_SOURCES[paper].includes(r.type));
    const record = records.at(-1);
    if (!record) throw paperNotYet(paper);
    const form = paper === 'liaison-form' ? await this.forms.forSubmission(id, record.seq) : null;
    return renderPaper(paper, {
      def,
      caseId: row.id,
      title: row.title,
      orgUnit: row.orgUnit,
      history,
      record,
      records,
      contact: form ? { name: form.contactName, phone: form.contactPhone } : null,
      names: await paperNames(this.users, history),
      fields: paperFieldTexts(),
    });
  }
}

const paperNotYet = (paper: PaperKind) =>
  new DocketError(
    404,
    'PAPER_NOT_AVAILABLE',
    `本案尚无可生成${PAPER_TITLES[paper].zh}的记录`,
    `The case has no record a ${PAPER_TITLES[paper].en.toLowerCase()} is printed from yet`,
    undefined,
    { paper },
  );
