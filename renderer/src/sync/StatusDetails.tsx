import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format';
import { useSyncStatus } from './SyncStatusProvider';
import { formatMinute } from './time';
import { useNow } from './useNow';
import { useSyncText } from './useSyncText';

/** The sync status spelled out: the same poll as the status bar, with the error and next retry. */
export function StatusDetails() {
  const { t } = useTranslation();
  const { status } = useSyncStatus();
  const text = useSyncText();
  const now = useNow(15_000);
  if (!status) {
    return (
      <section className="sync-panel" aria-labelledby="sync-status-title">
        <h2 id="sync-status-title">{t('sync:status.heading')}</h2>
        <p role="status">{t('common:loading')}</p>
      </section>
    );
  }
  const link = !status.configured ? 'notConfigured' : status.connectivity;
  const percent = status.drain && status.connectivity !== 'offline' ? Math.round(status.drain.fraction * 100) : null;
  return (
    <section className="sync-panel" aria-labelledby="sync-status-title">
      <h2 id="sync-status-title">{t('sync:status.heading')}</h2>
      <dl className="sync-facts">
        <dt>{t('sync:status.link')}</dt>
        <dd>
          <span className={`sync-dot sync-dot-${link}`} aria-hidden="true" /> {t(`sync:indicator.${link}`)}
          <span className="sync-fact-note">{t(`sync:indicator.${link}Title`)}</span>
        </dd>
        <dt>{t('sync:status.activity')}</dt>
        <dd>{t(`sync:status.activityValue.${status.activity}`)}</dd>
        <dt>{t('sync:status.queued')}</dt>
        <dd className="num-left">{status.queued}</dd>
        {percent !== null ? (
          <>
            <dt>{t('sync:status.progress')}</dt>
            <dd>
              <progress max={100} value={percent} aria-label={t('sync:status.progress')} /> {percent} %
            </dd>
          </>
        ) : null}
        <dt>{t('sync:status.lastSuccess')}</dt>
        <dd>
          {status.lastSuccessAt ? (
            <>
              <time dateTime={status.lastSuccessAt}>{formatMinute(status.lastSuccessAt)}</time> ({text.since(status.lastSuccessAt, now)})
            </>
          ) : (
            t('sync:status.never')
          )}
        </dd>
        <dt>{t('sync:status.lastError')}</dt>
        <dd>{status.lastErrorCode ? text.errorCode(status.lastErrorCode) : t('sync:status.none')}</dd>
        {status.nextRetryAt ? (
          <>
            <dt>{t('sync:status.nextRetry')}</dt>
            <dd>
              <time dateTime={status.nextRetryAt}>{formatDateTime(status.nextRetryAt)}</time>
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
