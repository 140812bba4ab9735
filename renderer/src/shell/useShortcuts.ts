import { useEffect, useRef } from 'react';

/**
 * Desk-wide shortcuts: Ctrl+L locks, Alt+1..9 opens a tab. Matched on the physical key
 * (`code`), so they work the same with the Kazakh, Russian or English keyboard layout.
 * Off while locked, and while a dialog is open (the dialog has the receptionist's attention).
 */
export function useShortcuts(opts: { enabled: boolean; onLock(): void; onTab(index: number): void }): void {
  const ref = useRef(opts);
  ref.current = opts;
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { enabled, onLock, onTab } = ref.current;
      if (!enabled || document.querySelector('dialog[open]')) return;
      if (e.ctrlKey && !e.altKey && !e.shiftKey && e.code === 'KeyL') {
        e.preventDefault();
        onLock();
        return;
      }
      const digit = /^Digit([1-9])$/.exec(e.code)?.[1];
      if (e.altKey && !e.ctrlKey && digit) {
        e.preventDefault();
        onTab(Number(digit) - 1);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
