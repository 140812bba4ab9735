import { appendFileSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LogFields, Logger, LogLevel } from './logger.js';
import { redactLogText } from './redact.js';

export interface RotatingLogOptions {
  dir: string;
  /** The file's base name: `desk.log`, then `desk.1.log` … `desk.<keep>.log`. */
  name?: string;
  maxBytes?: number;
  keep?: number;
  clock?: () => Date;
  home?: string;
}

/**
 * The app's log: JSON lines in the user-data folder, rotated by size so a desk that runs
 * for years never fills its disk (default 1 MiB × 5 files). Only one process writes it (the
 * main process; the core process sends its events over the port). Every value is passed
 * through redactLogText before it is written.
 */
export class RotatingLog implements Logger {
  private readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly clock: () => Date;

  constructor(private readonly opts: RotatingLogOptions) {
    mkdirSync(opts.dir, { recursive: true, mode: 0o700 });
    this.file = path.join(opts.dir, opts.name ?? 'desk.log');
    this.maxBytes = opts.maxBytes ?? 1024 * 1024;
    this.keep = opts.keep ?? 5;
    this.clock = opts.clock ?? (() => new Date());
  }

  get path(): string {
    return this.file;
  }

  /** The current file and its rotated predecessors, newest first. */
  files(): string[] {
    return [this.file, ...Array.from({ length: this.keep }, (_, i) => this.rotated(i + 1))].filter((f) => existsSync(f));
  }

  log(level: LogLevel, event: string, fields: LogFields = {}): void {
    const clean: LogFields = {};
    for (const [k, v] of Object.entries(fields)) clean[redactLogText(k, this.opts.home)] = typeof v === 'string' ? redactLogText(v, this.opts.home) : v;
    const line = JSON.stringify({ t: this.clock().toISOString(), level, event: redactLogText(event, this.opts.home), ...clean }) + '\n';
    try {
      this.rotateIfNeeded(Buffer.byteLength(line));
      appendFileSync(this.file, line, { mode: 0o600 });
    } catch {
      // A full or read-only disk must not take the desk down with it; the line is lost.
    }
  }

  private rotated(n: number): string {
    const ext = path.extname(this.file);
    return `${this.file.slice(0, -ext.length)}.${n}${ext}`;
  }

  private rotateIfNeeded(incoming: number): void {
    const size = existsSync(this.file) ? statSync(this.file).size : 0;
    if (size === 0 || size + incoming <= this.maxBytes) return;
    rmSync(this.rotated(this.keep), { force: true });
    for (let n = this.keep - 1; n >= 1; n--) if (existsSync(this.rotated(n))) renameSync(this.rotated(n), this.rotated(n + 1));
    renameSync(this.file, this.rotated(1));
  }
}
