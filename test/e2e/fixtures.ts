import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

/**
 * Each test gets its own core: a fresh data folder and a browser-harness process
 * (electron/loopback/dev-web.ts) on a free port, serving the built renderer. The process is
 * started in its own process group, so stopping it also stops the node process npx/tsx start.
 */
export interface Desk {
  /** The URL to open, with the per-run token in its fragment. */
  openUrl: string;
  dataDir: string;
}

const STARTUP_TIMEOUT_MS = 30_000;

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const stderr: string[] = [];
    const timer = setTimeout(() => reject(new Error(`dev-web did not start in time:\n${stderr.join('')}`)), STARTUP_TIMEOUT_MS);
    child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`dev-web exited with ${String(code)}:\n${stderr.join('')}`));
    });
    if (!child.stdout) throw new Error('no stdout');
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const msg = JSON.parse(line) as { event?: string; openUrl?: string };
      if (msg.event === 'listening' && msg.openUrl) {
        clearTimeout(timer);
        resolve(msg.openUrl);
      }
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return Promise.resolve();
  const pid = child.pid;
  return new Promise((resolve) => {
    const done = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(done);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(done);
      resolve();
    }
  });
}

export const test = base.extend<{ desk: Desk; deskArgs: string[] }>({
  /** More dev-web flags for a spec's desks, e.g. `test.use({ deskArgs: ['--sync-interval-ms', '500'] })`. */
  deskArgs: [[], { option: true }],
  desk: async ({ deskArgs }, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-e2e-'));
    const child = spawn('npx', ['tsx', 'electron/loopback/dev-web.ts', '--data', dataDir, '--port', '0', '--json', '--scrypt-n', '16384', ...deskArgs], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    try {
      const openUrl = await waitForListening(child);
      await use({ openUrl, dataDir });
    } finally {
      await stop(child);
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };
