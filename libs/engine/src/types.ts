import type { AnyStateMachine, StateValue } from 'xstate';

export type { StateValue };

/** Roles known to Docket. Every event names the roles that may send it. */
export const ROLES = ['department-head', 'legal-reviewer', 'town-head', 'secretary', 'auditor', 'admin', 'system'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The role of Docket itself when a deadline has passed and the workflow declares a machine event
 * for it (`DeadlineDeclaration.onMissed`): the worker sends it through the same runtime path as a
 * user's event. No person holds it: user records refuse it and a login never carries it.
 */
export const SYSTEM_ROLE = 'system' satisfies Role;
/** The roles a person may hold (every role but `system`). */
export const HUMAN_ROLES = ROLES.filter((r) => r !== SYSTEM_ROLE) as Array<Exclude<Role, typeof SYSTEM_ROLE>>;
/** The actor of the events Docket sends itself (history shows it as 系统（期限监控）). */
export const SYSTEM_USER_ID = 'system:deadlines';

export const ROLE_LABELS: Record<Role, Label> = {
  'department-head': { zh: '承办单位负责人', en: 'Department head' },
  'legal-reviewer': { zh: '合法性审查人员（司法所）', en: 'Legal reviewer' },
  'town-head': { zh: '行政首长', en: 'Town head' },
  secretary: { zh: '党政办', en: 'Secretary (general office)' },
  auditor: { zh: '审计人员', en: 'Auditor' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  system: { zh: '系统（期限监控）', en: 'System (deadline monitor)' },
};

export interface Label {
  zh: string;
  en: string;
}

/** Who sent an event. `role` is the role under which the user acted. */
export interface Actor {
  userId: string;
  role: Role;
  orgUnit: string;
}

/**
 * A refusal of an event. `code` is stable (clients switch on it), `article` cites the rule
 * (e.g. `R713 Art. 25`), `zh` / `en` are messages a clerk can act on.
 * `status` is the HTTP status the API answers with (422 for guard refusals by default).
 */
export interface Refusal {
  code: string;
  article?: string;
  zh: string;
  en: string;
  status?: 400 | 403 | 409 | 422;
  details?: Record<string, unknown>;
}

/**
 * The event as the machine sees it. Everything time-related arrives here:
 * `at` is server time (ISO 8601, UTC), `today` is the calendar date in Asia/Shanghai derived
 * from `at`, `facts` are values the runtime computed for this event from the definition's
 * `facts` declarations (e.g. a working-day deadline). Machines never read a clock.
 */
export interface WorkflowEvent<P = any> {
  type: string;
  payload: P;
  actor: Actor;
  at: string;
  today: string;
  facts: Record<string, unknown>;
  /**
   * Facts the runtime could not compute (e.g. a period touching a year without holiday data), each
   * with the refusal to answer should a rule or an action that applies read it. Not recorded in
   * the history: an accepted event read none of them.
   */
  unavailableFacts?: Record<string, Refusal>;
}

/** Input of the initial transition (case creation). */
export interface WorkflowInput<P = any> {
  caseId: string;
  /** the creation payload, e.g. `{ title, proposal }` */
  payload: P;
  actor: Actor;
  at: string;
  today: string;
  facts: Record<string, unknown>;
  /**
   * Facts the runtime could not compute (e.g. a period touching a year without holiday data), each
   * with the refusal to answer should a rule or an action that applies read it. Not recorded in
   * the history: an accepted event read none of them.
   */
  unavailableFacts?: Record<string, Refusal>;
}

/**
 * A named business rule. The machine uses `check` as a guard (see `guardsFrom`), the engine
 * evaluates it before a transition to say *why* an event is refused.
 * `appliesIn` (state paths, dotted) restricts where the rule is evaluated; by default it is
 * evaluated wherever the event is accepted.
 * `precondition: true` means the rule only reads the context (not the payload), so it can be
 * shown to a user as the reason an otherwise-offered event is blocked right now.
 */
export interface RuleDefinition<C = any> {
  check: (args: { context: C; event: WorkflowEvent }) => boolean;
  refusal: Refusal;
  appliesIn?: string[];
  precondition?: boolean;
  /**
   * The payload field (dotted path) that carries the record the rule requires, e.g.
   * `signedDocumentHash` for WRITTEN_FORM_REQUIRED: the refusal names it in `details.field`, and the
   * runtime adds its zh-CN / English title from the field docs.
   */
  field?: string;
}

/**
 * A value the runtime computes before the event reaches the machine: a period counted with the
 * business calendar, a number allocated from a central counter, or what Docket knows about the
 * acting user. The machine reads the result in `event.facts[name]`; it never computes it.
 */
export type FactDeclaration =
  | {
      kind: 'workdaysAfter';
      /** 'today' (the event date, Asia/Shanghai) or a dotted payload path holding a YYYY-MM-DD / ISO date */
      from: 'today' | { payload: string };
      days: ConfigParam;
    }
  | {
      kind: 'calendarDaysAfter';
      from: 'today' | { payload: string };
      days: ConfigParam;
      /** a period ending on a rest day rolls to the next working day (SPEC §8.1) */
      rollToWorkday: boolean;
    }
  | {
      /** the last day of a period of `years` years (CC Arts. 200–202: the corresponding day; 29 February → 28 February) */
      kind: 'yearsAfter';
      from: 'today' | { payload: string };
      years: ConfigParam;
      /** the period begins on `from` itself (e.g. a validity from the first day in force) instead of the day after (CC Art. 201) */
      startDayCounted?: boolean;
      rollToWorkday: boolean;
    }
  | SequenceFactDeclaration
  | TextFactDeclaration
  | {
      /** the acting user's attributes as Docket records them (`ActorProfile`), read when the event arrives */
      kind: 'actor';
    }
  | OrgUnitFactDeclaration
  | CommentDocketFactDeclaration;

/**
 * What the comment docket of the case's current round (`context.round`) holds, read when the event
 * arrives (docs/participation.md): `summary` counts the comments and their answers
 * (`ParticipationSummaryFact`), `seal` is the RFC 6962 Merkle root over every comment received
 * (`CommentSealFact`). The fact is recorded in the event's history, so the case keeps what the
 * docket was when the event was accepted and replays without it.
 */
export interface CommentDocketFactDeclaration {
  kind: 'commentDocket';
  what: 'summary' | 'seal';
}

/** The participation summary computed from the docket (fact kind `commentDocket`, `what: 'summary'`). */
export interface ParticipationSummaryFact {
  round: number;
  /** every comment of the round, hidden and late ones included */
  received: number;
  late: number;
  hidden: number;
  /** counts by source (PORTAL, LETTER, PHONE, SYMPOSIUM, HEARING, OTHER); only sources with comments */
  bySource: Record<string, number>;
  /** counts by submitter type; only types with comments */
  bySubmitterType: Record<string, number>;
  /** hidden comments by moderation reason */
  hiddenByReason: Record<string, number>;
  /** answered comments (not hidden) by disposition; a group's answer counts for each member */
  byDisposition: Record<string, number>;
  groups: number;
  /** comments neither hidden nor answered (by themselves or through their group) */
  undisposed: number;
}

/** The seal of the docket at close (fact kind `commentDocket`, `what: 'seal'`). */
export interface CommentSealFact {
  round: number;
  /** how many comments the root covers: every comment of the round received up to the close */
  count: number;
  /** RFC 6962 Merkle tree hash (SHA-256, hex) over the comments' leaves, in the order received */
  root: string;
  /** the tree and leaf format, e.g. 'RFC6962-SHA256/docket-comment-v1' */
  scheme: string;
}

/**
 * An org unit the payload names at `from.payload` (its id, or its exact Chinese or English name),
 * resolved against the org-units table when the event arrives: the fact is the unit's record
 * (`OrgUnitRecord`), so the case stores the id access compares and keeps the name for display.
 * A name or id of no unit is refused (422 UNKNOWN_ORG_UNIT, listing the units); an absent field
 * resolves to nothing (the payload check decides whether it is required).
 */
export interface OrgUnitFactDeclaration {
  kind: 'orgUnit';
  from: { payload: string };
}

/** What the runtime tells a machine about an org unit (fact kind 'orgUnit'). */
export interface OrgUnitRecord {
  id: string;
  nameZh: string;
  nameEn: string;
}

/**
 * A configurable text a rule reads (a DOCKET_RULES text, else the default), passed on the event and
 * recorded with it, so the history keeps what the configuration was when the event was accepted
 * and replays without it. With `listOf` the text is a comma-separated list of those values (e.g.
 * the decision types a rule covers) and the fact is the array of them, in the order given; a value
 * outside `listOf` stops the start.
 */
export interface TextFactDeclaration {
  kind: 'text';
  text: TextConfigParam;
  listOf?: readonly string[];
}

/**
 * A number drawn from a central counter in the event's own transaction (e.g. the unified number
 * 统一编号 of a normative document): committed with the event or not at all, so numbers are never
 * skipped or reused. `pattern` places the sequence among other values, e.g. `{region}-{year}-{seq:4}`:
 * `{seq}` / `{seq:N}` (zero-padded to N digits) is the sequence, `{year}` the year of the event
 * date (Asia/Shanghai), any other `{name}` the text configuration `vars[name]`. The sequence
 * counts separately for each combination of the other values, so it starts again at 1 each year
 * when the pattern holds `{year}`. Only events can allocate (not case creation).
 */
export interface SequenceFactDeclaration {
  kind: 'sequence';
  /** the counter's name, stable for the life of the data (e.g. 'normdoc.unifiedNumber') */
  counter: string;
  pattern: TextConfigParam;
  vars?: Record<string, TextConfigParam>;
}

/** What the runtime tells a machine about the user who sends an event (fact kind 'actor'). */
export interface ActorProfile {
  userId: string;
  displayName: string;
  /** 法律职业资格 (national unified legal professional qualification), as an administrator recorded it */
  legalProfessionalQualification: { certificateNumber: string; obtainedOn: string | null } | null;
  /** the day the user began doing legal reviews (法制审核), as an administrator recorded it */
  legalReviewSince: string | null;
}

/** A figure the spec marks as configurable: the config key and the spec's default. */
export interface ConfigParam {
  key: string;
  default: number;
  article?: string;
}

/** A configurable text (e.g. a numbering pattern or a region code): the config key and the default. */
export interface TextConfigParam {
  key: string;
  default: string;
  article?: string;
}

export interface StateMeta {
  label: Label;
  /** the Decree 713 stage this state belongs to (e.g. 'legalityReview') */
  stage: string;
}

export interface EventMeta {
  label: Label;
  roles: Role[];
  /** names of rules (keys of `WorkflowDefinition.rules`) checked, in order, for this event */
  rules?: string[];
  /** values computed by the runtime and passed in `event.facts` */
  facts?: Record<string, FactDeclaration>;
  /**
   * Payload class (class-validator decorated). The API validates and whitelists the payload with
   * it before the event reaches the engine.
   */
  payload?: new () => object;
  /**
   * A standing option rather than a step waiting to be taken (withdrawing, amending a document in
   * force, maintaining the catalog): offered while its state lasts, but not a to-do — `GET /tasks`
   * does not list a case for it.
   */
  standing?: true;
  /**
   * The legal dates the payload states (issue 9 §9), checked by the runtime in one place after the
   * machine's own rules: a `done` date may not lie in the future, no date may precede the prior
   * facts it follows (`notBefore`), and a `done` or `scheduled` date before the day it is recorded
   * is a 补录 (recording a past act from paper) that needs a stated reason within a window.
   */
  legalDates?: LegalDateDeclaration[];
}

/**
 * One date of an event's payload and what it means (issue 9 §9):
 * - `done`: reports something done (filed, published, signed): not in the future;
 * - `scheduled`: a date set ahead (a comment period's opening and close, a requested completion
 *   date): not in the past unless recorded as 补录;
 * - `stated`: a date the document itself states (in force from, valid until): checked only
 *   against its `notBefore` bounds.
 * A `done` or `scheduled` date before the day of the event is accepted only as 补录 (backfill,
 * with a reason, within `records.backfill.maxDays`).
 */
export interface LegalDateDeclaration<C = any> {
  /** dotted payload path holding a YYYY-MM-DD (or ISO 8601) date; an absent value is not checked */
  payload: string;
  kind: 'done' | 'scheduled' | 'stated';
  label: Label;
  /** the prior facts the date may not precede (e.g. publication not before registration) */
  notBefore?: PriorFact<C>[];
  article?: string;
}

/** A fact of the case (or of the same payload) a legal date follows, read before the event. */
export interface PriorFact<C = any> {
  label: Label;
  /** its date (YYYY-MM-DD, or an ISO time read as its Asia/Shanghai day); undefined / null: not known, not checked */
  date: (args: { context: C; payload: any }) => string | null | undefined;
  article?: string;
}

/**
 * A versioned workflow definition: a pure XState machine plus the metadata Docket needs.
 * `states` is keyed by dotted state path ('legalityReview.underReview'); every reachable state
 * (leaf and compound) must have an entry.
 */
export interface WorkflowDefinition<C = any> {
  kind: string;
  version: number;
  label: Label;
  machine: AnyStateMachine;
  states: Record<string, StateMeta>;
  /** the creation of a case, recorded as the first history entry */
  create: EventMeta & { type: string };
  events: Record<string, EventMeta>;
  rules: Record<string, RuleDefinition<C>>;
  /** the stages (ids used in `StateMeta.stage`) with their labels, in pipeline order */
  stages: Record<string, Label>;
  /**
   * The org units that own the case besides the one that created it (e.g. the undertaking unit
   * designated by the start decision). A department head of any of them may act on the case.
   */
  orgUnits?: (context: C) => string[];
  /**
   * True when the case has been sent to legality review (reviewers may see it from then on).
   */
  visibleToReviewers?: (context: C) => boolean;
  /**
   * The case file (决策档案) as the dossier presents it: per stage (ids of `stages`), the context
   * keys holding its records, labelled. Without it the dossier shows the whole context as one section.
   */
  dossier?: DossierSection[];
  /**
   * How running cases of older versions move to this one (issue 4 §5). Without an entry for a
   * version, cases of that version stay on it: a case changes version only by an explicit migration,
   * recorded in its history as a MIGRATE_WORKFLOW event.
   */
  migrations?: WorkflowMigration[];
  /**
   * A key no two cases of this kind may share (e.g. a decision catalog's year), from the context
   * the creation produced. The database refuses a second case with the same key, whichever API
   * process creates it (409 CASE_ALREADY_EXISTS).
   */
  uniqueKey?: (context: C) => string | undefined;
  /** statutory deadlines, opened when one of their states is entered and closed when left */
  deadlines?: DeadlineDeclaration<C>[];
}

/** The history event that moves a case to another version of its workflow. */
export const MIGRATE_WORKFLOW = 'MIGRATE_WORKFLOW';

/**
 * A migration from version `from` to the version that declares it: where each state of the old
 * version lands in the new one, and how the context is carried over. Pure data plus a pure function.
 */
export interface WorkflowMigration<COld = any, CNew = any> {
  from: number;
  /** dotted path of an active leaf state in the old version → state value in the new one; unlisted states cannot migrate */
  states: Record<string, StateValue>;
  /** the new context from the old one (must not mutate it); default: the context unchanged */
  context?: (context: COld) => CNew;
  /** why the version changed (shown in the history), e.g. a changed rule and its article */
  reason: Label;
}

/** Payload of a MIGRATE_WORKFLOW record. */
export interface MigrationPayload {
  fromVersion: number;
  toVersion: number;
  /** the old leaf state and the new state value */
  fromState: string;
  toState: StateValue;
}

/** One stage of the dossier: the context keys that hold its records. */
export interface DossierSection {
  stage: string;
  records: Array<{ key: string; label: Label }>;
}

/**
 * A statutory period attached to states. The runtime writes a deadline row when the case enters
 * one of `states` (in the same transaction as the state change) and closes it (met / missed)
 * when the case leaves them; the scheduler reminds and escalates from those rows.
 */
export interface DeadlineDeclaration<C = any> {
  /** stable within the workflow version, e.g. 'legalityReviewOpinion' */
  key: string;
  /** what is due, e.g. 合法性审查意见 */
  label: Label;
  /** dotted state paths; the deadline runs while any of them is active */
  states: string[];
  /** 'due': someone must act by the date; 'minimum': the step may not happen before the date */
  type: 'due' | 'minimum';
  unit: 'calendarDays' | 'workdays';
  /** the period, counted from the day the state was entered (that day not counted, CC Art. 201) */
  length: ConfigParam;
  /** for calendar-day periods: a period ending on a rest day rolls to the next working day (CC Art. 203) */
  rollToWorkday?: boolean;
  /** a date the case itself sets (e.g. the requested completion date); wins over `length` when present */
  dueDate?: (context: C) => string | undefined;
  /** who must meet it (reminded before and on the day) */
  responsible: Role[];
  /** who is told once it has passed */
  supervisor: Role[];
  /** reminders, in working days before the due date (0 = on the day) */
  reminders: number[];
  /** after the due date: the supervisor, then every working day until it is met */
  escalate: boolean;
  /**
   * who is also told once escalations are stepped up (DOCKET_RULES deadlines.escalation.stepUpAfterWorkdays;
   * off by default); default: the general office (`secretary`, 党政办 督查督办)
   */
  stepUpTo?: Role[];
  /** events that stop the clock to start it again on re-entry (closed as 'restarted', e.g. RETURN_INCOMPLETE) */
  restartOn?: string[];
  /** events after which the deadline no longer applies (closed as 'cancelled', e.g. WITHDRAW) */
  cancelOn?: string[];
  /**
   * What Docket does itself once a `due` deadline has passed unmet (at 00:00 Asia/Shanghai after the
   * due date): send this machine event as the `system` actor, through the same runtime path as a
   * user's event, once (e.g. a missed filing marks the case overdue). The event's `roles` must
   * include 'system'; its payload is `{ deadlineKey, dueDate }`. The states the event leads to
   * should stay in `states` when the deadline is to keep escalating until it is met.
   */
  onMissed?: { event: string };
  /**
   * The legal date that decides met / missed when the event that closes the deadline carries it
   * (issue 9 §8): a dotted payload path holding a YYYY-MM-DD (or ISO) date, e.g. `filedOn` of a
   * RECORD_FILING. A filing made on its due day and recorded the day after is met; the recording
   * time stays in the history (the row's `closedAt`). Without it, or when the closing event does
   * not carry the date, the day of the event decides.
   */
  metBy?: { payload: string };
  /**
   * Events that close the deadline as met whatever the day: the event it waits for (e.g. EXPIRE,
   * sent by `onMissed` the day after a validity ended, is the deadline reached, not missed).
   */
  metOn?: string[];
  article: string;
}

/** An effect the runtime performs after the transaction commits. The engine performs nothing. */
export type Effect =
  | { type: 'schedule'; id: string; delay: number | string; event: { type: string; [k: string]: unknown } }
  | { type: 'cancel'; id: string }
  | { type: 'emit'; name: string; params: Record<string, unknown> };

export interface HistoryRecordBody {
  caseId: string;
  seq: number;
  type: string;
  payload: unknown;
  actor: Actor;
  at: string;
  facts: Record<string, unknown>;
  workflow: { kind: string; version: number };
  stateAfter: unknown;
  stateHash: string;
  prevHash: string;
}

export interface HistoryRecord extends HistoryRecordBody {
  hash: string;
}

// ---------------------------------------------------------------------------------------------
// Engine outputs (added with the engine implementation; everything above is the original contract)
// ---------------------------------------------------------------------------------------------

/** Codes of the refusals the engine itself produces (rules bring their own codes). */
export const ENGINE_REFUSAL_CODES = {
  UNKNOWN_EVENT: 'UNKNOWN_EVENT',
  ROLE_NOT_ALLOWED: 'ROLE_NOT_ALLOWED',
  EVENT_NOT_ALLOWED_IN_STATE: 'EVENT_NOT_ALLOWED_IN_STATE',
  TRANSITION_FAILED: 'TRANSITION_FAILED',
} as const;
export type EngineRefusalCode = (typeof ENGINE_REFUSAL_CODES)[keyof typeof ENGINE_REFUSAL_CODES];

/**
 * An XState persisted snapshot (`machine.getPersistedSnapshot`) as plain JSON: what the runtime
 * stores and what `stateHash` hashes.
 */
export interface PersistedSnapshot {
  status: string;
  value: StateValue;
  context: Record<string, any>;
  historyValue?: Record<string, Array<{ id: string }>>;
  [key: string]: unknown;
}

/** An accepted step (case creation or event): the snapshot to store and the effects to perform after commit. */
export interface StepAccepted {
  ok: true;
  snapshot: PersistedSnapshot;
  value: StateValue;
  /** dotted paths of every active state node, compound and leaf (see `statePaths`) */
  paths: string[];
  status: 'active' | 'done';
  context: Record<string, any>;
  effects: Effect[];
  /** SHA-256 (hex) of the canonical JSON of `snapshot` */
  stateHash: string;
}

export interface StepRefused {
  ok: false;
  refusal: Refusal;
}

export type StepOutcome = StepAccepted | StepRefused;

/** An event an actor may send now (see `allowedEvents`). `blockedBy` lists failing precondition rules. */
export interface AllowedEvent {
  type: string;
  label: Label;
  roles: Role[];
  blockedBy: Refusal[];
}

export type ChainProblem = 'SEQ_GAP' | 'SEQ_ORDER' | 'PREV_HASH_MISMATCH' | 'HASH_MISMATCH' | 'CASE_MISMATCH';

/** Result of `verifyChain`: intact, or the first problem in seq order. */
export type ChainVerification =
  | { ok: true }
  | { ok: false; seq: number; reason: ChainProblem; expected?: string | number; actual?: string | number };

export type ReplayDivergenceReason =
  /** record 1 is not the definition's `create.type` */
  | 'NOT_A_CREATION'
  /** the record names a workflow kind/version the registry does not hold */
  | 'UNKNOWN_WORKFLOW'
  /** the engine refuses the recorded event today (`actual` is the refusal code) */
  | 'REFUSED'
  /** the replayed snapshot hashes differently from the record's `stateHash` */
  | 'STATE_HASH_MISMATCH'
  /** the record's `stateAfter` differs from the replayed state value */
  | 'STATE_VALUE_MISMATCH'
  /** the stored snapshot does not hash to the last record's `stateHash` */
  | 'STORED_SNAPSHOT_MISMATCH'
  /** the stored revision is not the last record's seq */
  | 'STORED_REVISION_MISMATCH'
  /** the record names another workflow version than the one in force, without a MIGRATE_WORKFLOW before it */
  | 'VERSION_NOT_IN_FORCE'
  /** a MIGRATE_WORKFLOW record's payload is not what the declared migration gives */
  | 'MIGRATION_MISMATCH';

export interface ReplayDivergence {
  ok: false;
  seq: number;
  expected: unknown;
  actual: unknown;
  reason: ReplayDivergenceReason;
}

export interface ReplayReport {
  /** chain intact and replay without divergence */
  ok: boolean;
  /** number of records examined */
  events: number;
  chain: ChainVerification;
  /** on success, `stateHash` is the hash of the replayed final snapshot (GENESIS_HASH for no records) */
  replay: { ok: true; stateHash: string } | ReplayDivergence;
  /** `hash` of the last record, GENESIS_HASH for no records */
  headHash: string;
}

export interface RuleDescription {
  name: string;
  code: string;
  /** the short reference, e.g. `R713 Art. 26` */
  article?: string;
  /** the same article as a clerk reads it, e.g. 《重大行政决策程序暂行条例》第二十六条 */
  articleZh?: string;
  zh: string;
  en: string;
  precondition: boolean;
  appliesIn?: string[];
  /** the payload field that carries the record the rule requires (see `RuleDefinition.field`) */
  field?: string;
}

export interface EventDescription {
  type: string;
  label: Label;
  roles: Role[];
  rules: RuleDescription[];
}

/** JSON-serialisable description of a definition (`GET /workflows/:kind/:version`). */
export interface WorkflowGraphNode {
  /** the state's dotted path */
  id: string;
  label: Label;
  /** the enclosing state's path, null at the top level */
  parent: string | null;
  type: 'atomic' | 'compound' | 'parallel' | 'final';
  /** the initial child of its parent (or of the machine) */
  initial: boolean;
}

export interface WorkflowGraphEdge {
  /** source state path */
  from: string;
  /** target state path (a compound target enters its initial child) */
  to: string;
  /** the event type (`always` for an eventless transition, `done` for onDone, `after <delay>` for a delayed one) */
  event: string;
}

export interface WorkflowDescription {
  kind: string;
  version: number;
  label: Label;
  stages: Array<{ id: string; label: Label }>;
  states: Array<{ path: string; label: Label; stage: string; final: boolean }>;
  events: EventDescription[];
  create: EventDescription;
  /** a Mermaid `stateDiagram-v2` of the machine */
  mermaid: string;
  /** the same diagram as data: state nodes and edges (from, to, event) */
  graph: { nodes: WorkflowGraphNode[]; edges: WorkflowGraphEdge[] };
}
