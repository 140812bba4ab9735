import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, MethodInput } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import type { ConflictView } from './ConflictQueue';
import { formatMinute } from './time';
import { useSyncErrorText } from './useSyncErrorText';
import { useSyncText } from './useSyncText';

type Side = 'local' | 'remote';
type Resolve = MethodInput<'sync.conflicts.resolve'>;

/** Fields empty on both sides say nothing about the conflict; they are left out of the table. */
function shownFields(c: ConflictView): string[] {
  const names = Object.keys(c.local ?? c.remote ?? {});
  return names.filter((f) => c.differing.includes(f) || (c.local?.[f] ?? '') !== '' || (c.remote?.[f] ?? '') !== '');
}

/**
 * One conflict: the two versions side by side, the differing fields marked (in words and
 * by colour), and three ways out: keep ours, take the central version, or pick per field.
 * Every control is a native button or radio, so it all works from the keyboard.
 */
export function ConflictCard({ conflict: c, onResolved, onStarted }: { conflict: ConflictView; onResolved(): void; onStarted(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const text = useSyncText();
  const errorText = useSyncErrorText();
  const id = useId();
  // One choice per differing field, ours by default; fields left out stay ours at the core too.
  const [choices, setChoices] = useState<Record<string, Side>>(() => Object.fromEntries(c.differing.map((f) => [f, 'local' as const])));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const canTakeRemote = c.remote !== null && c.remoteMissing.length === 0;
  const person = c.local ?? c.remote ?? {};
  const title = [person.surname, person.givenName, person.patronymic].filter(Boolean).join(' ');

  const resolve = async (input: Resolve) => {
    onStarted();
    setBusy(true);
    setError(null);
    const r = await api['sync.conflicts.resolve'](input);
    setBusy(false);
    if (r.ok) onResolved();
    else setError(r.error);
  };

  return (
    <article className="sync-conflict" aria-labelledby={`${id}-title`}>
      <header className="sync-conflict-header">
        <h3 id={`${id}-title`}>
          {title}
          {person.iin ? <span className="sync-conflict-iin">{`${text.fieldLabel('iin')} ${person.iin}`}</span> : null}
        </h3>
        <p>
          <strong>{t(`sync:conflicts.kind.${c.kind}`)}</strong> · {t('sync:conflicts.detectedAt', { at: formatMinute(c.detectedAt) })}
        </p>
        {c.kind === 'duplicate' ? <p className="sync-panel-lead">{t('sync:conflicts.duplicateHint')}</p> : null}
        {c.remoteMissing.length > 0 ? (
          <p className="form-error">{t('sync:conflicts.remoteMissing', { fields: c.remoteMissing.map(text.fieldLabel).join(', ') })}</p>
        ) : null}
      </header>
      <table className="data-table sync-compare">
        <thead>
          <tr>
            <th scope="col">{t('sync:conflicts.field')}</th>
            <th scope="col">{t('sync:conflicts.ours')}</th>
            <th scope="col">{t('sync:conflicts.central')}</th>
            {canTakeRemote ? <th scope="col">{t('sync:conflicts.keep')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {shownFields(c).map((f) => {
            const differs = c.differing.includes(f);
            return (
              <tr key={f} className={differs ? 'sync-differs' : undefined}>
                <th scope="row">
                  {text.fieldLabel(f)}
                  {differs ? <span className="sync-differs-mark">{t('sync:conflicts.differs')}</span> : null}
                </th>
                <td>{text.fieldValue(f, c.local?.[f] ?? null)}</td>
                <td>{c.remote ? text.fieldValue(f, c.remote[f] ?? null) : '—'}</td>
                {canTakeRemote ? (
                  <td>
                    {differs ? (
                      <div role="radiogroup" aria-label={t('sync:conflicts.fieldChoice', { field: text.fieldLabel(f) })} className="sync-choice">
                        {(['local', 'remote'] as const).map((side) => (
                          <label key={side}>
                            <input
                              type="radio"
                              name={`${id}-${f}`}
                              value={side}
                              checked={choices[f] === side}
                              onChange={() => setChoices((prev) => ({ ...prev, [f]: side }))}
                            />
                            {side === 'local' ? t('sync:conflicts.ours') : t('sync:conflicts.central')}
                          </label>
                        ))}
                      </div>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
      {error ? (
        <p className="form-error" role="alert">
          {errorText.error(error)}
        </p>
      ) : null}
      {canTakeRemote && c.differing.length > 0 ? <p className="sync-panel-lead">{t('sync:conflicts.mergeHint')}</p> : null}
      <div className="form-actions sync-conflict-actions">
        <button type="button" disabled={busy} onClick={() => void resolve({ id: c.id, choice: 'local' })}>
          {t('sync:conflicts.keepOurs')}
        </button>
        {canTakeRemote ? (
          <button type="button" disabled={busy} onClick={() => void resolve({ id: c.id, choice: 'remote' })}>
            {t('sync:conflicts.takeCentral')}
          </button>
        ) : null}
        {canTakeRemote && c.differing.length > 0 ? (
          <button type="button" className="primary" disabled={busy} onClick={() => void resolve({ id: c.id, choice: 'merge', fields: choices })}>
            {t('sync:conflicts.saveMerge')}
          </button>
        ) : null}
      </div>
    </article>
  );
}
