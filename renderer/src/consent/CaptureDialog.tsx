import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { useLanguage } from '../i18n/useLanguage';
import { Dialog } from '../ui/Dialog';
import { LanguageStep, type LanguageSource } from './LanguageStep';
import { PurposesStep } from './PurposesStep';
import { initialPurposesValues, purposeChoices, signerOf, type PurposesFormValues } from './purposesForm';
import { SignStep } from './SignStep';
import { StepIndicator } from './StepIndicator';
import type { ConsentRecord, FormLanguage, PatientView, PurposeDef } from './types';
import { useConsentErrorText } from './useConsentErrorText';

/** A new consent from step 1, or one already printed and waiting for its signature. */
export type CaptureStart = { kind: 'new' } | { kind: 'continue'; consent: ConsentRecord };

type Step =
  | { name: 'loading' }
  | { name: 'failed'; error: ErrorBody }
  | { name: 'language'; patient: PatientView; defs: PurposeDef[] }
  | { name: 'purposes'; patient: PatientView; defs: PurposeDef[] }
  | { name: 'sign'; consent: ConsentRecord; pdfBase64: string };

/**
 * The consent flow in one dialog, three short steps: language, purposes and signer, print
 * and sign. Choices survive going back a step. Once the form is printed the consent exists
 * (awaiting signature); closing then leaves it for "Continue signing" in the panel.
 */
export function CaptureDialog(props: {
  patientId: string;
  lastConsent: ConsentRecord | undefined;
  start: CaptureStart;
  onClose(): void;
  onPrepared(): void;
  onFinished(outcome: 'signed' | 'refused', consent: ConsentRecord): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const ui = useLanguage().language;
  const errorText = useConsentErrorText();
  const [step, setStep] = useState<Step>({ name: 'loading' });
  const [suggested, setSuggested] = useState<{ value: FormLanguage; source: LanguageSource } | null>(null);
  const [language, setLanguage] = useState<FormLanguage | null>(null);
  const [values, setValues] = useState<PurposesFormValues | null>(null);
  const { patientId, start, lastConsent } = props;

  useEffect(() => {
    let live = true;
    const load = async () => {
      if (start.kind === 'continue') {
        const r = await api['consent.reprint']({ consentId: start.consent.id });
        if (live) setStep(r.ok ? { name: 'sign', consent: start.consent, pdfBase64: r.value.pdfBase64 } : { name: 'failed', error: r.error });
        return;
      }
      const [p, d] = await Promise.all([api['patient.get']({ id: patientId }), api['consent.purposes']({})]);
      if (!live) return;
      if (!p.ok || !d.ok) {
        setStep({ name: 'failed', error: !p.ok ? p.error : !d.ok ? d.error : { code: 'internal' } });
        return;
      }
      const patient = p.value.patient;
      setSuggested(
        lastConsent
          ? { value: lastConsent.language, source: 'lastConsent' }
          : patient.preferredLanguage
            ? { value: patient.preferredLanguage, source: 'preferred' }
            : { value: ui === 'kk' ? 'kk' : 'ru', source: 'interface' },
      );
      setValues(initialPurposesValues(patient, d.value.purposes));
      setStep({ name: 'language', patient, defs: d.value.purposes });
    };
    void load();
    return () => {
      live = false;
    };
    // Loaded once per opening: a UI language switch meanwhile must not restart the flow.
  }, [api, patientId, start]);

  const prepare = async (patient: PatientView, defs: PurposeDef[], v: PurposesFormValues): Promise<ErrorBody | null> => {
    setValues(v);
    const r = await api['consent.prepare']({ patientId: patient.id, language: language ?? suggested?.value ?? 'ru', purposes: purposeChoices(defs, v), signer: signerOf(v) });
    if (!r.ok) return r.error;
    props.onPrepared();
    setStep({ name: 'sign', consent: r.value.consent, pdfBase64: r.value.pdfBase64 });
    return null;
  };

  const current = step.name === 'loading' || step.name === 'failed' ? (start.kind === 'continue' ? 'sign' : 'language') : step.name;
  return (
    <Dialog title={t('consent:flow.title')} onClose={props.onClose} wide dirty={step.name === 'purposes'}>
      <div className={`consent-flow consent-flow-${current}`}>
        <StepIndicator current={current} />
        {step.name === 'loading' ? <p role="status">{t('common:loading')}</p> : null}
        {step.name === 'failed' ? (
          <>
            <p className="form-error" role="alert">
              {errorText(step.error)}
            </p>
            <button type="button" onClick={props.onClose}>
              {t('consent:flow.close')}
            </button>
          </>
        ) : null}
        {step.name === 'language' && suggested ? (
          <LanguageStep
            value={language ?? suggested.value}
            suggested={suggested}
            onCancel={props.onClose}
            onNext={(value) => {
              setLanguage(value);
              setStep({ ...step, name: 'purposes' });
            }}
          />
        ) : null}
        {step.name === 'purposes' && values ? (
          <PurposesStep
            patient={step.patient}
            defs={step.defs}
            values={values}
            onBack={(v) => {
              setValues(v);
              setStep({ ...step, name: 'language' });
            }}
            onPrepare={(v) => prepare(step.patient, step.defs, v)}
          />
        ) : null}
        {step.name === 'sign' ? <SignStep consent={step.consent} pdfBase64={step.pdfBase64} onDone={props.onFinished} /> : null}
      </div>
    </Dialog>
  );
}
