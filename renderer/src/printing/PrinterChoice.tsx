import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useErrorText } from '../forms/useErrorText';
import './printing.css';
import type { FormType, PrintPreference, PrintSetup } from './usePrintSetup';

/**
 * The printer for one kind of form, remembered on this workstation, and the opt-in to print
 * it without the OS dialog. Saved as soon as it changes; silent printing needs a named
 * printer (never "whatever is the default today").
 */
export function PrinterChoice(props: { formType: FormType; setup: PrintSetup; save(pref: PrintPreference): Promise<ErrorBody | null>; showType?: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const id = useId();
  const [error, setError] = useState<ErrorBody | null>(null);
  const [saved, setSaved] = useState(false);
  const pref = props.setup.preferences.find((p) => p.formType === props.formType) ?? { formType: props.formType, printer: null, silent: false };
  const known = props.setup.printers.some((p) => p.name === pref.printer);

  const change = async (next: PrintPreference) => {
    setSaved(false);
    const e = await props.save({ ...next, silent: next.silent && next.printer !== null });
    setError(e);
    setSaved(e === null);
  };

  return (
    <fieldset className="printer-choice">
      <legend>{props.showType ? t(`printing:formType.${props.formType}`) : t('printing:printer.label')}</legend>
      {props.setup.printersError ? <p className="field-hint">{errorText({ code: props.setup.printersError })}</p> : null}
      {props.setup.printers.length === 0 && !props.setup.printersError ? <p className="field-hint">{t('printing:printer.none')}</p> : null}
      <label htmlFor={`${id}-printer`}>{t('printing:printer.label')}</label>
      <select id={`${id}-printer`} value={pref.printer ?? ''} onChange={(e) => void change({ ...pref, printer: e.target.value || null })}>
        <option value="">{t('printing:printer.systemDefault')}</option>
        {pref.printer && !known ? <option value={pref.printer}>{t('printing:printer.missing', { name: pref.printer })}</option> : null}
        {props.setup.printers.map((p) => (
          <option key={p.name} value={p.name}>
            {p.state === 'offline' ? t('printing:printer.offline', { name: p.displayName }) : p.displayName}
          </option>
        ))}
      </select>
      <label className="checkbox">
        <input type="checkbox" checked={pref.silent} disabled={pref.printer === null || !props.setup.paper} onChange={(e) => void change({ ...pref, silent: e.target.checked })} />
        {t('printing:silent.label')}
      </label>
      <p className="field-hint">{t('printing:silent.hint')}</p>
      <p role="status" className="field-hint">
        {saved ? t('printing:saved') : null}
      </p>
      {error ? (
        <p role="alert" className="form-error">
          {errorText(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
