import type { MachineInfo } from './machine';
import { fmtMs, fmtRate, fmtRatio, Measurement } from './stats';

export interface DriverResults {
  raw: Measurement;
  approval: Measurement;
  createCase: Measurement;
  bpmn: Measurement;
  bpmnStateBytes: number;
  major: { transitions: Measurement; eventsPerCase: number; snapshotBytes: number };
}

export interface Results {
  machine: MachineInfo;
  versions: { sqlite: string; postgres: string; postgresSettings: string };
  date: Date;
  durationS: number;
  rounds: number;
  quick: boolean;
  engine: { stepCase: Measurement; buildRecord: Measurement; verify: Measurement };
  sqlite: DriverResults;
  postgres: DriverResults;
}

const line = (name: string, m: Measurement) =>
  `${name.padEnd(44)} ${fmtRate(m.perSecond).padStart(9)}/s  p50 ${fmtMs(m.p50).padStart(7)} ms  p99 ${fmtMs(m.p99).padStart(7)} ms  (n=${m.count})\n`;

export function renderConsole(r: Results): string {
  let out = '\n';
  out += line('engine stepCase (no DB)', r.engine.stepCase);
  out += line('engine buildRecord (no DB)', r.engine.buildRecord);
  out += line('hash-chain verify (records)', r.engine.verify);
  for (const d of ['sqlite', 'postgres'] as const) {
    const x = r[d];
    out += `-- ${d}\n`;
    out += line('raw driver commit', x.raw);
    out += line('runtime bench-approval', x.approval);
    out += line('runtime createCase', x.createCase);
    out += line('bpmn-engine', x.bpmn);
    out += line('runtime major-decision', x.major.transitions);
    out += `runtime/raw ${fmtRatio(x.approval.perSecond / x.raw.perSecond)}  runtime/bpmn ${fmtRatio(x.approval.perSecond / x.bpmn.perSecond)}\n`;
  }
  return out;
}

export function renderMarkdown(r: Results): string {
  return renderConsole(r);
}
