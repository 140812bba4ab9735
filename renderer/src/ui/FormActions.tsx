import type { MouseEvent, ReactNode } from 'react';

/**
 * The row of buttons under a form. A mouse press on one of them keeps the focus where it is:
 * otherwise the field being left would validate on blur, its error would push the buttons
 * down between mousedown and mouseup, and the click (Cancel, Log out) would be lost.
 * Keyboard users are unaffected: they reach the buttons with Tab.
 */
export function FormActions({ children, align, className }: { children: ReactNode; align?: 'end'; className?: string }) {
  const holdFocus = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target instanceof Element && e.target.closest('button')) e.preventDefault();
  };
  const classes = ['form-actions', align === 'end' ? 'form-actions-end' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <div className={classes} onMouseDown={holdFocus}>
      {children}
    </div>
  );
}
