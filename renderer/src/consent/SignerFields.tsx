import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { localIsoDate } from '../../../electron/core/identity/dates';
import { ADULT_AGE, ageOn, REPRESENTATIVE_BASES } from '../../../electron/core/patients/schema';
import { SelectField } from '../forms/SelectField';
import { TextField } from '../forms/TextField';
import type { PurposesFormValues } from './purposesForm';
import type { PatientView } from './types';

/** Who signs: the patient, or a legal representative with name, IIN and the basis for acting. */
export function SignerFields({ patient, labels }: { patient: PatientView; labels: Record<'rep.fullName' | 'rep.iin' | 'rep.basis', string> }) {
  const { t } = useTranslation();
  const { register, control, formState } = useFormContext<PurposesFormValues>();
  const kind = useWatch({ control, name: 'signerKind' });
  const minor = ageOn(patient.birthDate, localIsoDate(new Date())) < ADULT_AGE;
  const repErrors = formState.errors.rep;
  return (
    <fieldset className="consent-signer">
      <legend>{t('consent:flow.signerLegend')}</legend>
      {minor ? <p className="field-hint">{t('consent:flow.minorNote')}</p> : null}
      <div className="consent-signer-kinds">
        <label className="radio">
          <input type="radio" value="subject" {...register('signerKind')} />
          {t('consent:flow.signerSubject')}
        </label>
        <label className="radio">
          <input type="radio" value="representative" {...register('signerKind')} />
          {t('consent:flow.signerRepresentative')}
        </label>
      </div>
      {kind === 'representative' ? (
        <div className="consent-rep">
          <TextField id="consent-rep-fullName" label={labels['rep.fullName']} registration={register('rep.fullName')} error={repErrors?.fullName?.message} required />
          <TextField id="consent-rep-iin" label={labels['rep.iin']} inputMode="numeric" registration={register('rep.iin')} error={repErrors?.iin?.message} required />
          <SelectField
            id="consent-rep-basis"
            label={labels['rep.basis']}
            registration={register('rep.basis')}
            error={repErrors?.basis?.message}
            options={[{ value: '', label: t('consent:flow.chooseBasis') }, ...REPRESENTATIVE_BASES.map((b) => ({ value: b, label: t(`consent:basis.${b}`) }))]}
          />
        </div>
      ) : null}
    </fieldset>
  );
}
