/**
 * What the portal's pages share: the public API (no session), dates as Beijing time, and the
 * large-type switch (适老化 大字版), remembered on the device.
 */
import { ref, watch } from 'vue';
import { api } from '../api/client';
import type { components } from '../api/schema';
import type { ApiError } from '../api/types';

type S = components['schemas'];
export type PublicConsultation = S['PublicConsultationDto'];
export type ConsultationDetail = S['PublicConsultationResponseDto'];
export type Receipt = S['CommentReceiptResponseDto'];
export type CommentStatus = S['CommentStatusResponseDto'];
export type SubmitterType = S['SubmitCommentRequestDto']['submitterType'];

export const SUBMITTER_TYPES: SubmitterType[] = ['INDIVIDUAL', 'ENTERPRISE', 'SOCIAL_ORGANIZATION', 'DEPUTY', 'OTHER'];
export const COMMENT_TEXT_MAX = 2000;

/** A refusal of the API, with its status and body (code, messageZh, message). */
export class PortalError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ApiError> | null,
  ) {
    super(`HTTP ${status}`);
  }
}

/** The readable text of a failure: the server's own message (zh-CN or English), or a network failure. */
export function failureText(e: unknown, locale: string, network: string): string {
  if (e instanceof PortalError && e.body && (e.body.messageZh || e.body.message)) {
    return (locale === 'en' ? e.body.message : e.body.messageZh) ?? e.body.messageZh ?? e.body.message ?? network;
  }
  return network;
}

function unwrap<T>(r: { data?: T; error?: unknown; response: Response }): T {
  if (!r.response.ok || r.data === undefined) throw new PortalError(r.response.status, (r.error as Partial<ApiError>) ?? null);
  return r.data;
}

export const portalApi = {
  list: async () => unwrap(await api.GET('/api/v1/public/consultations')),
  get: async (caseId: string) => unwrap(await api.GET('/api/v1/public/consultations/{caseId}', { params: { path: { caseId } } })),
  challenge: async () => unwrap(await api.GET('/api/v1/public/challenge')),
  submit: async (caseId: string, body: S['SubmitCommentRequestDto']) =>
    unwrap(await api.POST('/api/v1/public/consultations/{caseId}/comments', { params: { path: { caseId } }, body })),
  lookup: async (body: S['LookupCommentRequestDto']) => unwrap(await api.POST('/api/v1/public/comments/lookup', { body })),
};

/** The draft's download link: only files the consultation published are served. */
export const attachmentUrl = (caseId: string, sha256: string) => `/api/v1/public/consultations/${caseId}/attachments/${sha256}`;

/** A calendar day (YYYY-MM-DD, Beijing) as a reader reads it: 2020年4月1日 / 1 Apr 2020. */
export function formatDay(day: string, locale: string): string {
  const [y, m, d] = day.split('-').map(Number);
  if (!y || !m || !d) return day;
  if (locale === 'en') return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, d));
  return `${y}年${m}月${d}日`;
}

/** An instant in Beijing time: 2020年3月10日 10:00（北京时间）/ 10 Mar 2020, 10:00 (Beijing time). */
export function formatInstant(iso: string, locale: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  const day = formatDay(`${parts.year}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`, locale);
  return locale === 'en' ? `${day}, ${parts.hour}:${parts.minute} (Beijing time)` : `${day} ${parts.hour}:${parts.minute}（北京时间）`;
}

const LARGE_KEY = 'docket.portal.large';

/** 大字版: on or off, kept in localStorage, shown as a class on <html>. */
export const largeType = ref<boolean>(typeof localStorage !== 'undefined' && localStorage.getItem(LARGE_KEY) === '1');
watch(
  largeType,
  (on) => {
    if (typeof localStorage !== 'undefined') localStorage.setItem(LARGE_KEY, on ? '1' : '0');
    if (typeof document !== 'undefined') document.documentElement.classList.toggle('portal-large', on);
  },
  { immediate: true },
);
