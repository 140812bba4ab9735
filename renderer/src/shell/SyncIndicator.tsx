import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../sync/SyncStatusProvider';
import { formatClock, formatMinute } from '../sync/time';
import { useNow } from '../sync/useNow';
import { useSyncText } from '../sync/useSyncText';
import '../styles/sync.css';

/**
 * Sync at a glance, always in the status bar: the link (a dot and a word, never colour
 * alone), how much waits, when the last sync succeeded (relative, with the exact time in the
 * tooltip), a progress bar while a backlog drains, and, when something needs a person, a
 * button to the sync screen. It only reads the shared poll (SyncStatusProvider).
 */
export function SyncIndicator({ onOpen }: { onOpen(): void }) {
  const { t } = useTranslation();
  const { status } = useSyncStatus();
  const text = useSyncText();
  const now = useNow(15_000);

  if (!status) {
    return (
      <div className="sync-indicator" role="group" aria-label={t('sync:indicator.group')}>
        <span className="sync-link">
          <span className="sync-dot sync-dot-unknown" aria-hidden="true" />
          {t('sync:indicator.loading')}
        </span>
      </div>
    );
  }

  const link = !status.configured ? 'notConfigured' : status.connectivity;
  const linkTitle = [
    t(`sync:indicator.${link}Title`),
    status.lastErrorCode ? t('sync:indicator.lastErrorTitle', { error: text.errorCode(status.lastErrorCode) }) : null,
    status.nextRetryAt ? t('sync:indicator.nextRetryTitle', { at: formatClock(status.nextRetryAt) }) : null,
  ]
    .filter(Boolean)
    .join('\n');
  // A drain interrupted by an outage resumes with the link; until then the last sync says more.
  const drain = status.connectivity === 'offline' ? null : status.drain;
  const percent = drain ? Math.round(drain.fraction * 100) : 0;
  const drainDone = drain ? drain.sent + drain.failed + drain.conflicts : 0;
  const problems = status.failed + status.conflicts;

  return (
    <div className="sync-indicator" role="group" aria-label={t('sync:indicator.group')}>
      {/* Two short lines rather than one long one: the status bar is shared at 1366 px. */}
      <div className="sync-lines">
        <div className="sync-line">
          <span className="sync-link" title={linkTitle}>
            <span className={`sync-dot sync-dot-${link}`} aria-hidden="true" />
            {/* Announced when the link changes; the text stays the same between polls otherwise. */}
            <span role="status">{t(`sync:indicator.${link}`)}</span>
          </span>
          <span className="sync-queued">{t('sync:indicator.queued', { count: status.queued })}</span>
        </div>
        <div className="sync-line">
          {drain ? (
            <span className="sync-drain" title={t('sync:indicator.drainTitle', { done: drainDone, total: drainDone + status.queued })}>
              <progress max={100} value={percent} aria-label={t('sync:status.progress')} />
              <span>{t('sync:indicator.draining', { percent })}</span>
            </span>
          ) : (
            <span className="sync-last" title={status.lastSuccessAt ? t('sync:indicator.lastSyncTitle', { at: formatMinute(status.lastSuccessAt) }) : t('sync:indicator.neverTitle')}>
              {status.lastSuccessAt ? <time dateTime={status.lastSuccessAt}>{t('sync:indicator.lastSync', { when: text.since(status.lastSuccessAt, now) })}</time> : t('sync:indicator.never')}
            </span>
          )}
          {problems > 0 ? (
            <button type="button" className="sync-problems" title={t('sync:indicator.openScreen')} onClick={onOpen}>
              {[status.failed > 0 ? t('sync:indicator.failed', { count: status.failed }) : null, status.conflicts > 0 ? t('sync:indicator.conflicts', { count: status.conflicts }) : null]
                .filter(Boolean)
                .join(' · ')}
            </button>
          ) : null}
        </div>
      </div>
    </div>
  );
}
