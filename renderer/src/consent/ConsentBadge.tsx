import { useTranslation } from 'react-i18next';
import '../styles/consent.css';
import type { ConsentBadgeKind } from './types';
import { useConsentStatus } from './useConsentStatus';

/**
 * The consent badge in the patient card header (front-desk guide: green active, amber
 * awaiting signature, red none or withdrawn, grey blocked). Owned by the consent UI work.
 * `refreshKey` changes when the card wants the badge to reload.
 */
export interface ConsentBadgeProps {
  patientId: string;
  refreshKey?: number;
}

export function ConsentBadge({ patientId, refreshKey }: ConsentBadgeProps) {
  const { status, error } = useConsentStatus(patientId, refreshKey ?? 0, false);
  if (error) return <BadgeView kind="unknown" />;
  return <BadgeView kind={status?.badge ?? 'loading'} />;
}

/**
 * Colour and words together: the colour is for a glance across the desk, the text says it
 * for anyone who cannot tell green from red, and for screen readers.
 */
export function BadgeView({ kind }: { kind: ConsentBadgeKind | 'loading' | 'unknown' }) {
  const { t } = useTranslation();
  return (
    <span className={`consent-badge consent-badge-${kind}`} data-badge={kind}>
      <span className="consent-badge-dot" aria-hidden="true" />
      {t(`consent:badge.${kind}`)}
    </span>
  );
}
