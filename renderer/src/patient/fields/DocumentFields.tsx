import { useTranslation } from 'react-i18next';
import { ID_DOCUMENT_TYPES } from '../../../../electron/core/patients/schema';
import { SelectField } from '../../forms/SelectField';
import { TextField } from '../../forms/TextField';
import { useFieldProps } from './useFieldProps';

/** The identity document: type, number, date of issue, issuing authority, expiry. */
export function DocumentFields() {
  const { t } = useTranslation();
  const { reg, dateReg, error, id } = useFieldProps();
  return (
    <fieldset className="patient-fieldset">
      <legend>{t('patient:form.document')}</legend>
      <SelectField
        id={id('document.type')}
        label={t('patient:field.document.type')}
        registration={reg('document.type')}
        error={error('document.type')}
        options={ID_DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`patient:docType.${d}`) }))}
      />
      <TextField id={id('document.number')} label={t('patient:field.document.number')} registration={reg('document.number')} error={error('document.number')} required />
      <TextField
        id={id('document.issuedOn')}
        label={t('patient:field.document.issuedOn')}
        registration={dateReg('document.issuedOn')}
        error={error('document.issuedOn')}
        inputMode="numeric"
        hint={t('common:dateFormatHint')}
      />
      <TextField id={id('document.issuer')} label={t('patient:field.document.issuer')} registration={reg('document.issuer')} error={error('document.issuer')} />
      <TextField
        id={id('document.expiresOn')}
        label={t('patient:field.document.expiresOn')}
        registration={dateReg('document.expiresOn')}
        error={error('document.expiresOn')}
        inputMode="numeric"
        hint={t('common:dateFormatHint')}
      />
    </fieldset>
  );
}
