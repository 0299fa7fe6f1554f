import { authorization, sessionExpired } from './client';
import type { ApiError } from './types';

/** An uploaded file as the API stored it (content-addressed by its SHA-256). */
export interface Attachment {
  sha256: string;
  size: number;
  mediaType: string;
  fileName: string;
}

/** Uploads a file as the raw request body (`POST /api/v1/attachments`), its name in a header. */
export async function uploadAttachment(fileName: string, data: ArrayBuffer, type: string): Promise<{ ok: true; attachment: Attachment } | { ok: false; error: ApiError }> {
  const headers = new Headers({ 'Content-Type': type || 'application/octet-stream', 'X-File-Name': encodeURIComponent(fileName) });
  const auth = authorization();
  if (auth) headers.set('Authorization', auth);
  const r = await fetch('/api/v1/attachments', { method: 'POST', headers, body: data });
  if (r.status === 401) sessionExpired();
  const json = (await r.json().catch(() => ({}))) as unknown;
  return r.ok ? { ok: true, attachment: json as Attachment } : { ok: false, error: json as ApiError };
}

/** Downloads an attachment with the session's token and hands it to the browser as a file. */
export async function downloadAttachment(sha256: string, fallbackName: string): Promise<boolean> {
  const auth = authorization();
  const r = await fetch(`/api/v1/attachments/${sha256}`, { headers: auth ? { Authorization: auth } : {} });
  if (r.status === 401) sessionExpired();
  if (!r.ok) return false;
  const disposition = r.headers.get('Content-Disposition') ?? '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  const name = m ? decodeURIComponent(m[1]) : fallbackName;
  const url = URL.createObjectURL(await r.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}
