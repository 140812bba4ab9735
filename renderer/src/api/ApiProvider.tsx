import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Api, ErrorBody } from '../../../electron/core/api/types';
import { createApi } from './client';
import type { ConnectionState, Transport } from './transport';

type ErrorListener = (error: ErrorBody) => void;

interface ApiContextValue {
  api: Api;
  transport: Transport;
  listeners: Set<ErrorListener>;
}

const ApiContext = createContext<ApiContextValue | null>(null);

export function ApiProvider({ transport, children }: { transport: Transport; children: ReactNode }) {
  const value = useMemo(() => {
    const listeners = new Set<ErrorListener>();
    const api = createApi(transport, (error) => listeners.forEach((l) => l(error)));
    return { api, transport, listeners };
  }, [transport]);
  return <ApiContext.Provider value={value}>{children}</ApiContext.Provider>;
}

function useApiContext(): ApiContextValue {
  const ctx = useContext(ApiContext);
  if (!ctx) throw new Error('useApi outside ApiProvider');
  return ctx;
}

export function useApi(): Api {
  return useApiContext().api;
}

/** Lets one component (the session) hear every refusal from the core, e.g. `auth.locked`. */
export function useApiErrors(listener: ErrorListener): void {
  const { listeners } = useApiContext();
  const ref = useRef(listener);
  ref.current = listener;
  useEffect(() => {
    const l: ErrorListener = (e) => ref.current(e);
    listeners.add(l);
    return () => {
      listeners.delete(l);
    };
  }, [listeners]);
}

/**
 * The connection's state, and a counter that goes up each time a dropped connection was
 * replaced (the core then has a new, signed-out session for us).
 */
export interface ConnectionInfo {
  state: ConnectionState;
  reconnects: number;
  everOpened: boolean;
}

export function useConnection(): ConnectionInfo {
  const { transport } = useApiContext();
  const [info, setInfo] = useState<ConnectionInfo>({ state: 'connecting', reconnects: 0, everOpened: false });
  useEffect(
    () =>
      transport.subscribe((next, fresh) =>
        setInfo((prev) => ({
          state: next,
          reconnects: prev.reconnects + (fresh ? 1 : 0),
          everOpened: prev.everOpened || next === 'open',
        })),
      ),
    [transport],
  );
  return info;
}
