import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../electron/core/patients/patient-row';
import { DISPLAY_ORDER, patientField } from '../../../../electron/core/patients/personal-data/fields';
import { fieldLabel, formatFieldValue } from '../display';
import { flattenPatient } from './historyDiff';

/** The record as registered, in the form's order; the representative only when there is one. */
export function Demographics({ patient }: { patient: Patient }) {
  const { t } = useTranslation();
  const flat = flattenPatient(patient);
  const fields = DISPLAY_ORDER.filter((f) => patient.representative !== null || patientField(f)?.group !== 'representative');
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
