import type { Result } from '../api/handler.js';
import { AppError, type ErrorCode } from '../errors.js';
import type { LogFields, LogLevel } from '../log/logger.js';
import { HOST_FAILURE } from './host-client.js';
import type { PortLike } from './port.js';
import { fromCoreSchema, hostOps, type CoreConfig, type HostOp, type HostReply, type HostRequest, type ToCore } from './protocol.js';

/** What the main process does for the core: Chromium's print engine and the OS keychain. */
export type HostServices = { [K in HostOp]: (args: HostRequest<K>) => Promise<HostReply<K>> };

/** Calls that were waiting when the core went away get this, like a dropped WebSocket. */
export const CORE_GONE: Result<never> = { ok: false, error: { code: 'internal', details: { transport: 'disconnected' } } };

export interface CoreClientOptions {
  port: PortLike;
  host: HostServices;
  onLog(level: LogLevel, event: string, fields: LogFields): void;
}

/**
 * The main process's end of the port: forwards each window's call to the core and hands
 * back its result, and serves the core's host calls. It parses every message from the core
 * and every host-call argument (the receiving side validates); a host service that throws
 * becomes an error code, never an exception in the listener.
 */
export class CoreClient {
  private nextId = 1;
  private readonly calls = new Map<number, (r: Result<unknown>) => void>();
  private ready: { resolve(): void; reject(e: AppError): void } | null = null;
  private closed: (() => void) | null = null;
  private gone = false;

  constructor(private readonly opts: CoreClientOptions) {
    opts.port.onMessage((raw) => this.receive(raw));
    opts.port.onClose(() => this.disconnected());
  }

  /** Sends the config and resolves when the core has opened (or rejects with its error code). */
  start(config: CoreConfig): Promise<void> {
    return new Promise((resolve, reject) => {
      this.ready = { resolve, reject };
      this.send({ type: 'init', config });
    });
  }

  call(session: string, method: string, payload: unknown): Promise<Result<unknown>> {
    if (this.gone) return Promise.resolve(CORE_GONE);
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.calls.set(id, resolve);
      this.send({ type: 'call', id, session, method, payload });
    });
  }

  endSession(session: string): void {
    this.send({ type: 'endSession', session });
  }

  lockAll(reason: 'os-lock' | 'suspend'): void {
    this.send({ type: 'lockAll', reason });
  }

  /** Asks the core to close the store; resolves when it has (or at once if it is gone). */
  shutdown(): Promise<void> {
    if (this.gone) return Promise.resolve();
    return new Promise((resolve) => {
      this.closed = resolve;
      this.send({ type: 'shutdown' });
    });
  }

  /** The core's process exited or its port closed: nothing waits forever. */
  disconnected(): void {
    this.gone = true;
    for (const resolve of this.calls.values()) resolve(CORE_GONE);
    this.calls.clear();
    this.ready?.reject(new AppError('internal'));
    this.ready = null;
    this.closed?.();
    this.closed = null;
  }

  private send(m: ToCore): void {
    if (!this.gone) this.opts.port.post(m);
  }

  private receive(raw: unknown): void {
    const parsed = fromCoreSchema.safeParse(raw);
    if (!parsed.success) {
      this.opts.onLog('warn', 'port.badMessage', {});
      return;
    }
    const m = parsed.data;
    switch (m.type) {
      case 'ready':
        this.ready?.resolve();
        this.ready = null;
        return;
      case 'initFailed':
        this.ready?.reject(new AppError(m.code));
        this.ready = null;
        return;
      case 'result': {
        const resolve = this.calls.get(m.id);
        this.calls.delete(m.id);
        resolve?.(m.result);
        return;
      }
      case 'hostCall':
        void this.serveHost(m.id, m.op, m.args);
        return;
      case 'log':
        this.opts.onLog(m.level, m.event, m.fields);
        return;
      case 'closed':
        this.closed?.();
        this.closed = null;
        return;
    }
  }

  private async serveHost(id: number, op: HostOp, args: unknown): Promise<void> {
    const parsed = hostOps[op].request.safeParse(args);
    if (!parsed.success) {
      this.send({ type: 'hostReply', id, reply: { ok: false, code: 'validation' } });
      return;
    }
    try {
      // The op and its arguments were parsed together, so this pairing is sound.
      const serve = this.opts.host[op] as (a: unknown) => Promise<unknown>;
      const value = await serve(parsed.data);
      this.send({ type: 'hostReply', id, reply: { ok: true, value } });
    } catch (e) {
      const code: ErrorCode = e instanceof AppError ? e.code : HOST_FAILURE[op];
      if (!(e instanceof AppError)) this.opts.onLog('error', 'host.failed', { op, error: e instanceof Error ? e.name : typeof e });
      this.send({ type: 'hostReply', id, reply: { ok: false, code } });
    }
  }
}
