import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody, FieldIssue, MethodOutput } from '../../../electron/core/api/types';
import { useApi } from '../api/ApiProvider';
import { FormActions } from '../ui/FormActions';
import { StatusMessage } from '../ui/StatusMessage';
import { KEEP, SecretField, secretInput, type SecretEdit } from './SecretField';
import { useSyncStatus } from './SyncStatusProvider';
import { formatMinute } from './time';
import { useSyncErrorText } from './useSyncErrorText';

type SettingsView = MethodOutput<'sync.settings.get'>;
type AuthKind = 'bearer' | 'client-certificate';
type Secret = 'token' | 'clientCertPem' | 'clientKeyPem' | 'caPem';
const FIELDS = ['baseUrl', 'authKind', 'token', 'clientCertPem', 'clientKeyPem', 'caPem'] as const;
const NO_EDITS: Record<Secret, SecretEdit> = { token: KEEP, clientCertPem: KEEP, clientKeyPem: KEEP, caPem: KEEP };

/**
 * The admin's connection to the central system: its FHIR base URL, how the branch signs in
 * (a bearer token, or a client certificate and key), and a CA certificate for a private PKI.
 * Secrets are write-only (see SecretField). The core checks everything again and its issues
 * land under the fields they name.
 */
export function SyncSettings() {
  const { t } = useTranslation();
  const api = useApi();
  const { refresh } = useSyncStatus();
  const errorText = useSyncErrorText();
  const [view, setView] = useState<SettingsView | null>(null);
  const [baseUrl, setBaseUrl] = useState('');
  const [authKind, setAuthKind] = useState<AuthKind>('bearer');
  const [edits, setEdits] = useState(NO_EDITS);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  const show = (v: SettingsView) => {
    setView(v);
    setBaseUrl(v.baseUrl ?? '');
    // 'none' is for a server on this machine without sign-in; the form offers the two real ways.
    setAuthKind(v.authKind === 'client-certificate' ? 'client-certificate' : 'bearer');
    setEdits(NO_EDITS);
  };

  useEffect(() => {
    let cancelled = false;
    void api['sync.settings.get']({}).then((r) => {
      if (cancelled) return;
      if (r.ok) show(r.value);
      else setFormError(r.error);
    });
    return () => {
      cancelled = true;
    };
  }, [api]);

  const edit = (name: Secret) => (e: SecretEdit) => {
    setSaved(false);
    setEdits((prev) => ({ ...prev, [name]: e }));
  };
  const issueFor = (name: string) => issues.find((i) => i.path === name) ?? null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setSaved(false);
    setFormError(null);
    setIssues([]);
    const url = baseUrl.trim();
    const r = await api['sync.settings.set']({
      baseUrl: url === '' ? null : url,
      authKind,
      token: secretInput(edits.token),
      clientCertPem: secretInput(edits.clientCertPem),
      clientKeyPem: secretInput(edits.clientKeyPem),
      caPem: secretInput(edits.caPem),
    });
    setBusy(false);
    if (!r.ok) {
      const own = r.error.issues?.filter((i) => (FIELDS as readonly string[]).includes(i.path)) ?? [];
      setIssues(own);
      // The summary names what has no field here; with none left it says "correct the fields".
      const rest = r.error.issues?.filter((i) => !own.includes(i)) ?? [];
      setFormError({ code: r.error.code, ...(rest.length ? { issues: rest } : {}), ...(r.error.details ? { details: r.error.details } : {}) });
      if (own[0]) document.getElementById(`sync-${own[0].path}`)?.focus();
      return;
    }
    show(r.value);
    setSaved(true);
    await refresh();
  };

  if (!view) {
    return (
      <section className="sync-panel" aria-labelledby="sync-settings-title">
        <h2 id="sync-settings-title">{t('sync:settings.heading')}</h2>
        {formError ? (
          <p className="form-error" role="alert">
            {errorText.error(formError)}
          </p>
        ) : (
          <p role="status">{t('common:loading')}</p>
        )}
      </section>
    );
  }

  const urlIssue = issueFor('baseUrl');
  return (
    <section className="sync-panel sync-settings" aria-labelledby="sync-settings-title">
      <h2 id="sync-settings-title">{t('sync:settings.heading')}</h2>
      <p className="sync-panel-lead">{t('sync:settings.lead')}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {formError ? (
          <div className="error-summary" role="alert">
            <p className="error-summary-title">{errorText.error(formError)}</p>
          </div>
        ) : null}
        <div className="field">
          <div className="field-label">
            <label htmlFor="sync-baseUrl">{t('sync:settings.baseUrl')}</label>
          </div>
          <input
            id="sync-baseUrl"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            value={baseUrl}
            onChange={(e) => {
              setSaved(false);
              setBaseUrl(e.target.value);
            }}
            aria-invalid={urlIssue ? true : undefined}
            aria-describedby={['sync-baseUrl-hint', 'sync-residency', urlIssue ? 'sync-baseUrl-error' : null].filter(Boolean).join(' ')}
          />
          <p id="sync-baseUrl-hint" className="field-hint">
            {t('sync:settings.baseUrlHint')}
          </p>
          {urlIssue ? (
            <p id="sync-baseUrl-error" className="field-error">
              {errorText.issue(urlIssue)}
            </p>
          ) : null}
          <p id="sync-residency" className="sync-residency">
            {t('sync:settings.residency')}
          </p>
        </div>
        <fieldset className="sync-auth">
          <legend>{t('sync:settings.authLegend')}</legend>
          {(['bearer', 'client-certificate'] as const).map((kind) => (
            <label key={kind} className="sync-radio">
              <input type="radio" name="sync-authKind" value={kind} checked={authKind === kind} onChange={() => setAuthKind(kind)} />
              {kind === 'bearer' ? t('sync:settings.auth.bearer') : t('sync:settings.auth.clientCertificate')}
            </label>
          ))}
          {authKind === 'bearer' ? (
            <SecretField id="sync-token" label={t('sync:settings.token')} hint={t('sync:settings.tokenHint')} isSet={view.tokenSet} edit={edits.token} onChange={edit('token')} issue={issueFor('token')} />
          ) : (
            <>
              <SecretField id="sync-clientCertPem" label={t('sync:settings.clientCert')} multiline isSet={view.clientCertSet} edit={edits.clientCertPem} onChange={edit('clientCertPem')} issue={issueFor('clientCertPem')} />
              <SecretField id="sync-clientKeyPem" label={t('sync:settings.clientKey')} multiline isSet={view.clientKeySet} edit={edits.clientKeyPem} onChange={edit('clientKeyPem')} issue={issueFor('clientKeyPem')} />
            </>
          )}
          <SecretField
            id="sync-caPem"
            label={t('sync:settings.ca')}
            hint={view.caSubject ? `${t('sync:settings.caSubject', { subject: view.caSubject })}. ${t('sync:settings.caHint')}` : t('sync:settings.caHint')}
            multiline
            isSet={view.caSet}
            edit={edits.caPem}
            onChange={edit('caPem')}
            issue={issueFor('caPem')}
          />
        </fieldset>
        <p className="field-hint">{t('sync:settings.secretsNote')}</p>
        <FormActions align="end">
          <StatusMessage text={saved ? t('sync:settings.saved') : null} />
          {view.updatedAt ? <span className="field-hint">{t('sync:settings.updatedAt', { at: formatMinute(view.updatedAt) })}</span> : null}
          <button type="submit" className="primary" disabled={busy}>
            {t('common:action.save')}
          </button>
        </FormActions>
      </form>
    </section>
  );
}
