import { authorization, sessionExpired } from './client';

/**
 * Opens a printable paper (HTML with print CSS, `GET /api/v1/cases/:id/papers/:paper`) in a new
 * tab, fetched with the session's token (a plain link would carry none). The tab is opened first,
 * inside the click, so that the browser does not block it; it is closed again when the fetch fails.
 */
export function openPaper(caseId: string, paper: string): Promise<boolean> {
  return openHtmlPage(`/api/v1/cases/${encodeURIComponent(caseId)}/papers/${encodeURIComponent(paper)}`);
}

/** Opens any printable page of the API (e.g. the annual report) in a new tab the same way. */
export async function openHtmlPage(page: string): Promise<boolean> {
  const tab = window.open('', '_blank');
  const auth = authorization();
  try {
    const r = await fetch(page, { headers: auth ? { Authorization: auth } : {} });
    if (r.status === 401) sessionExpired();
    if (!r.ok) throw new Error(String(r.status));
    const url = URL.createObjectURL(new Blob([await r.text()], { type: 'text/html;charset=utf-8' }));
    if (tab) tab.location.href = url;
    else window.open(url, '_blank');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return true;
  } catch {
    tab?.close();
    return false;
  }
}
