import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/ApiProvider';
import { StatusMessage } from '../ui/StatusMessage';
import '../styles/consent.css';
import './consent-flow.css';
import { CaptureDialog, type CaptureStart } from './CaptureDialog';
import { ConsentList, type RowAction } from './ConsentList';
import { ConsentNotices } from './ConsentNotices';
import { ReprintDialog } from './ReprintDialog';
import type { ConsentRecord, PurposeDef } from './types';
import { useConsentErrorText } from './useConsentErrorText';
import { useConsentStatus } from './useConsentStatus';
import { WithdrawDialog } from './WithdrawDialog';

/**
 * The consents section of the patient card: status, the three-step capture flow, printing,
 * signature, withdrawal. Owned by the consent UI work; the patient card only mounts it.
 * `onChanged` lets the card refresh its header badge after a consent changes.
 */
export interface ConsentPanelProps {
  patientId: string;
  onChanged?: () => void;
}

/** One dialog at a time, by construction: a single piece of state says which one is open. */
type OpenDialog = { kind: 'capture'; start: CaptureStart } | { kind: 'reprint'; consent: ConsentRecord } | { kind: 'withdraw'; consent: ConsentRecord } | null;

export function ConsentPanel({ patientId, onChanged }: ConsentPanelProps) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useConsentErrorText();
  const { status, visit, error, reload } = useConsentStatus(patientId);
  const [defs, setDefs] = useState<PurposeDef[]>([]);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // A key and its values, not a sentence: the message follows a language switch.
  const [message, setMessage] = useState<{ key: string; number: string } | null>(null);

  useEffect(() => {
    void api['consent.purposes']({}).then((r) => {
      if (r.ok) setDefs(r.value.purposes);
    });
  }, [api]);

  const changed = () => {
    void reload();
    onChanged?.();
  };
  const onAction = (action: RowAction, consent: ConsentRecord) => {
    setMessage(null);
    if (action === 'continue') setDialog({ kind: 'capture', start: { kind: 'continue', consent } });
    else setDialog({ kind: action, consent });
  };

  const consents = status?.consents ?? [];
  const pending = status?.pending ?? null;
  const canTake = status !== null && !pending && (!status.active || status.needsReconsent);

  return (
    // The card gives this section its heading and shows the badge in its header; the panel
    // brings what is said and done about consents.
    <div className="consent-panel">
      <div className="consent-panel-header">
        <div className="consent-panel-actions">
          {pending ? (
            <button type="button" className="primary" onClick={() => onAction('continue', pending)}>
              {t('consent:panel.continue')}
            </button>
          ) : null}
          {canTake ? (
            <button type="button" className="primary" onClick={() => setDialog({ kind: 'capture', start: { kind: 'new' } })}>
              {status.active ? t('consent:panel.takeNew') : t('consent:panel.take')}
            </button>
          ) : null}
        </div>
      </div>
      <StatusMessage text={message ? t(message.key, { number: message.number }) : null} />
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {status ? <ConsentNotices status={status} visit={visit} /> : !error ? <p role="status">{t('common:loading')}</p> : null}
      {status && consents.length === 0 ? <p>{t('consent:panel.empty')}</p> : null}
      {consents.length > 0 ? <ConsentList consents={consents} defs={defs} onAction={onAction} /> : null}

      {dialog?.kind === 'capture' ? (
        <CaptureDialog
          patientId={patientId}
          lastConsent={consents[0]}
          start={dialog.start}
          onClose={() => setDialog(null)}
          onPrepared={changed}
          onFinished={(outcome, c) => {
            setDialog(null);
            setMessage({ key: outcome === 'signed' ? 'consent:panel.signed' : 'consent:panel.refused', number: c.number });
            changed();
          }}
        />
      ) : null}
      {dialog?.kind === 'reprint' ? <ReprintDialog consent={dialog.consent} onClose={() => setDialog(null)} /> : null}
      {dialog?.kind === 'withdraw' ? (
        <WithdrawDialog
          consent={dialog.consent}
          onClose={() => setDialog(null)}
          onWithdrawn={(c) => {
            setMessage({ key: 'consent:panel.withdrawn', number: c.number });
            changed();
          }}
        />
      ) : null}
    </div>
  );
}
