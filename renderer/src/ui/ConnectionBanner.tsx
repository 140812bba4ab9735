import { useTranslation } from 'react-i18next';
import { useConnection } from '../api/ApiProvider';

/** A calm notice when the connection to the core drops; it reconnects by itself. */
export function ConnectionBanner() {
  const { t } = useTranslation();
  const { state, everOpened } = useConnection();
  const lost = everOpened && state !== 'open';
  return (
    <div className="connection-banner" role="status" hidden={!lost}>
      {lost ? t('common:connection.lost') : null}
    </div>
  );
}
