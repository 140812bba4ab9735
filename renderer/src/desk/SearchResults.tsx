import { useTranslation } from 'react-i18next';
import type { PatientSummary } from '../../../electron/core/patients/patient-row';
import { formatDate } from '../format';
import { ageToday, formatIin, formatPhone, fullName, sexLabel } from '../patient/display';

export const optionId = (prefix: string, id: string) => `${prefix}-option-${id}`;

/**
 * The results under a search field, as the listbox of an ARIA combobox: the field keeps the
 * focus and `aria-activedescendant` says which row the arrow keys are on. A mouse press does
 * not take the focus from the field either.
 */
export function SearchResults(props: {
  id: string;
  label: string;
  results: readonly PatientSummary[];
  active: number;
  onPick(p: PatientSummary): void;
}) {
  const { t } = useTranslation();
  return (
    <ul id={props.id} role="listbox" aria-label={props.label} className="search-results">
      {props.results.map((p, i) => (
        <li
          key={p.id}
          id={optionId(props.id, p.id)}
          role="option"
          aria-selected={i === props.active}
          className={i === props.active ? 'search-result active' : 'search-result'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.onPick(p)}
        >
          <span className="result-name">{fullName(p)}</span>
          <span className="result-iin mono">{formatIin(p.iin)}</span>
          <span className="result-birth">
            {formatDate(p.birthDate)} · {t('patient:card.age', { age: ageToday(p.birthDate) })} · {sexLabel(t, p.sex)}
          </span>
          <span className="result-phone nowrap">{formatPhone(p.phone)}</span>
          {p.status !== 'active' ? <span className="badge">{t(`patient:status.${p.status}`)}</span> : null}
        </li>
      ))}
    </ul>
  );
}
