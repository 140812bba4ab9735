import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { formatKzPhone, normalizeKzPhone } from '../../../../electron/core/identity/phone';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import type { PatientFormState } from '../formModel';
import { useFieldProps } from './useFieldProps';

/** Phone, e-mail, the language the patient's forms are printed in, and the address (last: Enter there saves). */
export function ContactFields() {
  const { t } = useTranslation();
  const { reg, error, id } = useFieldProps();
  const { setValue } = useFormContext<PatientFormState>();
  const phone = reg('phone', {
    // Read back in one shape, so she can check it against what the patient says.
    onBlur: (e: { target: { value: string } }) => {
      const r = normalizeKzPhone(e.target.value, { allowForeign: true });
      if (r.ok) setValue('phone', formatKzPhone(r.e164));
    },
  });
  return (
    <fieldset className="patient-fieldset">
      <legend>{t('patient:form.contacts')}</legend>
      <TextField id={id('phone')} label={t('patient:field.phone')} registration={phone} error={error('phone')} type="tel" hint={t('patient:form.phoneHint')} required />
      <TextField id={id('email')} label={t('patient:field.email')} registration={reg('email')} error={error('email')} type="email" />
      <SelectField
        id={id('preferredLanguage')}
        label={t('patient:field.preferredLanguage')}
        registration={reg('preferredLanguage')}
        error={error('preferredLanguage')}
        options={[
          { value: '', label: t('patient:form.languageUnset') },
          { value: 'kk', label: t('common:language.name.kk') },
          { value: 'ru', label: t('common:language.name.ru') },
        ]}
      />
      <TextField id={id('address')} label={t('patient:field.address')} registration={reg('address')} error={error('address')} required />
    </fieldset>
  );
}
