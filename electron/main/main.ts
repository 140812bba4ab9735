import { app, BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DeskCore } from '../core/desk.js';
import { createSyncService } from '../core/sync/service.js';
import { registerIpc } from './ipc.js';
import { osSealer } from './os-sealer.js';
import { electronPrintService } from './print.js';
import { registerAppScheme, serveRenderer } from './protocol.js';
import { APP_ORIGIN, hardenSessions } from './security.js';

/**
 * The Electron shell: a window, the IPC bridge and the OS integrations. Everything the desk
 * does lives in electron/core and runs the same under plain Node.
 */
const appRoot = app.getAppPath();
const rendererDir = path.join(appRoot, 'dist', 'renderer');
const resourcesDir = app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(appRoot, 'resources');

/** The SQLite addon built for Electron's ABI by scripts/start-electron.mjs (dev) or electron-builder (packaged). */
function electronNativeBinding(): string | undefined {
  const candidate = process.env.DESK_NATIVE_BINDING ?? path.join(appRoot, '.cache', 'electron-native', process.versions.electron, 'better_sqlite3.node');
  return existsSync(candidate) ? candidate : undefined;
}

app.enableSandbox();
registerAppScheme();

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
      webPreferences: {
        preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        spellcheck: false,
        // Only for Chromium's built-in PDF viewer, which shows printed consent forms in a
        // blob: frame; no other plugin type exists in Electron, and the CSP still applies.
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

  void app.whenReady().then(() => {
    hardenSessions();
    serveRenderer(rendererDir);
    const desk = new DeskCore({
      dataDir: process.env.DESK_DATA_DIR ?? path.join(app.getPath('userData'), 'data'),
      resourcesDir,
      sealer: osSealer(),
      print: electronPrintService,
      sync: createSyncService,
      ...(electronNativeBinding() ? { nativeBinding: electronNativeBinding() } : {}),
    });
    registerIpc(desk, (e: IpcMainInvokeEvent) => windows.has(e.sender.id));
    createWindow();
    app.on('before-quit', () => desk.close());
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
