import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionProvider';
import { ConflictQueue } from './ConflictQueue';
import { FailedItems } from './FailedItems';
import { StatusDetails } from './StatusDetails';
import { SyncSettings } from './SyncSettings';
import '../styles/sync.css';

/**
 * Where sync stands, what the central system refused, and what needs a person. Admins
 * configure the connection here; they do not see patients (policy section 3), so the
 * conflict queue, which shows both versions of a patient, is for receptionists and managers.
 */
export function SyncScreen() {
  const { t } = useTranslation();
  const { phase } = useSession();
  const isAdmin = phase.kind === 'signedIn' && phase.view.staff.role === 'admin';
  return (
    <section className="screen sync-screen" aria-labelledby="sync-title">
      <div className="screen-header">
        <h1 id="sync-title">{t('sync:screen.title')}</h1>
      </div>
      <p className="lead">{t('sync:screen.lead')}</p>
      <div className="sync-stack">
        <StatusDetails />
        <FailedItems />
        {isAdmin ? <SyncSettings /> : <ConflictQueue />}
      </div>
    </section>
  );
}
