/**
 * The desk window's web preferences (Electron's security checklist), kept apart from main.ts
 * so a Node test can hold them to the checklist without Electron.
 */
export const WINDOW_PREFERENCES = {
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
  // Only for Chromium's built-in PDF viewer, which shows printed forms (the print preview) in
  // a blob: frame; no other plugin type exists in Electron, and the CSP still applies.
  plugins: true,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;
