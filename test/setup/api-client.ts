import request from 'supertest';
import type { TestApp } from './test-app';

export const DEMO_PASSWORD = 'docket-demo';

/** Logs in as demo users (tokens cached) and sends requests as them. */
export class ApiClient {
  private tokens = new Map<string, string>();

  constructor(private readonly t: TestApp) {}

  get server() {
    return this.t.app.getHttpServer();
  }

  async token(username: string, password = DEMO_PASSWORD): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const res = await request(this.server).post('/api/v1/auth/login').send({ username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  async get(username: string, url: string) {
    return request(this.server).get(`/api/v1${url}`).set('Authorization', `Bearer ${await this.token(username)}`);
  }

  async post(username: string, url: string, body?: unknown) {
    return request(this.server).post(`/api/v1${url}`).set('Authorization', `Bearer ${await this.token(username)}`).send(body as object);
  }

  async put(username: string, url: string, body?: unknown) {
    return request(this.server).put(`/api/v1${url}`).set('Authorization', `Bearer ${await this.token(username)}`).send(body as object);
  }

  /** Sends an event and returns the response (no status check). */
  async event(username: string, caseId: string, type: string, payload: unknown = {}, expectedRevision?: number) {
    return this.post(username, `/cases/${caseId}/events`, { type, payload, ...(expectedRevision ? { expectedRevision } : {}) });
  }

  /** Sends an event that must be accepted. */
  async ok(username: string, caseId: string, type: string, payload: unknown = {}) {
    const res = await this.event(username, caseId, type, payload);
    if (res.status !== 200) throw new Error(`${username} ${type} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async setClock(now: string) {
    const res = await request(this.server).put('/api/v1/test/clock').send({ now });
    if (res.status !== 200) throw new Error(`set clock failed: ${res.status}`);
  }
}
