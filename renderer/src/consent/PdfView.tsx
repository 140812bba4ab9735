import { useRef, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { usePdfUrl } from './pdf';
import type { PaperResult } from '../printing/paperOutcome';
import { PrintActions } from '../printing/PrintActions';

/** The page's own PDF viewer in a frame, fitted to its width without the thumbnail strip. */
export function PdfFrame({ base64, title, frameRef }: { base64: string; title: string; frameRef: RefObject<HTMLIFrameElement | null> }) {
  const { t } = useTranslation();
  const url = usePdfUrl(base64);
  if (!url) return <p role="status">{t('common:loading')}</p>;
  return <iframe ref={frameRef} className="pdf-frame" src={`${url}#navpanes=0&view=FitH`} title={title} />;
}

/**
 * The Print button, Save as PDF and the printer for consents (printing/PrintActions). Where
 * paper printing is unavailable (the browser harness) she prints from the viewer, and the
 * focus goes there so Ctrl+P prints the form itself rather than the whole screen.
 */
export function PrintControl(props: { frameRef: RefObject<HTMLIFrameElement | null>; onPrint?: () => Promise<PaperResult>; pdf?: { base64: string; fileName: string }; primary?: boolean; autoFocus?: boolean }) {
  return <PrintActions formType="consent" {...props} />;
}

/** A stored document to show and print: Print above, the viewer below. */
export function PdfView(props: { base64: string; title: string; onPrint?: () => Promise<PaperResult>; printFirst?: boolean }) {
  const frame = useRef<HTMLIFrameElement>(null);
  return (
    <div className="pdf-view">
      <PrintControl frameRef={frame} onPrint={props.onPrint} pdf={{ base64: props.base64, fileName: `${props.title}.pdf` }} primary={props.printFirst} autoFocus={props.printFirst} />
      <PdfFrame base64={props.base64} title={props.title} frameRef={frame} />
    </div>
  );
}
