import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import type { Patient } from '../../../electron/core/patients/patient-row';
import type { PatientInput } from '../../../electron/core/patients/schema';
import { useApi } from '../api/ApiProvider';
import { deskResolver } from '../forms/resolver';
import { applyPatientCoreError } from './coreIssues';
import { fullName } from './display';
import { ExactDuplicate } from './duplicates/DuplicatePanel';
import { useDuplicateCheck } from './duplicates/useDuplicateCheck';
import { DraftNotice } from './FormNotices';
import { formFromDraft, fromPatient, patientFormSchema, type PatientFormState } from './formModel';
import { PatientForm } from './PatientForm';
import { useDraft } from './useDraft';

/**
 * A correction (policy 2.10: the patient may demand one). The same form, prefilled; saved
 * against the version she opened, with a reason that goes into the history. If someone else
 * saved in between, nothing is overwritten: the form reloads the current record and says so.
 */
export function EditPatient(props: { patient: Patient; active: boolean; onCancel(): void; onSaved(id: string, noticeKey: string): void; onOpenExisting(id: string): void }) {
  const { t } = useTranslation();
  const api = useApi();
  const id = props.patient.id;
  const schema = useMemo(() => patientFormSchema(), []);
  const form = useForm<PatientFormState, unknown, PatientInput>({ resolver: deskResolver(schema), mode: 'onTouched', defaultValues: fromPatient(props.patient) });
  const [version, setVersion] = useState(props.patient.version);
  const draft = useDraft('patient.edit', id, form, { version });
  const dup = useDuplicateCheck(form, id);
  const [reason, setReason] = useState(() => t('patient:edit.reasonDefault'));
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);

  // A draft of this very correction (same record version) comes back; one of an older version
  // would undo someone else's change, so it is dropped.
  useEffect(() => {
    void draft.load().then((d) => {
      if (!d) return;
      const values = formFromDraft(d.payload.form);
      if (values && d.payload.version === props.patient.version) {
        form.reset(values, { keepDefaultValues: true });
        setRestoredAt(d.updatedAt);
      } else {
        void api['draft.delete']({ kind: 'patient.edit', key: id });
      }
    });
  }, []);

  const reload = async () => {
    const r = await api['patient.get']({ id });
    if (!r.ok) return setFormError(r.error);
    form.reset(fromPatient(r.value.patient));
    setVersion(r.value.patient.version);
  };

  const submit = form.handleSubmit(async (patient) => {
    setFormError(null);
    setConflict(false);
    setBusy(true);
    try {
      const fresh = await dup.checkNow();
      if (fresh?.exact) return document.getElementById('dup-open-existing')?.focus();
      const r = await api['patient.update']({ id, expectedVersion: version, patient, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      if (r.ok) {
        await draft.remove();
        return props.onSaved(id, r.value.version === version ? 'patient:edit.unchanged' : 'patient:edit.saved');
      }
      if (r.error.code === 'patient.versionConflict') {
        setConflict(true);
        return void (await reload());
      }
      setFormError(applyPatientCoreError(r.error, form));
    } finally {
      setBusy(false);
    }
  });

  const exact = dup.result?.exact ?? null;

  return (
    <PatientForm
      form={form}
      title={t('patient:edit.title', { name: fullName(props.patient) })}
      submitLabel={t('patient:edit.save')}
      busy={busy}
      formError={formError}
      active={props.active}
      draftSavedAt={draft.savedAt}
      onSubmit={() => void submit()}
      onDiscard={() => void draft.remove().then(props.onCancel)}
      top={
        <>
          {conflict ? (
            <p className="form-error" role="alert">
              {t('patient:edit.conflict')}
            </p>
          ) : null}
          {restoredAt ? (
            <DraftNotice
              state="restored"
              savedAt={restoredAt}
              onRestore={() => undefined}
              onStartOver={() => {
                form.reset(fromPatient(props.patient));
                setRestoredAt(null);
                void api['draft.delete']({ kind: 'patient.edit', key: id });
              }}
            />
          ) : null}
        </>
      }
      side={exact ? <ExactDuplicate existing={exact} onOpen={() => props.onOpenExisting(exact.id)} /> : null}
      bottom={
        <>
          <div className="field edit-reason">
            <label htmlFor="edit-reason">{t('patient:edit.reasonLabel')}</label>
            <input id="edit-reason" type="text" autoComplete="off" maxLength={500} value={reason} aria-describedby="edit-reason-hint" onChange={(e) => setReason(e.target.value)} />
            <p id="edit-reason-hint" className="field-hint">
              {t('patient:edit.reasonHint')}
            </p>
          </div>
        </>
      }
    />
  );
}
