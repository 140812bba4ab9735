import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../forms/TextField';
import { useIssueText } from '../../forms/useIssueText';
import { derivedFromIin, type PatientFormState } from '../formModel';
import { useFieldProps } from './useFieldProps';

/**
 * Name, IIN, date of birth and sex, in the order they are printed on the ID card. A valid IIN
 * states the date of birth and sex: they fill in, are marked as derived, and Tab skips them.
 */
export function PersonFields({ autoFocus }: { autoFocus: boolean }) {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const { reg, dateReg, error, id } = useFieldProps();
  const { setValue, getValues, formState } = useFormContext<PatientFormState>();
  const iin = useWatch<PatientFormState, 'iin'>({ name: 'iin' });
  const derived = derivedFromIin(iin, new Date());

  useEffect(() => {
    if (!derived) return;
    const validate = formState.submitCount > 0;
    if (getValues('birthDate') !== derived.birthDate) setValue('birthDate', derived.birthDate, { shouldDirty: true, shouldValidate: validate });
    if (getValues('sex') !== derived.sex) setValue('sex', derived.sex, { shouldDirty: true, shouldValidate: validate });
    // Only a change of the derived pair should write; formState is read here, not watched.
  }, [derived?.birthDate, derived?.sex]);

  const fromIin = <span className="derived-tag">{t('patient:form.fromIin')}</span>;
  const sexError = error('sex');

  return (
    <fieldset className="patient-fieldset">
      <legend>{t('patient:form.person')}</legend>
      <TextField id={id('surname')} label={t('patient:field.surname')} registration={reg('surname')} error={error('surname')} autoFocus={autoFocus} required />
      <TextField id={id('givenName')} label={t('patient:field.givenName')} registration={reg('givenName')} error={error('givenName')} required />
      <TextField id={id('patronymic')} label={t('patient:field.patronymic')} registration={reg('patronymic')} error={error('patronymic')} />
      <TextField id={id('iin')} label={t('patient:field.iin')} registration={reg('iin')} error={error('iin')} inputMode="numeric" />
      <div className="field-row">
        <TextField
          id={id('birthDate')}
          label={t('patient:field.birthDate')}
          registration={dateReg('birthDate')}
          error={error('birthDate')}
          inputMode="numeric"
          readOnly={derived !== null}
          hint={derived ? fromIin : t('common:dateFormatHint')}
          required
        />
        {derived ? (
          <div className="field">
            <span className="field-label" id={id('sex-label')}>
              {t('patient:field.sex')}
            </span>
            <p className="derived-value" aria-labelledby={id('sex-label')}>
              {t(`patient:sex.${derived.sex}`)}
            </p>
            <p className="field-hint">{fromIin}</p>
          </div>
        ) : (
          <fieldset className="field radio-group" aria-describedby={sexError ? id('sex-error') : undefined}>
            <legend className="field-label">
              {t('patient:field.sex')}
              <span className="required-mark" aria-hidden="true">
                *
              </span>
            </legend>
            {(['female', 'male'] as const).map((s) => (
              <label key={s} className="radio">
                <input type="radio" value={s} {...reg('sex')} aria-invalid={sexError ? true : undefined} />
                {t(`patient:sex.${s}`)}
              </label>
            ))}
            {sexError ? (
              <p id={id('sex-error')} className="field-error">
                {issueText(sexError)}
              </p>
            ) : null}
          </fieldset>
        )}
      </div>
    </fieldset>
  );
}
