import { DataSource } from 'typeorm';
import { WriteSerializer } from './write-serializer';

export interface CleanupCampaignRow {
  id: string;
  name: string;
  kind: 'REGULAR' | 'SPECIAL';
  basis: string | null;
  startedAt: string;
  startedOn: string;
  startedBy: string;
  startedRole: string;
  finishedAt: string | null;
}

export interface CleanupCampaignCaseRow {
  campaignId: string;
  caseId: string;
  outcome: 'opened' | 'refused';
  code: string | null;
  seq: number | null;
  at: string;
}

/** Cleanup campaigns and what each did to every document in force (plain SQL on both databases). */
export class CleanupCampaignRepository {
  private readonly pg: boolean;

  private readonly serializer: WriteSerializer | null;

  constructor(private readonly dataSource: DataSource) {
    this.pg = dataSource.options.type === 'postgres';
    this.serializer = this.pg ? null : WriteSerializer.for(dataSource);
  }

  private p(n: number): string {
    return this.pg ? `$${n}` : '?';
  }

  private write<T>(work: () => Promise<T>): Promise<T> {
    return this.serializer ? this.serializer.run(work) : work();
  }

  async insert(c: CleanupCampaignRow): Promise<void> {
    await this.write(() =>
      this.dataSource.query(
        `INSERT INTO cleanup_campaigns (id, name, kind, basis, started_at, started_on, started_by, started_role, finished_at)
         VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => this.p(n)).join(', ')})`,
        [c.id, c.name, c.kind, c.basis, c.startedAt, c.startedOn, c.startedBy, c.startedRole, c.finishedAt],
      ),
    );
  }

  async finish(id: string, at: string): Promise<void> {
    await this.write(() => this.dataSource.query(`UPDATE cleanup_campaigns SET finished_at = ${this.p(1)} WHERE id = ${this.p(2)}`, [at, id]));
  }

  async recordCase(r: CleanupCampaignCaseRow): Promise<void> {
    await this.write(() =>
      this.dataSource.query(
        `INSERT INTO cleanup_campaign_cases (campaign_id, case_id, outcome, code, seq, at) VALUES (${[1, 2, 3, 4, 5, 6].map((n) => this.p(n)).join(', ')})`,
        [r.campaignId, r.caseId, r.outcome, r.code, r.seq, r.at],
      ),
    );
  }

  async find(id: string): Promise<CleanupCampaignRow | null> {
    const rows = await this.dataSource.query(`SELECT * FROM cleanup_campaigns WHERE id = ${this.p(1)}`, [id]);
    return rows.length ? toCampaign(rows[0]) : null;
  }

  async findByName(name: string): Promise<CleanupCampaignRow | null> {
    const rows = await this.dataSource.query(`SELECT * FROM cleanup_campaigns WHERE name = ${this.p(1)}`, [name]);
    return rows.length ? toCampaign(rows[0]) : null;
  }

  async list(): Promise<CleanupCampaignRow[]> {
    return (await this.dataSource.query(`SELECT * FROM cleanup_campaigns ORDER BY started_at DESC, id`)).map(toCampaign);
  }

  async cases(campaignId: string): Promise<CleanupCampaignCaseRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT * FROM cleanup_campaign_cases WHERE campaign_id = ${this.p(1)} ORDER BY at, case_id`,
      [campaignId],
    );
    return rows.map((r) => ({
      campaignId: String(r.campaign_id),
      caseId: String(r.case_id),
      outcome: r.outcome as CleanupCampaignCaseRow['outcome'],
      code: (r.code as string | null) ?? null,
      seq: r.seq === null || r.seq === undefined ? null : Number(r.seq),
      at: String(r.at),
    }));
  }

  /** The ids of the cases of `kind` whose state is `statePath` or below it, oldest first. */
  /** The cases of a kind that have not ended (status active), with their state value and snapshot, oldest first. */
  async runningCases(kind: string): Promise<Array<{ id: string; stateValue: string; snapshot: string }>> {
    const rows: Array<{ id: string; state_value: string; snapshot: string }> = await this.dataSource.query(
      `SELECT id, state_value, snapshot FROM cases WHERE kind = ${this.p(1)} AND status = 'active' ORDER BY created_at, id`,
      [kind],
    );
    return rows.map((r) => ({ id: String(r.id), stateValue: String(r.state_value), snapshot: String(r.snapshot) }));
  }

  async caseIdsIn(kind: string, statePath: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM cases WHERE kind = ${this.p(1)} AND (state_path = ${this.p(2)} OR state_path LIKE ${this.p(3)}) ORDER BY created_at, id`,
      [kind, statePath, `${statePath}.%`],
    );
    return rows.map((r) => r.id);
  }
}

function toCampaign(r: Record<string, unknown>): CleanupCampaignRow {
  return {
    id: String(r.id),
    name: String(r.name),
    kind: r.kind as CleanupCampaignRow['kind'],
    basis: (r.basis as string | null) ?? null,
    startedAt: String(r.started_at),
    startedOn: String(r.started_on),
    startedBy: String(r.started_by),
    startedRole: String(r.started_role),
    finishedAt: (r.finished_at as string | null) ?? null,
  };
}
