import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, MethodOutput } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { StatusMessage } from '../ui/StatusMessage';
import { useSyncStatus } from './SyncStatusProvider';
import { formatMinute } from './time';
import { useSyncErrorText } from './useSyncErrorText';
import { useSyncText } from './useSyncText';

type FailedItem = MethodOutput<'sync.failed.list'>[number];

/**
 * What the central system refused, with the reason, and a way to send it again: one item or
 * all of them. Nothing here is ever dropped; a retry only puts it back in the queue.
 */
export function FailedItems() {
  const { t } = useTranslation();
  const api = useApi();
  const { status, refresh } = useSyncStatus();
  const text = useSyncText();
  const errorText = useSyncErrorText();
  const [items, setItems] = useState<FailedItem[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    const r = await api['sync.failed.list']({ limit: 100 });
    if (r.ok) setItems(r.value);
    setError(r.ok ? null : r.error);
  }, [api]);

  // Read the list again on every status poll, not only when the count changes: an item sent
  // again and refused again between two polls leaves the count as it was, and a list keyed on
  // the count would keep showing it as gone. The list is small and the poll is seconds apart.
  useEffect(() => {
    void load();
  }, [load, status]);

  const retry = async (seq?: number) => {
    setBusy(true);
    setMessage(null);
    const r = await api['sync.retry'](seq === undefined ? {} : { seq });
    setBusy(false);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setMessage(t('sync:failed.retried', { count: r.value.retried }));
    await Promise.all([load(), refresh()]);
  };

  return (
    <section className="sync-panel" aria-labelledby="sync-failed-title">
      <div className="sync-panel-header">
        <h2 id="sync-failed-title">{t('sync:failed.heading')}</h2>
        {items && items.length > 0 ? (
          <button type="button" onClick={() => void retry()} disabled={busy}>
            {t('sync:failed.retryAll')}
          </button>
        ) : null}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorText.error(error)}
        </p>
      ) : null}
      <StatusMessage text={message} />
      {items === null ? null : items.length === 0 ? (
        <p>{t('sync:failed.empty')}</p>
      ) : (
        <>
          <p className="sync-panel-lead">{t('sync:failed.lead')}</p>
          <table className="data-table sync-failed-table">
            <thead>
              <tr>
                <th scope="col">{t('sync:failed.record')}</th>
                <th scope="col">{t('sync:failed.reason')}</th>
                <th scope="col" className="num">
                  {t('sync:failed.attempts')}
                </th>
                <th scope="col">{t('sync:failed.queuedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('sync:failed.action')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.seq}>
                  <th scope="row">{text.recordType(item.resourceType)}</th>
                  <td>{text.reason(item.reason)}</td>
                  <td className="num">{item.attempts}</td>
                  <td className="nowrap">{formatMinute(item.queuedAt)}</td>
                  <td className="nowrap">
                    <button
                      type="button"
                      disabled={busy}
                      aria-label={t('sync:failed.retryLabel', { record: text.recordType(item.resourceType), at: formatMinute(item.queuedAt) })}
                      onClick={() => void retry(item.seq)}
                    >
                      {t('sync:failed.retry')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
