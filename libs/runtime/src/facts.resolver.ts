import { BusinessCalendar, CalendarYearMissingError, InvalidDateError } from '@app/calendar';
import {
  Actor,
  ActorProfile,
  FactDeclaration,
  OrgUnitFactDeclaration,
  OrgUnitRecord,
  Refusal,
  SequenceFactDeclaration,
  shanghaiDate,
  TextFactDeclaration,
  WorkflowDefinition,
} from '@app/engine';
import type { SequenceDraw } from '@app/persistence';
import type { ActorProfiles } from './actor-profiles';
import type { OrgUnitDirectory } from './org-unit-directory';
import { DocketError } from './runtime.errors';
import { parseSequencePattern, renderSequence, SequencePattern, sequenceScope } from './sequence-pattern';

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

/** A date-only value stays as it is; an instant becomes its Asia/Shanghai date. */
function toDate(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (Number.isNaN(Date.parse(value))) return undefined;
  return shanghaiDate(new Date(value).toISOString());
}

/** The calendar facts of an event: those computed, and those that could not be (with the refusal each stands for). */
export interface ResolvedFacts {
  facts: Record<string, unknown>;
  /** facts whose period touches a year without holiday data (CALENDAR_YEAR_MISSING): refused only when read */
  unavailable: Record<string, Refusal>;
}

/**
 * Computes the calendar facts an event declares (working-day, calendar-day and year periods) with
 * the business calendar, before the event reaches the machine. A period that touches a year
 * without holiday data is never guessed: the fact is left out and recorded as unavailable, so that
 * the event is refused (CALENDAR_YEAR_MISSING) only when a rule or an action that applies reads it
 * (`unavailableFacts` on the event; e.g. the 30-day market-related consultation of a document that
 * is not market-related). A malformed or out-of-range date is refused at once. Facts of the other
 * kinds (`actor`, `sequence`, `text`, `orgUnit`) are left to `resolveActorFacts`, `planDraws`,
 * `resolveTextFacts` and `resolveOrgUnitFacts`.
 */
export function resolveCalendarFacts(
  decls: Record<string, FactDeclaration> | undefined,
  payload: unknown,
  today: string,
  calendar: BusinessCalendar,
  params: Record<string, number>,
): ResolvedFacts {
  const facts: Record<string, unknown> = {};
  const unavailable: Record<string, Refusal> = {};
  if (!decls) return { facts, unavailable };
  for (const [name, d] of Object.entries(decls)) {
    if (d.kind === 'actor' || d.kind === 'sequence' || d.kind === 'text' || d.kind === 'orgUnit' || d.kind === 'commentDocket') continue;
    const from = d.from === 'today' ? today : toDate(get(payload, d.from.payload));
    if (!from) continue; // the payload check reports the missing field
    try {
      if (d.kind === 'yearsAfter') {
        const years = params[d.years.key] ?? d.years.default;
        facts[name] = calendar.addYears(from, years, { rollToWorkday: d.rollToWorkday, startDayCounted: d.startDayCounted });
        continue;
      }
      const days = params[d.days.key] ?? d.days.default;
      facts[name] =
        d.kind === 'workdaysAfter'
          ? calendar.addWorkdays(from, days)
          : calendar.addCalendarDays(from, days, { rollToWorkday: d.rollToWorkday });
    } catch (e) {
      if (e instanceof CalendarYearMissingError) {
        unavailable[name] = { status: 422, code: e.code, zh: e.zh, en: e.en, article: 'SPEC §8', details: { year: e.year, fact: name } };
        continue;
      }
      if (e instanceof InvalidDateError) {
        throw new DocketError(400, e.code, e.zh, e.en, undefined, { fact: name });
      }
      if (e instanceof RangeError) {
        // e.g. a date so far out that the period leaves years 1–9999
        throw new DocketError(400, 'DATE_OUT_OF_RANGE', '日期超出可计算的范围', `The date is out of range: ${e.message}`, undefined, { fact: name });
      }
      throw e;
    }
  }
  return { facts, unavailable };
}

/**
 * The calendar facts an event declares, every one of them needed: a fact that touches a year
 * without holiday data is refused at once (CALENDAR_YEAR_MISSING). The runtime uses
 * `resolveCalendarFacts`, which refuses only when a fact is read.
 */
export function resolveFacts(
  decls: Record<string, FactDeclaration> | undefined,
  payload: unknown,
  today: string,
  calendar: BusinessCalendar,
  params: Record<string, number>,
): Record<string, unknown> {
  const { facts, unavailable } = resolveCalendarFacts(decls, payload, today, calendar, params);
  const [first] = Object.values(unavailable);
  if (first) throw DocketError.fromRefusal(first);
  return facts;
}

/**
 * The `actor` facts: what Docket records about the user sending the event (e.g. the legal
 * professional qualification, APL Art. 58), read now, so the machine checks the record and the
 * history keeps what it was when the event was accepted. A sender without a user record (Docket's
 * own deadline events) has an empty profile.
 */
export async function resolveActorFacts(
  decls: Record<string, FactDeclaration> | undefined,
  actor: Actor,
  profiles: ActorProfiles | undefined,
): Promise<Record<string, ActorProfile>> {
  const facts: Record<string, ActorProfile> = {};
  const names = Object.entries(decls ?? {}).filter(([, d]) => d.kind === 'actor').map(([n]) => n);
  if (!names.length) return facts;
  const profile = (await profiles?.profile(actor.userId)) ?? {
    userId: actor.userId,
    displayName: '',
    legalProfessionalQualification: null,
    legalReviewSince: null,
  };
  for (const n of names) facts[n] = profile;
  return facts;
}

/** 422 UNKNOWN_ORG_UNIT: the payload names no unit of the org-units table; the message lists them. */
export const unknownOrgUnit = (field: string, given: string, units: OrgUnitRecord[]) =>
  new DocketError(
    422,
    'UNKNOWN_ORG_UNIT',
    `“${given}”不是本单位登记的机构，请填写以下机构之一（名称或代码）：${units.map((u) => `${u.nameZh}（${u.id}）`).join('、') || '（尚未登记任何机构）'}`,
    `"${given}" is not a registered org unit; name one of: ${units.map((u) => `${u.nameEn} (${u.id})`).join(', ') || '(none registered)'}`,
    undefined,
    { field, given, units: units.map((u) => ({ id: u.id, nameZh: u.nameZh, nameEn: u.nameEn })) },
  );

/** 422 ORG_UNIT_INACTIVE: the payload names a unit an administrator deactivated; the message lists the active ones. */
export const orgUnitInactive = (field: string, unit: OrgUnitRecord, active: OrgUnitRecord[]) =>
  new DocketError(
    422,
    'ORG_UNIT_INACTIVE',
    `“${unit.nameZh}”已停用，不能再承办新的事项，请填写以下机构之一：${active.map((u) => u.nameZh).join('、') || '（没有在用的机构）'}`,
    `"${unit.nameEn}" (${unit.id}) is deactivated and takes no new matters; name one of: ${active.map((u) => `${u.nameEn} (${u.id})`).join(', ') || '(none active)'}`,
    undefined,
    { field, given: unit.id, units: active.map((u) => ({ id: u.id, nameZh: u.nameZh, nameEn: u.nameEn })) },
  );

/** The unit `given` names: by id, else by exact name (Chinese, then English; surrounding blanks ignored). Pure. */
export function findOrgUnit<U extends OrgUnitRecord>(units: U[], given: string): U | undefined {
  const g = given.trim();
  if (!g) return undefined;
  return units.find((u) => u.id === g) ?? units.find((u) => u.nameZh === g) ?? units.find((u) => u.nameEn === g);
}

/**
 * The `orgUnit` facts: each unit the payload names (by id or exact name) as its record from the
 * org-units table, read now, so the case stores the id access compares and the history keeps the
 * unit as it was when the event was accepted. An unknown unit refuses the event (422
 * UNKNOWN_ORG_UNIT, with the list of units); an absent or non-text field resolves to nothing.
 */
export async function resolveOrgUnitFacts(
  decls: Record<string, FactDeclaration> | undefined,
  payload: unknown,
  directory: OrgUnitDirectory | undefined,
): Promise<Record<string, OrgUnitRecord>> {
  const facts: Record<string, OrgUnitRecord> = {};
  const wanted = Object.entries(decls ?? {}).filter((e): e is [string, OrgUnitFactDeclaration] => e[1].kind === 'orgUnit');
  if (!wanted.length) return facts;
  let units: Array<OrgUnitRecord & { active?: boolean }> | undefined;
  for (const [name, d] of wanted) {
    const given = get(payload, d.from.payload);
    if (typeof given !== 'string') continue; // the payload check reports a missing or mistyped field
    units ??= (await directory?.list()) ?? [];
    const unit = findOrgUnit(units, given);
    const active = units.filter((u) => u.active !== false);
    if (!unit) throw unknownOrgUnit(`payload.${d.from.payload}`, given, active);
    if (unit.active === false) throw orgUnitInactive(`payload.${d.from.payload}`, unit, active);
    facts[name] = { id: unit.id, nameZh: unit.nameZh, nameEn: unit.nameEn };
  }
  return facts;
}

/** A number to draw for a `sequence` fact: the counter, its scope, and how to render a value. */
export interface PlannedDraw extends SequenceDraw {
  fact: string;
  render: (value: number) => string;
}

const sequenceDecls = (decls: Record<string, FactDeclaration> | undefined) =>
  Object.entries(decls ?? {}).filter((e): e is [string, SequenceFactDeclaration] => e[1].kind === 'sequence');

function compile(d: SequenceFactDeclaration, texts: Record<string, string>): { pattern: SequencePattern; values: Record<string, string> } {
  const pattern = parseSequencePattern(texts[d.pattern.key] ?? d.pattern.default, Object.keys(d.vars ?? {}));
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.vars ?? {})) values[k] = texts[v.key] ?? v.default;
  return { pattern, values };
}

/**
 * The counters a `sequence` fact draws from for an event dated `today`, in a fixed order (by
 * counter and scope, so concurrent transactions lock them in the same order). The runtime draws
 * them inside the event's transaction (CaseRepository.advanceDrawing).
 */
export function planDraws(decls: Record<string, FactDeclaration> | undefined, today: string, texts: Record<string, string>): PlannedDraw[] {
  return sequenceDecls(decls)
    .map(([fact, d]) => {
      const { pattern, values } = compile(d, texts);
      const all = { ...values, year: today.slice(0, 4) };
      return { fact, counter: d.counter, scope: sequenceScope(pattern, all), render: (v: number) => renderSequence(pattern, all, v) };
    })
    .sort((a, b) => (a.counter + '\u0000' + a.scope < b.counter + '\u0000' + b.scope ? -1 : 1));
}

/**
 * Checks every numbering pattern the workflows declare against the configuration, so a bad
 * pattern stops the start instead of refusing events later. Returns the problems (empty = fine).
 */
export function sequencePatternProblems(defs: readonly WorkflowDefinition[], texts: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const def of defs) {
    if (sequenceDecls(def.create.facts).length) problems.push(`${def.kind} v${def.version}: case creation cannot draw a sequence number`);
    for (const [type, meta] of Object.entries(def.events)) {
      for (const [fact, d] of sequenceDecls(meta.facts)) {
        try {
          const { values } = compile(d, texts);
          for (const [k, v] of Object.entries(values)) {
            if (!v.trim() || /[{}|=]/.test(v)) problems.push(`${d.vars![k].key}: "${v}" may not be empty or hold { } | =`);
          }
        } catch (e) {
          problems.push(`${def.kind} v${def.version} ${type}.${fact} (${d.pattern.key}): ${(e as Error).message}`);
        }
      }
    }
  }
  return problems;
}

const textDecls = (decls: Record<string, FactDeclaration> | undefined) =>
  Object.entries(decls ?? {}).filter((e): e is [string, TextFactDeclaration] => e[1].kind === 'text');

/** A list text ('PENALTY, LICENSING') as its values, in order, without blanks or repeats. */
const listValues = (text: string) => [...new Set(text.split(',').map((v) => v.trim()).filter(Boolean))];

/**
 * The `text` facts: the configured text (DOCKET_RULES, else the declaration's default), or with
 * `listOf` the array of its comma-separated values. Read when the event arrives and recorded in its
 * history, so a later change of configuration does not change how a recorded event replays.
 */
export function resolveTextFacts(decls: Record<string, FactDeclaration> | undefined, texts: Record<string, string>): Record<string, string | string[]> {
  const facts: Record<string, string | string[]> = {};
  for (const [name, d] of textDecls(decls)) {
    const text = texts[d.text.key] ?? d.text.default;
    facts[name] = d.listOf ? listValues(text) : text;
  }
  return facts;
}

/**
 * Checks every `text` fact the workflows declare against the configuration: a list may hold only
 * the values it lists (a mistyped decision type would otherwise silently switch a rule off).
 * Returns the problems (empty = fine).
 */
export function textFactProblems(defs: readonly WorkflowDefinition[], texts: Record<string, string>): string[] {
  const problems = new Set<string>();
  for (const def of defs) {
    for (const meta of [def.create, ...Object.values(def.events)]) {
      for (const [, d] of textDecls(meta.facts)) {
        if (!d.listOf) continue;
        const text = texts[d.text.key] ?? d.text.default;
        const unknown = listValues(text).filter((v) => !d.listOf!.includes(v));
        if (unknown.length) problems.add(`${d.text.key}: ${unknown.join(', ')} is not one of ${d.listOf.join(', ')}`);
      }
    }
  }
  return [...problems];
}
