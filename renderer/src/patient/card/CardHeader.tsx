import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../electron/core/patients/patient-row';
import { ConsentBadge } from '../../consent/ConsentBadge';
import { formatDate } from '../../format';
import { ageToday, fullName, sexLabel } from '../display';

/** Who this is, at a glance: name, IIN, age and sex, and the consent badge. */
export function CardHeader({ patient, consentKey, headingRef }: { patient: Patient; consentKey: number; headingRef: Ref<HTMLHeadingElement> }) {
  const { t } = useTranslation();
  return (
    <div className="card-header">
      <h1 id="card-name" ref={headingRef} tabIndex={-1} className="card-name">
        {fullName(patient)}
      </h1>
      <p className="card-facts">
        <span>
          <span className="fact-label">{t('patient:field.iin')}</span> <span className="mono">{patient.iin ?? '—'}</span>
        </span>
        <span>
          {formatDate(patient.birthDate)}, {t('patient:card.age', { age: ageToday(patient.birthDate) })}
        </span>
        <span>{sexLabel(t, patient.sex)}</span>
        {patient.status !== 'active' ? <span className="badge">{t(`patient:status.${patient.status}`)}</span> : null}
      </p>
      <ConsentBadge patientId={patient.id} refreshKey={consentKey} />
    </div>
  );
}
