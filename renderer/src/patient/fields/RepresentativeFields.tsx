import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { REPRESENTATIVE_BASES } from '../../../../electron/core/patients/schema';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import { useIssueText } from '../../forms/useIssueText';
import { isMinor, type PatientFormState } from '../formModel';
import { useFieldProps } from './useFieldProps';

/**
 * The legal representative: always asked for a minor (the block shows by itself once the
 * date of birth says under 18), otherwise when "represented" is ticked.
 */
export function RepresentativeFields() {
  const { t } = useTranslation();
  const issueText = useIssueText();
  const { reg, error, id } = useFieldProps();
  const { control } = useFormContext<PatientFormState>();
  const [iin, birthDate, represented] = useWatch({ control, name: ['iin', 'birthDate', 'represented'] });
  const minor = isMinor({ iin, birthDate }, new Date());
  const shown = minor || represented;
  const blockError = error('representative');

  return (
    <fieldset className="patient-fieldset">
      <legend>{t('patient:form.representative')}</legend>
      {minor ? (
        <p className="notice-info">{t('patient:form.minorNotice')}</p>
      ) : (
        <div className="field field-checkbox">
          <input id={id('represented')} type="checkbox" {...reg('represented')} />
          <label htmlFor={id('represented')}>{t('patient:form.represented')}</label>
        </div>
      )}
      {blockError ? <p className="field-error">{issueText(blockError)}</p> : null}
      {shown ? (
        <>
          <TextField
            id={id('representative.fullName')}
            label={t('patient:field.representative.fullName')}
            registration={reg('representative.fullName')}
            error={error('representative.fullName')}
            required
          />
          <TextField
            id={id('representative.iin')}
            label={t('patient:field.representative.iin')}
            registration={reg('representative.iin')}
            error={error('representative.iin')}
            inputMode="numeric"
            required
          />
          <SelectField
            id={id('representative.basis')}
            label={t('patient:field.representative.basis')}
            registration={reg('representative.basis')}
            error={error('representative.basis')}
            options={[{ value: '', label: t('patient:form.choose') }, ...REPRESENTATIVE_BASES.map((b) => ({ value: b, label: t(`patient:basis.${b}`) }))]}
          />
        </>
      ) : null}
    </fieldset>
  );
}
