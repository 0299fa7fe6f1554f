import { createHash } from 'crypto';
import request from 'supertest';
import { ApiClient } from '../setup/api-client';
import { DRIVERS, startTestApp, TestApp } from '../setup/test-app';

/**
 * Issue 9 §3: security headers (helmet) on the API and on every HTML page, a Content-Security-Policy
 * those pages pass, and no caching of anything carrying a token or personal data.
 */
const proposal = {
  problem: '镇区生活垃圾分类设施不足',
  reasons: '群众反映强烈，现有设施老化',
  legalBasis: '《浙江省生活垃圾管理条例》',
  solution: '新建分类收集点并配备专职人员',
  necessity: '改善人居环境，回应群众诉求',
};

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([k, ...v]) => [k, v]),
  );
}

/** What a browser would refuse on this page under the policy (empty when the page passes it). */
function violations(html: string, csp: Record<string, string[]>, pageUrl: string): string[] {
  const out: string[] = [];
  const style = csp['style-src'] ?? csp['default-src'];
  const script = csp['script-src'] ?? csp['default-src'];
  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) {
    if (!style.includes("'unsafe-inline'") && !style.includes(sha(m[1]))) out.push(`inline <style> not hashed: ${m[1].slice(0, 60)}`);
  }
  for (const m of html.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const v = m[1] ?? m[2];
    if (!style.includes("'unsafe-inline'") && !(style.includes("'unsafe-hashes'") && style.includes(sha(v)))) out.push(`style attribute not admitted: ${v}`);
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1];
    if (/\ssrc\s*=/.test(attrs)) {
      const src = /\ssrc\s*=\s*["']([^"']+)["']/.exec(attrs)![1];
      const url = new URL(src, `http://docket.test${pageUrl}`);
      if (url.origin !== 'http://docket.test' || !script.includes("'self'")) out.push(`script from elsewhere: ${src}`);
    } else if (!/type\s*=\s*["']application\/json["']/.test(attrs) && m[2].trim()) {
      if (!script.includes(sha(m[2]))) out.push(`inline script: ${m[2].slice(0, 60)}`);
    }
  }
  if (/\son[a-z]+\s*=/i.test(html.replace(/<script\b[\s\S]*?<\/script>/gi, ''))) out.push('an on…= event handler attribute');
  for (const m of html.matchAll(/<link\b[^>]*rel=["']stylesheet["'][^>]*>/gi)) {
    const href = /href\s*=\s*["']([^"']+)["']/.exec(m[0])![1];
    if (new URL(href, `http://docket.test${pageUrl}`).origin !== 'http://docket.test') out.push(`stylesheet from elsewhere: ${href}`);
  }
  return out;
}

describe.each(DRIVERS)('security headers on %s', (driver) => {
  let t: TestApp;
  let api: ApiClient;
  let caseId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    api = new ApiClient(t);
    caseId = (await api.post('dept-head', '/cases', { kind: 'major-decision', title: '安全响应头测试', proposal })).body.id;
  });
  afterAll(async () => t?.close());

  const expectBaseHeaders = (res: request.Response) => {
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-frame-options']).toBe('DENY');
    const csp = directives(res.headers['content-security-policy']);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['script-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['style-src']).not.toContain("'unsafe-inline'");
    expect(csp['upgrade-insecure-requests']).toBeUndefined();
    return csp;
  };

  it.each([
    ['决策档案 dossier', 'auditor', () => `/api/v1/cases/${caseId}/dossier.html`],
    ['年度报告 annual report', 'town-head', () => '/api/v1/reports/annual.html?year=2026'],
    ['年度报告（format=html）', 'town-head', () => '/api/v1/reports/annual?year=2026&format=html'],
  ])('the %s page: headers, a policy it passes, no-store', async (_name, user, url) => {
    const res = await request(api.server).get(url()).set('Authorization', `Bearer ${await api.token(user)}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const csp = expectBaseHeaders(res);
    expect(res.text).toMatch(/<style>/);
    expect(violations(res.text, csp, url())).toEqual([]);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('the API docs (swagger-ui): headers, a policy its HTML passes, and its scripts and styles load from here', async () => {
    const page = await request(api.server).get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('swagger-ui-bundle.js');
    const csp = expectBaseHeaders(page);
    expect(violations(page.text, csp, '/api/docs')).toEqual([]);
    const assets = [...page.text.matchAll(/(?:src|href)\s*=\s*["']([^"'#]+\.(?:js|css))["']/g)].map((m) => new URL(m[1], 'http://docket.test/api/docs').pathname);
    expect(assets).toEqual(expect.arrayContaining(['/api/docs/swagger-ui-bundle.js', '/api/docs/swagger-ui-init.js', '/api/docs/swagger-ui.css']));
    for (const asset of assets) {
      const res = await request(api.server).get(asset);
      expect([asset, res.status]).toEqual([asset, 200]);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      // nosniff: a script must come as JavaScript, a stylesheet as CSS
      expect(res.headers['content-type']).toMatch(asset.endsWith('.js') ? /javascript/ : /text\/css/);
      // the init script starts swagger-ui from the document inlined in it, without eval
      if (asset.endsWith('swagger-ui-init.js')) {
        expect(res.text).toContain('SwaggerUIBundle');
        expect(res.text).not.toMatch(/\beval\(|new Function\(/);
      }
      if (asset.endsWith('.css')) expect(res.text).not.toMatch(/url\(\s*["']?https?:/);
    }
  });

  it('login: no-store on the answer carrying the token, the same headers on JSON', async () => {
    const res = await request(api.server).post('/api/v1/auth/login').send({ username: 'dept-head', password: 'docket-demo' });
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expectBaseHeaders(res);
    const bad = await request(api.server).post('/api/v1/auth/login').send({ username: 'dept-head', password: 'wrong-password' });
    expect(bad.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['a case', () => `/cases/${caseId}`],
    ['the cases', () => '/cases'],
    ['the user', () => '/auth/me'],
    ['its history', () => `/cases/${caseId}/history`],
  ])('no-store and nosniff on %s (personal data)', async (_name, url) => {
    const res = await api.get('dept-head', url());
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expectBaseHeaders(res);
  });

  it('errors carry the headers too', async () => {
    const res = await request(api.server).get('/api/v1/cases');
    expect(res.status).toBe(401);
    expect(res.headers['cache-control']).toBe('no-store');
    expectBaseHeaders(res);
  });
});
