import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DeskCore } from '../core/desk.js';
import { TEST_SCRYPT } from '../core/testing/desk-fixture.js';
import { startLoopbackServer, type LoopbackServer } from './server.js';

let dir: string;
let desk: DeskCore;
let server: LoopbackServer;

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'loop-'));
  const staticDir = path.join(dir, 'renderer');
  mkdirSync(staticDir);
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>desk</title>');
  desk = new DeskCore({ dataDir: path.join(dir, 'data'), resourcesDir: path.resolve('resources'), scryptCost: TEST_SCRYPT });
  server = await startLoopbackServer({ desk, staticDir });
});
afterEach(async () => {
  await server.close();
  desk.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(pathname: string, host: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: pathname, headers: { host } }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, headers: res.headers });
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(token: string, origin: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api?token=${encodeURIComponent(token)}`, { headers: { origin } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
  });
}

function call(ws: WebSocket, id: number, method: string, payload: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString()) as { id: number; result: unknown };
      if (msg.id === id) resolve(msg.result);
    });
    ws.send(JSON.stringify({ id, method, payload }));
  });
}

describe('loopback transport', () => {
  it('binds to 127.0.0.1 and serves the renderer with a strict CSP', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const res = await get('/', `127.0.0.1:${server.port}`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'none'");
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/', `evil.example:${server.port}`)).status).toBe(421);
  });

  it('refuses a WebSocket without the token or from another origin', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(connect('wrong-token', origin)).rejects.toThrow(/403/);
    await expect(connect(server.token, 'http://evil.example')).rejects.toThrow(/403/);
  });

  it('serves the typed API to the right origin with the token, validating the envelope', async () => {
    const ws = await connect(server.token, `http://127.0.0.1:${server.port}`);
    expect(await call(ws, 1, 'app.info', {})).toMatchObject({ ok: true, value: { setupDone: false } });
    expect(await call(ws, 2, 'no.such.method', {})).toEqual({ ok: false, error: { code: 'unknownMethod' } });
    expect(await call(ws, 3, 'staff.list', {})).toEqual({ ok: false, error: { code: 'auth.required' } });
    ws.close();
  });
});
