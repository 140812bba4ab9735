// Bundles the Electron main process and the preload with esbuild.
// The preload runs sandboxed, where only `electron` can be required, so it must be one file.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // The native addon and Electron are resolved at run time, never bundled.
  external: ['electron', 'better-sqlite3-multiple-ciphers'],
};

await build({ ...common, entryPoints: ['electron/main/main.ts'], outfile: 'dist/electron/main.cjs' });
await build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: 'dist/electron/preload.cjs' });
console.log('built dist/electron/main.cjs and dist/electron/preload.cjs');
