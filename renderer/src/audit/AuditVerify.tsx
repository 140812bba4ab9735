import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { useErrorText } from '../forms/useErrorText';
import type { Verdict } from './auditTypes';

/** Re-checks the whole hash chain in the core and says whether anything was altered or cut. */
export function AuditVerify() {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  const verify = async () => {
    setBusy(true);
    setError(null);
    const r = await api['audit.verify']({});
    setBusy(false);
    if (r.ok) setVerdict(r.value);
    else setError(r.error);
  };

  return (
    <div className="audit-verify">
      <button type="button" onClick={() => void verify()} disabled={busy}>
        {t('audit:verify.button')}
      </button>
      <div role="status" className="verify-result">
        {error ? <p className="form-error">{errorText(error)}</p> : null}
        {verdict ? (
          <div className={verdict.valid ? 'verdict verdict-ok' : 'verdict verdict-bad'}>
            <p>
              <strong>{verdict.valid ? t('audit:verify.valid') : t('audit:verify.invalid')}</strong>{' '}
              {t('audit:verify.entries', { count: verdict.entries })}
            </p>
            {verdict.problems.length > 0 ? (
              <ul>
                {verdict.problems.map((p, i) => (
                  <li key={i}>{t(`audit:problem.${p.kind}`, p)}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
