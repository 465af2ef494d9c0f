import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redact';

/** How big a log file grows before it is rotated, and how many old ones are kept. */
export interface RotationOptions {
  maxBytes: number;
  keep: number;
}

/** One log line's level. */
export type LogLevel = 'info' | 'warn' | 'error';

/** A remembered error for "Copy diagnostics" (already redacted). */
export interface RecentError {
  at: number;
  message: string;
}

/**
 * A size-rotated log in `dir`: `promptly.log`, then `promptly.1.log` (newest old) up to
 * `promptly.<keep>.log`. Lines are redacted before they are written: no addresses, no
 * secrets. Writes are synchronous appends, so a crash loses nothing already logged.
 */
export class RotatingLog {
  private readonly recent: RecentError[] = [];
  private size: number;

  constructor(
    private readonly dir: string,
    private readonly options: RotationOptions = { maxBytes: 1_000_000, keep: 5 },
    private readonly now: () => number = Date.now,
  ) {
    mkdirSync(dir, { recursive: true });
    this.size = existsSync(this.file(0)) ? statSync(this.file(0)).size : 0;
  }

  /** The path of the current (0) or an old (1..keep) log file. */
  file(index: number): string {
    return join(this.dir, index === 0 ? 'promptly.log' : `promptly.${index}.log`);
  }

  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string, error?: unknown): void {
    const detail = error instanceof Error ? `${message}: ${error.message}` : message;
    this.write('error', detail);
    this.recent.push({ at: this.now(), message: redact(detail) });
    if (this.recent.length > 20) this.recent.shift();
  }

  /** The last errors logged (at most 20), oldest first. */
  recentErrors(): RecentError[] {
    return [...this.recent];
  }

  private write(level: LogLevel, message: string): void {
    const line = `${new Date(this.now()).toISOString()} ${level.toUpperCase()} ${redact(message)}\n`;
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.options.maxBytes) this.rotate();
    appendFileSync(this.file(0), line);
    this.size += bytes;
  }

  private rotate(): void {
    rmSync(this.file(this.options.keep), { force: true });
    for (let i = this.options.keep - 1; i >= 0; i--) {
      if (existsSync(this.file(i))) renameSync(this.file(i), this.file(i + 1));
    }
    this.size = 0;
  }
}
