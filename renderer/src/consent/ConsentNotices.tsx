import { useTranslation } from 'react-i18next';
import type { ConsentStatusView, VisitCheck } from './types';

/**
 * What the receptionist must know before the visit goes on: why it cannot (no consent,
 * unsigned, blocked), that the text changed since the patient signed, and that the patient
 * will get no "results are ready" message.
 */
export function ConsentNotices({ status, visit }: { status: ConsentStatusView; visit: VisitCheck | null }) {
  const { t } = useTranslation();
  const notices: { key: string; tone: 'stop' | 'warn' | 'info'; text: string }[] = [];
  if (visit && !visit.allowed && visit.reason) {
    notices.push({ key: 'visit', tone: 'stop', text: `${t(`errors:${visit.reason}`)} ${t(`consent:notice.${visit.reason.slice('visit.'.length)}`)}` });
  }
  if (status.needsReconsent && status.active) {
    notices.push({ key: 'reconsent', tone: 'warn', text: t('consent:notice.reconsent', { version: status.active.version, current: status.currentVersion }) });
  }
  if (!status.notificationsAllowed && status.consents.length > 0) {
    notices.push({ key: 'notifications', tone: 'info', text: t('consent:notice.notificationsOff') });
  }
  if (notices.length === 0) return null;
  return (
    <ul className="consent-notices">
      {notices.map((n) => (
        <li key={n.key} className={`consent-notice consent-notice-${n.tone}`} data-notice={n.key}>
          {n.text}
        </li>
      ))}
    </ul>
  );
}
