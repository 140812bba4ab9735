import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { MethodOutput } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';

export type SyncStatus = MethodOutput<'sync.status'>;

/** How often the status bar asks the core where sync stands (`sync.status` is passive). */
export const SYNC_POLL_MS = 3_000;

interface SyncStatusValue {
  /** Null until the first answer, or when the core refuses (locked, signed out). */
  status: SyncStatus | null;
  /** Ask now, e.g. right after a retry or a resolved conflict, rather than at the next poll. */
  refresh(): Promise<void>;
}

const SyncStatusContext = createContext<SyncStatusValue | null>(null);

export function useSyncStatus(): SyncStatusValue {
  const ctx = useContext(SyncStatusContext);
  if (!ctx) throw new Error('useSyncStatus outside SyncStatusProvider');
  return ctx;
}

/**
 * One poll of the sync status for the whole signed-in desk: the status bar and the sync
 * screen read the same answer, so they never disagree. Paused while the desk is locked.
 *
 * Also tells the core when the browser (or Electron's renderer) sees the network go away or
 * come back: the engine believes "offline" at once and probes the central system on "online",
 * so the queue starts draining without waiting for the next probe interval.
 */
export function SyncStatusProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<SyncStatus | null>(null);
  // Equal answers keep the old object: the poll then re-renders nothing.
  const last = useRef('');

  const refresh = useCallback(async () => {
    const r = await api['sync.status']({});
    const next = r.ok ? r.value : null;
    const key = JSON.stringify(next);
    if (key === last.current) return;
    last.current = key;
    setStatus(next);
  }, [api]);

  useEffect(() => {
    if (!enabled) return;
    void refresh();
    const timer = setInterval(() => void refresh(), SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [enabled, refresh]);

  useEffect(() => {
    const report = (online: boolean) => void api['sync.network']({ online }).then(() => refresh());
    const onOnline = () => report(true);
    const onOffline = () => report(false);
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    // Started without a network: say so at once. "Online" at start proves nothing (a Wi-Fi
    // link is not a route to the central system), so the engine's own probe decides that.
    if (!navigator.onLine) report(false);
    return () => {
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [api, refresh]);

  const value = useMemo(() => ({ status, refresh }), [status, refresh]);
  return <SyncStatusContext.Provider value={value}>{children}</SyncStatusContext.Provider>;
}
