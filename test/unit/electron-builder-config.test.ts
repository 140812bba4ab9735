import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The installer configuration (package.json "build"), checked against electron-builder's own
 * schema (the validation `npm run dist` runs first) and against what the desks need: a
 * per-user Windows install for PCs without admin rights, AppImage and deb, dmg, our app id,
 * icons, no auto-publish, the addon put in place for Electron's ABI without touching the
 * Node build in node_modules.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { build: Record<string, unknown>; scripts: Record<string, string>; main: string };
const build = pkg.build as {
  appId: string;
  productName: string;
  files: string[];
  asarUnpack: string[];
  npmRebuild: boolean;
  afterPack: string;
  publish: unknown;
  win: { target: { target: string }[]; icon: string };
  nsis: { oneClick: boolean; perMachine: boolean; allowElevation: boolean };
  linux: { target: { target: string }[]; icon: string };
  mac: { target: { target: string }[]; icon: string };
};

describe('electron-builder configuration', () => {
  it('passes electron-builder\'s own schema validation', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(pkg.build, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator is real: a misspelt option is refused.
    await expect(validateConfiguration({ ...pkg.build, nsis: { perMachinee: false } }, new DebugLogger(false))).rejects.toThrow(/configuration/);
  });

  it('names the app and builds NSIS (per-user allowed), AppImage, deb and dmg', () => {
    expect(build.appId).toBe('kz.aimedlab.frontdesk');
    expect(build.productName).toBeTruthy();
    expect(build.win.target.map((t) => t.target)).toEqual(['nsis']);
    // Assisted installer with the "only for me" choice: reception PCs often lack admin rights.
    expect(build.nsis).toMatchObject({ oneClick: false, perMachine: false });
    expect(build.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    expect(build.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(build.publish).toBeNull();
  });

  it('ships the built app and its worker entries, with the native addon outside app.asar', () => {
    expect(pkg.main).toBe('dist/electron/main.cjs');
    expect(build.files).toEqual(expect.arrayContaining(['dist/**', 'package.json', '!**/*.map']));
    expect(build.asarUnpack).toEqual(expect.arrayContaining(['node_modules/better-sqlite3-multiple-ciphers/**', 'dist/electron/core-process.cjs', 'dist/electron/vacuum-worker.cjs']));
    // The central server and its database never ship in the desk app.
    for (const heavy of ['!node_modules/@electric-sql/**', '!node_modules/fastify/**', '!node_modules/pg/**']) expect(build.files).toContain(heavy);
  });

  it('puts an Electron-ABI addon in place by its own hook and leaves node_modules built for Node', () => {
    expect(build.npmRebuild).toBe(false);
    expect(existsSync(path.join(ROOT, build.afterPack))).toBe(true);
    expect(readFileSync(path.join(ROOT, build.afterPack), 'utf8')).toContain('app.asar.unpacked');
    expect(readFileSync(path.join(ROOT, 'electron/main/main.ts'), 'utf8')).toContain("'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node'");
  });

  it('has the icons it names, and `npm run dist` builds before packaging', () => {
    for (const icon of [build.win.icon, build.mac.icon, path.join(build.linux.icon, '256x256.png')]) {
      const png = readFileSync(path.join(ROOT, icon));
      expect(png.subarray(1, 4).toString(), icon).toBe('PNG');
    }
    expect(readFileSync(path.join(ROOT, build.win.icon)).readUInt32BE(16)).toBeGreaterThanOrEqual(512);
    expect(pkg.scripts.dist).toBe('npm run build && electron-builder');
  });
});
