import { useEffect, useRef } from 'react';
import { looksLikeMrz } from '../../../electron/core/identity/mrz';
import { isScannerBurst, SETTLE_MS, stepBurst, type Burst } from './scanBurst';

type Editable = HTMLInputElement | HTMLTextAreaElement;

/** Sets a field's value the way typing would, so React and react-hook-form see the change. */
function restoreValue(el: Editable, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

function editableWithFocus(): Editable | null {
  const el = document.activeElement;
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el : null;
}

/**
 * Scanner input anywhere on the desk: a document-level listener (capture phase, so it sees
 * keys before any field does) buffers fast bursts. Keys are never swallowed except an Enter
 * inside a scanner-fast burst (it would submit a form or open a search result). When a
 * burst turns out to be an MRZ, the field it landed in gets its earlier value back and
 * `onScan` gets the text; a paste of an MRZ anywhere does the same. The text lives only in
 * this closure and the callback's argument: it is never put in state, storage or a call.
 */
export function useScanner(opts: { enabled: boolean; onScan(text: string): void }): void {
  const ref = useRef(opts);
  ref.current = opts;
  useEffect(() => {
    let burst: Burst | null = null;
    let snapshot: { el: Editable; value: string } | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const settle = () => {
      const done = burst;
      const snap = snapshot;
      burst = null;
      snapshot = null;
      if (!ref.current.enabled || !isScannerBurst(done) || !looksLikeMrz(done.text)) return;
      if (snap?.el.isConnected) restoreValue(snap.el, snap.value);
      ref.current.onScan(done.text);
    };

    const onKeyDown = (e: KeyboardEvent) => {
      if (!ref.current.enabled || e.isComposing) return;
      const before = burst;
      const step = stepBurst(before, { key: e.key, at: e.timeStamp, modifier: e.ctrlKey || e.altKey || e.metaKey, repeat: e.repeat });
      burst = step.burst;
      if (burst === null) {
        snapshot = null;
      } else if (before === null || burst.startedAt !== before.startedAt) {
        // keydown comes before the character lands: this is the field's value before the burst.
        const el = editableWithFocus();
        snapshot = el ? { el, value: el.value } : null;
      }
      if (step.swallow) {
        e.preventDefault();
        e.stopPropagation();
      }
      clearTimeout(timer);
      if (burst) timer = setTimeout(settle, SETTLE_MS);
    };

    const onPaste = (e: ClipboardEvent) => {
      if (!ref.current.enabled) return;
      const text = e.clipboardData?.getData('text') ?? '';
      if (!looksLikeMrz(text)) return;
      e.preventDefault();
      e.stopPropagation();
      ref.current.onScan(text);
    };

    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('paste', onPaste, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('paste', onPaste, true);
    };
  }, []);
}
