import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../electron/core/patients/patient-row';
import { fieldLabel, formatFieldValue } from '../display';
import { flattenPatient } from './historyDiff';

const SHOWN = [
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
  'address',
  'preferredLanguage',
] as const;

const REPRESENTATIVE = ['representative.fullName', 'representative.iin', 'representative.basis'] as const;

/** The record as registered, in the form's order; the representative only when there is one. */
export function Demographics({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const flat = flattenPatient(patient);
  const fields = patient.representative ? [...SHOWN, ...REPRESENTATIVE] : SHOWN;
  return (
    <section className="card-section" aria-labelledby="card-demographics-title">
      <h2 id="card-demographics-title">{t('patient:card.demographics')}</h2>
      <dl className="demographics">
        {fields.map((f) => (
          <div key={f} className="demographics-row">
            <dt>{fieldLabel(t, f)}</dt>
            <dd>{formatFieldValue(t, f, flat[f])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
