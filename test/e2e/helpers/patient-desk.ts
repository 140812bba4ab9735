import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createStaffRu, firstLoginRu, loginByKeyboard, setupByKeyboard } from '../helpers';

/**
 * One desk per worker for the patient specs: the harness is started and set up through the
 * UI once (admin, then a receptionist and a manager with their own passwords), and every
 * test signs in on a fresh page. Tests share the store, so each uses its own people (IINs,
 * names, phones). The process handling mirrors fixtures.ts, which keeps its helpers private.
 */
export const RECEPTIONIST = { login: 'aigerim', fullName: 'Айгерім Нұрланқызы', password: 'my own secret 42' };
export const MANAGER = { login: 'dana', fullName: 'Дана Серікқызы', password: 'my own secret 43' };

function startHarness(dataDir: string): { child: ChildProcess; ready: Promise<string> } {
  const child = spawn('npx', ['tsx', 'electron/loopback/dev-web.ts', '--data', dataDir, '--port', '0', '--json', '--scrypt-n', '16384'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const ready = new Promise<string>((resolve, reject) => {
    const stderr: string[] = [];
    const timer = setTimeout(() => reject(new Error(`dev-web did not start:\n${stderr.join('')}`)), 30_000);
    child.stderr?.on('data', (d: Buffer) => stderr.push(d.toString()));
    child.once('exit', (code) => reject(new Error(`dev-web exited with ${String(code)}:\n${stderr.join('')}`)));
    if (!child.stdout) return reject(new Error('no stdout'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const msg = JSON.parse(line) as { event?: string; openUrl?: string };
      if (msg.event === 'listening' && msg.openUrl) {
        clearTimeout(timer);
        resolve(msg.openUrl);
      }
    });
  });
  return { child, ready };
}

function stopHarness(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (child.exitCode !== null || pid === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // already gone
      }
      resolve();
    }, 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      clearTimeout(kill);
      resolve();
    }
  });
}

export const test = base.extend<object, { sharedDesk: { openUrl: string } }>({
  sharedDesk: [
    async ({ browser }, use) => {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'desk-e2e-patients-'));
      const { child, ready } = startHarness(dataDir);
      try {
        const openUrl = await ready;
        const page = await browser.newPage();
        await setupByKeyboard(page, openUrl, 'ru');
        await createStaffRu(page, { login: RECEPTIONIST.login, fullName: RECEPTIONIST.fullName, role: 'Регистратор', password: 'temporary-pass-1' });
        await createStaffRu(page, { login: MANAGER.login, fullName: MANAGER.fullName, role: 'Менеджер', password: 'temporary-pass-2' });
        await page.getByRole('button', { name: 'Выйти' }).click();
        await firstLoginRu(page, RECEPTIONIST.login, 'temporary-pass-1', RECEPTIONIST.password);
        await page.getByRole('button', { name: 'Выйти' }).click();
        await firstLoginRu(page, MANAGER.login, 'temporary-pass-2', MANAGER.password);
        await page.close();
        await use({ openUrl });
      } finally {
        await stopHarness(child);
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
});

export { expect };

/** Opens the desk and signs in by keyboard; the search field has the focus afterwards. */
export async function signIn(page: Page, openUrl: string, who: { login: string; password: string } = RECEPTIONIST): Promise<void> {
  await page.goto(openUrl);
  await loginByKeyboard(page, who.login, who.password);
  await expect(page.getByLabel('ИИН, фамилия или телефон')).toBeFocused();
}
