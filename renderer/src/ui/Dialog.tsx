import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionProvider';

/**
 * The one dialog a screen may show (screens keep a single "which dialog" state, so dialogs
 * never stack). A native modal <dialog>: the browser traps focus and Esc cancels.
 *
 * While the desk is locked the dialog steps out of the top layer (close without unmounting),
 * so the lock screen covers it; its half-typed content stays, and it reopens on unlock.
 *
 * Esc with something typed (`dirty`) first warns inside the dialog (a second dialog would
 * stack); a second Esc discards. The Cancel button discards at once: that is an explicit choice.
 */
export function Dialog(props: { title: string; onClose(): void; children: ReactNode; wide?: boolean; dirty?: boolean }) {
  const { t } = useTranslation();
  const [warned, setWarned] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const { phase } = useSession();
  const locked = phase.kind === 'signedIn' && phase.view.locked;

  // Focus goes back to what opened the dialog (React unmounts it; the browser would not).
  useEffect(() => {
    const opener = document.activeElement;
    return () => {
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (locked) {
      if (el.open) el.close();
    } else if (!el.open) {
      el.showModal();
    }
  }, [locked]);

  return (
    <dialog
      ref={ref}
      className={`dialog${props.wide ? ' dialog-wide' : ''}`}
      aria-labelledby={titleId}
      onCancel={(e) => {
        // Esc: we close by state, so React unmounts it, rather than the browser hiding it.
        e.preventDefault();
        if (props.dirty && !warned) setWarned(true);
        else props.onClose();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {props.title}
      </h2>
      {warned && props.dirty ? (
        <p className="form-error" role="alert">
          {t('common:dialog.discardWarning')}
        </p>
      ) : null}
      {props.children}
    </dialog>
  );
}
