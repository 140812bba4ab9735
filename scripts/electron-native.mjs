// The encrypted SQLite addon (better-sqlite3-multiple-ciphers) built for Electron's ABI, for a
// given platform and architecture, WITHOUT touching node_modules: the copy there stays built
// for Node, so the CLI, the browser harness and the tests keep working beside Electron.
// Used by `npm start` (scripts/start-electron.mjs, this machine) and by packaging
// (scripts/electron-builder-after-pack.cjs, each installer's platform and architecture).
// A prebuilt binary is tried first (prebuild-install, from the addon's releases); for this
// machine's own platform node-gyp builds it from source with Electron's headers otherwise.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const ADDON = 'better-sqlite3-multiple-ciphers';

export function electronVersion() {
  return require('electron/package.json').version;
}

/** Where the built addon is cached: one per Electron version, platform and architecture. */
export function addonCachePath(root, version, platform = process.platform, arch = process.arch) {
  const tag = platform === process.platform && arch === process.arch ? version : `${version}-${platform}-${arch}`;
  return path.join(root, '.cache', 'electron-native', tag, 'better_sqlite3.node');
}

export function ensureElectronAddon({ root = process.cwd(), version = electronVersion(), platform = process.platform, arch = process.arch, log = console.log } = {}) {
  const out = addonCachePath(root, version, platform, arch);
  if (existsSync(out)) return out;
  const src = path.dirname(require.resolve(`${ADDON}/package.json`));
  const work = `${path.dirname(out)}-build`;
  rmSync(work, { recursive: true, force: true });
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  log(`[native] Building the SQLite addon for Electron ${version} (${platform}-${arch}), once…`);
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers', npm_config_arch: arch, npm_config_platform: platform };
  const prebuild = require.resolve('prebuild-install/bin.js', { paths: [work] });
  let r = spawnSync(process.execPath, [prebuild, '--runtime', 'electron', '--target', version, '--platform', platform, '--arch', arch], { cwd: work, stdio: 'inherit', env });
  if (r.status !== 0 && platform === process.platform) {
    const gyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.dirname(process.execPath), work] });
    r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, `--arch=${arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit', env });
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (r.status !== 0 || !existsSync(built)) {
    rmSync(work, { recursive: true, force: true });
    throw new Error(`Could not get the SQLite addon for Electron ${version} on ${platform}-${arch} (no prebuilt binary, and no compiler for another platform).`);
  }
  mkdirSync(path.dirname(out), { recursive: true });
  copyFileSync(built, out);
  rmSync(work, { recursive: true, force: true });
  return out;
}
