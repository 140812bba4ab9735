import { useTranslation } from 'react-i18next';

/**
 * Placeholder for the sync status (online/offline dot, queued count, last sync). Sync is
 * wired by another part of the app later; until then it shows a neutral "not configured"
 * state: a grey dot and a dash.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  return (
    <div className="sync-indicator" title={t('common:sync.notConfigured')}>
      <span className="dot dot-grey" aria-hidden="true" />
      <span aria-hidden="true">{t('common:sync.none')}</span>
      <span className="visually-hidden">{t('common:sync.notConfigured')}</span>
    </div>
  );
}
