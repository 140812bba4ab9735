import { _electron as electron, type ElectronApplication, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * The real Electron app, driven by Playwright. These tests run wherever the Electron binary
 * is installed (developers' and users' machines, after `npm start` fetched it); here its
 * download is blocked, so they skip with the one reason below. What they cover that can run
 * without Electron is also tested under Node: the port protocol (electron/core/port), the
 * IPC sender rules, window preferences and paper options (electron/main/shell.test.ts), the
 * CSP, the built bundles (scripts/build-electron.test.ts), and the UI against the harness.
 */
const require = createRequire(import.meta.url);

function electronPath(): string | null {
  try {
    const p: unknown = require('electron');
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

export const ELECTRON = electronPath();
export const SKIP_REASON = 'Electron binary not installed here (its download is blocked); these run where `npm start` has fetched it.';

const MAIN = path.resolve('dist/electron/main.cjs');

/** Builds the Electron bundles once per run where the binary exists (npm test builds only the renderer). */
export function ensureBuilt(): void {
  if (!ELECTRON) return;
  const r = spawnSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'inherit' });
  if (r.status !== 0 || !existsSync(MAIN)) throw new Error('npm run build:electron failed');
}

export interface LaunchedDesk {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
  userData: string;
  /** Every line of the app's rotating log files. */
  logs(): string;
  close(): Promise<void>;
}

export async function launchDesk(dirs?: { dataDir: string; userData: string }): Promise<LaunchedDesk> {
  const dataDir = dirs?.dataDir ?? mkdtempSync(path.join(tmpdir(), 'desk-electron-data-'));
  const userData = dirs?.userData ?? mkdtempSync(path.join(tmpdir(), 'desk-electron-user-'));
  const app = await electron.launch({
    executablePath: ELECTRON ?? undefined,
    args: [MAIN],
    env: { ...process.env, DESK_DATA_DIR: dataDir, DESK_USER_DATA: userData },
  });
  const page = await app.firstWindow();
  const logDir = path.join(userData, 'logs');
  return {
    app,
    page,
    dataDir,
    userData,
    logs: () => (existsSync(logDir) ? readdirSync(logDir).map((f) => readFileSync(path.join(logDir, f), 'utf8')).join('\n') : ''),
    close: async () => {
      await app.close();
    },
  };
}

export function removeDirs(d: { dataDir: string; userData: string }): void {
  rmSync(d.dataDir, { recursive: true, force: true });
  rmSync(d.userData, { recursive: true, force: true });
}
