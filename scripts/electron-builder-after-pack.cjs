// electron-builder's afterPack hook: puts the SQLite addon built for Electron's ABI (for the
// installer's own platform and architecture) into the packaged app, where main.ts names it
// (app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release). Packaging
// runs with `npmRebuild: false`, so node_modules keeps its Node build for the tests.
const path = require('node:path');
const { copyFileSync, mkdirSync } = require('node:fs');

/** electron-builder's Arch enum, by number. */
const ARCH = { 0: 'ia32', 1: 'x64', 2: 'armv7l', 3: 'arm64', 4: 'universal' };

exports.default = async function afterPack(context) {
  const { ensureElectronAddon } = await import('./electron-native.mjs');
  const platform = context.electronPlatformName;
  const arch = ARCH[context.arch];
  if (!arch || arch === 'universal') throw new Error(`afterPack: unsupported architecture ${String(context.arch)}`);
  const version = context.packager.config.electronVersion ?? require('electron/package.json').version;
  const addon = ensureElectronAddon({ root: path.resolve(__dirname, '..'), version, platform, arch });
  const resources = platform === 'darwin' ? path.join(context.appOutDir, `${context.packager.appInfo.productFilename}.app`, 'Contents', 'Resources') : path.join(context.appOutDir, 'resources');
  const target = path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node');
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(addon, target);
  console.log(`  • SQLite addon for Electron ${version} ${platform}-${arch} → ${path.relative(context.appOutDir, target)}`);
};
