import type { UseFormRegisterReturn } from 'react-hook-form';
import { useIssueText } from './useIssueText';

/** A labelled <select>; options come translated from the caller. */
export function SelectField(p: {
  id: string;
  label: string;
  registration: UseFormRegisterReturn;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
}) {
  const issueText = useIssueText();
  const errorId = `${p.id}-error`;
  return (
    <div className="field">
      <label htmlFor={p.id}>{p.label}</label>
      <select id={p.id} aria-invalid={p.error ? true : undefined} aria-describedby={p.error ? errorId : undefined} {...p.registration}>
        {p.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {p.error ? (
        <p id={errorId} className="field-error">
          {issueText(p.error)}
        </p>
      ) : null}
    </div>
  );
}
