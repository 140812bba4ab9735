import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, MethodOutput } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { StatusMessage } from '../ui/StatusMessage';
import { ConflictCard } from './ConflictCard';
import { useSyncStatus } from './SyncStatusProvider';
import { useSyncErrorText } from './useSyncErrorText';

export type ConflictView = MethodOutput<'sync.conflicts.list'>[number];

/**
 * The conflict queue: every open conflict with both versions side by side. Resolving one
 * sends the choice to the core, which uploads what is kept with If-Match of the central
 * version that was compared; the queue then reads itself again.
 */
export function ConflictQueue() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, refresh } = useSyncStatus();
  const errorText = useSyncErrorText();
  const [conflicts, setConflicts] = useState<ConflictView[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const openCount = status?.conflicts ?? 0;

  const load = useCallback(async () => {
    const r = await api['sync.conflicts.list']({ limit: 50 });
    if (r.ok) setConflicts(r.value);
    setError(r.ok ? null : r.error);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load, openCount]);

  const onResolved = async () => {
    setMessage(t('sync:conflicts.resolved'));
    await Promise.all([load(), refresh()]);
    // The resolved card is gone: the focus goes back to the top of the queue, not to <body>.
    heading.current?.focus();
  };

  return (
    <section className="sync-panel sync-conflicts" aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title" ref={heading} tabIndex={-1}>
        {t('sync:conflicts.heading')}
        {conflicts && conflicts.length > 0 ? <span className="sync-count">{conflicts.length}</span> : null}
      </h2>
      {error ? (
        <p className="form-error" role="alert">
          {errorText.error(error)}
        </p>
      ) : null}
      <StatusMessage text={message} />
      {conflicts === null ? null : conflicts.length === 0 ? (
        <p>{t('sync:conflicts.empty')}</p>
      ) : (
        <>
          <p className="sync-panel-lead">{t('sync:conflicts.lead')}</p>
          {conflicts.map((c) => (
            <ConflictCard key={`${c.id}-${c.remoteVersion ?? ''}`} conflict={c} onResolved={() => void onResolved()} onStarted={() => setMessage(null)} />
          ))}
        </>
      )}
    </section>
  );
}
