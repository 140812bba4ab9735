import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi, useApiErrors, useConnection } from '../api/ApiProvider';
import { phaseOf, type Phase, type SessionView } from './types';
import { useIdleWatch } from './useIdleWatch';

/** How often the (passive) status poll asks the core whether it has locked the desk. */
export const STATUS_POLL_MS = 5_000;

interface SessionContextValue {
  phase: Phase;
  /** Takes the session view a call returned (login, setup, unlock, password change). */
  apply(view: SessionView): void;
  refresh(): Promise<void>;
  lock(): Promise<void>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const { i18n } = useTranslation();
  const { state: connection, reconnects } = useConnection();
  const [phase, setPhase] = useState<Phase>({ kind: 'starting' });

  // The poll returns an equal view every few seconds; keeping the old object spares a
  // re-render of the whole desk each time.
  const apply = useCallback((view: SessionView) => {
    const next = phaseOf(view);
    setPhase((prev) => (JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, []);

  const refresh = useCallback(async () => {
    const r = await api['auth.status']({});
    if (r.ok) apply(r.value);
  }, [api, apply]);

  // Boot, and again after a dropped connection: the new connection is a new core session.
  useEffect(() => {
    if (connection !== 'open') return;
    let cancelled = false;
    void (async () => {
      const info = await api['app.info']({});
      if (cancelled) return;
      if (!info.ok) {
        setPhase({ kind: 'unreachable' });
        return;
      }
      await i18n.changeLanguage(info.value.language);
      if (!info.value.setupDone) {
        setPhase({ kind: 'setup' });
        return;
      }
      const status = await api['auth.status']({});
      if (!cancelled) setPhase(status.ok ? phaseOf(status.value) : { kind: 'unreachable' });
    })();
    return () => {
      cancelled = true;
    };
  }, [api, i18n, connection, reconnects]);

  const signedIn = phase.kind === 'signedIn' ? phase.view : null;
  const isSignedIn = signedIn !== null;

  // The core decides the lock by its own clock; the passive poll picks that decision up.
  useEffect(() => {
    if (!isSignedIn) return;
    const timer = setInterval(() => void refresh(), STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [isSignedIn, refresh]);

  const lock = useCallback(async () => {
    const r = await api['auth.lock']({});
    if (r.ok) {
      apply(r.value);
      return;
    }
    // Even if the core cannot be told (connection lost), the screen locks; unlocking still
    // needs the core to accept the password.
    setPhase((p) => (p.kind === 'signedIn' ? { kind: 'signedIn', view: { ...p.view, locked: true } } : p));
  }, [api, apply]);

  const logout = useCallback(async () => {
    const r = await api['auth.logout']({});
    if (r.ok) apply(r.value);
    else setPhase({ kind: 'signedOut' });
  }, [api, apply]);

  const working = signedIn !== null && !signedIn.locked && !signedIn.staff.mustChangePassword;
  useIdleWatch({
    enabled: working,
    idleMs: signedIn?.idleLockMs ?? 0,
    onIdle: () => void lock(),
    report: () => void api['auth.activity']({}),
  });

  // Any screen's call refused for locked / signed-out / forced change: re-read the session.
  useApiErrors((error) => {
    if (error.code === 'auth.locked' || error.code === 'auth.required' || error.code === 'auth.mustChangePassword') void refresh();
  });

  const value = useMemo(() => ({ phase, apply, refresh, lock, logout }), [phase, apply, refresh, lock, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
