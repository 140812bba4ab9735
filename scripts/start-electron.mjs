// `npm start`: makes sure the Electron binary and an Electron-ABI build of the SQLite addon
// exist, then starts the app. The addon in node_modules stays built for Node, so the CLI,
// the browser harness and the tests keep working side by side with Electron.
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = process.cwd();

function electronBinary() {
  try {
    const p = require('electron'); // the package exports the binary's path
    return typeof p === 'string' && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function ensureElectron() {
  let bin = electronBinary();
  if (bin) return bin;
  console.log('[start] Downloading the Electron binary…');
  const install = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  spawnSync(process.execPath, [install], { stdio: 'inherit' });
  bin = electronBinary();
  if (!bin) {
    console.error('[start] The Electron binary is not available (no access to its download?).\n' +
      '        Use `npm run dev:web` to run the same app in a browser instead.');
    process.exit(1);
  }
  return bin;
}

function ensureNativeForElectron() {
  const version = require('electron/package.json').version;
  const outDir = path.join(root, '.cache', 'electron-native', version);
  const out = path.join(outDir, 'better_sqlite3.node');
  if (existsSync(out)) return out;
  const src = path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json'));
  const work = path.join(root, '.cache', 'electron-native', `${version}-build`);
  rmSync(work, { recursive: true, force: true });
  cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
  console.log(`[start] Building the SQLite addon for Electron ${version} (once)…`);
  const env = { ...process.env, npm_config_runtime: 'electron', npm_config_target: version, npm_config_disturl: 'https://electronjs.org/headers' };
  // Prebuilt binaries first (fast); node-gyp from source with Electron's headers otherwise.
  let r = spawnSync(process.execPath, [require.resolve('prebuild-install/bin.js', { paths: [work] }), '--runtime', 'electron', '--target', version], { cwd: work, stdio: 'inherit', env });
  if (r.status !== 0) {
    const gyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js', { paths: [path.dirname(process.execPath), work] });
    r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${version}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'], { cwd: work, stdio: 'inherit', env });
  }
  const built = path.join(work, 'build', 'Release', 'better_sqlite3.node');
  if (r.status !== 0 || !existsSync(built)) {
    console.error('[start] Could not build the SQLite addon for Electron.');
    process.exit(1);
  }
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, out);
  rmSync(work, { recursive: true, force: true });
  return out;
}

const bin = ensureElectron();
const binding = ensureNativeForElectron();
const child = spawn(bin, ['.'], { stdio: 'inherit', env: { ...process.env, DESK_NATIVE_BINDING: binding } });
child.on('exit', (code) => process.exit(code ?? 0));
