import { useTranslation } from 'react-i18next';
import type { HistoryEntry } from '../../../../electron/core/patients/patient-reader';
import type { Patient } from '../../../../electron/core/patients/patient-row';
import { formatDateTimeMinutes } from '../dates';
import { fieldLabel, formatFieldValue } from '../display';
import { historyItems } from './historyDiff';

/** Every version of the record: who, when, what kind of change, why, and each field's before → after. */
export function HistoryTimeline({ history, patient }: { history: readonly HistoryEntry[]; patient: Patient }) {
  const { t } = useTranslation();
  const items = historyItems(history, patient);
  return (
    <section className="card-section history" aria-labelledby="card-history-title">
      <h2 id="card-history-title">{t('patient:history.title')}</h2>
      {items.length === 0 ? <p className="lead">{t('patient:history.empty')}</p> : null}
      <ol className="history-list">
        {items.map(({ entry, changes }) => (
          <li key={entry.version} className="history-item">
            <p className="history-head">
              <strong>{t(`patient:history.kind.${entry.kind}`)}</strong>
              <span>{formatDateTimeMinutes(entry.changedAt)}</span>
              <span>{entry.changedByName ?? t('patient:history.system')}</span>
            </p>
            {entry.reason ? (
              <p className="history-reason">
                {t('patient:history.reason')}: {entry.reason}
              </p>
            ) : null}
            {changes.length > 0 ? (
              <table className="history-changes">
                <caption className="visually-hidden">{t('patient:history.changesCaption', { version: entry.version })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('patient:history.field')}</th>
                    <th scope="col">{t('patient:history.before')}</th>
                    <th scope="col">{t('patient:history.after')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.field}>
                      <th scope="row">{fieldLabel(t, c.field)}</th>
                      <td className="history-before">{formatFieldValue(t, c.field, c.before)}</td>
                      <td>
                        <span aria-hidden="true">→ </span>
                        {formatFieldValue(t, c.field, c.after)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
