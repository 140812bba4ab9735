import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../forms/useErrorText';
import './printing.css';
import { paperOutcome, type PaperOutcome, type PaperResult } from './paperOutcome';
import { PrinterChoice } from './PrinterChoice';
import { savePdf } from './savePdf';
import { usePrintSetup, type FormType } from './usePrintSetup';

/**
 * Print and Save as PDF for any printed form, beside its preview (the PDF viewer shows
 * exactly what the print engine made). The printer remembered for this kind of form is
 * named, and can be changed here; a failure says why in the receptionist's language and
 * that the form can be printed again later from the patient card. Forms plug in with their
 * own paper-print call and their form type.
 */
export function PrintActions(props: {
  formType: FormType;
  onPrint?: () => Promise<PaperResult>;
  pdf?: { base64: string; fileName: string };
  /** The viewer's frame: where the focus goes when printing from the viewer is the way. */
  frameRef?: RefObject<HTMLIFrameElement | null>;
  primary?: boolean;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { setup, save } = usePrintSetup();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<PaperOutcome | null>(null);
  const [choosing, setChoosing] = useState(false);
  const pref = setup?.preferences.find((p) => p.formType === props.formType);
  const printerName = pref?.printer ? (setup?.printers.find((p) => p.name === pref.printer)?.displayName ?? pref.printer) : t('printing:printer.systemDefault');

  const print = async () => {
    if (!props.onPrint) {
      setOutcome({ kind: 'viewer' });
      props.frameRef?.current?.focus();
      return;
    }
    setBusy(true);
    setOutcome(null);
    const next = paperOutcome(await props.onPrint());
    setBusy(false);
    setOutcome(next);
    if (next.kind === 'viewer') props.frameRef?.current?.focus();
  };

  return (
    <div className="pdf-print print-actions">
      <div className="print-buttons">
        <button type="button" className={props.primary ? 'primary' : undefined} onClick={() => void print()} disabled={busy} autoFocus={props.autoFocus}>
          {busy ? t('printing:printing') : t('printing:print')}
        </button>
        {props.pdf ? (
          <button type="button" onClick={() => props.pdf && savePdf(props.pdf.base64, props.pdf.fileName)}>
            {t('printing:savePdf')}
          </button>
        ) : null}
      </div>
      {setup?.paper ? (
        <p className="field-hint print-target">
          {t('printing:printer.current', { name: printerName })}
          {pref?.silent ? ` ${t('printing:silent.on')}` : ''}{' '}
          <button type="button" className="link-button" aria-expanded={choosing} onClick={() => setChoosing((c) => !c)}>
            {t('printing:printer.change')}
          </button>
        </p>
      ) : null}
      {choosing && setup ? <PrinterChoice formType={props.formType} setup={setup} save={save} /> : null}
      <p role="status" className="pdf-message">
        {outcome?.kind === 'sent' ? t('printing:sent') : null}
        {outcome?.kind === 'cancelled' ? t('printing:cancelled') : null}
        {outcome?.kind === 'viewer' ? t('printing:viewer') : null}
      </p>
      {outcome?.kind === 'error' ? (
        <p role="alert" className="pdf-message form-error">
          {errorText(outcome.error)} {t('printing:failedHint')}
        </p>
      ) : null}
    </div>
  );
}
