import { DataSource } from 'typeorm';
import { WriteSerializer } from './write-serializer';

/** One comment of a consultation's docket (table consultation_comments). */
export interface ConsultationCommentRow {
  id: string;
  caseId: string;
  round: number;
  trackingNumber: string;
  /** SHA-256 of the receipt's 查询码; null for input entered by staff (no receipt) */
  queryCodeHash: string | null;
  /** PORTAL, or where staff received it: LETTER / PHONE / SYMPOSIUM / HEARING / OTHER */
  source: string;
  submitterType: string;
  displayName: string | null;
  contact: string | null;
  clause: number | null;
  text: string;
  confidential: boolean;
  /** received after the period's last day (逾期): kept, never dropped */
  late: boolean;
  receivedAt: string;
  receivedOn: string;
  enteredBy: string | null;
  enteredRole: string | null;
  addressHash: string | null;
  /** the nonce of the portal challenge the comment was sent with (one comment per challenge) */
  challengeNonce: string | null;
  /** hidden by moderation, with the reason category (never deleted) */
  hiddenReason?: string | null;
  groupId?: string | null;
  disposition?: string | null;
  dispositionReason?: string | null;
  clauseChanged?: string | null;
}

export interface CommentGroupRow {
  id: string;
  caseId: string;
  round: number;
  title: string;
  disposition: string | null;
  dispositionReason: string | null;
  clauseChanged: string | null;
  createdAt: string;
}

/** One staff action on a docket (append-only). */
export interface ConsultationActionRow {
  id: string;
  caseId: string;
  commentId: string | null;
  groupId: string | null;
  action: string;
  detail: Record<string, unknown>;
  actorId: string;
  actorRole: string;
  at: string;
}

const COLUMNS = [
  'id', 'case_id', 'round', 'tracking_number', 'query_code_hash', 'source', 'submitter_type', 'display_name', 'contact', 'clause',
  'text', 'confidential', 'late', 'received_at', 'received_on', 'entered_by', 'entered_role', 'address_hash', 'challenge_nonce',
];

/** The comment dockets of consultations (plain SQL on both databases). */
export class ConsultationCommentRepository {
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

  async insert(c: ConsultationCommentRow): Promise<void> {
    await this.write(() =>
      this.dataSource.query(
        `INSERT INTO consultation_comments (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map((_, i) => this.p(i + 1)).join(', ')})`,
        [
          c.id, c.caseId, c.round, c.trackingNumber, c.queryCodeHash, c.source, c.submitterType, c.displayName, c.contact, c.clause,
          c.text, c.confidential ? 1 : 0, c.late ? 1 : 0, c.receivedAt, c.receivedOn, c.enteredBy, c.enteredRole, c.addressHash, c.challengeNonce,
        ],
      ),
    );
  }

  /** The comments of one round of a case's consultation, in the order received. */
  async forRound(caseId: string, round: number): Promise<ConsultationCommentRow[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM consultation_comments WHERE case_id = ${this.p(1)} AND round = ${this.p(2)} ORDER BY received_at, id`,
      [caseId, round],
    );
    return rows.map(toComment);
  }

  /** Every comment of a case's consultations (all rounds), in the order received. */
  async forCase(caseId: string): Promise<ConsultationCommentRow[]> {
    const rows = await this.dataSource.query(`SELECT * FROM consultation_comments WHERE case_id = ${this.p(1)} ORDER BY round, received_at, id`, [caseId]);
    return rows.map(toComment);
  }

  async findById(id: string): Promise<ConsultationCommentRow | null> {
    const rows = await this.dataSource.query(`SELECT * FROM consultation_comments WHERE id = ${this.p(1)}`, [id]);
    return rows.length ? toComment(rows[0]) : null;
  }

  async findGroup(id: string): Promise<CommentGroupRow | null> {
    const rows = await this.dataSource.query(`SELECT * FROM consultation_comment_groups WHERE id = ${this.p(1)}`, [id]);
    return rows.length ? toGroup(rows[0]) : null;
  }

  async groupsOfRound(caseId: string, round: number): Promise<CommentGroupRow[]> {
    const rows = await this.dataSource.query(
      `SELECT * FROM consultation_comment_groups WHERE case_id = ${this.p(1)} AND round = ${this.p(2)} ORDER BY created_at, id`,
      [caseId, round],
    );
    return rows.map(toGroup);
  }

  /**
   * Applies one staff action: the changed columns of comments or a group, and the action's row,
   * in one transaction.
   */
  async act(
    action: ConsultationActionRow,
    change: { comments?: { ids: string[]; set: Partial<Record<'hidden_reason' | 'group_id' | 'disposition' | 'disposition_reason' | 'clause_changed', string | null>> }; group?: { insert?: CommentGroupRow; id?: string; set?: Partial<Record<'disposition' | 'disposition_reason' | 'clause_changed', string | null>> } },
  ): Promise<void> {
    await this.write(() =>
      this.dataSource.transaction(async (m) => {
        const g = change.group;
        if (g?.insert) {
          const r = g.insert;
          await m.query(
            `INSERT INTO consultation_comment_groups (id, case_id, round, title, disposition, disposition_reason, clause_changed, created_at) VALUES (${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => this.p(n)).join(', ')})`,
            [r.id, r.caseId, r.round, r.title, r.disposition, r.dispositionReason, r.clauseChanged, r.createdAt],
          );
        }
        if (g?.id && g.set) {
          const cols = Object.keys(g.set);
          await m.query(
            `UPDATE consultation_comment_groups SET ${cols.map((c, i) => `${c} = ${this.p(i + 1)}`).join(', ')} WHERE id = ${this.p(cols.length + 1)}`,
            [...Object.values(g.set), g.id],
          );
        }
        const c = change.comments;
        if (c && c.ids.length) {
          const cols = Object.keys(c.set);
          await m.query(
            `UPDATE consultation_comments SET ${cols.map((col, i) => `${col} = ${this.p(i + 1)}`).join(', ')} WHERE id IN (${c.ids.map((_, i) => this.p(cols.length + i + 1)).join(', ')})`,
            [...Object.values(c.set), ...c.ids],
          );
        }
        await m.query(
          `INSERT INTO consultation_actions (id, case_id, comment_id, group_id, action, detail, actor_id, actor_role, at) VALUES (${[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => this.p(n)).join(', ')})`,
          [action.id, action.caseId, action.commentId, action.groupId, action.action, JSON.stringify(action.detail), action.actorId, action.actorRole, action.at],
        );
      }),
    );
  }

  async actions(caseId: string): Promise<ConsultationActionRow[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT * FROM consultation_actions WHERE case_id = ${this.p(1)} ORDER BY at, id`,
      [caseId],
    );
    return rows.map((r) => ({
      id: String(r.id),
      caseId: String(r.case_id),
      commentId: orNull(r.comment_id, String),
      groupId: orNull(r.group_id, String),
      action: String(r.action),
      detail: JSON.parse(String(r.detail)) as Record<string, unknown>,
      actorId: String(r.actor_id),
      actorRole: String(r.actor_role),
      at: String(r.at),
    }));
  }

  async challengeUsed(nonce: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 AS used FROM consultation_comments WHERE challenge_nonce = ${this.p(1)}`, [nonce]);
    return rows.length > 0;
  }

  async findByTrackingNumber(trackingNumber: string): Promise<ConsultationCommentRow | null> {
    const rows = await this.dataSource.query(`SELECT * FROM consultation_comments WHERE tracking_number = ${this.p(1)}`, [trackingNumber]);
    return rows.length ? toComment(rows[0]) : null;
  }

  /** The active cases of the given kinds, for the public list of consultations (their snapshot holds the period). */
  async activeCases(kinds: readonly string[]): Promise<Array<{ id: string; kind: string; title: string; snapshot: string }>> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT id, kind, title, snapshot FROM cases WHERE status = 'active' AND kind IN (${kinds.map((_, i) => this.p(i + 1)).join(', ')}) ORDER BY created_at, id`,
      [...kinds],
    );
    return rows.map((r) => ({ id: String(r.id), kind: String(r.kind), title: String(r.title), snapshot: String(r.snapshot) }));
  }
}

const flag = (v: unknown): boolean => v === true || v === 1 || v === '1';
const orNull = <T>(v: unknown, f: (x: unknown) => T): T | null => (v === null || v === undefined ? null : f(v));

function toGroup(r: Record<string, unknown>): CommentGroupRow {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    round: Number(r.round),
    title: String(r.title),
    disposition: orNull(r.disposition, String),
    dispositionReason: orNull(r.disposition_reason, String),
    clauseChanged: orNull(r.clause_changed, String),
    createdAt: String(r.created_at),
  };
}

function toComment(r: Record<string, unknown>): ConsultationCommentRow {
  return {
    id: String(r.id),
    caseId: String(r.case_id),
    round: Number(r.round),
    trackingNumber: String(r.tracking_number),
    queryCodeHash: orNull(r.query_code_hash, String),
    source: String(r.source),
    submitterType: String(r.submitter_type),
    displayName: orNull(r.display_name, String),
    contact: orNull(r.contact, String),
    clause: orNull(r.clause, Number),
    text: String(r.text),
    confidential: flag(r.confidential),
    late: flag(r.late),
    receivedAt: String(r.received_at),
    receivedOn: String(r.received_on),
    enteredBy: orNull(r.entered_by, String),
    enteredRole: orNull(r.entered_role, String),
    addressHash: orNull(r.address_hash, String),
    challengeNonce: orNull(r.challenge_nonce, String),
    hiddenReason: orNull(r.hidden_reason, String),
    groupId: orNull(r.group_id, String),
    disposition: orNull(r.disposition, String),
    dispositionReason: orNull(r.disposition_reason, String),
    clauseChanged: orNull(r.clause_changed, String),
  };
}
