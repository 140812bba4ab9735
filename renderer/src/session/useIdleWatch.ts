import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

/** The core is told about activity at most this often; the idle lock is minutes long. */
export const ACTIVITY_REPORT_MS = 30_000;

/**
 * Watches keyboard and mouse activity while `enabled`:
 * - calls `onIdle` once nothing happened for `idleMs` (the renderer's own timer, so the lock
 *   screen appears on time even between status polls);
 * - calls `report` on activity, throttled to once per ACTIVITY_REPORT_MS with a trailing call,
 *   so the core's idle clock (which decides) hears about the last burst of typing too.
 */
export function useIdleWatch(opts: { enabled: boolean; idleMs: number; onIdle(): void; report(): void }): void {
  const onIdle = useRef(opts.onIdle);
  const report = useRef(opts.report);
  onIdle.current = opts.onIdle;
  report.current = opts.report;
  const { enabled, idleMs } = opts;

  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    let lastReport = 0;
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    let trailing: ReturnType<typeof setTimeout> | undefined;

    const check = () => {
      const quiet = Date.now() - last;
      if (quiet >= idleMs) onIdle.current();
      else idleTimer = setTimeout(check, idleMs - quiet);
    };
    const sendReport = () => {
      trailing = undefined;
      lastReport = Date.now();
      report.current();
    };
    const onActivity = () => {
      last = Date.now();
      const since = last - lastReport;
      if (since >= ACTIVITY_REPORT_MS) sendReport();
      else trailing ??= setTimeout(sendReport, ACTIVITY_REPORT_MS - since);
    };

    idleTimer = setTimeout(check, idleMs);
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(idleTimer);
      clearTimeout(trailing);
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity, { capture: true });
    };
  }, [enabled, idleMs]);
}
