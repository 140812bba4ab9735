import { _electron as electron, expect, test } from '@playwright/test';
import { ELECTRON, ensureBuilt, launchDesk, removeDirs, SKIP_REASON, type LaunchedDesk } from './fixture';

/** The shell's security rules, inside the real Electron (the same rules run under Node in electron/main/shell.test.ts). */
test.skip(!ELECTRON, SKIP_REASON);
test.beforeAll(ensureBuilt);

test.describe('Electron shell', () => {
  let desk: LaunchedDesk;

  test.beforeEach(async () => {
    desk = await launchDesk();
  });

  test.afterEach(async () => {
    await desk?.close();
    if (desk) removeDirs(desk);
  });

  test('window follows the security checklist', async () => {
    const { page, app } = desk;
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0]!.webContents;
      // Not in Electron's typings on every version, but present at run time.
      const p = (wc as unknown as { getLastWebPreferences(): Record<string, unknown> | null }).getLastWebPreferences();
      return { contextIsolation: p?.['contextIsolation'], sandbox: p?.['sandbox'], nodeIntegration: p?.['nodeIntegration'], webSecurity: p?.['webSecurity'], url: wc.getURL() };
    });
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(prefs.url.startsWith('app://desk/')).toBe(true);
    const globals = await page.evaluate(() => ({
      require: typeof (globalThis as Record<string, unknown>).require,
      process: typeof (globalThis as Record<string, unknown>).process,
      bridge: Object.keys((globalThis as unknown as { deskApi: object }).deskApi),
    }));
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', bridge: ['call'] });
  });

  test('navigation, new windows and permissions are refused', async () => {
    const { page } = desk;
    await page.evaluate(() => {
      window.location.href = 'https://example.org/';
    });
    await page.waitForTimeout(300);
    expect(page.url().startsWith('app://desk/')).toBe(true);
    const opened = await page.evaluate(() => window.open('https://example.org/') === null);
    expect(opened).toBe(true);
    const permission = await page.evaluate(async () => (await navigator.permissions.query({ name: 'geolocation' })).state);
    expect(permission).not.toBe('granted');
  });

  test('the renderer talks to the core over IPC and shows first-run setup', async () => {
    const { page } = desk;
    const info = await page.evaluate(() => (globalThis as unknown as { deskApi: { call(m: string, p: unknown): Promise<unknown> } }).deskApi.call('app.info', {}));
    expect(info).toMatchObject({ ok: true, value: { setupDone: false } });
    const unknown = await page.evaluate(() => (globalThis as unknown as { deskApi: { call(m: string, p: unknown): Promise<unknown> } }).deskApi.call('constructor', {}));
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknownMethod' } });
    await expect(page.locator('form')).toBeVisible();
  });

  test('a second instance does not start a second window', async () => {
    const { app } = desk;
    const second = await electron
      .launch({ executablePath: ELECTRON ?? undefined, args: ['dist/electron/main.cjs'], env: { ...process.env, DESK_DATA_DIR: desk.dataDir, DESK_USER_DATA: desk.userData } })
      .catch(() => null);
    if (second) {
      await expect.poll(() => second.windows().length, { timeout: 3000 }).toBe(0);
      await second.close().catch(() => undefined);
    }
    expect(app.windows().length).toBe(1);
  });
});
