import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { formatDate } from '../format';
import { StatusMessage } from '../ui/StatusMessage';
import '../styles/consent.css';
import { DpoTaskCloseDialog } from './DpoTaskCloseDialog';
import type { DpoTask } from './types';
import { useConsentErrorText } from './useConsentErrorText';

/**
 * The data-protection officer's open tasks (a manager's screen): each withdrawal opens one.
 * Retention and destruction come in a later issue; for now she records what was done.
 */
export function DpoTasksScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useConsentErrorText();
  const [rows, setRows] = useState<DpoTask[] | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [closing, setClosing] = useState<DpoTask | null>(null);
  const [closed, setClosed] = useState(false);

  const load = useCallback(async () => {
    const r = await api['dpo.tasks.list']({ status: 'open' });
    if (r.ok) {
      setRows(r.value);
      setError(null);
    } else setError(r.error);
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="screen" aria-labelledby="dpo-tasks-title">
      <div className="screen-header">
        <h1 id="dpo-tasks-title">{t('consent:tasks.title')}</h1>
        <button type="button" onClick={() => void load()}>
          {t('consent:tasks.refresh')}
        </button>
      </div>
      <StatusMessage text={closed ? t('consent:tasks.closed') : null} />
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {rows === null && !error ? <p role="status">{t('common:loading')}</p> : null}
      {rows?.length === 0 ? <p>{t('consent:tasks.empty')}</p> : null}
      {rows && rows.length > 0 ? (
        <table className="data-table">
          <caption className="visually-hidden">{t('consent:tasks.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('consent:tasks.patient')}</th>
              <th scope="col">{t('consent:tasks.iin')}</th>
              <th scope="col">{t('consent:tasks.kind')}</th>
              <th scope="col">{t('consent:tasks.consent')}</th>
              <th scope="col">{t('consent:tasks.created')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('consent:tasks.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((task) => (
              <tr key={task.id}>
                <th scope="row">{`${task.surname} ${task.givenName}`}</th>
                <td className="mono">{task.iin ?? '—'}</td>
                <td>{t(`consent:tasks.kinds.${task.kind}`, { defaultValue: task.kind })}</td>
                <td className="mono nowrap">{task.consentNumber ?? '—'}</td>
                <td className="nowrap">{formatDate(task.createdAt)}</td>
                <td>
                  <div className="row-actions">
                    <button type="button" aria-label={t('consent:tasks.markDoneFor', { name: `${task.surname} ${task.givenName}` })} onClick={() => setClosing(task)}>
                      {t('consent:tasks.markDone')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {closing ? (
        <DpoTaskCloseDialog
          task={closing}
          onClose={() => setClosing(null)}
          onDone={() => {
            setClosing(null);
            setClosed(true);
            void load();
          }}
        />
      ) : null}
    </section>
  );
}
