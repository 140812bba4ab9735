import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { usePdfUrl } from './pdf';
import { useConsentErrorText } from './useConsentErrorText';

type PrintOutcome = { kind: 'sent' } | { kind: 'viewer' } | { kind: 'error'; error: ErrorBody };

/**
 * A stored PDF in the page's own viewer, with a Print button. `onPrint` sends the document to
 * the office printer through the OS dialog (Electron); where that is unavailable (the browser
 * harness) or not offered, she prints from the viewer, and the focus goes there so Ctrl+P
 * prints the form itself rather than the whole screen.
 */
export function PdfView(props: { base64: string; title: string; onPrint?: () => Promise<ErrorBody | null>; printFirst?: boolean }) {
  const { t } = useTranslation();
  const errorText = useConsentErrorText();
  const url = usePdfUrl(props.base64);
  const frame = useRef<HTMLIFrameElement>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);

  const print = async () => {
    if (!props.onPrint) {
      setOutcome({ kind: 'viewer' });
      frame.current?.focus();
      return;
    }
    setBusy(true);
    const error = await props.onPrint();
    setBusy(false);
    if (!error) setOutcome({ kind: 'sent' });
    else if (error.code === 'print.unavailable') {
      setOutcome({ kind: 'viewer' });
      frame.current?.focus();
    } else setOutcome({ kind: 'error', error });
  };

  return (
    <div className="pdf-view">
      <div className="pdf-toolbar">
        <button type="button" className={props.printFirst ? 'primary' : undefined} onClick={() => void print()} disabled={busy} autoFocus={props.printFirst}>
          {t('consent:pdf.print')}
        </button>
        <p role="status" className="pdf-message">
          {outcome?.kind === 'sent' ? t('consent:pdf.sent') : null}
          {outcome?.kind === 'viewer' ? t('consent:pdf.printFromViewer') : null}
        </p>
        {outcome?.kind === 'error' ? (
          <p role="alert" className="pdf-message form-error">
            {errorText(outcome.error)}
          </p>
        ) : null}
      </div>
      {/* Fitted to the frame's width without the thumbnail strip: the form is read on screen too. */}
      {url ? <iframe ref={frame} className="pdf-frame" src={`${url}#navpanes=0&view=FitH`} title={props.title} /> : <p role="status">{t('common:loading')}</p>}
    </div>
  );
}
