import * as fs from 'fs';
import * as os from 'os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  os: string;
  /** 1-minute load average when the run started */
  loadAvg1: number;
}

/** The machine the numbers were measured on (CPU model from /proc/cpuinfo where there is one). */
export function machineInfo(): MachineInfo {
  let cpu = os.cpus()[0]?.model?.trim() || 'unknown';
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpu = line.split(':')[1].trim();
  } catch {
    // not Linux: keep os.cpus()
  }
  return {
    cpu,
    cores: os.cpus().length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAvg1: os.loadavg()[0],
  };
}
