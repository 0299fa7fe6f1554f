import { BundleVerdict, CaseVerdict, reasonZh } from '@app/audit';
import type { VerifyAllSummary } from './verify-all.command';

const REASON_EN: Record<string, string> = {
  edited: 'edited',
  inserted: 'inserted',
  deleted: 'deleted',
  reordered: 'reordered',
  truncated: 'truncated',
  'replay-diverged': 'replay diverged',
  'unanchored-tail': 'unanchored tail',
  'checkpoint-invalid': 'checkpoint invalid',
  'comments-changed': 'sealed comments changed',
};

/** One line per case: status, id, first seq and reason, and the first finding's message. */
export function caseLine(v: CaseVerdict): string {
  const first = v.findings.find((f) => f.seq === v.seq && f.reason === v.reason) ?? v.findings[0];
  const where = v.seq !== null ? `seq ${v.seq}` : 'checkpoints';
  const reason = v.reason ? `${REASON_EN[v.reason]} (${reasonZh(v.reason)})` : '';
  return `${v.status.padEnd(4)}  ${v.caseId}  ${where}  ${reason}${first ? ` — ${first.message}` : ''}`;
}

export function bundleReport(v: BundleVerdict & { title: string }, file: string): string {
  const lines = [
    `Docket dossier: ${file}`,
    `  case         ${v.caseId}  ${v.title}`,
    `  events       ${v.events}`,
    `  keys         ${v.keyIds.join(', ') || '(none)'} ${v.keySource === 'pinned' ? '(pinned)' : '(read from the bundle; pin with --key <public-key file>)'}`,
    `  checkpoints  ${v.checkpoints.anchorsVerified} anchor(s) verified; history anchored up to seq ${v.checkpoints.anchoredSeq}; latest checkpoint ${v.checkpoints.latestSeq ?? 'none'}`,
  ];
  for (const f of v.findings) lines.push(`  ${f.severity.padEnd(4)} [${f.check}] ${f.seq !== null ? `seq ${f.seq}: ` : ''}${f.message}`);
  lines.push(caseLine(v));
  return lines.join('\n');
}

export function summaryReport(s: VerifyAllSummary): string {
  const lines = s.problems.map(caseLine);
  lines.push(
    `checkpoint log: ${s.checkpoints.count} checkpoint(s), ${s.checkpoints.ok ? 'intact' : `BROKEN (${s.checkpoints.problem})`}`,
    `${s.cases} case(s), ${s.events} event(s) in ${(s.ms / 1000).toFixed(1)} s: ${s.pass} PASS, ${s.warn} WARN, ${s.fail} FAIL`,
  );
  const status = s.fail || !s.checkpoints.ok ? 'FAIL' : s.warn ? 'WARN' : 'PASS';
  lines.push(status);
  return lines.join('\n');
}
