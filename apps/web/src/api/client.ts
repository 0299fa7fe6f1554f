import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import type { ApiError } from './types';

/**
 * The API client, typed from the OpenAPI document the API builds (`npm run api:types` writes
 * schema.d.ts). Paths, parameters and request bodies are checked by the compiler.
 */
export const api = createClient<paths>({ baseUrl: '' });

let tokenOf: () => string | null = () => null;
let onUnauthorized: () => void = () => undefined;

/** Wires the client to the session (main.ts): the bearer token, and what a 401 does. */
export function bindSession(getToken: () => string | null, unauthorized: () => void): void {
  tokenOf = getToken;
  onUnauthorized = unauthorized;
}

/** The Authorization header of the session, for the few requests that go around the client (file bodies). */
export function authorization(): string | null {
  const token = tokenOf();
  return token ? `Bearer ${token}` : null;
}

/** What a 401 does, for the requests that go around the client. */
export function sessionExpired(): void {
  onUnauthorized();
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenOf();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
  onResponse({ request, response }) {
    // a refused login is not an expired session
    if (response.status === 401 && !request.url.endsWith('/auth/login')) onUnauthorized();
    return response;
  },
};
api.use(auth);

/** The zh-CN (or English) message of an API error body; the code and article stay out of plain sight. */
export function errorText(e: unknown, locale: string): string {
  const body = e as Partial<ApiError> | undefined;
  if (!body || typeof body !== 'object') return locale === 'en' ? 'Request failed' : '请求失败';
  return (locale === 'en' ? body.message : body.messageZh) ?? body.messageZh ?? body.message ?? '请求失败';
}

/** Unwraps an openapi-fetch result whose response the OpenAPI document does not describe yet. */
export function body<T>(r: { data?: unknown; error?: unknown; response: Response }): T {
  if (!r.response.ok) throw Object.assign(new Error(`HTTP ${r.response.status}`), { status: r.response.status, body: r.error });
  return r.data as T;
}
