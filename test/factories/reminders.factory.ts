import { majorDecisionSteps, NO_PROCEDURES, runMajorDecision, runStep } from './major-decision.factory';
import type { ApiClient } from '../setup/api-client';
import type { TestApp } from '../setup/test-app';
import { ph } from './db-fingerprint';

export interface InboxItem {
  id: string;
  kind: string;
  caseId: string;
  deadlineId: string;
  title: { zh: string; en: string };
  body: { zh: string; en: string };
  createdAt: string;
  readAt: string | null;
}

/** Moves server time and runs whatever the mode's scheduler delivers at that time. */
export interface Deliverer {
  advanceTo(iso: string): Promise<void>;
}

/** The notifications of one case in a user's inbox, oldest first, as `kind` or `kind:title`. */
export async function inboxOf(api: ApiClient, username: string, caseId: string): Promise<InboxItem[]> {
  const res = await api.get(username, '/notifications?limit=500');
  if (res.status !== 200) throw new Error(`inbox of ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.items as InboxItem[]).filter((n) => n.caseId === caseId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

export const kindsOf = (items: InboxItem[]) => items.map((n) => n.kind);

/** The notices about a year without holiday data in a user's inbox (not tied to a case), oldest first. */
export async function yearNoticesOf(api: ApiClient, username: string): Promise<InboxItem[]> {
  const res = await api.get(username, '/notifications?limit=500');
  if (res.status !== 200) throw new Error(`inbox of ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body.items as InboxItem[]).filter((n) => n.kind === 'calendar-missing' && !n.caseId).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
}

/**
 * A case whose legality review was sent on Tue 2020-09-29 with the opinion requested by Fri
 * 2020-10-16: reminder on Tue 10-13, due-day notice on 10-16, escalations from Mon 10-19.
 */
export async function caseInLegalityReview(api: ApiClient): Promise<string> {
  const { id } = await runMajorDecision(api, { before: 'accept', procedures: NO_PROCEDURES });
  return id;
}

/** Accepts the review and issues the opinion at `at`. */
export async function issueOpinion(api: ApiClient, id: string, at: string): Promise<void> {
  const steps = majorDecisionSteps(NO_PROCEDURES);
  await runStep(api, id, steps.find((s) => s.name === 'accept')!);
  await runStep(api, id, { ...steps.find((s) => s.name === 'opinion')!, clock: at });
}

/** The review reminders of a case untouched until 10-20, then the opinion: what each inbox must hold. */
export async function legalityReviewLeftUntouched(api: ApiClient, d: Deliverer): Promise<{ id: string; reviewer: InboxItem[]; head: InboxItem[] }> {
  const id = await caseInLegalityReview(api);
  await d.advanceTo('2020-10-12T09:00:00.000Z');
  const quiet = await inboxOf(api, 'legal-reviewer', id);
  await d.advanceTo('2020-10-13T01:00:00.000Z');
  const afterReminder = await inboxOf(api, 'legal-reviewer', id);
  // delivering again at the same time changes nothing
  await d.advanceTo('2020-10-13T01:00:00.000Z');
  await d.advanceTo('2020-10-16T01:00:00.000Z');
  await d.advanceTo('2020-10-19T01:00:00.000Z');
  await d.advanceTo('2020-10-20T01:00:00.000Z');
  await issueOpinion(api, id, '2020-10-20T03:00:00.000Z');
  await d.advanceTo('2020-10-21T01:00:00.000Z');
  await d.advanceTo('2020-10-22T01:00:00.000Z');
  if (quiet.length) throw new Error(`nothing was due on 10-12, got ${quiet.map((n) => n.kind)}`);
  if (afterReminder.length !== 1) throw new Error(`one reminder expected on 10-13, got ${afterReminder.map((n) => n.kind)}`);
  return { id, reviewer: await inboxOf(api, 'legal-reviewer', id), head: await inboxOf(api, 'town-head', id) };
}

/** The id of the case's open legality-review opinion deadline. */
export async function openReviewDeadlineId(t: TestApp, caseId: string): Promise<string> {
  const rows = await t.sql(`SELECT id FROM deadlines WHERE case_id = ${ph(t, 1)} AND key = 'legalityReviewOpinion' AND status = 'open'`, [caseId]);
  return rows[0].id as string;
}
