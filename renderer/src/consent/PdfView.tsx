import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { usePdfUrl } from './pdf';
import { useConsentErrorText } from './useConsentErrorText';

type PrintOutcome = { kind: 'sent' } | { kind: 'viewer' } | { kind: 'error'; error: ErrorBody };

/** The page's own PDF viewer in a frame, fitted to its width without the thumbnail strip. */
export function PdfFrame({ base64, title, frameRef }: { base64: string; title: string; frameRef: RefObject<HTMLIFrameElement | null> }) {
  const { t } = useTranslation();
  const url = usePdfUrl(base64);
  if (!url) return <p role="status">{t('common:loading')}</p>;
  return <iframe ref={frameRef} className="pdf-frame" src={`${url}#navpanes=0&view=FitH`} title={title} />;
}

/**
 * The Print button and what came of it. `onPrint` sends the document to the office printer
 * through the OS dialog (Electron); where that is unavailable (the browser harness) or not
 * offered, she prints from the viewer, and the focus goes there so Ctrl+P prints the form
 * itself rather than the whole screen.
 */
export function PrintControl(props: { frameRef: RefObject<HTMLIFrameElement | null>; onPrint?: () => Promise<ErrorBody | null>; primary?: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const errorText = useConsentErrorText();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);

  const print = async () => {
    const toViewer = () => {
      setOutcome({ kind: 'viewer' });
      props.frameRef.current?.focus();
    };
    if (!props.onPrint) return toViewer();
    setBusy(true);
    const error = await props.onPrint();
    setBusy(false);
    if (!error) setOutcome({ kind: 'sent' });
    else if (error.code === 'print.unavailable') toViewer();
    else setOutcome({ kind: 'error', error });
  };

  return (
    <div className="pdf-print">
      <button type="button" className={props.primary ? 'primary' : undefined} onClick={() => void print()} disabled={busy} autoFocus={props.autoFocus}>
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
  );
}

/** A stored document to show and print: Print above, the viewer below. */
export function PdfView(props: { base64: string; title: string; onPrint?: () => Promise<ErrorBody | null>; printFirst?: boolean }) {
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <div className="pdf-view">
      <PrintControl frameRef={frame} onPrint={props.onPrint} primary={props.printFirst} autoFocus={props.printFirst} />
      <PdfFrame base64={props.base64} title={props.title} frameRef={frame} />
    </div>
  );
}
