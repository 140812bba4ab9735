import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, Result } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { PdfFrame, PrintControl } from './PdfView';
import { SignaturePad, type SignaturePadHandle } from './SignaturePad';
import type { ConsentRecord } from './types';
import { useConsentErrorText } from './useConsentErrorText';

type Mode = 'paper' | 'draw' | 'refuse';

/**
 * Step 3: the printed form on screen and on paper, then how it ends: the patient signed the
 * paper (she confirms it), signs on screen, or refuses. Nothing here can make a consent
 * active without one of the two signatures; the core enforces the same.
 */
export function SignStep(props: { consent: ConsentRecord; pdfBase64: string; onDone(outcome: 'signed' | 'refused', consent: ConsentRecord): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useConsentErrorText();
  const [mode, setMode] = useState<Mode>('paper');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [strokes, setStrokes] = useState(0);
  const pad = useRef<SignaturePadHandle>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  const { consent } = props;

  const run = async (call: () => Promise<Result<ConsentRecord>>, outcome: 'signed' | 'refused') => {
    setBusy(true);
    setError(null);
    const r = await call();
    setBusy(false);
    if (r.ok) props.onDone(outcome, r.value);
    else setError(r.error);
  };
  const signPaper = () => run(() => api['consent.sign']({ consentId: consent.id, signature: { kind: 'paper' } }), 'signed');
  const signDrawn = () => {
    const png = pad.current?.toPngBase64();
    if (png) void run(() => api['consent.sign']({ consentId: consent.id, signature: { kind: 'drawn', pngBase64: png } }), 'signed');
  };
  const printPaper = async () => {
    const r = await api['consent.printPaper']({ consentId: consent.id });
    return r.ok ? { outcome: r.value.outcome } : { error: r.error };
  };
  const refuse = () => run(() => api['consent.refuse']({ consentId: consent.id }), 'refused');

  return (
    <div className="consent-sign">
      {/* The actions come first, so Tab reaches them before the viewer's own controls. */}
      <div className="consent-sign-actions" aria-label={t('consent:sign.actions')} role="group">
        <p className="consent-sign-number">{t('consent:sign.number', { number: consent.number })}</p>
        {mode === 'paper' ? <PrintControl frameRef={frame} onPrint={printPaper} pdf={{ base64: props.pdfBase64, fileName: `${consent.number}.pdf` }} autoFocus /> : null}
        {error ? (
          <p className="form-error" role="alert">
            {errorText(error)}
          </p>
        ) : null}
        {mode === 'paper' ? (
          <>
            <p className="field-hint">{t('consent:sign.paperHint')}</p>
            <button type="button" className="primary" disabled={busy} onClick={() => void signPaper()}>
              {t('consent:sign.paperSigned')}
            </button>
            <button type="button" disabled={busy} onClick={() => setMode('draw')}>
              {t('consent:sign.onScreen')}
            </button>
            <button type="button" className="danger" disabled={busy} onClick={() => setMode('refuse')}>
              {t('consent:sign.refuse')}
            </button>
          </>
        ) : null}
        {mode === 'draw' ? (
          <>
            <p className="field-hint">{t('consent:sign.drawHint')}</p>
            <button type="button" className="primary" disabled={busy || strokes === 0} onClick={signDrawn}>
              {t('consent:sign.saveDrawn')}
            </button>
            <button type="button" disabled={busy} onClick={() => setMode('paper')}>
              {t('consent:sign.backToForm')}
            </button>
          </>
        ) : null}
        {mode === 'refuse' ? (
          <>
            <p>{t('consent:sign.refuseWarning')}</p>
            <button type="button" className="danger" autoFocus disabled={busy} onClick={() => void refuse()}>
              {t('consent:sign.confirmRefuse')}
            </button>
            <button type="button" disabled={busy} onClick={() => setMode('paper')}>
              {t('consent:sign.backToForm')}
            </button>
          </>
        ) : null}
      </div>
      <div className="consent-sign-main">
        {mode === 'draw' ? (
          <SignaturePad ref={pad} onChange={setStrokes} />
        ) : (
          <PdfFrame base64={props.pdfBase64} title={t('consent:pdf.consentTitle', { number: consent.number })} frameRef={frame} />
        )}
      </div>
    </div>
  );
}
