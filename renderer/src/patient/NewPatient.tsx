import { useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { ErrorBody } from '../../../electron/core/api/types';
import type { PatientInput } from '../../../electron/core/patients/schema';
import { useApi } from '../api/ApiProvider';
import { deskResolver } from '../forms/resolver';
import { applyPatientCoreError } from './coreIssues';
import { DraftNotice, ScanNotice } from './FormNotices';
import { applyPrefill, emptyForm, formFromDraft, patientFormSchema, type PatientFormState } from './formModel';
import { PatientForm } from './PatientForm';
import type { PatientPrefill } from './prefill';
import { useDraft } from './useDraft';
import { ExactDuplicate, SimilarDuplicates } from './duplicates/DuplicatePanel';
import { useDuplicateCheck } from './duplicates/useDuplicateCheck';

type DraftOffer = { state: 'restored' | 'offered'; values: PatientFormState; savedAt: string } | null;

/**
 * Registering a patient. Starts from what the desk knew (search text or a scanned document),
 * or from her unsaved draft. Duplicates are checked as she types; an exact IIN match blocks,
 * similar patients need a reason to go ahead, and that reason is recorded with the patient.
 */
export function NewPatient(props: {
  prefill: PatientPrefill | null;
  nonce: number;
  active: boolean;
  onCancel(): void;
  onCreated(id: string): void;
  onOpenExisting(id: string): void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const schema = useMemo(() => patientFormSchema(), []);
  // The values the form opened with; a later scan is merged in by the effect below instead.
  const [initial] = useState(() => (props.prefill ? applyPrefill(emptyForm(), props.prefill) : emptyForm()));
  const form = useForm<PatientFormState, unknown, PatientInput>({ resolver: deskResolver(schema), mode: 'onTouched', defaultValues: initial });
  const draft = useDraft('patient.new', '', form);
  const dup = useDuplicateCheck(form);
  const [formError, setFormError] = useState<ErrorBody | null>(null);
  const [busy, setBusy] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [existingFromCore, setExistingFromCore] = useState<string | null>(null);
  const [draftOffer, setDraftOffer] = useState<DraftOffer>(null);
  const [scanWarnings, setScanWarnings] = useState<string[] | null>(props.prefill?.scan?.warnings ?? null);
  const firstNonce = useRef(props.nonce);

  // A draft left from before: taken back at once when she starts afresh, offered when the desk
  // brought values. Once, when the form opens.
  useEffect(() => {
    void draft.load().then((d) => {
      const values = d ? formFromDraft(d.payload.form) : null;
      if (!d || !values) return;
      if (props.prefill) return setDraftOffer({ state: 'offered', values, savedAt: d.updatedAt });
      form.reset(values, { keepDefaultValues: true });
      setDraftOffer({ state: 'restored', values, savedAt: d.updatedAt });
    });
  }, []);

  // Another document scanned while the form is open: its fields go over what is there.
  useEffect(() => {
    if (props.nonce === firstNonce.current || !props.prefill) return;
    form.reset(applyPrefill(form.getValues(), props.prefill), { keepDefaultValues: true });
    setScanWarnings(props.prefill.scan?.warnings ?? null);
  }, [props.nonce]);

  // The core's word on an IIN stands until the next check answers.
  useEffect(() => setExistingFromCore(null), [dup.result]);

  const exact = dup.result?.exact ?? null;
  const existingId = exact?.id ?? existingFromCore;
  const similar = dup.result?.similar ?? [];

  const submit = form.handleSubmit(async (patient) => {
    setFormError(null);
    setBusy(true);
    try {
      const fresh = await dup.checkNow();
      if (fresh?.exact) return document.getElementById('dup-open-existing')?.focus();
      const candidates = fresh?.similar ?? [];
      if (candidates.length > 0 && reason.trim() === '') {
        setReasonError('validation.required');
        return document.getElementById('dup-reason')?.focus();
      }
      setReasonError(null);
      const override = candidates.length > 0 ? { reason: reason.trim(), candidateIds: candidates.map((c) => c.id) } : undefined;
      const r = await api['patient.create']({ patient, ...(override ? { override } : {}) });
      if (r.ok) {
        await draft.remove();
        return props.onCreated(r.value.id);
      }
      const details = r.error.details;
      if (r.error.code === 'patient.duplicateIin' && typeof details?.existingId === 'string') setExistingFromCore(details.existingId);
      if (r.error.code === 'patient.possibleDuplicates') void dup.checkNow();
      setFormError(applyPatientCoreError(r.error, form));
    } finally {
      setBusy(false);
    }
  });

  // Leaving untouched a form that only offered an older draft keeps that draft for later.
  const discard = () => (draftOffer?.state === 'offered' && !form.formState.isDirty ? props.onCancel() : void draft.remove().then(props.onCancel));

  return (
    <PatientForm
      form={form}
      title={t('patient:form.newTitle')}
      submitLabel={t('patient:form.register')}
      busy={busy}
      formError={formError}
      active={props.active}
      draftSavedAt={draft.savedAt}
      // An IIN that is already registered blocks saving whatever else is wrong: the way out comes first.
      onSubmit={() => (existingId ? document.getElementById('dup-open-existing')?.focus() : void submit())}
      onDiscard={discard}
      top={
        <>
          {scanWarnings ? <ScanNotice warnings={scanWarnings} /> : null}
          {draftOffer ? (
            <DraftNotice
              state={draftOffer.state}
              savedAt={draftOffer.savedAt}
              onRestore={() => {
                form.reset(draftOffer.values, { keepDefaultValues: true });
                setDraftOffer({ ...draftOffer, state: 'restored' });
              }}
              onStartOver={() => {
                form.reset(initial);
                setDraftOffer(null);
                void api['draft.delete']({ kind: 'patient.new', key: '' });
              }}
            />
          ) : null}
        </>
      }
      side={
        existingId ? (
          <ExactDuplicate existing={exact} onOpen={() => props.onOpenExisting(existingId)} />
        ) : similar.length > 0 ? (
          <SimilarDuplicates
            candidates={similar}
            reason={reason}
            reasonError={reasonError}
            onReason={(text) => {
              setReason(text);
              if (text.trim()) setReasonError(null);
            }}
            onOpen={props.onOpenExisting}
          />
        ) : null
      }
    />
  );
}
