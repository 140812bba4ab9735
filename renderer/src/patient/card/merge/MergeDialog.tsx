import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../../../electron/core/api/types';
import type { Patient } from '../../../../../electron/core/patients/patient-row';
import { useApi } from '../../../api/ApiProvider';
import { encodeIssue } from '../../../forms/issues';
import { useErrorText } from '../../../forms/useErrorText';
import { useIssueText } from '../../../forms/useIssueText';
import { Dialog } from '../../../ui/Dialog';
import { FormActions } from '../../../ui/FormActions';
import { fullName } from '../../display';
import { MergeCompare } from './MergeCompare';
import { MergePick } from './MergePick';

/**
 * Merging a duplicate (managers only; the core refuses anyone else): find the other record,
 * see both side by side, choose which one stays, and give the reason, which the history and
 * the audit log keep. Nothing is deleted: the merged record stays, pointing at the kept one.
 */
export function MergeDialog({ patient, onClose, onMerged }: { patient: Patient; onClose(): void; onMerged(keptId: string): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const errorText = useErrorText();
  const issueText = useIssueText();
  const [other, setOther] = useState<Patient | null>(null);
  const [keep, setKeep] = useState<'this' | 'other'>('this');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [error, setError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);

  const pick = async (id: string) => {
    setError(null);
    const r = await api['patient.get']({ id });
    if (r.ok) setOther(r.value.patient);
    else setError(r.error);
  };

  const merge = async () => {
    if (!other) return;
    if (reason.trim() === '') {
      setReasonError('validation.required');
      document.getElementById('merge-reason')?.focus();
      return;
    }
    setBusy(true);
    const [kept, merged] = keep === 'this' ? [patient, other] : [other, patient];
    const r = await api['patient.merge']({ keepId: kept.id, mergeId: merged.id, reason: reason.trim() });
    setBusy(false);
    if (r.ok) onMerged(kept.id);
    else setError(r.error);
  };

  const issues = error?.code === 'validation' ? (error.issues ?? []) : [];
  return (
    <Dialog title={t('patient:merge.title', { name: fullName(patient) })} onClose={onClose} wide dirty={other !== null || reason !== ''}>
      {error ? (
        <div className="form-error" role="alert">
          {issues.length ? issues.map((i) => <p key={i.code}>{issueText(encodeIssue(i.code, i.params))}</p>) : errorText(error)}
        </div>
      ) : null}
      {other === null ? (
        <MergePick exceptId={patient.id} onPick={(id) => void pick(id)} />
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void merge();
          }}
        >
          <MergeCompare a={patient} b={other} labelA={t('patient:merge.thisRecord')} labelB={t('patient:merge.otherRecord')} />
          <fieldset className="merge-keep">
            <legend>{t('patient:merge.keepLegend')}</legend>
            <label className="radio">
              <input type="radio" name="merge-keep" checked={keep === 'this'} onChange={() => setKeep('this')} autoFocus />
              {t('patient:merge.keepThis')}
            </label>
            <label className="radio">
              <input type="radio" name="merge-keep" checked={keep === 'other'} onChange={() => setKeep('other')} />
              {t('patient:merge.keepOther')}
            </label>
          </fieldset>
          <div className="field">
            <label htmlFor="merge-reason">{t('patient:merge.reasonLabel')}</label>
            <input
              id="merge-reason"
              type="text"
              autoComplete="off"
              maxLength={500}
              value={reason}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={reasonError ? 'merge-reason-error' : undefined}
              onChange={(e) => {
                setReason(e.target.value);
                setReasonError(null);
              }}
            />
            {reasonError ? (
              <p id="merge-reason-error" className="field-error">
                {issueText(reasonError)}
              </p>
            ) : null}
          </div>
          <p className="lead">{t('patient:merge.explain')}</p>
          <FormActions align="end">
            <button type="button" onClick={() => setOther(null)}>
              {t('patient:merge.back')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common:action.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {t('patient:merge.confirm')}
            </button>
          </FormActions>
        </form>
      )}
    </Dialog>
  );
}
