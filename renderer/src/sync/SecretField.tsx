import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncErrorText } from './useSyncErrorText';

/** keep: leave the stored value; replace: send `value`; remove: send null. */
export interface SecretEdit {
  mode: 'keep' | 'replace' | 'remove';
  value: string;
}

export const KEEP: SecretEdit = { mode: 'keep', value: '' };

/** What `sync.settings.set` gets for one secret: left out (kept), a new value, or null (removed). */
export function secretInput(edit: SecretEdit): string | null | undefined {
  if (edit.mode === 'remove') return null;
  if (edit.mode === 'replace' && edit.value.trim() !== '') return edit.value;
  return undefined;
}

/**
 * A write-only secret (token, key, certificate): the core never sends it back, so the field
 * says only whether one is stored, and offers to replace or remove it. With none stored the
 * input is shown straight away.
 */
export function SecretField(p: {
  id: string;
  label: string;
  hint?: string | null;
  isSet: boolean;
  multiline?: boolean;
  edit: SecretEdit;
  onChange(edit: SecretEdit): void;
  /** The core's issue for this field, if it refused it. */
  issue?: { code: string } | null;
}) {
  const { t } = useTranslation();
  const errorText = useSyncErrorText();
  const editing = !p.isSet || p.edit.mode === 'replace';
  const actions = useRef<HTMLDivElement>(null);
  // The pressed button goes away with the change: keep the focus on the buttons that replace it.
  const change = (edit: SecretEdit) => {
    p.onChange(edit);
    requestAnimationFrame(() => actions.current?.querySelector('button')?.focus());
  };
  const hintId = `${p.id}-hint`;
  const errorId = `${p.id}-error`;
  const describedBy = [p.hint ? hintId : null, p.issue ? errorId : null].filter(Boolean).join(' ') || undefined;
  const input = {
    id: p.id,
    value: p.edit.value,
    autoComplete: 'off',
    spellCheck: false,
    'aria-invalid': p.issue ? true : undefined,
    'aria-describedby': describedBy,
    // Shown after "Replace" was pressed: typing goes straight in.
    autoFocus: p.isSet,
  } as const;
  const state = p.edit.mode === 'remove' ? t('sync:settings.willRemove') : p.isSet ? t('sync:settings.isSet') : t('sync:settings.notSet');
  return (
    <div className={`field sync-secret${p.multiline ? ' sync-secret-pem' : ''}`}>
      <div className="field-label">
        {editing ? <label htmlFor={p.id}>{p.label}</label> : <span className="sync-secret-label">{p.label}</span>}
        <span className={`sync-secret-state${p.isSet && p.edit.mode !== 'remove' ? ' is-set' : ''}`}>{state}</span>
      </div>
      {editing ? (
        p.multiline ? (
          <textarea {...input} rows={4} onChange={(e) => p.onChange({ mode: 'replace', value: e.target.value })} />
        ) : (
          <input {...input} type="password" onChange={(e) => p.onChange({ mode: 'replace', value: e.target.value })} />
        )
      ) : null}
      <div className="sync-secret-actions" ref={actions}>
        {p.isSet && p.edit.mode === 'keep' ? (
          <>
            <button type="button" aria-label={`${t('sync:settings.replace')}: ${p.label}`} onClick={() => p.onChange({ mode: 'replace', value: '' })}>
              {t('sync:settings.replace')}
            </button>
            <button type="button" aria-label={`${t('sync:settings.remove')}: ${p.label}`} onClick={() => change({ mode: 'remove', value: '' })}>
              {t('sync:settings.remove')}
            </button>
          </>
        ) : null}
        {p.isSet && p.edit.mode !== 'keep' ? (
          <button type="button" aria-label={`${t('sync:settings.keepCurrent')}: ${p.label}`} onClick={() => change(KEEP)}>
            {t('sync:settings.keepCurrent')}
          </button>
        ) : null}
      </div>
      {p.hint ? (
        <p id={hintId} className="field-hint">
          {p.hint}
        </p>
      ) : null}
      {p.issue ? (
        <p id={errorId} className="field-error">
          {errorText.issue(p.issue)}
        </p>
      ) : null}
    </div>
  );
}
