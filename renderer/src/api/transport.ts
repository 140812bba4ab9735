import type { ErrorBody } from '../../../electron/core/api/types';

/** What a call's outcome looks like before it is typed per method. */
export type RawResult = { ok: true; value: unknown } | { ok: false; error: ErrorBody };

export type ConnectionState = 'connecting' | 'open' | 'closed';

/**
 * One way to reach the core. Electron's IPC and the harness's WebSocket both fit behind it,
 * so screens never know which one they run on.
 */
export interface Transport {
  call(method: string, payload: unknown): Promise<RawResult>;
  /**
   * Called when the connection state changes. `fresh` is true when a new connection replaced
   * a dropped one: the core then holds a new, signed-out session for it.
   */
  subscribe(listener: (state: ConnectionState, fresh: boolean) => void): () => void;
  close(): void;
}

/** Details marking a failure of the transport itself rather than a refusal by the core. */
export const DISCONNECTED: RawResult = { ok: false, error: { code: 'internal', details: { transport: 'disconnected' } } };

export function isRawResult(v: unknown): v is RawResult {
  if (typeof v !== 'object' || v === null || !('ok' in v)) return false;
  return v.ok === true ? 'value' in v : 'error' in v && typeof v.error === 'object' && v.error !== null;
}

/** Electron: the preload's single `call` function; IPC does not drop, so the state is always open. */
export function createBridgeTransport(bridge: DeskBridge): Transport {
  return {
    async call(method, payload) {
      try {
        const r = await bridge.call(method, payload);
        return isRawResult(r) ? r : { ok: false, error: { code: 'internal' } };
      } catch {
        return DISCONNECTED;
      }
    },
    subscribe(listener) {
      listener('open', false);
      return () => undefined;
    },
    close: () => undefined,
  };
}
