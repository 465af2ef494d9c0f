/** Memory sampling: process RSS every few milliseconds plus the kernel's high-water mark. */
import { readFileSync } from 'node:fs';

/** A `Name:   123 kB` field of a /proc status file, in kB, or null when unreadable. */
export function readKb(file: string, field: string): number | null {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(file, 'utf8'));
    return match?.[1] ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/** Samples `process.memoryUsage().rss` on an interval; `mark()` starts a new phase peak. */
export class RssSampler {
  private peak = 0;
  private phasePeak = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs = 50) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  sample(): void {
    const rss = process.memoryUsage().rss;
    if (rss > this.peak) this.peak = rss;
    if (rss > this.phasePeak) this.phasePeak = rss;
  }

  /** Peak RSS in MB since the last mark (or start); resets the phase peak. */
  mark(): number {
    this.sample();
    const mb = toMb(this.phasePeak);
    this.phasePeak = 0;
    return mb;
  }

  /** Overall sampled peak and the kernel's VmHWM for this process, in MB. */
  stop(): { sampledPeakMb: number; vmHwmMb: number | null } {
    clearInterval(this.timer);
    this.sample();
    const hwm = readKb('/proc/self/status', 'VmHWM');
    return { sampledPeakMb: toMb(this.peak), vmHwmMb: hwm === null ? null : Math.round(hwm / 1024) };
  }
}

const toMb = (bytes: number): number => Math.round(bytes / 1024 / 1024);
