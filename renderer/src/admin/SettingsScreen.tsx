import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { useErrorText } from '../forms/useErrorText';
import { PrintSettings } from '../printing/PrintSettings';
import { SettingsForm, type SettingsValues } from './SettingsForm';

/**
 * Loads the settings first and only then shows the form, so nothing typed can be overwritten
 * by values arriving late.
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [initial, setInitial] = useState<SettingsValues | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const r = await api['settings.get']({});
      if (cancelled) return;
      if (r.ok) setInitial({ branch: r.value.branch, operator: r.value.operator, desk: { idleLockMinutes: r.value.desk.idleLockMinutes } });
      else setError(r.error);
    })();
    return () => {
      cancelled = true;
    };
  }, [api]);

  return (
    <section className="screen" aria-labelledby="settings-title">
      <div className="screen-header">
        <h1 id="settings-title">{t('admin:settings.title')}</h1>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      ) : null}
      {initial ? <SettingsForm initial={initial} /> : !error ? <p role="status">{t('common:loading')}</p> : null}
      <PrintSettings />
    </section>
  );
}
