import { useTranslation } from 'react-i18next';
import { useErrorText } from '../forms/useErrorText';
import { PrinterChoice } from './PrinterChoice';
import { usePrintSetup } from './usePrintSetup';

/** Every kind of form and its printer at this workstation (the admin's settings screen). */
export function PrintSettings() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { setup, error, save } = usePrintSetup();
  return (
    <section className="print-settings" aria-labelledby="print-settings-title">
      <h2 id="print-settings-title">{t('printing:settings.title')}</h2>
      <p className="field-hint">{t('printing:settings.hint')}</p>
      {error ? (
        <p role="alert" className="form-error">
          {errorText(error)}
        </p>
      ) : null}
      {setup ? setup.preferences.map((p) => <PrinterChoice key={p.formType} formType={p.formType} setup={setup} save={save} showType />) : !error ? <p role="status">{t('common:loading')}</p> : null}
    </section>
  );
}
