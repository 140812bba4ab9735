import { dispatch } from '../api/dispatch.js';
import type { DeskCore } from '../desk.js';
import { AppError } from '../errors.js';
import type { Logger } from '../log/logger.js';
import { Session } from '../session.js';
import { HostClient } from './host-client.js';
import type { PortLike } from './port.js';
import { toCoreSchema, type CoreConfig, type FromCore } from './protocol.js';

export interface ServeCoreOptions {
  port: PortLike;
  /** Builds the desk from the main process's config; host calls go back over the same port. */
  open(config: CoreConfig, host: HostClient, log: Logger): DeskCore;
  /** Called once the core has closed the store after `shutdown` (the process may exit). */
  onClosed?(): void;
}

/**
 * The core's end of the port: the same typed handler map as every other transport, one
 * Session per window (keyed by the main process), and the host calls the core makes back.
 * Every incoming message is parsed first; whatever does not parse is dropped and logged by
 * its type only, and nothing a peer sends can throw out of the listener.
 */
export function serveCore(opts: ServeCoreOptions): void {
  const { port } = opts;
  const post = (m: FromCore) => port.post(m);
  const log: Logger = { log: (level, event, fields = {}) => post({ type: 'log', level, event, fields }) };
  const host = new HostClient(port);
  const sessions = new Map<string, Session>();
  let desk: DeskCore | null = null;

  const sessionFor = (key: string) => {
    let s = sessions.get(key);
    if (!s) sessions.set(key, (s = new Session()));
    return s;
  };

  const lockAll = (reason: 'os-lock' | 'suspend') => {
    if (!desk?.isOpen()) return;
    const store = desk.store();
    for (const s of sessions.values()) {
      if (!s.staff || s.locked) continue;
      s.locked = true;
      store.audit.append({ action: 'auth.lock', staffId: s.staff.id, details: { reason } });
    }
  };

  const onMessage = async (raw: unknown): Promise<void> => {
    const parsed = toCoreSchema.safeParse(raw);
    if (!parsed.success) {
      log.log('warn', 'port.badMessage', { type: typeof raw === 'object' && raw !== null && 'type' in raw ? String(raw.type).slice(0, 40) : typeof raw });
      return;
    }
    const m = parsed.data;
    switch (m.type) {
      case 'init':
        if (desk) return;
        try {
          desk = opts.open(m.config, host, log);
          post({ type: 'ready' });
        } catch (e) {
          post({ type: 'initFailed', code: e instanceof AppError ? e.code : 'internal' });
        }
        return;
      case 'call': {
        if (!desk) {
          post({ type: 'result', id: m.id, result: { ok: false, error: { code: 'internal' } } });
          return;
        }
        const result = await dispatch({ desk, session: sessionFor(m.session), transport: 'ipc' }, m.method, m.payload);
        post({ type: 'result', id: m.id, result });
        return;
      }
      case 'endSession':
        sessions.delete(m.session);
        return;
      case 'lockAll':
        lockAll(m.reason);
        return;
      case 'hostReply':
        host.settle(m.id, m.reply);
        return;
      case 'shutdown':
        host.failAll();
        desk?.close();
        desk = null;
        post({ type: 'closed' });
        opts.onClosed?.();
        return;
    }
  };

  port.onMessage((raw) => {
    onMessage(raw).catch((e: unknown) => log.log('error', 'port.listenerFailed', { error: e instanceof Error ? e.name : typeof e }));
  });
  port.onClose(() => host.failAll());
}
