import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { FormProvider, type Path, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import type { PatientInput } from '../../../electron/core/patients/schema';
import { ErrorSummary, type SummaryField } from '../forms/ErrorSummary';
import { FormActions } from '../ui/FormActions';
import { useDeskKeys } from '../desk/useDeskKeys';
import { ContactFields } from './fields/ContactFields';
import { DocumentFields } from './fields/DocumentFields';
import { PersonFields } from './fields/PersonFields';
import { RepresentativeFields } from './fields/RepresentativeFields';
import { formatDateTimeMinutes } from './dates';
import { fieldLabel } from './display';
import type { PatientFormState } from './formModel';

export type PatientForm = UseFormReturn<PatientFormState, unknown, PatientInput>;

/** Every field in screen order, for the error summary (and core issues: `patient.<field>`). */
export const FORM_FIELDS = [
  'surname',
  'givenName',
  'patronymic',
  'iin',
  'birthDate',
  'sex',
  'document.type',
  'document.number',
  'document.issuedOn',
  'document.issuer',
  'document.expiresOn',
  'phone',
  'email',
  'preferredLanguage',
  'address',
  'representative',
  'representative.fullName',
  'representative.iin',
  'representative.basis',
] as const satisfies readonly Path<PatientFormState>[];

/**
 * The registration and correction form: four columns in ID-card order (person, document,
 * contacts, representative), so the whole form fits a 1366×768 screen; duplicate warnings
 * take the fourth column's free space, in view while she types. Tab moves forward;
 * Enter saves (from a select too); Esc cancels, asking first when something was typed.
 */
export function PatientForm(props: {
  form: PatientForm;
  title: string;
  submitLabel: string;
  busy: boolean;
  formError: ErrorBody | null;
  active: boolean;
  /** When the draft was last kept by the core. */
  draftSavedAt: string | null;
  onSubmit(): void;
  onDiscard(): void;
  /** Above the columns: draft and scan notices. */
  top?: ReactNode;
  /** In the fourth column under the representative: duplicates, beside the values they are compared with. */
  side?: ReactNode;
  /** Below the columns: the reason for a correction. */
  bottom?: ReactNode;
}) {
  const { t } = useTranslation();
  const { form } = props;
  const { errors, submitCount, isDirty } = form.formState;
  const [warned, setWarned] = useState(false);

  const cancel = () => {
    if (isDirty && !warned) setWarned(true);
    else props.onDiscard();
  };
  useDeskKeys(props.active, { Escape: cancel });

  const summary: SummaryField<PatientFormState>[] = FORM_FIELDS.map((name) => ({
    name,
    label: name === 'representative' ? t('patient:form.representative') : fieldLabel(t, name),
  }));

  // Enter in a select or on a checkbox saves too, as in the text fields (the browser would not).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const el = e.target;
    const chooser = el instanceof HTMLSelectElement || (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio'));
    if (e.key === 'Enter' && chooser && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };

  return (
    <FormProvider {...form}>
      <form
        className="patient-form"
        aria-labelledby="patient-form-title"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          setWarned(false);
          props.onSubmit();
        }}
      >
        <div className="screen-header">
          <h1 id="patient-form-title">{props.title}</h1>
          <p className="form-keys">
            {props.draftSavedAt ? <span className="draft-saved">{t('patient:draft.savedAt', { at: formatDateTimeMinutes(props.draftSavedAt) })}</span> : null}
            {t('patient:form.keys')}
          </p>
        </div>
        {warned && isDirty ? (
          <div className="form-error discard-warning" role="alert">
            <span>{t('patient:form.discardWarning')}</span>
            <button type="button" onClick={props.onDiscard}>
              {t('patient:form.discard')}
            </button>
            <button type="button" onClick={() => setWarned(false)}>
              {t('patient:form.keepEditing')}
            </button>
          </div>
        ) : null}
        {props.top}
        <ErrorSummary
          show={submitCount > 0}
          fields={summary}
          errors={errors}
          formError={props.formError}
          onFocusField={(name) => form.setFocus(name)}
        />
        <div className="patient-columns">
          <PersonFields autoFocus />
          <DocumentFields />
          <ContactFields />
          <div className="patient-side">
            <RepresentativeFields />
            {props.side}
          </div>
        </div>
        {props.bottom}
        <FormActions align="end">
          <button type="button" onClick={cancel} title={t('patient:form.cancelTitle')} aria-keyshortcuts="Escape">
            {t('common:action.cancel')}
          </button>
          <button type="submit" className="primary" disabled={props.busy}>
            {props.submitLabel}
          </button>
        </FormActions>
      </form>
    </FormProvider>
  );
}
