import type { KeyboardEvent } from 'react';

/**
 * Enter on a radio button or checkbox submits the step's form, as it does in a text field:
 * the receptionist can go through the steps without reaching for the mouse or tabbing to
 * the button at the bottom. (Browsers only submit on Enter from text fields.)
 */
export function submitOnEnter(e: KeyboardEvent<HTMLFormElement>): void {
  if (e.key !== 'Enter' || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  const target = e.target;
  if (target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')) {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
