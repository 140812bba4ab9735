import path from 'node:path';
import { parseArgs } from 'node:util';
import { DeskCore } from '../core/desk.js';
import { createSyncService, SyncService, type SyncFactory } from '../core/sync/service.js';
import { startLoopbackServer } from './server.js';
import { ChromiumPrintService, chromiumPath } from './chromium-print.js';

/**
 * `npm run dev:web`: the same core under plain Node, serving the built renderer on
 * 127.0.0.1, for machines without Electron and for the end-to-end tests.
 */
const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve('.data/web') },
    port: { type: 'string', default: '5180' },
    json: { type: 'boolean', default: false },
    'scrypt-n': { type: 'string' },
    'sync-interval-ms': { type: 'string' },
  },
});

const scryptN = values['scrypt-n'] ? Number(values['scrypt-n']) : undefined;
// End-to-end tests stop the central server and start it again: with the engine's poll, probe
// and backoff ceiling shortened to this, the desk notices both within seconds, not minutes.
const syncMs = values['sync-interval-ms'] ? Number(values['sync-interval-ms']) : undefined;
const sync: SyncFactory = syncMs
  ? (deps) => new SyncService({ ...deps, config: { pollIntervalMs: syncMs, probeIntervalMs: syncMs, backoff: { maxMs: syncMs } } })
  : createSyncService;
const browserPath = chromiumPath();
const print = browserPath ? new ChromiumPrintService(browserPath) : null;
if (!print) console.warn('No Chromium found (set CHROMIUM_PATH): printing forms is unavailable in the harness.');
const desk = new DeskCore({
  print,
  sync,
  dataDir: values.data,
  resourcesDir: path.resolve('resources'),
  ...(scryptN ? { scryptCost: { N: scryptN, r: 8, p: 1 } } : {}),
});
const server = await startLoopbackServer({ desk, staticDir: path.resolve('dist/renderer'), port: Number(values.port) });

if (values.json) {
  console.log(JSON.stringify({ event: 'listening', url: server.url, openUrl: server.openUrl }));
} else {
  console.log(`Front desk (browser harness) is running.\nOpen: ${server.openUrl}\nData: ${values.data}\nPress Ctrl+C to stop.`);
}

const stop = async () => {
  await server.close();
  await print?.close();
  desk.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
