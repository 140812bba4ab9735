import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { Dialog } from '../ui/Dialog';
import { FormActions } from '../ui/FormActions';
import { PdfView } from './PdfView';
import type { ConsentRecord } from './types';
import { useConsentErrorText } from './useConsentErrorText';

/**
 * The stored form, byte for byte as it was printed (the core checks it against its hash
 * first). Printing a paper copy goes through the same path as the first print.
 */
export function ReprintDialog({ consent, onClose }: { consent: ConsentRecord; onClose(): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useConsentErrorText();
  const [pdf, setPdf] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);

  useEffect(() => {
    let live = true;
    void api['consent.reprint']({ consentId: consent.id }).then((r) => {
      if (!live) return;
      if (r.ok) setPdf(r.value.pdfBase64);
      else setError(r.error);
    });
    return () => {
      live = false;
    };
  }, [api, consent.id]);

  return (
    <Dialog title={t('consent:reprint.title', { number: consent.number })} onClose={onClose} wide>
      <div className="consent-document">
        <p className="field-hint">{t('consent:reprint.hint')}</p>
        {error ? (
          <p className="form-error" role="alert">
            {errorText(error)}
          </p>
        ) : null}
        {pdf ? (
          <PdfView
            base64={pdf}
            title={t('consent:pdf.consentTitle', { number: consent.number })}
            onPrint={async () => {
              const r = await api['consent.printPaper']({ consentId: consent.id });
              return r.ok ? { outcome: r.value.outcome } : { error: r.error };
            }}
          />
        ) : !error ? (
          <p role="status">{t('common:loading')}</p>
        ) : null}
        <FormActions align="end">
          <button type="button" onClick={onClose} autoFocus>
            {t('consent:flow.close')}
          </button>
        </FormActions>
      </div>
    </Dialog>
  );
}
