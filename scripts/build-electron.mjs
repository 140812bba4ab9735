// Bundles the Electron side with esbuild, one file per process or thread:
// - main.cjs: the main process (windows, printing, keychain, IPC);
// - preload.cjs: runs sandboxed, where only `electron` can be required, so it must be one file;
// - core-process.cjs: the core in Electron's utilityProcess (store, SQL, sync, backups);
// - vacuum-worker.cjs: the backup's VACUUM INTO worker thread, started by the core by path.
// main.ts tells the core where the worker is; electron-builder keeps the last two outside
// app.asar (asarUnpack), since they run as their own process or thread.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'error',
  // The native addon and Electron are resolved at run time, never bundled; electron-updater
  // is a production dependency loaded only where the operator turned updates on.
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'electron-updater'],
};

export const ENTRIES = {
  'main.cjs': 'electron/main/main.ts',
  'preload.cjs': 'electron/preload/preload.ts',
  'core-process.cjs': 'electron/utility/core-process.ts',
  'vacuum-worker.cjs': 'electron/core/maintenance/vacuum-worker.ts',
};

export async function buildElectron(outDir = 'dist/electron') {
  await Promise.all(Object.entries(ENTRIES).map(([out, entry]) => build({ ...common, entryPoints: [entry], outfile: `${outDir}/${out}` })));
  return Object.keys(ENTRIES).map((f) => `${outDir}/${f}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const files = await buildElectron();
  console.log(`built ${files.join(', ')}`);
}
