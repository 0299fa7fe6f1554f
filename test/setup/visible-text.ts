import { ENUM_LABELS } from '@app/workflows';
import { ROLE_LABELS } from '@app/engine';

/** The text a reader sees on a page: no style, no tags, no attributes, entities decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/gi, ' ')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (list: string[]) => new RegExp(`(?<![\\w-])(${list.map((w) => w.replace(/[-]/g, '\\-')).join('|')})(?![\\w-])`);

/**
 * What must not be in zh-CN text a clerk reads (issue 11): a UUID, an enum or role code, a field
 * key, or a short article reference ("R713 Art. 25", "SPEC §3.4"). Returns the offending matches.
 */
export function codesIn(text: string): string[] {
  const checks = [
    /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i,
    /\b[A-Z][A-Z0-9]*(_[A-Z0-9]+)+\b/,
    words(Object.keys(ENUM_LABELS)),
    words(Object.keys(ROLE_LABELS)),
    /\b[a-z]+[A-Z][A-Za-z]*\b/,
    /\b(R\d{3}|OBE|APL|SPEC)\b|\bArt\.|§/,
  ];
  return checks.flatMap((re) => {
    const m = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    return [...text.matchAll(m)].map((x) => `${x[0]} …${text.slice(Math.max(0, x.index! - 20), x.index! + 30)}…`);
  });
}
