// `npm start`: makes sure the Electron binary and an Electron-ABI build of the SQLite addon
// exist, then starts the app. The addon in node_modules stays built for Node, so the CLI,
// the browser harness and the tests keep working side by side with Electron.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ensureElectronAddon } from './electron-native.mjs';

const require = createRequire(import.meta.url);

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

const bin = ensureElectron();
let binding;
try {
  binding = ensureElectronAddon({ log: (m) => console.log(m.replace('[native]', '[start]')) });
} catch (e) {
  console.error(`[start] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
const child = spawn(bin, ['.'], { stdio: 'inherit', env: { ...process.env, DESK_NATIVE_BINDING: binding } });
child.on('exit', (code) => process.exit(code ?? 0));
