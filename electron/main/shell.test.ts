import { describe, expect, it } from 'vitest';
import { PRINT_PAGE_CSP, printPage } from '../core/print/page.js';
import { keychainStatus } from './keychain-status.js';
import { methodName, senderAllowed } from './origin.js';
import { A4_MICRONS, paperPrintOptions } from './print-options.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/**
 * The main process's rules that do not need Electron to be proven: who may call the core
 * over IPC, the desk window's preferences, how a paper job is set up, which keychain counts.
 * The same rules run inside Electron in test/electron.
 */
describe('IPC sender checks', () => {
  const ok = { frameUrl: 'app://desk/index.html', isTopFrame: true, isOurWindow: true };
  it('serves only the top frame of our own window showing our own origin', () => {
    expect(senderAllowed(ok)).toBe(true);
    expect(senderAllowed({ ...ok, isTopFrame: false })).toBe(false);
    expect(senderAllowed({ ...ok, isOurWindow: false })).toBe(false);
    expect(senderAllowed({ ...ok, frameUrl: null })).toBe(false);
    for (const url of ['https://example.org/', 'app://desk.evil/', 'app://other/index.html', 'file:///etc/passwd', 'data:text/html,x', 'blob:app://desk/123', 'not a url']) {
      expect(senderAllowed({ ...ok, frameUrl: url }), url).toBe(false);
    }
  });

  it('forwards only short string method names', () => {
    expect(methodName('patient.search')).toBe('patient.search');
    for (const bad of [42, null, undefined, '', 'x'.repeat(101), { toString: () => 'patient.search' }]) expect(methodName(bad)).toBeNull();
  });
});

/** The literal webPreferences of every `new BrowserWindow({...})` in a main-process file. */
function windowPreferences(file: string): Record<string, string>[] {
  const sf = ts.createSourceFile(file, readFileSync(path.join(import.meta.dirname, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Record<string, string>[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isNewExpression(node) && node.expression.getText(sf) === 'BrowserWindow') {
      const arg = node.arguments?.[0];
      const prefs = arg && ts.isObjectLiteralExpression(arg) ? arg.properties.find((p) => p.name?.getText(sf) === 'webPreferences') : undefined;
      if (prefs && ts.isPropertyAssignment(prefs) && ts.isObjectLiteralExpression(prefs.initializer)) {
        found.push(Object.fromEntries(prefs.initializer.properties.filter(ts.isPropertyAssignment).map((p) => [p.name.getText(sf), p.initializer.getText(sf)])));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

describe('the desk window', () => {
  it('follows Electron\'s security checklist, and so does the hidden print window', () => {
    const [desk, ...others] = windowPreferences('main.ts');
    expect(others).toEqual([]);
    expect(desk).toMatchObject({
      contextIsolation: 'true',
      sandbox: 'true',
      nodeIntegration: 'false',
      nodeIntegrationInWorker: 'false',
      nodeIntegrationInSubFrames: 'false',
      webSecurity: 'true',
      allowRunningInsecureContent: 'false',
      experimentalFeatures: 'false',
      webviewTag: 'false',
      disableBlinkFeatures: "'Auxclick'",
    });
    expect(desk).not.toHaveProperty('enableBlinkFeatures');
    const [print] = windowPreferences('print.ts');
    expect(print).toMatchObject({ sandbox: 'true', contextIsolation: 'true', nodeIntegration: 'false', webSecurity: 'true' });
    expect(print).not.toHaveProperty('preload');
  });
});

describe('paper jobs', () => {
  it('always name A4 in microns, and print silently only to a named printer', () => {
    expect(A4_MICRONS).toEqual({ width: 210_000, height: 297_000 });
    expect(paperPrintOptions({ printer: 'HP_Desk', silent: true })).toMatchObject({ silent: true, deviceName: 'HP_Desk', pageSize: A4_MICRONS, printBackground: true });
    const dialog = paperPrintOptions({ printer: null, silent: true });
    expect(dialog.silent).toBe(false);
    expect(dialog).not.toHaveProperty('deviceName');
  });

  it('print pages carry their own policy: no script, no network', () => {
    const html = printPage(path.resolve('resources'), 'ru', 'x', '<p>x</p>');
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${PRINT_PAGE_CSP}">`);
    expect(PRINT_PAGE_CSP).toMatch(/^default-src 'none'/);
    expect(PRINT_PAGE_CSP).not.toMatch(/script-src|connect-src|https?:/);
  });
});

describe('the OS keychain', () => {
  it('counts DPAPI, Keychain, libsecret and kwallet, never basic_text or a backend asked too early', () => {
    expect(keychainStatus('win32', true, null)).toEqual({ backend: 'dpapi', usable: true });
    expect(keychainStatus('darwin', true, null)).toEqual({ backend: 'keychain', usable: true });
    expect(keychainStatus('linux', true, 'gnome_libsecret')).toEqual({ backend: 'gnome_libsecret', usable: true });
    expect(keychainStatus('linux', true, 'kwallet5')).toEqual({ backend: 'kwallet5', usable: true });
    expect(keychainStatus('linux', true, 'basic_text')).toEqual({ backend: 'basic_text', usable: false });
    expect(keychainStatus('linux', true, 'unknown')).toEqual({ backend: 'unknown', usable: false });
    expect(keychainStatus('win32', false, null)).toEqual({ backend: 'dpapi', usable: false });
  });
});
