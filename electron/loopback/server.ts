import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { z } from 'zod';
import { dispatch } from '../core/api/dispatch.js';
import type { DeskCore } from '../core/desk.js';
import { Session } from '../core/session.js';
import { contentSecurityPolicy } from '../core/security/csp.js';

/**
 * The browser harness's transport: the same handler map as Electron IPC, over a WebSocket
 * bound to 127.0.0.1. A random per-run token, delivered in the URL fragment (which browsers
 * never send to servers), must accompany every connection; Host and Origin are checked so a
 * web page elsewhere cannot reach the core through the user's browser (DNS rebinding).
 */
export interface LoopbackServer {
  url: string;
  /** The URL to open, with the token in its fragment. */
  openUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const requestSchema = z.object({
  id: z.number().int().nonnegative(),
  method: z.string().min(1).max(100),
  payload: z.unknown(),
});

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startLoopbackServer(opts: { desk: DeskCore; staticDir: string; port?: number }): Promise<LoopbackServer> {
  const token = randomBytes(32).toString('base64url');
  const staticRoot = path.resolve(opts.staticDir);
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const sendFile = (req: IncomingMessage, res: ServerResponse) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = urlPath === '/' ? 'index.html' : urlPath.replace(/^\/+/, '');
    const file = path.resolve(staticRoot, rel);
    // Only files under the renderer's build folder, nothing above it.
    const inside = file === staticRoot || file.startsWith(staticRoot + path.sep);
    const target = inside && existsSync(file) && statSync(file).isFile() ? file : path.join(staticRoot, 'index.html');
    if (!existsSync(target)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('renderer is not built: run `npm run build:renderer`');
      return;
    }
    res.writeHead(200, {
      'content-type': CONTENT_TYPES[path.extname(target)] ?? 'application/octet-stream',
      'content-security-policy': contentSecurityPolicy({ connectSrc: [`ws://127.0.0.1:${port}`, `ws://localhost:${port}`] }),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    });
    createReadStream(target).pipe(res);
  };

  const server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    sendFile(req, res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 25 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin ?? '';
    const okHost = allowedHosts().has(req.headers.host ?? '');
    const okOrigin = [...allowedHosts()].some((h) => origin === `http://${h}`);
    const okToken = sameToken(url.searchParams.get('token') ?? '', token);
    if (url.pathname !== '/api' || !okHost || !okOrigin || !okToken) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, opts.desk));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
      }),
  };
}

/** One connection is one desk session, like one Electron window. */
function serveConnection(ws: WebSocket, desk: DeskCore): void {
  const session = new Session();
  const answer = async (data: RawData): Promise<void> => {
    let parsed: z.infer<typeof requestSchema>;
    try {
      parsed = requestSchema.parse(JSON.parse(data.toString()));
    } catch {
      ws.send(JSON.stringify({ id: -1, result: { ok: false, error: { code: 'validation' } } }));
      return;
    }
    // dispatch never throws: every outcome is a { ok, … } result.
    const result = await dispatch({ desk, session, transport: 'loopback' }, parsed.method, parsed.payload);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: parsed.id, result }));
  };
  ws.on('message', (data) => void answer(data));
}
