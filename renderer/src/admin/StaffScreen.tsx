import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { useErrorText } from '../forms/useErrorText';
import { StatusMessage } from '../ui/StatusMessage';
import { ResetPasswordDialog } from './ResetPasswordDialog';
import { StaffCreateDialog } from './StaffCreateDialog';
import { StaffEditDialog } from './StaffEditDialog';
import { StaffTable } from './StaffTable';
import type { StaffItem } from './staffTypes';

/** One dialog at a time, by construction: a single piece of state says which one is open. */
type OpenDialog = { kind: 'create' } | { kind: 'edit'; staff: StaffItem } | { kind: 'reset'; staff: StaffItem } | null;

export function StaffScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [rows, setRows] = useState<StaffItem[] | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  // A key and its values, not a sentence: the message follows a language switch.
  const [message, setMessage] = useState<{ key: string; login: string } | null>(null);

  const load = useCallback(async () => {
    const r = await api['staff.list']({});
    if (r.ok) {
      setRows(r.value);
      setLoadError(null);
    } else {
      setLoadError(r.error);
    }
  }, [api]);

  useEffect(() => {
    void load();
  }, [load]);

  const finish = (key: string, login: string) => {
    setDialog(null);
    setMessage({ key, login });
    void load();
  };

  return (
    <section className="screen" aria-labelledby="staff-title">
      <div className="screen-header">
        <h1 id="staff-title">{t('admin:staff.title')}</h1>
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'create' })}>
          {t('admin:staff.add')}
        </button>
      </div>
      <StatusMessage text={message ? t(message.key, { login: message.login }) : null} />
      {loadError ? (
        <p className="form-error" role="alert">
          {errorText(loadError)}
        </p>
      ) : null}
      {rows ? (
        <StaffTable rows={rows} onEdit={(staff) => setDialog({ kind: 'edit', staff })} onReset={(staff) => setDialog({ kind: 'reset', staff })} />
      ) : (
        <p role="status">{t('common:loading')}</p>
      )}
      {dialog?.kind === 'create' ? (
        <StaffCreateDialog onClose={() => setDialog(null)} onCreated={(s) => finish('admin:staff.created', s.login)} />
      ) : null}
      {dialog?.kind === 'edit' ? (
        <StaffEditDialog staff={dialog.staff} onClose={() => setDialog(null)} onSaved={() => finish('admin:staff.saved', dialog.staff.login)} />
      ) : null}
      {dialog?.kind === 'reset' ? (
        <ResetPasswordDialog staff={dialog.staff} onClose={() => setDialog(null)} onDone={() => finish('admin:staff.resetDone', dialog.staff.login)} />
      ) : null}
    </section>
  );
}
