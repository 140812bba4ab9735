import { AppError, type ErrorCode } from '../errors.js';
import type { PortLike } from './port.js';
import { hostOps, type HostOp, type HostReply, type HostRequest } from './protocol.js';

/**
 * How long the core waits for the main process per operation. A paper print waits without
 * limit: the OS print dialog stays open as long as the receptionist needs. The keychain may
 * ask the user to allow access (macOS), so it gets minutes too.
 */
const TIMEOUT_MS: Record<HostOp, number | null> = {
  'print.pdf': 120_000,
  'print.paper': null,
  'print.printers': 30_000,
  'keychain.seal': 300_000,
  'keychain.open': 300_000,
};

/** What a failed host call becomes when the main process gives no usable reason. */
export const HOST_FAILURE: Record<HostOp, ErrorCode> = {
  'print.pdf': 'print.failed',
  'print.paper': 'print.failed',
  'print.printers': 'print.failed',
  'keychain.seal': 'keychain.unavailable',
  'keychain.open': 'keychain.unavailable',
};

interface Pending {
  op: HostOp;
  resolve(value: unknown): void;
  reject(e: AppError): void;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * The core's side of host calls: sends `hostCall`, matches the `hostReply` by id, and checks
 * the reply against the operation's schema before anyone uses it.
 */
export class HostClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: PortLike) {}

  request<K extends HostOp>(op: K, args: HostRequest<K>): Promise<HostReply<K>> {
    const id = this.nextId++;
    return new Promise<HostReply<K>>((resolve, reject) => {
      const limit = TIMEOUT_MS[op];
      const timer = limit === null ? null : setTimeout(() => this.settle(id, { ok: false, code: HOST_FAILURE[op] }), limit);
      timer?.unref?.();
      this.pending.set(id, { op, resolve: resolve, reject, timer });
      this.port.post({ type: 'hostCall', id, op, args });
    });
  }

  /** A `hostReply` from the main process (already parsed as a message; the value is checked here). */
  settle(id: number, reply: { ok: true; value: unknown } | { ok: false; code: ErrorCode }): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    if (p.timer) clearTimeout(p.timer);
    if (!reply.ok) return p.reject(new AppError(reply.code));
    const parsed = hostOps[p.op].reply.safeParse(reply.value);
    if (parsed.success) p.resolve(parsed.data);
    else p.reject(new AppError(HOST_FAILURE[p.op]));
  }

  /** The port is going away: every waiting call fails rather than hanging. */
  failAll(): void {
    for (const id of [...this.pending.keys()]) {
      const p = this.pending.get(id);
      if (p) this.settle(id, { ok: false, code: HOST_FAILURE[p.op] });
    }
  }
}
