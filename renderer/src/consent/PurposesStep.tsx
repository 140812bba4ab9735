import { useState } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { applyCoreError } from '../forms/coreErrors';
import { ErrorSummary } from '../forms/ErrorSummary';
import { deskResolver } from '../forms/resolver';
import { useLanguage } from '../i18n/useLanguage';
import { FormActions } from '../ui/FormActions';
import { submitOnEnter } from './keys';
import { PURPOSES_FIELDS, purposesFormSchema, toFormPaths, type PurposesFormValues } from './purposesForm';
import { SignerFields } from './SignerFields';
import type { PatientView, PurposeDef } from './types';
import { useConsentErrorText } from './useConsentErrorText';

/**
 * Step 2: the purposes, read out to the patient. Required ones are ticked and locked (the
 * service cannot be given without them); optional ones are switches, off until the patient
 * says yes. Then who signs. Submitting prints the form (step 3).
 */
export function PurposesStep(props: {
  patient: PatientView;
  defs: readonly PurposeDef[];
  values: PurposesFormValues;
  onBack(values: PurposesFormValues): void;
  onPrepare(values: PurposesFormValues): Promise<ErrorBody | null>;
}) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const consentErrorText = useConsentErrorText();
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const form = useForm<PurposesFormValues>({ resolver: deskResolver(purposesFormSchema(() => new Date())), mode: 'onTouched', defaultValues: props.values });
  const { errors, submitCount, isSubmitting } = form.formState;
  const labels = { 'rep.fullName': t('consent:flow.repFullName'), 'rep.iin': t('consent:flow.repIin'), 'rep.basis': t('consent:flow.repBasis') };

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const error = await props.onPrepare(values);
    if (error) setFormError(applyCoreError(toFormPaths(error), PURPOSES_FIELDS, form.setError));
  });
  const firstOptional = props.defs.find((p) => !p.required)?.id;

  return (
    <FormProvider {...form}>
      <form onSubmit={(e) => void onSubmit(e)} onKeyDown={submitOnEnter} noValidate aria-busy={isSubmitting}>
        <ErrorSummary show={submitCount > 0} fields={PURPOSES_FIELDS.map((name) => ({ name, label: labels[name] }))} errors={errors} formError={null} onFocusField={(name) => form.setFocus(name)} />
        {formError ? (
          <p className="form-error" role="alert">
            {consentErrorText(formError)}
          </p>
        ) : null}
        <fieldset className="consent-purposes">
          <legend>{t('consent:flow.purposesLegend')}</legend>
          <p className="field-hint">{t('consent:flow.purposesHint')}</p>
          <ul>
            {props.defs.map((p) => (
              <li key={p.id} className={p.required ? 'purpose purpose-required' : 'purpose'}>
                <label>
                  {p.required ? (
                    <input type="checkbox" checked disabled aria-describedby={`purpose-${p.id}-mark`} />
                  ) : (
                    <input type="checkbox" role="switch" autoFocus={p.id === firstOptional} aria-describedby={`purpose-${p.id}-mark`} {...form.register(`optional.${p.id}`)} />
                  )}
                  <span className="purpose-label">{p.label[language]}</span>
                </label>
                <span id={`purpose-${p.id}-mark`} className={p.required ? 'purpose-mark purpose-mark-required' : 'purpose-mark'}>
                  {p.required ? t('consent:flow.required') : t('consent:flow.optional')}
                </span>
              </li>
            ))}
          </ul>
        </fieldset>
        <SignerFields patient={props.patient} labels={labels} />
        <FormActions align="end">
          <button type="button" onClick={() => props.onBack(form.getValues())}>
            {t('consent:flow.back')}
          </button>
          <button type="submit" className="primary" disabled={isSubmitting}>
            {isSubmitting ? t('consent:flow.preparing') : t('consent:flow.prepare')}
          </button>
        </FormActions>
      </form>
    </FormProvider>
  );
}
