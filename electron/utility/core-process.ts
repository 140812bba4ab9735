import { isMainThread, workerData } from 'node:worker_threads';
import { electronPort, nodePort, type ElectronMessagePort, type NodeMessagePort } from '../core/port/port.js';
import { openDeskFromConfig } from '../core/port/open-desk.js';
import { serveCore } from '../core/port/serve.js';

/**
 * The entry of Electron's utilityProcess that runs the core: the encrypted store, every SQL
 * statement, backups and sync, off the main process, so a long query never freezes a window.
 * The main process hands over one MessagePort (MessageChannelMain) in its first message; all
 * else goes over that port (core/port/protocol.ts). This file imports no `electron` module:
 * `process.parentPort` is all a utility process needs.
 *
 * The same bundle also runs as a Node worker thread given a worker_threads MessagePort as
 * `workerData.port`: that is how the tests prove the built file itself, where Electron
 * cannot be downloaded.
 */
interface ParentPort {
  once(event: 'message', listener: (e: { data: unknown; ports: ElectronMessagePort[] }) => void): unknown;
}

function serve(port: Parameters<typeof serveCore>[0]['port'], exit: () => void): void {
  serveCore({ port, open: (config, host, log) => openDeskFromConfig(config, host, log), onClosed: () => setTimeout(exit, 0) });
}

const parent = (process as unknown as { parentPort?: ParentPort }).parentPort;
const threadPort = !isMainThread && typeof workerData === 'object' && workerData !== null && 'port' in workerData ? (workerData as { port: NodeMessagePort }).port : null;

if (parent) {
  parent.once('message', (e) => {
    const raw = e.ports[0];
    if (!raw) {
      console.error('[core] the first message carried no port');
      process.exit(1);
    }
    serve(electronPort(raw), () => process.exit(0));
  });
} else if (threadPort) {
  const port = nodePort(threadPort);
  serve(port, () => port.close());
} else {
  console.error('[core] not started as an Electron utility process');
  process.exit(1);
}
