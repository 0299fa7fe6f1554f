import { commentInclusion, commentLeaf, commentsSealedAt, verifyCommentInclusion } from '@app/audit';
import type { AuthenticatedUser } from '@app/auth';
import { roleNotAllowed } from '@app/auth';
import { articleZh, Role, shanghaiDate } from '@app/engine';
import {
  CASE_REPOSITORY,
  CaseEntity,
  CaseRepository,
  CommentGroupRow,
  ConsultationActionRow,
  ConsultationCommentRepository,
  ConsultationCommentRow,
  USER_REPOSITORY,
  UserRepository,
} from '@app/persistence';
import { caseNotFound, CLOCK, Clock, DocketError } from '@app/runtime';
import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'crypto';
import { AttachmentsService } from '../attachments/attachments.service';
import { detectFileType } from '../attachments/file-type';
import { assertCanView, ownsCase } from '../cases/case-access.policy';
import {
  ConsultationPeriod,
  CONSULTATION_KINDS,
  daysLeft,
  noConsultation,
  periodClosed,
  periodNotOpen,
  periodOf,
  phaseAt,
  sealOf,
} from './consultation-period';
import { ChallengeService } from './challenge';
import { EnterCommentRequestDto, LookupCommentRequestDto, SubmitCommentRequestDto } from './dto/submit-comment.request.dto';
import { DisposeRequestDto, GroupCommentsRequestDto, HideCommentRequestDto } from './dto/moderation.request.dto';
import {
  ACTION_LABELS,
  CLAUSE_REQUIRED,
  Disposition,
  DISPOSITION_LABELS,
  HIDE_REASON_LABELS,
  LATE_LABEL,
  REASON_REQUIRED,
  SOURCE_LABELS,
  SUBMITTER_TYPE_LABELS,
} from './participation.labels';
import { CONSULTATION_COMMENT_REPOSITORY } from './participation.tokens';

/** 《重大行政决策程序暂行条例》第十七条, as a clerk reads it */
const R713_ART_17_ZH = articleZh('R713 Art. 17');

/** Letters of receipts: no 0/O, 1/I/L, so a citizen can read them off a phone and type them back. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const randomCode = (n: number): string => Array.from(randomBytes(n), (b) => ALPHABET[b % ALPHABET.length]).join('');

/** The stored form of a 查询码: SHA-256 over the tracking number and the code (the code is never stored). */
export const queryCodeHash = (trackingNumber: string, code: string): string =>
  createHash('sha256').update(`${trackingNumber}\n${code.trim().toUpperCase()}`).digest('hex');

/** A contact as staff lists show it: the middle hidden (138****1234, z***@example.cn). */
export function maskContact(contact: string | null): string | null {
  if (!contact) return null;
  const at = contact.indexOf('@');
  if (at > 0) return `${contact.slice(0, 1)}***${contact.slice(at)}`;
  if (contact.length <= 4) return '*'.repeat(contact.length);
  const tail = contact.length >= 8 ? 4 : Math.floor(contact.length / 3);
  const head = contact.length >= 11 ? 3 : Math.floor(contact.length / 4);
  return `${contact.slice(0, head)}****${contact.slice(-tail)}`;
}

/** The roles that enter input received off the portal (the case's own department, the general office). */
const ENTERING_ROLES: Role[] = ['department-head', 'secretary'];

const commentNotFound = () =>
  new DocketError(404, 'COMMENT_NOT_FOUND', '意见编号或查询码不正确', 'No comment has this tracking number and query code');

const publicAttachmentNotFound = () =>
  new DocketError(404, 'ATTACHMENT_NOT_FOUND', '该征求意见事项没有公布此文件', 'This consultation has published no such file');

/** Where a receipt's comment stands. */
export const LOOKUP_STATUS = {
  RECEIVED: { zh: '已收到，正在研究', en: 'Received, under consideration' },
  ANSWERED: { zh: '已答复', en: 'Answered' },
  HIDDEN: { zh: '未予公开', en: 'Not published' },
} as const;

const challengeUsed = () =>
  new DocketError(422, 'CHALLENGE_USED', '该验证已使用过，请刷新页面后重新提交', 'This challenge has been used for a comment already; fetch a new one');

@Injectable()
export class ParticipationService {
  constructor(
    @Inject(CONSULTATION_COMMENT_REPOSITORY) private readonly comments: ConsultationCommentRepository,
    @Inject(CASE_REPOSITORY) private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly challenges: ChallengeService,
    @Inject(USER_REPOSITORY) private readonly users: UserRepository,
    private readonly attachments: AttachmentsService,
  ) {}

  private async consultation(caseId: string): Promise<{ row: CaseEntity; period: ConsultationPeriod }> {
    const row = await this.cases.findById(caseId);
    const period = row ? periodOf(row.kind, row.snapshot) : null;
    if (!row || !period) throw noConsultation(caseId);
    return { row, period };
  }

  private publicView(row: { id: string; kind: string; title: string }, p: ConsultationPeriod) {
    const now = this.clock.now();
    return {
      caseId: row.id,
      kind: row.kind,
      title: p.draft?.title || row.title,
      draft: p.draft,
      opensAt: p.opensAt,
      closesAt: p.closesAt,
      originalClosesAt: p.originalClosesAt,
      extensions: p.extensions,
      channels: p.channels,
      phase: phaseAt(p, now),
      daysLeft: daysLeft(p, now),
    };
  }

  // --- the public side ------------------------------------------------------------------------

  /** The consultations open now (and those announced, not yet open). */
  async openConsultations() {
    const now = this.clock.now();
    const rows = await this.comments.activeCases(CONSULTATION_KINDS);
    const items = rows
      .map((r) => ({ r, p: periodOf(r.kind, r.snapshot) }))
      .filter((x): x is { r: typeof x.r; p: ConsultationPeriod } => !!x.p && phaseAt(x.p, now) !== 'CLOSED')
      .map(({ r, p }) => this.publicView(r, p));
    return { total: items.length, items };
  }

  /** One consultation, with how many comments it received and how many moderation hid, by reason. */
  async publicConsultation(caseId: string) {
    const { row, period } = await this.consultation(caseId);
    const comments = await this.comments.forRound(caseId, period.round);
    const hiddenByReason = Object.entries(HIDE_REASON_LABELS)
      .map(([key, label]) => ({ key, label, count: comments.filter((c) => c.hiddenReason === key).length }))
      .filter((x) => x.count > 0);
    const draftFile = period.draft?.documentHash ? await this.attachments.info(period.draft.documentHash) : null;
    return { ...this.publicView(row, period), received: comments.length, hiddenByReason, draftFile };
  }

  /** A comment from the public; refused outside the period (every public write comes through here). */
  async submit(caseId: string, dto: SubmitCommentRequestDto, addressHash: string | null) {
    const { row, period } = await this.consultation(caseId);
    const now = this.clock.now();
    const phase = phaseAt(period, now);
    if (phase === 'CLOSED') throw periodClosed(row.kind, period);
    if (phase === 'NOT_OPEN') throw periodNotOpen(row.kind, period);
    const nonce = this.challenges.check(dto.challenge.token, dto.challenge.answer);
    if (await this.comments.challengeUsed(nonce)) throw challengeUsed();
    const receivedAt = now.toISOString();
    const receivedOn = shanghaiDate(receivedAt);
    const trackingNumber = `YJ${receivedOn.replace(/-/g, '')}-${randomCode(6)}`;
    const queryCode = randomCode(8);
    const comment: ConsultationCommentRow = {
      id: randomUUID(),
      caseId,
      round: period.round,
      trackingNumber,
      queryCodeHash: queryCodeHash(trackingNumber, queryCode),
      source: 'PORTAL',
      submitterType: dto.submitterType,
      displayName: dto.displayName?.trim() || null,
      contact: dto.contact?.trim() || null,
      clause: dto.clause ?? null,
      text: dto.text,
      confidential: dto.confidential === true,
      late: false,
      receivedAt,
      receivedOn,
      enteredBy: null,
      enteredRole: null,
      addressHash,
      challengeNonce: nonce,
    };
    try {
      await this.comments.insert(comment);
    } catch (e) {
      // two submissions racing with one solved challenge: the unique nonce lets one through
      if (await this.comments.challengeUsed(nonce)) throw challengeUsed();
      throw e;
    }
    return { trackingNumber, queryCode, receivedAt, title: period.draft?.title || row.title };
  }

  /** What a citizen sees with the receipt: the comment as received and its status. */
  async lookup(dto: LookupCommentRequestDto) {
    const c = await this.comments.findByTrackingNumber(dto.trackingNumber.trim().toUpperCase());
    if (!c?.queryCodeHash) throw commentNotFound();
    const given = Buffer.from(queryCodeHash(c.trackingNumber, dto.queryCode), 'hex');
    if (!timingSafeEqual(given, Buffer.from(c.queryCodeHash, 'hex'))) throw commentNotFound();
    const row = await this.cases.findById(c.caseId);
    return {
      trackingNumber: c.trackingNumber,
      caseId: c.caseId,
      title: (row && periodOf(row.kind, row.snapshot)?.draft?.title) || row?.title || '',
      receivedAt: c.receivedAt,
      submitterType: c.submitterType,
      submitterTypeLabel: SUBMITTER_TYPE_LABELS[c.submitterType as keyof typeof SUBMITTER_TYPE_LABELS],
      clause: c.clause,
      text: c.text,
      confidential: c.confidential,
      ...(await this.answerOf(c)),
      seal: row ? await this.sealProof(row, c) : null,
    };
  }

  /**
   * The comment's inclusion proof against the root sealed at the close of its round (null before
   * the close): the leaf (canonical JSON of the comment as received), its hash, the RFC 6962 audit
   * path computed from the stored comments, and whether it proves the leaf against the sealed root.
   */
  private async sealProof(row: CaseEntity, c: ConsultationCommentRow) {
    const seal = sealOf(row.kind, row.snapshot, c.round);
    if (!seal) return null;
    const set = commentsSealedAt(await this.comments.forRound(c.caseId, c.round), seal.sealedAt);
    const inclusion = commentInclusion(set, c.id);
    return {
      round: seal.round,
      sealedAt: seal.sealedAt,
      count: seal.count,
      root: seal.root,
      scheme: seal.scheme,
      leaf: commentLeaf(c),
      leafHash: inclusion?.leafHash ?? null,
      index: inclusion?.index ?? null,
      treeSize: inclusion?.treeSize ?? null,
      proof: inclusion?.proof ?? [],
      verified: inclusion ? verifyCommentInclusion(inclusion, seal.root) && inclusion.treeSize === seal.count : false,
    };
  }

  /**
   * Where a comment stands, as its receipt shows it: received; answered (its own answer or its
   * group's: the disposition, the reason, the clause changed); or not published by moderation
   * (the reason category is its answer).
   */
  private async answerOf(c: ConsultationCommentRow) {
    const group = c.groupId ? await this.comments.findGroup(c.groupId) : null;
    const disposition = ((group ? group.disposition : c.disposition) ?? null) as Disposition | null;
    const none = { disposition: null, dispositionLabel: null, dispositionReason: null, clauseChanged: null, hiddenReasonLabel: null };
    if (c.hiddenReason) {
      return { ...none, status: 'HIDDEN', statusLabel: LOOKUP_STATUS.HIDDEN, hiddenReasonLabel: HIDE_REASON_LABELS[c.hiddenReason as keyof typeof HIDE_REASON_LABELS] };
    }
    if (!disposition) return { ...none, status: 'RECEIVED', statusLabel: LOOKUP_STATUS.RECEIVED };
    return {
      ...none,
      status: 'ANSWERED',
      statusLabel: LOOKUP_STATUS.ANSWERED,
      disposition,
      dispositionLabel: DISPOSITION_LABELS[disposition],
      dispositionReason: (group ? group.dispositionReason : c.dispositionReason) ?? null,
      clauseChanged: (group ? group.clauseChanged : c.clauseChanged) ?? null,
    };
  }

  /**
   * A file of a published consultation for the public: only one its current round names (the
   * draft's SHA-256); any other hash answers like a missing file.
   */
  async publicAttachment(caseId: string, sha256: string) {
    const { period } = await this.consultation(caseId);
    if (!period.draft?.documentHash || period.draft.documentHash !== sha256) throw publicAttachmentNotFound();
    const file = await this.attachments.content(sha256);
    if (!file) throw publicAttachmentNotFound();
    const ext = detectFileType(file.content)?.extension;
    return { ...file, fileName: `${period.draft.title || '征求意见稿'}${ext ? `.${ext}` : ''}` };
  }

  // --- the staff side -------------------------------------------------------------------------

  private async staffCase(user: AuthenticatedUser, caseId: string): Promise<CaseEntity> {
    const row = await this.cases.findById(caseId);
    if (!row) throw caseNotFound(caseId);
    assertCanView(user, row);
    return row;
  }

  /** The role under which `user` keeps the docket of `row` (its own department head, the general office). */
  private keeperRole(user: AuthenticatedUser, row: CaseEntity): Role {
    const role = user.roles.find((r) => ENTERING_ROLES.includes(r) && (r !== 'department-head' || ownsCase(user, row)));
    if (!role) throw roleNotAllowed(ENTERING_ROLES);
    return role;
  }

  private action(user: AuthenticatedUser, role: Role, caseId: string, action: string, detail: Record<string, unknown>, ids: { commentId?: string; groupId?: string }): ConsultationActionRow {
    return {
      id: randomUUID(),
      caseId,
      commentId: ids.commentId ?? null,
      groupId: ids.groupId ?? null,
      action,
      detail,
      actorId: user.id,
      actorRole: role,
      at: this.clock.now().toISOString(),
    };
  }

  /** A comment of the case's current round, for a staff action. */
  private async commentOf(row: CaseEntity, commentId: string): Promise<ConsultationCommentRow> {
    const period = periodOf(row.kind, row.snapshot);
    const c = await this.comments.findById(commentId);
    if (!period || !c || c.caseId !== row.id || c.round !== period.round) {
      throw new DocketError(404, 'COMMENT_NOT_FOUND', '本事项的征求意见中没有这条意见', 'This consultation has no such comment', undefined, { commentId });
    }
    return c;
  }

  /** Moderation hides with a reason category; the comment stays in the docket, is counted and sealed. */
  async hide(user: AuthenticatedUser, caseId: string, commentId: string, dto: HideCommentRequestDto) {
    const row = await this.staffCase(user, caseId);
    const role = this.keeperRole(user, row);
    const c = await this.commentOf(row, commentId);
    if (c.hiddenReason) {
      throw new DocketError(422, 'COMMENT_ALREADY_HIDDEN', '这条意见已屏蔽', 'This comment is hidden already', undefined, { commentId });
    }
    await this.comments.act(this.action(user, role, caseId, 'HIDE', { reason: dto.reason, note: dto.note ?? null }, { commentId }), {
      comments: { ids: [commentId], set: { hidden_reason: dto.reason } },
    });
    return this.staffView({ ...c, hiddenReason: dto.reason });
  }

  /** Duplicates grouped, to be answered once; the group keeps every member. */
  async group(user: AuthenticatedUser, caseId: string, dto: GroupCommentsRequestDto) {
    const row = await this.staffCase(user, caseId);
    const role = this.keeperRole(user, row);
    const members = [];
    for (const id of dto.commentIds) {
      const c = await this.commentOf(row, id);
      if (c.groupId) {
        throw new DocketError(422, 'COMMENT_IN_GROUP', '这条意见已归入另一组重复意见', 'This comment belongs to another group already', undefined, { commentId: id });
      }
      if (c.disposition) {
        throw new DocketError(422, 'COMMENT_ALREADY_DISPOSED', '这条意见已答复，不能再归组', 'This comment has been answered already and cannot be grouped', undefined, { commentId: id });
      }
      members.push(c);
    }
    const group: CommentGroupRow = {
      id: randomUUID(),
      caseId,
      round: members[0].round,
      title: dto.title,
      disposition: null,
      dispositionReason: null,
      clauseChanged: null,
      createdAt: this.clock.now().toISOString(),
    };
    await this.comments.act(this.action(user, role, caseId, 'GROUP', { title: dto.title, commentIds: dto.commentIds }, { groupId: group.id }), {
      group: { insert: group },
      comments: { ids: dto.commentIds, set: { group_id: group.id } },
    });
    return { ...group, count: members.length, commentIds: dto.commentIds };
  }

  private checkDisposition(dto: DisposeRequestDto): void {
    const label = DISPOSITION_LABELS[dto.disposition];
    if (REASON_REQUIRED.includes(dto.disposition) && !dto.reason) {
      throw new DocketError(422, 'DISPOSITION_REASON_REQUIRED', `答复为“${label.zh}”的，应当说明理由（${R713_ART_17_ZH}）`, `A "${label.en}" answer must state its reason (R713 Art. 17)`, 'R713 Art. 17');
    }
    if (CLAUSE_REQUIRED.includes(dto.disposition) && !dto.clauseChanged) {
      throw new DocketError(422, 'DISPOSITION_CLAUSE_REQUIRED', `答复为“${label.zh}”的，应当写明修改的条款`, `A "${label.en}" answer must name the clause changed`, 'R713 Art. 17');
    }
  }

  /** The answer to one comment (a grouped comment is answered through its group). */
  async dispose(user: AuthenticatedUser, caseId: string, commentId: string, dto: DisposeRequestDto) {
    const row = await this.staffCase(user, caseId);
    const role = this.keeperRole(user, row);
    const c = await this.commentOf(row, commentId);
    if (c.groupId) {
      throw new DocketError(422, 'COMMENT_IN_GROUP', '这条意见属于一组重复意见，请对该组统一答复', 'This comment belongs to a group of duplicates: answer the group', undefined, { commentId, groupId: c.groupId });
    }
    this.checkDisposition(dto);
    const set = { disposition: dto.disposition, disposition_reason: dto.reason ?? null, clause_changed: dto.clauseChanged ?? null };
    await this.comments.act(this.action(user, role, caseId, 'DISPOSE', { ...dto }, { commentId }), { comments: { ids: [commentId], set } });
    return this.staffView({ ...c, disposition: dto.disposition, dispositionReason: dto.reason ?? null, clauseChanged: dto.clauseChanged ?? null });
  }

  /** The answer to a group of duplicates: once, for every member. */
  async disposeGroup(user: AuthenticatedUser, caseId: string, groupId: string, dto: DisposeRequestDto) {
    const row = await this.staffCase(user, caseId);
    const role = this.keeperRole(user, row);
    const g = await this.comments.findGroup(groupId);
    if (!g || g.caseId !== caseId) {
      throw new DocketError(404, 'COMMENT_GROUP_NOT_FOUND', '本事项没有这组意见', 'This consultation has no such group', undefined, { groupId });
    }
    this.checkDisposition(dto);
    await this.comments.act(this.action(user, role, caseId, 'DISPOSE', { ...dto }, { groupId }), {
      group: { id: groupId, set: { disposition: dto.disposition, disposition_reason: dto.reason ?? null, clause_changed: dto.clauseChanged ?? null } },
    });
    return { ...g, disposition: dto.disposition, dispositionReason: dto.reason ?? null, clauseChanged: dto.clauseChanged ?? null };
  }

  /** Every staff action on the docket, who and when (names, not ids). */
  async actions(user: AuthenticatedUser, caseId: string) {
    await this.staffCase(user, caseId);
    const rows = await this.comments.actions(caseId);
    const people: Record<string, { displayName: string }> = {};
    for (const uid of new Set(rows.map((r) => r.actorId))) {
      const u = await this.users.findById(uid);
      if (u) people[uid] = { displayName: u.displayName };
    }
    return { caseId, total: rows.length, items: rows.map((r) => ({ ...r, label: ACTION_LABELS[r.action] })), people };
  }

  /** Input received off the portal; after the period it is kept and tagged 逾期. */
  async enter(user: AuthenticatedUser, caseId: string, dto: EnterCommentRequestDto) {
    const row = await this.staffCase(user, caseId);
    const role = this.keeperRole(user, row);
    const period = periodOf(row.kind, row.snapshot);
    if (!period) throw noConsultation(caseId);
    const receivedAt = this.clock.now().toISOString();
    const today = shanghaiDate(receivedAt);
    const receivedOn = dto.receivedOn ?? today;
    if (receivedOn > today) {
      throw new DocketError(422, 'RECEIVED_IN_FUTURE', `收到日期${receivedOn}晚于今日`, `The day received (${receivedOn}) is after today`, undefined, { receivedOn });
    }
    if (receivedOn < period.opensAt) {
      throw new DocketError(
        422,
        'RECEIVED_BEFORE_PERIOD',
        `收到日期${receivedOn}早于征求意见开始日期${period.opensAt}`,
        `The day received (${receivedOn}) is before the comment period opened (${period.opensAt})`,
        undefined,
        { receivedOn, opensAt: period.opensAt },
      );
    }
    const comment: ConsultationCommentRow = {
      id: randomUUID(),
      caseId,
      round: period.round,
      trackingNumber: `YJ${receivedOn.replace(/-/g, '')}-${randomCode(6)}`,
      queryCodeHash: null,
      source: dto.source,
      submitterType: dto.submitterType,
      displayName: dto.displayName?.trim() || null,
      contact: dto.contact?.trim() || null,
      clause: dto.clause ?? null,
      text: dto.text,
      confidential: dto.confidential === true,
      late: receivedOn > period.closesAt,
      receivedAt,
      receivedOn,
      enteredBy: user.id,
      enteredRole: role,
      addressHash: null,
      challengeNonce: null,
    };
    await this.comments.insert(comment);
    return this.staffView(comment);
  }

  /** The docket of the current round, contacts masked. */
  async list(user: AuthenticatedUser, caseId: string) {
    const row = await this.staffCase(user, caseId);
    const period = periodOf(row.kind, row.snapshot);
    if (!period) throw noConsultation(caseId);
    const groups = await this.comments.groupsOfRound(caseId, period.round);
    const byId = new Map(groups.map((g) => [g.id, g]));
    const items = (await this.comments.forRound(caseId, period.round)).map((c) => this.staffView(c, c.groupId ? byId.get(c.groupId) : undefined));
    const now = this.clock.now();
    return {
      caseId,
      round: period.round,
      period: { opensAt: period.opensAt, closesAt: period.closesAt, closedOn: period.closedOn, phase: phaseAt(period, now) },
      total: items.length,
      late: items.filter((c) => c.late).length,
      hidden: items.filter((c) => c.hiddenReason).length,
      undisposed: items.filter((c) => c.undisposed).length,
      groups: groups.map((g) => ({
        ...g,
        ...(g.disposition ? { dispositionLabel: DISPOSITION_LABELS[g.disposition as Disposition] } : {}),
        count: items.filter((c) => c.groupId === g.id).length,
        commentIds: items.filter((c) => c.groupId === g.id).map((c) => c.id),
      })),
      items,
    };
  }

  /**
   * A comment as staff see it. Its answer is its own or, when grouped, its group's; a comment hidden
   * by moderation needs no answer (its reason is the answer, shown in counts on the public page).
   */
  /**
   * The participation summary computed from the docket (R713 Art. 17): received, by source and
   * submitter type, late, hidden by reason, answered by disposition (a group's answer counts for
   * each member), and what is still unanswered.
   */
  async summary(user: AuthenticatedUser, caseId: string) {
    const docket = await this.list(user, caseId);
    const count = <T extends string>(keys: readonly T[], of: (c: (typeof docket.items)[number]) => string | null) =>
      keys.map((k) => ({ key: k, count: docket.items.filter((c) => of(c) === k).length })).filter((x) => x.count > 0);
    const label = <L>(table: Record<string, L>) => (x: { key: string; count: number }) => ({ ...x, label: table[x.key] });
    const sources = Object.keys(SOURCE_LABELS);
    return {
      caseId,
      round: docket.round,
      period: docket.period,
      received: docket.total,
      late: docket.late,
      bySource: count(sources, (c) => c.source).map(label(SOURCE_LABELS)),
      bySubmitterType: count(Object.keys(SUBMITTER_TYPE_LABELS), (c) => c.submitterType).map(label(SUBMITTER_TYPE_LABELS)),
      hidden: docket.hidden,
      hiddenByReason: count(Object.keys(HIDE_REASON_LABELS), (c) => c.hiddenReason).map(label(HIDE_REASON_LABELS)),
      groups: docket.groups.length,
      byDisposition: count(Object.keys(DISPOSITION_LABELS), (c) => (c.hiddenReason ? null : c.disposition)).map(label(DISPOSITION_LABELS)),
      undisposed: docket.undisposed,
      complete: docket.undisposed === 0,
    };
  }

  private staffView(c: ConsultationCommentRow, group?: CommentGroupRow) {
    const disposition = (group ? group.disposition : c.disposition) ?? null;
    return {
      id: c.id,
      trackingNumber: c.trackingNumber,
      round: c.round,
      source: c.source,
      sourceLabel: SOURCE_LABELS[c.source as keyof typeof SOURCE_LABELS],
      submitterType: c.submitterType,
      submitterTypeLabel: SUBMITTER_TYPE_LABELS[c.submitterType as keyof typeof SUBMITTER_TYPE_LABELS],
      displayName: c.displayName,
      contact: maskContact(c.contact),
      clause: c.clause,
      text: c.text,
      confidential: c.confidential,
      late: c.late,
      ...(c.late ? { lateLabel: LATE_LABEL } : {}),
      receivedAt: c.receivedAt,
      receivedOn: c.receivedOn,
      enteredBy: c.enteredBy,
      hiddenReason: c.hiddenReason ?? null,
      ...(c.hiddenReason ? { hiddenReasonLabel: HIDE_REASON_LABELS[c.hiddenReason as keyof typeof HIDE_REASON_LABELS] } : {}),
      groupId: c.groupId ?? null,
      disposition,
      ...(disposition ? { dispositionLabel: DISPOSITION_LABELS[disposition as Disposition] } : {}),
      dispositionReason: (group ? group.dispositionReason : c.dispositionReason) ?? null,
      clauseChanged: (group ? group.clauseChanged : c.clauseChanged) ?? null,
      undisposed: !c.hiddenReason && !disposition,
    };
  }
}
