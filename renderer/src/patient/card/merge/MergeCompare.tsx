import { useTranslation } from 'react-i18next';
import type { Patient } from '../../../../../electron/core/patients/patient-row';
import { DISPLAY_ORDER, patientField } from '../../../../../electron/core/patients/personal-data/fields';
import { fieldLabel, formatFieldValue } from '../../display';
import { flattenPatient } from '../historyDiff';

/** The fields that tell two people apart, in the card's order (the descriptor's `inMergeView`). */
const FIELDS = DISPLAY_ORDER.filter((f) => patientField(f)?.inMergeView);

/** Step 2 of a merge: both records side by side; rows that differ are marked. */
export function MergeCompare({ a, b, labelA, labelB }: { a: Patient; b: Patient; labelA: string; labelB: string }) {
  const { t } = useTranslation();
  const fa = flattenPatient(a);
  const fb = flattenPatient(b);
  return (
    <table className="data-table merge-compare">
      <caption className="visually-hidden">{t('patient:merge.compareCaption')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{labelA}</th>
          <th scope="col">{labelB}</th>
        </tr>
      </thead>
      <tbody>
        {FIELDS.map((f) => {
          const differs = (fa[f] ?? null) !== (fb[f] ?? null);
          return (
            <tr key={f} className={differs ? 'row-differs' : undefined}>
              <th scope="row">
                {fieldLabel(t, f)}
                {differs ? <span className="visually-hidden"> ({t('patient:merge.differs')})</span> : null}
              </th>
              <td>{formatFieldValue(t, f, fa[f])}</td>
              <td>{formatFieldValue(t, f, fb[f])}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
