import { randomUUID } from 'crypto';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { CaseHistoryEntity } from '../entities/case-history.entity';
import { CaseEntity } from '../entities/case.entity';
import { DeadlineEntity } from '../entities/deadline.entity';
import { LiaisonFormEntity } from '../entities/liaison-form.entity';
import { toRecord } from './case.repository';
import { WriteSerializer } from './write-serializer';
import type { CaseScope, HistoryRecord } from '@app/engine';
import { whereInCaseScope } from './case-scope';

/** What a form says: the contact of one submission (its number is the submission record's own). */
export type NewLiaisonForm = Pick<LiaisonFormEntity, 'caseId' | 'submitSeq' | 'kind' | 'orgUnit' | 'contactName' | 'contactPhone' | 'createdAt' | 'createdBy'>;

/** Which cases a caller sees on the desk (as `CaseListFilter.scope`); unset = every case. */
export type LiaisonScope = CaseScope;

const isUniqueViolation = (e: unknown) =>
  e instanceof QueryFailedError &&
  (String((e as QueryFailedError & { code?: string }).code) === '23505' || /UNIQUE constraint failed/i.test(e.message));

/**
 * Work liaison forms (工作联系单) and the reads the review desk needs. A form's number is drawn by
 * the runtime with the submission itself (the SUBMIT_FOR_LEGALITY_REVIEW record's
 * `facts.liaisonFormNumber`, from the central counter `review.liaisonForm`); a form row adds only
 * the contact, once per submission (unique on case and submission).
 */
export class LiaisonFormRepository {
  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.serializer = dataSource.options.type === 'postgres' ? null : WriteSerializer.for(dataSource);
  }

  /** The case's latest history record of this type (e.g. its current submission to review). */
  async latestRecord(caseId: string, type: string): Promise<HistoryRecord | null> {
    const row = await this.dataSource.getRepository(CaseHistoryEntity).findOne({ where: { caseId, type }, order: { seq: 'DESC' } });
    return row ? toRecord(row) : null;
  }

  forSubmission(caseId: string, submitSeq: number): Promise<LiaisonFormEntity | null> {
    return this.dataSource.getRepository(LiaisonFormEntity).findOne({ where: { caseId, submitSeq } });
  }

  /**
   * Records the form of a submission (its contact), once: a second call for the same submission,
   * concurrent or later, returns the form already recorded.
   */
  async record(form: NewLiaisonForm): Promise<LiaisonFormEntity> {
    const existing = await this.forSubmission(form.caseId, form.submitSeq);
    if (existing) return existing;
    const entity = Object.assign(new LiaisonFormEntity(), form, { id: randomUUID() });
    const insert = () => this.dataSource.getRepository(LiaisonFormEntity).insert(entity);
    try {
      await (this.serializer ? this.serializer.run(insert) : insert());
      return entity;
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      // recorded meanwhile by a concurrent call for the same submission
      const won = await this.forSubmission(form.caseId, form.submitSeq);
      if (!won) throw e;
      return won;
    }
  }

  /**
   * The review records (submission, acceptance, return, opinion) of the cases in `scope`, oldest
   * first per case, with their cases, liaison forms and deadline rows.
   */
  async reviewRecords(
    types: string[],
    scope: LiaisonScope | undefined,
    filter: { kind?: string; caseId?: string } = {},
  ): Promise<{ records: HistoryRecord[]; cases: CaseEntity[]; forms: LiaisonFormEntity[]; deadlines: DeadlineEntity[] }> {
    const qb = this.dataSource
      .getRepository(CaseHistoryEntity)
      .createQueryBuilder('h')
      .innerJoin(CaseEntity, 'c', 'c.id = h.case_id')
      .where('h.type IN (:...types)', { types });
    if (filter.kind) qb.andWhere('c.kind = :kind', { kind: filter.kind });
    if (filter.caseId) qb.andWhere('c.id = :caseId', { caseId: filter.caseId });
    whereInCaseScope(qb, scope, 'c');
    qb.orderBy('h.case_id', 'ASC').addOrderBy('h.seq', 'ASC');
    const records = (await qb.getMany()).map(toRecord);
    const ids = [...new Set(records.map((r) => r.caseId))];
    if (!ids.length) return { records, cases: [], forms: [], deadlines: [] };
    const [cases, forms, deadlines] = await Promise.all([
      this.dataSource.getRepository(CaseEntity).find({ where: { id: In(ids) } }),
      this.dataSource.getRepository(LiaisonFormEntity).find({ where: { caseId: In(ids) } }),
      this.dataSource.getRepository(DeadlineEntity).find({ where: { caseId: In(ids) } }),
    ]);
    return { records, cases, forms, deadlines };
  }
}
