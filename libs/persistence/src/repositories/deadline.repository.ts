import type { CaseScope } from '@app/engine';
import { DataSource } from 'typeorm';
import { CaseEntity } from '../entities/case.entity';
import { DeadlineEntity, DeadlineStatus } from '../entities/deadline.entity';
import { whereInCaseScope } from './case-scope';
import { WriteSerializer } from './write-serializer';

export interface DeadlineListFilter {
  statuses?: DeadlineStatus[];
  /** only rows due on or before this day */
  dueOnOrBefore?: string;
  /** only rows due before this day */
  dueBefore?: string;
  caseId?: string;
  /** only the deadlines of these cases */
  caseIds?: string[];
  /** only the deadlines of the cases in this scope (`caseScopeOf` in the engine); unset = every case */
  scope?: CaseScope;
  limit?: number;
  offset?: number;
}

/** Reads deadlines. Writes happen in the case transactions (CaseRepository) and in the scheduler. */
export class DeadlineRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  /**
   * Gives a calendar-missing deadline the due date computed once its year's holiday data is
   * loaded, and opens it. False when the row is no longer calendar-missing (closed meanwhile).
   */
  async resolveCalendarMissing(id: string, dueDate: string): Promise<boolean> {
    const tx = () =>
      this.dataSource.transaction((m) =>
        m
          .createQueryBuilder()
          .update(DeadlineEntity)
          .set({ dueDate, status: 'open' })
          .where("id = :id AND status = 'calendar-missing'", { id })
          .execute(),
      );
    const res = await (this.serializer ? this.serializer.run(tx) : tx());
    return res.affected === 1;
  }

  /**
   * Keeps an open deadline as calendar-missing (its due date stays): a date its reminders or its
   * lateness count need lies in a year without holiday data. False when it is no longer open.
   */
  async markCalendarMissing(id: string): Promise<boolean> {
    const tx = () =>
      this.dataSource.transaction((m) =>
        m.createQueryBuilder().update(DeadlineEntity).set({ status: 'calendar-missing' }).where("id = :id AND status = 'open'", { id }).execute(),
      );
    const res = await (this.serializer ? this.serializer.run(tx) : tx());
    return res.affected === 1;
  }

  findById(id: string): Promise<DeadlineEntity | null> {
    return this.dataSource.getRepository(DeadlineEntity).findOne({ where: { id } });
  }

  forCase(caseId: string): Promise<DeadlineEntity[]> {
    return this.dataSource.getRepository(DeadlineEntity).find({ where: { caseId }, order: { openedSeq: 'ASC', key: 'ASC' } });
  }

  async list(filter: DeadlineListFilter): Promise<{ items: DeadlineEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(DeadlineEntity).createQueryBuilder('d');
    if (filter.statuses?.length) qb.andWhere('d.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.dueOnOrBefore) qb.andWhere('d.due_date <= :dueOnOrBefore', { dueOnOrBefore: filter.dueOnOrBefore });
    if (filter.dueBefore) qb.andWhere('d.due_date < :dueBefore', { dueBefore: filter.dueBefore });
    if (filter.caseId) qb.andWhere('d.case_id = :caseId', { caseId: filter.caseId });
    if (filter.caseIds) {
      if (filter.caseIds.length) qb.andWhere('d.case_id IN (:...caseIds)', { caseIds: filter.caseIds });
      else qb.andWhere('1 = 0');
    }
    // the case's own units and review status decide, as on /cases (the row's org_units is a copy)
    if (filter.scope && !filter.scope.all) {
      const cases = whereInCaseScope(qb.subQuery().select('c.id').from(CaseEntity, 'c'), filter.scope, 'c');
      qb.andWhere(`d.case_id IN ${cases.getQuery()}`).setParameters(cases.getParameters());
    }
    qb.orderBy('d.due_date', 'ASC').addOrderBy('d.id', 'ASC');
    qb.take(filter.limit ?? 100).skip(filter.offset ?? 0);
    const [items, total] = await qb.getManyAndCount();
    return { items, total };
  }

  /** Every open row, in pages (reconciliation re-creates their jobs from these). */
  async *open(pageSize = 1000, statuses: DeadlineStatus[] = ['open']): AsyncGenerator<DeadlineEntity[]> {
    let lastId = '';
    for (;;) {
      const page = await this.dataSource
        .getRepository(DeadlineEntity)
        .createQueryBuilder('d')
        .where('d.status IN (:...statuses) AND d.id > :lastId', { statuses, lastId })
        .orderBy('d.id', 'ASC')
        .take(pageSize)
        .getMany();
      if (!page.length) return;
      yield page;
      lastId = page[page.length - 1].id;
    }
  }
}
