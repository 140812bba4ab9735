import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sha256Of } from '../core/maintenance/test-helpers.js';

export interface AdminRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the admin CLI as a child process (as `npm run admin` does), piping `lines` to stdin. */
export function runAdmin(args: string[], lines: string[], via: 'node' | 'npm' = 'node'): Promise<AdminRun> {
  const [cmd, argv] =
    via === 'npm'
      ? ['npm', ['run', '-s', 'admin', '--', ...args]]
      : [process.execPath, ['--import', 'tsx', 'electron/cli/admin.ts', ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: path.resolve('.'), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(lines.map((l) => `${l}\n`).join(''));
  });
}

/** The one JSON object a `--json` run printed on stdout. */
export function jsonOf(run: AdminRun): Record<string, unknown> {
  const lines = run.stdout.trim().split('\n');
  if (lines.length !== 1) throw new Error(`expected one line of JSON, got: ${run.stdout} / ${run.stderr}`);
  return JSON.parse(lines[0] ?? '') as Record<string, unknown>;
}

/** Name → sha256 of every file in a data folder (sub-folders listed by name). */
export function snapshot(dir: string): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const e of readdirSync(dir, { withFileTypes: true })) out[e.name] = e.isFile() ? sha256Of(path.join(dir, e.name)) : 'dir';
  return out;
}
