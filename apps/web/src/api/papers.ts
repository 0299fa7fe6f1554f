import { authorization, sessionExpired } from './client';

/**
 * Opens a printable paper (HTML with print CSS, `GET /api/v1/cases/:id/papers/:paper`) in a new
 * tab, fetched with the session's token (a plain link would carry none). The tab is opened first,
 * inside the click, so that the browser does not block it; it is closed again when the fetch fails.
 */
export async function openPaper(caseId: string, paper: string): Promise<boolean> {
  const tab = window.open('', '_blank');
  const auth = authorization();
  try {
    const r = await fetch(`/api/v1/cases/${encodeURIComponent(caseId)}/papers/${encodeURIComponent(paper)}`, { headers: auth ? { Authorization: auth } : {} });
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
