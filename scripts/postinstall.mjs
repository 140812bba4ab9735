// Runs after `npm install` in this project (our own script, not a dependency's).
// Electron's own install script downloads the Electron binary; npm 11 blocks dependency
// install scripts by default and we deny Electron's in package.json so that `npm install`
// succeeds on machines without internet access to Electron's downloads (CI, build boxes).
// Here we try the download ourselves and treat failure as a warning: `npm start` retries it
// and says clearly what is missing, while `npm run dev:web` and `npm test` never need it.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronInstallScript() {
  try {
    return path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    return null;
  }
}

const script = electronInstallScript();
if (!script || !existsSync(script)) {
  process.exit(0);
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('[postinstall] ELECTRON_SKIP_BINARY_DOWNLOAD is set: not fetching the Electron binary.');
  process.exit(0);
}
const result = spawnSync(process.execPath, [script], { stdio: 'inherit', timeout: 300_000 });
if (result.status !== 0) {
  console.warn(
    '[postinstall] The Electron binary could not be downloaded (no internet access to its releases?).\n' +
      '              `npm run dev:web` and `npm test` work without it; `npm start` needs it.',
  );
}
process.exit(0);
