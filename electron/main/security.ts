import { app, session, type WebContents } from 'electron';
import { APP_ORIGIN, isAppUrl } from './origin.js';

export { APP_ORIGIN, isAppUrl } from './origin.js';

/**
 * Electron's security checklist, applied to every web contents the app ever creates:
 * no navigation away from the app, no new windows, no webviews, no permissions (camera,
 * geolocation, notifications, …), no remote content, downloads only of our own PDFs.
 */
export function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_req, callback) => callback({}));
  // No request leaves the machine from the renderer: only our own scheme and devtools.
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok = isAppUrl(details.url) || details.url.startsWith('devtools://') || details.url.startsWith('blob:') || details.url.startsWith('data:');
    callback({ cancel: !ok });
  });
  // "Save as PDF": the form is a blob: URL of our own page; the OS save dialog asks where.
  ses.on('will-download', (event, item) => {
    if (!item.getURL().startsWith(`blob:${APP_ORIGIN}`) || item.getMimeType() !== 'application/pdf') {
      event.preventDefault();
      return;
    }
    item.setSaveDialogOptions({ filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  });

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // The desk links nowhere outside itself: no window opens, not even in the system browser.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}
