import { app, BrowserWindow, powerMonitor, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { RotatingLog } from '../core/log/rotating-file.js';
import { CoreProcess } from './core-process.js';
import { registerIpc } from './ipc.js';
import { findKeychain, keychainHost } from './keychain.js';
import { printHost } from './print.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { APP_ORIGIN, hardenSessions } from './security.js';
import { readUpdateConfig, startUpdates } from './updates.js';

/**
 * The Electron shell: windows, printing, the keychain and the OS integrations. The desk
 * itself (store, SQL, sync, backups) runs in a utility process (core-process.ts) and is the
 * same core the browser harness runs in-process.
 */
const appRoot = app.getAppPath();
const bundleDir = path.join(appRoot, 'dist', 'electron');
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources');
/** Bundled files that run as their own process or thread live outside app.asar (asarUnpack). */
const unpacked = (file: string) => path.join(bundleDir, file).replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);

/**
 * The SQLite addon built for Electron's ABI: by scripts/start-electron.mjs in development,
 * by the packaging hook (scripts/electron-builder-after-pack.cjs) in place in an installed
 * app. Named explicitly, so the core process and the backup worker (both outside app.asar)
 * load it without the `bindings` lookup.
 */
function electronNativeBinding(): string | undefined {
  if (app.isPackaged) return path.join(process.resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  const candidate = process.env.DESK_NATIVE_BINDING ?? path.join(appRoot, '.cache', 'electron-native', process.versions.electron, 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

// No crash reporter is ever started: a minidump holds the process's memory (keys, patients)
// and would sit unencrypted on disk or go to a server. ESLint forbids importing it.
app.enableSandbox();
registerAppScheme();
const userData = process.env.DESK_USER_DATA ?? app.getPath('userData');
if (process.env.DESK_USER_DATA) app.setPath('userData', userData);
const log = new RotatingLog({ dir: path.join(userData, 'logs'), home: app.getPath('home') });
process.on('uncaughtException', (e) => log.log('error', 'main.uncaught', { error: e.name }));

if (!app.requestSingleInstanceLock()) {
  // A second desk process would open the same store; focus the first one instead.
  app.quit();
} else {
  const windows = new Set<number>();
  let mainWindow: BrowserWindow | null = null;

  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });

  const createWindow = () => {
    const win = new BrowserWindow({
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      backgroundColor: '#ffffff',
      // Electron's security checklist, written out here so electronegativity and
      // shell.test.ts both read exactly what the window gets.
      webPreferences: {
        preload: path.join(bundleDir, 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
        // A middle click must not open anything; new windows are denied anyway.
        disableBlinkFeatures: 'Auxclick',
        // Only for Chromium's built-in PDF viewer, which shows printed forms (the print
        // preview) in a blob: frame; no other plugin type exists in Electron, and the CSP applies.
        plugins: true,
        devTools: !app.isPackaged,
      },
    });
    windows.add(win.webContents.id);
    win.webContents.once('destroyed', () => windows.delete(win.webContents.id));
    win.once('ready-to-show', () => win.show());
    void win.loadURL(`${APP_ORIGIN}/index.html`);
    mainWindow = win;
  };

  void app.whenReady().then(async () => {
    hardenSessions();
    serveRenderer(rendererDir);
    const keychain = findKeychain();
    log.log('info', 'app.start', { version: app.getVersion(), keychain: keychain.backend, keychainUsable: keychain.usable });
    const nativeBinding = electronNativeBinding();
    const core = new CoreProcess(
      unpacked('core-process.cjs'),
      {
        dataDir: process.env.DESK_DATA_DIR ?? path.join(userData, 'data'),
        resourcesDir,
        vacuumWorker: unpacked('vacuum-worker.cjs'),
        keychain,
        paper: true,
        ...(nativeBinding ? { nativeBinding } : {}),
      },
      { ...printHost(() => mainWindow?.webContents ?? null), ...keychainHost(keychain) },
      log,
    );
    void core.start();
    registerIpc(core, (e: IpcMainInvokeEvent) => windows.has(e.sender.id));
    // A desk left signed in behind a locked screen or through a sleep must ask for the password.
    powerMonitor.on('lock-screen', () => core.lockAll('os-lock'));
    powerMonitor.on('suspend', () => core.lockAll('suspend'));
    createWindow();
    let quitting = false;
    app.on('before-quit', (event) => {
      if (quitting) return;
      event.preventDefault();
      quitting = true;
      void core.stop().finally(() => app.quit());
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    const updates = readUpdateConfig(userData, log);
    if (updates && app.isPackaged) void startUpdates(updates, log);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
