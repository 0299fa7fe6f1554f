import { createHash } from 'crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The inline styles of a page, as CSP hash sources: the text of each `<style>` element and the
 * value of each `style` attribute, exactly as the browser hashes them (the pages here use no
 * character references inside them).
 */
export function inlineStyleSources(html: string): { elements: string[]; attributes: string[] } {
  const elements = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => sha256(m[1]));
  const attributes = [...html.matchAll(/\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => sha256(m[1] ?? m[2]));
  return { elements, attributes };
}

export interface SecurityHeaderPages {
  /** the CSS of Docket's own pages' `<style>` elements (dossier, annual report…) */
  styles: string[];
  /** whole pages served by libraries (swagger-ui): their inline styles are hashed as they stand */
  pages: string[];
}

/**
 * The policy every response carries. Scripts: only files from this origin, no inline script, no
 * `eval`, no `on…=` attributes. Styles: files from this origin and the hashed inline styles of the
 * pages Docket serves, never `'unsafe-inline'`. No page may be framed (frame-ancestors 'none',
 * X-Frame-Options DENY). No `upgrade-insecure-requests`: a town may serve Docket over plain HTTP
 * on its intranet, where upgraded sub-requests would fail.
 */
export function contentSecurityPolicy(p: SecurityHeaderPages): Record<string, string[]> {
  const styles = new Set<string>(p.styles.map(sha256));
  const attributes = new Set<string>();
  for (const html of p.pages) {
    const found = inlineStyleSources(html);
    found.elements.forEach((h) => styles.add(h));
    found.attributes.forEach((h) => attributes.add(h));
  }
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'connect-src': ["'self'"],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // 'unsafe-hashes' admits only the hashed style attributes (swagger-ui's sprite sheet), no other
    'style-src': ["'self'", ...styles, ...(attributes.size ? ["'unsafe-hashes'", ...attributes] : [])],
  };
}

/** helmet with Docket's policy: nosniff, no X-Powered-By, DENY framing, the CSP above. */
export function securityHeaders(p: SecurityHeaderPages): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(p) },
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * The queue dashboard (bull-board, admin only) is a vendor page whose markup carries inline style
 * attributes and a `<style>` element of its own: it gets `'unsafe-inline'` for styles only; scripts
 * stay 'self', framing stays refused. Its Google Fonts link is not admitted (the page falls back to
 * local fonts): Docket calls no third party.
 */
export function queueDashboardCsp(): RequestHandler {
  const directives = contentSecurityPolicy({ styles: [], pages: [] });
  directives['style-src'] = ["'self'", "'unsafe-inline'"];
  const header = Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join(';');
  return (_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', header);
    next();
  };
}

/**
 * Every API response may carry a token or personal data (the login's token, cases, users, the
 * dossier): none may be stored by a browser or a proxy.
 */
export function noStore(_req: Request, res: Response, next: NextFunction): void {
  res.setHeader('Cache-Control', 'no-store');
  next();
}
