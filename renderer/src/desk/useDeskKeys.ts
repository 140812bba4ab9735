import { useEffect, useRef } from 'react';

/**
 * Screen shortcuts, written like "Alt+KeyE" or "Escape". Letters are matched on the physical
 * key (`code`), so Alt+E is the same key with the Kazakh, Russian or English layout. Off
 * while a dialog is open (it has her attention, and Esc belongs to it) and when a key was
 * already handled by a field (e.g. Esc clearing the search).
 */
export function useDeskKeys(enabled: boolean, keys: Readonly<Record<string, (() => void) | undefined>>): void {
  const ref = useRef({ enabled, keys });
  ref.current = { enabled, keys };
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const { enabled: on, keys: map } = ref.current;
      if (!on || e.defaultPrevented || document.querySelector('dialog[open]')) return;
      const name = e.key === 'Escape' ? 'Escape' : e.altKey && !e.ctrlKey && !e.metaKey ? `Alt+${e.code}` : null;
      const action = name ? map[name] : undefined;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
