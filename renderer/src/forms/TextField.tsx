import type { HTMLInputTypeAttribute, ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { useIssueText } from './useIssueText';

export interface TextFieldProps {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  /** The encoded issue (see issues.ts), translated here. */
  error?: string | undefined;
  hint?: ReactNode;
  type?: HTMLInputTypeAttribute;
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: 'text' | 'numeric' | 'tel' | 'search';
  required?: boolean;
  size?: 'normal' | 'large';
  readOnly?: boolean;
}

/**
 * A labelled input with its hint and its error underneath, both tied to the input by
 * aria-describedby so a screen reader reads them with the field.
 */
export function TextField(p: TextFieldProps) {
  const issueText = useIssueText();
  const hintId = `${p.id}-hint`;
  const errorId = `${p.id}-error`;
  const describedBy = [p.hint ? hintId : null, p.error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${p.size === 'large' ? ' field-large' : ''}`}>
      {/* The required mark sits outside the label, so the field's name is just its label. */}
      <div className="field-label">
        <label htmlFor={p.id}>{p.label}</label>
        {p.required ? (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      <input
        id={p.id}
        type={p.type ?? 'text'}
        autoComplete={p.autoComplete ?? 'off'}
        autoFocus={p.autoFocus}
        inputMode={p.inputMode}
        readOnly={p.readOnly}
        aria-invalid={p.error ? true : undefined}
        aria-required={p.required ? true : undefined}
        aria-describedby={describedBy}
        spellCheck={false}
        {...p.registration}
      />
      {p.hint ? (
        <p id={hintId} className="field-hint">
          {p.hint}
        </p>
      ) : null}
      {p.error ? (
        <p id={errorId} className="field-error">
          {issueText(p.error)}
        </p>
      ) : null}
    </div>
  );
}
